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
 * Writes @len bytes from @src at @addr of thread @pid: 0, or -1.  Only
 * -e inject= writes.  With @force, through /proc/PID/mem when
 * process_vm_writev is refused, as a debugger writes a breakpoint into
 * a read-only page (the program's own iovec, cut and put back); without,
 * a page the program could not write is not written.
 */
int umem_write(pid_t pid, uint64_t addr, const void *src, size_t len, int force);

/*
 * Whether [@low, @sp) below thread @tid's stack pointer @sp is unused
 * stack: within the mapping @sp is in, and that mapping the main
 * thread's [stack] or an anonymous one with a guard page right below
 * (a thread's stack).  A coroutine's stack carved from the heap, or a
 * signal stack, has other data below it: no.
 */
int umem_stack_room(pid_t tid, uint64_t low, uint64_t sp);

/*
 * The type (S_IFMT bits), device and inode of what fd @fd of thread @tid
 * refers to, from the kernel's cached attributes only (AT_STATX_DONT_SYNC):
 * a FUSE file served by a stopped tracee must not block iotrace.  0 or -1.
 */
int umem_fd_stat(pid_t tid, int fd, unsigned *mode, dev_t *dev, uint64_t *ino);

/*
 * -yy: whether fd @fd of thread @tid is a device, 'c' (character) or 'b'
 * (block) with its numbers, else 0; from cached attributes, as above.
 */
char umem_fd_device(pid_t tid, int fd, unsigned *major, unsigned *minor);

/*
 * What fd @fd of thread @tid refers to now ("/tmp/x", "pipe:[123]"), as a
 * NUL-terminated string in @buf; returns its length, or -1 (closed fd).
 * AT_FDCWD gives the current directory.
 */
ssize_t umem_fd_path(pid_t tid, int fd, char *buf, size_t size);

/* What /proc/TID/fdinfo/FD says of an open fd. */
struct fd_info {
	uint64_t pos;		/* the file position */
	unsigned flags;		/* O_* open flags */
	int mnt_id;		/* the mount it lives on (0: not said) */
	uint64_t ino;
	pid_t pid;		/* a pidfd's process (Pid:), 0 for other fds */
};

/* Reads fd @fd of thread @tid's fdinfo; 0, or -1 when the fd is not open. */
int umem_fd_info(pid_t tid, int fd, struct fd_info *fi);

/* Whether fd @fd of thread @tid is open for writing. */
int umem_fd_writable(pid_t tid, int fd);

/*
 * The file system type ("ext4", "fuse", "nfs4") of mount @mnt_id as
 * thread @tid sees it, from its mountinfo: touches nothing on that file
 * system, so it cannot block on one a stopped tracee serves.  0 or -1.
 */
int umem_mount_fstype(pid_t tid, int mnt_id, char *type, size_t size);

/*
 * A duplicate of thread @tid's fd @fd in iotrace (pidfd_getfd): the same
 * open file, so reading it through pread moves nothing and, unlike a new
 * open, breaks no lease the program holds.  Returns the fd, or -1.
 */
int umem_fd_dup(pid_t tid, int fd);

/* Whether a lease is held on the file @dev, @ino (/proc/locks). */
int umem_file_leased(dev_t dev, ino_t ino);

/*
 * Opens the regular file that fd @fd of thread @tid refers to, read-only,
 * through /proc/TID/fd/FD: a new open file description, so reading it
 * never moves the tracee's file offset.  Returns the new fd and sets
 * @size; returns -1 with errno 0 when it is not a regular file (opening
 * a pipe or a device could disturb it), or with errno set on failure.
 */
int umem_file_open(pid_t tid, int fd, uint64_t *size);

/* Reads up to @len bytes at @off of @fd; returns the count, or -1. */
ssize_t umem_file_pread(int fd, void *buf, size_t len, uint64_t off);

/* The number after "@key:" in /proc/TID/status into @val; 0, or -1. */
int umem_status(pid_t tid, const char *key, long *val);

/*
 * Whether thread @tid was killed by its own seccomp filter: the kernel
 * marks its seccomp mode dead (3) and lets it stop at the skipped call's
 * exit before the SIGSYS that ends it.
 */
int umem_killed_by_seccomp(pid_t tid);

/* The process (thread group) of thread @tid; @tid itself if unknown. */
pid_t umem_tgid(pid_t tid);

/*
 * Calls @fn for each mapping of a file in process @tgid's address space
 * (/proc/TGID/maps lines with an inode, but shared anonymous memory and
 * SysV segments), in address order; returns -1 if the maps cannot be
 * read.
 */
int umem_file_maps(pid_t tgid, void (*fn)(uint64_t start, uint64_t end, void *ctx), void *ctx);

/* An executable mapping, as /proc/TGID/maps shows it. */
struct umem_code_map {
	uint64_t start, end, off;
	unsigned dev_major, dev_minor;
	uint64_t ino;		/* 0 for anonymous code */
	const char *path;	/* "" for none; valid during the call only */
};

/*
 * Calls @fn for each executable mapping of process @tgid, in address
 * order (what a stack unwinder needs); returns -1 if the maps cannot be
 * read.
 */
int umem_code_maps(pid_t tgid, void (*fn)(const struct umem_code_map *m, void *ctx), void *ctx);

/*
 * Calls @fn for each mapping in @tgid of the io_uring instance whose
 * anon inode is @ino ("anon_inode:[io_uring]"), with its mmap offset:
 * IORING_OFF_SQ_RING, IORING_OFF_CQ_RING, IORING_OFF_SQES.  -1 when
 * /proc cannot be read.
 */
int umem_ring_maps(pid_t tgid, uint64_t ino,
		   void (*fn)(uint64_t start, uint64_t end, uint64_t off, void *ctx), void *ctx);

/*
 * What /proc/TGID/fdinfo/FD says of an io_uring instance: enough to
 * follow a ring iotrace did not see set up (an attached process's, a
 * forked child's).  The kernel lists the entries pending on the rings;
 * what they show of the setup flags is kept.
 */
struct umem_uring {
	uint64_t ino;			/* the ring's anon inode, as /proc/TGID/maps names it */
	uint32_t sq_mask, cq_mask;
	uint32_t sq_head, sq_tail;	/* the SQ ring's, as the kernel reads them */
	uint32_t cq_head, cq_tail;
	int sq_thread;			/* SQPOLL's kernel thread, or -1 */
	unsigned sqes_pending;		/* "SQEs: N" */
	unsigned sqes_listed;		/* ...of which listed (none with IORING_SETUP_NO_SQARRAY) */
	unsigned cqes_listed;
	unsigned char sqe128;		/* a listed SQE carries SQE128's second half */
	unsigned char cqe32;		/* a listed CQE carries CQE32's extra words */
};

/* Reads fd @fd of @tgid as an io_uring instance; 0, or -1 when it is none (or closed). */
int umem_uring_info(pid_t tgid, int fd, struct umem_uring *u);

/* Calls @fn for each fd process @tgid has open; -1 when /proc cannot be read. */
int umem_each_fd(pid_t tgid, void (*fn)(int fd, void *ctx), void *ctx);

/* The inode of fd @fd of process @tgid (stat of /proc/TGID/fd/FD), 0 if none. */
uint64_t umem_fd_ino(pid_t tgid, int fd);

/* The command name of thread @tid (/proc/TID/comm), NUL-terminated in @buf; -1 if none. */
int umem_comm(pid_t tid, char *buf, size_t size);

#endif
