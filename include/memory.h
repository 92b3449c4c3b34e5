#ifndef IOTRACE_MEMORY_H
#define IOTRACE_MEMORY_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* One range of tracee memory to copy into @dst. */
struct umem_req {
	uint64_t addr;
	size_t len;
	void *dst;
	size_t got;		/* out: bytes of the readable prefix */
	uint64_t fault;		/* out: first unreadable address, when got < len */
};

/*
 * Reads every range of @req from @pid with as few process_vm_readv calls as
 * possible.  Remote elements are split at page boundaries, so a hole costs
 * only the bytes of its own page: each range reports its readable prefix,
 * and ranges after a hole are still read.  Falls back to PTRACE_PEEKDATA
 * when process_vm_readv is refused (EPERM, ENOSYS).  Returns the number of
 * process_vm_readv calls made (for tests and benchmarks).
 */
unsigned umem_read(pid_t pid, struct umem_req *req, size_t n);

/*
 * What fd @fd of thread @tid refers to now ("/tmp/x", "pipe:[123]"), as a
 * NUL-terminated string in @buf; returns its length, or -1 (closed fd).
 */
ssize_t umem_fd_path(pid_t tid, int fd, char *buf, size_t size);

/* The process (thread group) of thread @tid; @tid itself if unknown. */
pid_t umem_tgid(pid_t tid);

#endif
