#include "config.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/pidfd.h>
#include <sys/sysmacros.h>
#include <stdlib.h>
#include <limits.h>
#include <string.h>
#include <sys/ptrace.h>
#include <stdio.h>
#include <sys/uio.h>
#include <unistd.h>
#include "memory/umem.h"
#include "util/util.h"

#ifndef IOV_MAX
#define IOV_MAX 1024
#endif

#define PAGE 4096u
/* Segments of one process_vm_readv call: the kernel's limit. */
#define SEGS IOV_MAX

/* One page-bounded piece of a request. */
struct seg {
	size_t req;
	uint64_t addr;
	size_t len;
	size_t off;	/* into the request's dst */
};

/* Marks request @r unreadable from @addr on; the prefix before stays. */
static void mark_fault(struct umem_req *r, uint64_t addr)
{
	r->fault = addr;
}

/*
 * Splits requests [*ri, n) into page-bounded segments, starting at byte
 * *roff of request *ri, until @segs is full.  Returns the segment count.
 */
static size_t split(struct umem_req *req, size_t n, size_t *ri, size_t *roff,
		    struct seg *segs, size_t max)
{
	size_t k = 0;

	while (*ri < n && k < max) {
		struct umem_req *r = &req[*ri];
		uint64_t addr = r->addr + *roff;
		size_t left = r->len - *roff;
		size_t room = PAGE - (size_t)(addr & (PAGE - 1));
		size_t len = MIN(left, room);

		if (!left || addr < r->addr) {	/* done, or wrapped around */
			if (left)
				mark_fault(r, addr);
			(*ri)++;
			*roff = 0;
			continue;
		}
		segs[k].req = *ri;
		segs[k].addr = addr;
		segs[k].len = len;
		segs[k].off = *roff;
		k++;
		*roff += len;
		if (*roff == r->len) {
			(*ri)++;
			*roff = 0;
		}
	}
	return k;
}

/* Copies one request word by word through PTRACE_PEEKDATA. */
static void peek_one(pid_t pid, struct umem_req *r)
{
	unsigned char *dst = r->dst;

	while (r->got < r->len) {
		uint64_t addr = r->addr + r->got;
		uint64_t aligned = addr & ~(uint64_t)(sizeof(long) - 1);
		size_t skip = (size_t)(addr - aligned);
		size_t n = MIN(sizeof(long) - skip, r->len - r->got);
		long word;

		errno = 0;
		word = ptrace(PTRACE_PEEKDATA, pid, (void *)(uintptr_t)aligned, NULL);
		if (errno) {
			mark_fault(r, addr);
			return;
		}
		memcpy(dst + r->got, (unsigned char *)&word + skip, n);
		r->got += n;
	}
}

/* Set once the kernel says it has no process_vm_readv: never ask again. */
static int no_cma;

unsigned umem_read(pid_t pid, struct umem_req *req, size_t n)
{
	/* Static: 64 KiB is too much for the stack, and the tracer has one thread. */
	static struct seg segs[SEGS];
	static struct iovec local[SEGS], remote[SEGS];
	size_t ri = 0, roff = 0, i;
	unsigned calls = 0;

	for (i = 0; i < n; i++) {
		req[i].got = 0;
		req[i].fault = 0;
	}
	if (no_cma) {
		for (i = 0; i < n; i++)
			peek_one(pid, &req[i]);
		return 0;
	}
	while (ri < n) {
		size_t k = split(req, n, &ri, &roff, segs, MIN((size_t)SEGS, (size_t)IOV_MAX));
		size_t done = 0;
		ssize_t r;

		if (!k)
			break;
		for (i = 0; i < k; i++) {
			local[i].iov_base = (unsigned char *)req[segs[i].req].dst + segs[i].off;
			local[i].iov_len = segs[i].len;
			remote[i].iov_base = (void *)(uintptr_t)segs[i].addr;
			remote[i].iov_len = segs[i].len;
		}
		r = process_vm_readv(pid, local, k, remote, k, 0);
		calls++;
		if (r < 0 && (errno == EPERM || errno == ENOSYS)) {
			no_cma = errno == ENOSYS;
			for (i = 0; i < n; i++)
				if (!req[i].fault && req[i].got < req[i].len)
					peek_one(pid, &req[i]);
			return calls;
		}
		if (r < 0 && errno != EFAULT) {
			/* The tracee is gone (ESRCH) or worse: nothing more is readable. */
			for (i = 0; i < n; i++)
				if (!req[i].fault && req[i].got < req[i].len)
					mark_fault(&req[i], req[i].addr + req[i].got);
			return calls;
		}
		if (r < 0)
			r = 0;
		/* Segments never span a page, so the transfer stops at a segment edge. */
		for (i = 0; i < k; i++) {
			struct umem_req *q = &req[segs[i].req];

			if (done + segs[i].len > (size_t)r)
				break;
			done += segs[i].len;
			if (!q->fault && q->got == segs[i].off)
				q->got += segs[i].len;
		}
		if (i == k)
			continue;
		/* Segment i hit a hole: its request keeps the prefix; go on after it. */
		mark_fault(&req[segs[i].req], segs[i].addr);
		ri = segs[i].req + 1;
		roff = 0;
	}
	return calls;
}

ssize_t umem_fd_path(pid_t tid, int fd, char *buf, size_t size)
{
	char link[64];
	ssize_t n;

	if ((fd < 0 && fd != AT_FDCWD) || size < 2)
		return -1;
	if (fd == AT_FDCWD)
		snprintf(link, sizeof(link), "/proc/%d/cwd", (int)tid);
	else
		snprintf(link, sizeof(link), "/proc/%d/fd/%d", (int)tid, fd);
	n = readlink(link, buf, size - 1);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	return n;
}

int umem_write(pid_t pid, uint64_t addr, const void *src, size_t len, int force)
{
	struct iovec local = { (void *)(uintptr_t)src, len };	/* only read from */
	struct iovec remote = { (void *)(uintptr_t)addr, len };
	char path[64];
	ssize_t r;
	int fd;

	if (process_vm_writev(pid, &local, 1, &remote, 1, 0) == (ssize_t)len)
		return 0;
	if (!force)
		return -1;
	snprintf(path, sizeof(path), "/proc/%d/mem", (int)pid);
	fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	r = pwrite(fd, src, len, (off_t)addr);
	close(fd);
	return r == (ssize_t)len ? 0 : -1;
}

int umem_fd_stat(pid_t tid, int fd, unsigned *mode, dev_t *dev, uint64_t *ino)
{
	struct statx st;
	char path[64];

	if (fd < 0)
		return -1;
	snprintf(path, sizeof(path), "/proc/%d/fd/%d", (int)tid, fd);
	if (statx(AT_FDCWD, path, AT_STATX_DONT_SYNC, STATX_TYPE | STATX_INO, &st))
		return -1;
	*mode = st.stx_mode & S_IFMT;
	*dev = makedev(st.stx_dev_major, st.stx_dev_minor);
	*ino = st.stx_ino;
	return 0;
}

char umem_fd_device(pid_t tid, int fd, unsigned *major, unsigned *minor)
{
	struct statx st;
	char path[64];

	snprintf(path, sizeof(path), "/proc/%d/fd/%d", (int)tid, fd);
	if (fd < 0 || statx(AT_FDCWD, path, AT_STATX_DONT_SYNC, STATX_TYPE, &st))
		return 0;
	*major = st.stx_rdev_major;
	*minor = st.stx_rdev_minor;
	return S_ISCHR(st.stx_mode) ? 'c' : S_ISBLK(st.stx_mode) ? 'b' : 0;
}

int umem_fd_info(pid_t tid, int fd, struct fd_info *fi)
{
	char path[64], line[256];
	unsigned long long v;
	unsigned fl;
	int have = 0;
	FILE *f;

	if (fd < 0)
		return -1;
	snprintf(path, sizeof(path), "/proc/%d/fdinfo/%d", (int)tid, fd);
	f = fopen(path, "re");
	if (!f)
		return -1;
	memset(fi, 0, sizeof(*fi));
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "pos: %llu", &v) == 1) {
			fi->pos = v;
			have |= 1;
		} else if (sscanf(line, "flags: %o", &fl) == 1) {
			fi->flags = fl;
			have |= 2;
		} else if (sscanf(line, "mnt_id: %llu", &v) == 1) {
			fi->mnt_id = (int)v;
		} else if (sscanf(line, "ino: %llu", &v) == 1) {
			fi->ino = v;
		} else if (sscanf(line, "Pid: %llu", &v) == 1) {
			fi->pid = (pid_t)v;
		}
	}
	fclose(f);
	return have == 3 ? 0 : -1;
}

int umem_fd_writable(pid_t tid, int fd)
{
	struct fd_info fi;

	if (umem_fd_info(tid, fd, &fi))
		return 0;
	return (fi.flags & O_ACCMODE) == O_WRONLY || (fi.flags & O_ACCMODE) == O_RDWR;
}

int umem_mount_fstype(pid_t tid, int mnt_id, char *type, size_t size)
{
	char path[64], *line = NULL, *sep;
	size_t cap = 0;
	int found = -1;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/mountinfo", (int)tid);
	f = fopen(path, "re");
	if (!f)
		return -1;
	/* "36 35 98:0 /root /mnt rw,noatime master:1 - ext3 /dev/root rw" */
	while (found < 0 && getline(&line, &cap, f) > 0) {
		if (atoi(line) != mnt_id || !(sep = strstr(line, " - ")))
			continue;
		sep += 3;
		snprintf(type, size, "%.*s", (int)strcspn(sep, " \n"), sep);
		found = 0;
	}
	free(line);
	fclose(f);
	return found;
}

int umem_fd_dup(pid_t tid, int fd)
{
	int pidfd = pidfd_open(tid, 0), dup;

	/* pidfd_open wants a process, not one of its threads */
	if (pidfd < 0 && errno == EINVAL)
		pidfd = pidfd_open(umem_tgid(tid), 0);
	if (pidfd < 0)
		return -1;
	dup = pidfd_getfd(pidfd, fd, 0);
	close(pidfd);
	return dup;
}

int umem_file_leased(dev_t dev, ino_t ino)
{
	char line[256];
	unsigned maj, min;
	unsigned long long i;
	int leased = 0;
	FILE *f = fopen("/proc/locks", "re");

	if (!f)
		return 0;
	/* "1: LEASE  ACTIVE    WRITE 1234 08:01:5678 0 EOF" */
	while (!leased && fgets(line, sizeof(line), f)) {
		char *p = strstr(line, " LEASE ");
		unsigned n = 0;

		if (!p)
			continue;
		for (p = line; *p && n < 5; p++)	/* the 6th field: maj:min:inode */
			if (*p == ' ' && p[1] != ' ')
				n++;
		leased = n == 5 && sscanf(p, "%x:%x:%llu", &maj, &min, &i) == 3 &&
			 maj == major(dev) && min == minor(dev) && i == (unsigned long long)ino;
	}
	fclose(f);
	return leased;
}

int umem_file_open(pid_t tid, int fd, uint64_t *size)
{
	char path[64];
	struct stat st;
	int f;

	snprintf(path, sizeof(path), "/proc/%d/fd/%d", (int)tid, fd);
	/* Checked before opening: opening a FIFO would make us one of its readers. */
	if (stat(path, &st))
		return -1;
	if (!S_ISREG(st.st_mode)) {
		errno = 0;
		return -1;
	}
	f = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (f < 0)
		return -1;
	if (fstat(f, &st) || !S_ISREG(st.st_mode)) {	/* replaced meanwhile */
		close(f);
		errno = 0;
		return -1;
	}
	*size = (uint64_t)st.st_size;
	return f;
}

ssize_t umem_file_pread(int fd, void *buf, size_t len, uint64_t off)
{
	size_t got = 0;

	while (got < len) {
		ssize_t n = pread(fd, (char *)buf + got, len - got, (off_t)(off + got));

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return got ? (ssize_t)got : -1;
		if (!n)
			break;
		got += (size_t)n;
	}
	return (ssize_t)got;
}

int umem_status(pid_t tid, const char *key, long *val)
{
	char path[64], line[256];
	size_t n = strlen(key);
	FILE *f;
	int found = -1;

	snprintf(path, sizeof(path), "/proc/%d/status", (int)tid);
	f = fopen(path, "re");
	if (!f)
		return -1;
	while (found < 0 && fgets(line, sizeof(line), f))
		if (!strncmp(line, key, n) && line[n] == ':' && sscanf(line + n + 1, "%ld", val) == 1)
			found = 0;
	fclose(f);
	return found;
}

int umem_killed_by_seccomp(pid_t tid)
{
	long mode;

	return !umem_status(tid, "Seccomp", &mode) && mode == 3;	/* SECCOMP_MODE_DEAD */
}

pid_t umem_tgid(pid_t tid)
{
	long tgid;

	return !umem_status(tid, "Tgid", &tgid) && tgid > 0 ? (pid_t)tgid : tid;
}

/* Calls @fn with each line of /proc/@tgid/maps (a path past PATH_MAX cut: its rest is skipped). */
static int each_maps_line(pid_t tgid, void (*fn)(const char *line, void *ctx), void *ctx)
{
	char path[64], line[4096 + 256], buf[16384];
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/maps", (int)tgid);
	f = fopen(path, "re");
	if (!f)
		return -1;
	setvbuf(f, buf, _IOFBF, sizeof(buf));	/* a small program's maps in one read, no fstat */
	while (fgets(line, sizeof(line), f)) {
		fn(line, ctx);
		while (!strchr(line, '\n') && fgets(line, sizeof(line), f))
			;
	}
	fclose(f);
	return 0;
}

struct file_maps_ctx {
	void (*fn)(uint64_t start, uint64_t end, void *ctx);
	void *ctx;
};

static void file_maps_line(const char *line, void *ctx)
{
	struct file_maps_ctx *m = ctx;
	unsigned long long start, end, inode;
	int at = 0;

	/*
	 * "start-end perms offset dev inode path".  Shared anonymous memory
	 * and SysV segments have inodes too, but no file.
	 */
	if (sscanf(line, "%llx-%llx %*s %*s %*s %llu %n", &start, &end, &inode, &at) >= 3 &&
	    inode && strncmp(line + at, "/dev/zero ", 10) && strncmp(line + at, "/SYSV", 5))
		m->fn(start, end, m->ctx);
}

int umem_file_maps(pid_t tgid, void (*fn)(uint64_t start, uint64_t end, void *ctx), void *ctx)
{
	struct file_maps_ctx m = { fn, ctx };

	return each_maps_line(tgid, file_maps_line, &m);
}

struct code_maps_ctx {
	void (*fn)(const struct umem_code_map *m, void *ctx);
	void *ctx;
};

static void code_maps_line(const char *line, void *ctx)
{
	struct code_maps_ctx *c = ctx;
	unsigned long long start, end, off, ino;
	struct umem_code_map m;
	char perms[8], path[4096 + 256];
	int pos = 0;

	if (sscanf(line, "%llx-%llx %7s %llx %x:%x %llu %n", &start, &end, perms,
		   &off, &m.dev_major, &m.dev_minor, &ino, &pos) < 7 || !strchr(perms, 'x'))
		return;
	snprintf(path, sizeof(path), "%s", pos ? line + pos : "");
	path[strcspn(path, "\n")] = '\0';
	m.start = start;
	m.end = end;
	m.off = off;
	m.ino = ino;
	m.path = path;
	c->fn(&m, c->ctx);
}

int umem_code_maps(pid_t tgid, void (*fn)(const struct umem_code_map *m, void *ctx), void *ctx)
{
	struct code_maps_ctx c = { fn, ctx };

	return each_maps_line(tgid, code_maps_line, &c);
}

struct ring_maps_ctx {
	uint64_t ino;
	void (*fn)(uint64_t start, uint64_t end, uint64_t off, void *ctx);
	void *ctx;
};

static void ring_maps_line(const char *line, void *ctx)
{
	struct ring_maps_ctx *m = ctx;
	unsigned long long start, end, off, inode;
	int at = 0;

	if (sscanf(line, "%llx-%llx %*s %llx %*s %llu %n", &start, &end, &off, &inode, &at) >= 4 &&
	    inode == m->ino && !strncmp(line + at, "anon_inode:[io_uring]", 21))
		m->fn(start, end, off, m->ctx);
}

int umem_ring_maps(pid_t tgid, uint64_t ino,
		   void (*fn)(uint64_t start, uint64_t end, uint64_t off, void *ctx), void *ctx)
{
	struct ring_maps_ctx m = { ino, fn, ctx };

	return each_maps_line(tgid, ring_maps_line, &m);
}

struct stack_ctx {
	uint64_t low, sp;
	uint64_t prev_end;
	char prev_perms[5];
	int ok;
};

static void stack_line(const char *line, void *ctx)
{
	struct stack_ctx *m = ctx;
	unsigned long long start, end, inode;
	char perms[5] = "";
	int at = 0;

	if (sscanf(line, "%llx-%llx %4s %*s %*s %llu %n", &start, &end, perms, &inode, &at) < 4)
		return;
	if (start < m->sp && m->sp <= end && m->low >= start)
		m->ok = !strncmp(line + at, "[stack]", 7) ||
			(!inode && (line[at] == '\n' || !line[at]) && !strcmp(perms, "rw-p") &&
			 m->prev_end == start && !strcmp(m->prev_perms, "---p"));
	m->prev_end = end;
	memcpy(m->prev_perms, perms, sizeof(perms));
}

int umem_stack_room(pid_t tid, uint64_t low, uint64_t sp)
{
	struct stack_ctx m = { low, sp, 0, "", 0 };

	return !each_maps_line(tid, stack_line, &m) && m.ok;
}

uint64_t umem_fd_ino(pid_t tgid, int fd)
{
	char path[64];
	struct stat st;

	snprintf(path, sizeof(path), "/proc/%d/fd/%d", (int)tgid, fd);
	return fd >= 0 && !stat(path, &st) ? (uint64_t)st.st_ino : 0;
}

/* One line of an io_uring fdinfo into @u; @in: 1 in the SQE list, 2 in the CQE list. */
static void uring_line(const char *line, struct umem_uring *u, int *in)
{
	unsigned long long v;
	int d;

	if (sscanf(line, "ino: %llu", &v) == 1)
		u->ino = v;
	else if (sscanf(line, "SqMask: %llx", &v) == 1)
		u->sq_mask = (uint32_t)v;
	else if (sscanf(line, "CqMask: %llx", &v) == 1)
		u->cq_mask = (uint32_t)v;
	else if (sscanf(line, "SqHead: %llu", &v) == 1)
		u->sq_head = (uint32_t)v;
	else if (sscanf(line, "SqTail: %llu", &v) == 1)
		u->sq_tail = (uint32_t)v;
	else if (sscanf(line, "CqHead: %llu", &v) == 1)
		u->cq_head = (uint32_t)v;
	else if (sscanf(line, "CqTail: %llu", &v) == 1)
		u->cq_tail = (uint32_t)v;
	else if (sscanf(line, "SqThread: %d", &d) == 1)
		u->sq_thread = d;
	else if (sscanf(line, "SQEs: %llu", &v) == 1)
		u->sqes_pending = (unsigned)v, *in = 1;
	else if (!strncmp(line, "CQEs:", 5))
		*in = 2;
	else if (*in == 1 && strstr(line, "opcode:"))
		u->sqes_listed++, u->sqe128 |= strstr(line, ", e0:") != NULL;
	else if (*in == 2 && strstr(line, "user_data:"))
		u->cqes_listed++, u->cqe32 |= strstr(line, "extra1:") != NULL;
	else if (*in && line[0] != ' ')
		*in = 0;	/* the lists end where the next key begins */
}

int umem_uring_info(pid_t tgid, int fd, struct umem_uring *u)
{
	char path[64], link[32], *line = NULL;
	size_t cap = 0;
	ssize_t n;
	int in = 0;
	FILE *f;

	if (fd < 0)
		return -1;
	snprintf(path, sizeof(path), "/proc/%d/fd/%d", (int)tgid, fd);
	n = readlink(path, link, sizeof(link) - 1);
	if (n != 21 || memcmp(link, "anon_inode:[io_uring]", 21))
		return -1;
	snprintf(path, sizeof(path), "/proc/%d/fdinfo/%d", (int)tgid, fd);
	f = fopen(path, "re");
	if (!f)
		return -1;
	memset(u, 0, sizeof(*u));
	u->sq_thread = -1;
	while (getline(&line, &cap, f) > 0)
		uring_line(line, u, &in);
	free(line);
	fclose(f);
	return u->ino ? 0 : -1;
}

int umem_each_fd(pid_t tgid, void (*fn)(int fd, void *ctx), void *ctx)
{
	char path[64];
	struct dirent *de;
	DIR *dir;

	snprintf(path, sizeof(path), "/proc/%d/fd", (int)tgid);
	dir = opendir(path);
	if (!dir)
		return -1;
	while ((de = readdir(dir)))
		if (de->d_name[0] >= '0' && de->d_name[0] <= '9')
			fn(atoi(de->d_name), ctx);
	closedir(dir);
	return 0;
}

int umem_comm(pid_t tid, char *buf, size_t size)
{
	char path[64];
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/comm", (int)tid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || !size)
		return fd < 0 ? -1 : (close(fd), -1);
	n = read(fd, buf, size - 1);
	close(fd);
	if (n <= 0)
		return -1;
	if (buf[n - 1] == '\n')
		n--;
	buf[n] = '\0';
	return 0;
}
