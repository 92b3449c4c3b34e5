/*
 * io_uring driven by raw syscalls, for test/uring.bats (built for x86_64,
 * and as uring32 for i386): whatever liburing Debian ships, every setup
 * the tests need is made here by hand.
 * Modes:
 *   basic   a ring with separate SQ and CQ mappings (no SINGLE_MMAP use):
 *           a WRITE of "hello\n" at offset 0 of file "data", a WRITEV of
 *           two iovecs after it, an FSYNC, then a READ of the file; each
 *           io_uring_enter submits one and waits for it; the program reaps
 *           completions itself, without a syscall
 *   batch   four NOPs and a READ of a closed fd submitted by one enter,
 *           reaped by a later enter
 *   setup   io_uring_setup with bad flags, an unreadable params pointer,
 *           and io_uring_register's opcodes (files, buffers, probe)
 * Exits 77 when the kernel refuses io_uring (disabled, or a sandbox).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <linux/io_uring.h>

struct ring {
	int fd;
	struct io_uring_params p;
	unsigned char *sq, *cq;
	struct io_uring_sqe *sqes;
	unsigned *sq_head, *sq_tail, *sq_mask, *sq_array;
	unsigned *cq_head, *cq_tail, *cq_mask;
	struct io_uring_cqe *cqes;
};

static int setup(unsigned entries, struct io_uring_params *p)
{
	return (int)syscall(SYS_io_uring_setup, entries, p);
}

static int enter(int fd, unsigned to_submit, unsigned min_complete, unsigned flags)
{
	return (int)syscall(SYS_io_uring_enter, fd, to_submit, min_complete, flags, NULL, 0);
}

static void ring_init(struct ring *r, unsigned entries)
{
	size_t sq_len, cq_len;

	memset(r, 0, sizeof(*r));
	r->fd = setup(entries, &r->p);
	if (r->fd < 0) {
		if (errno == ENOSYS || errno == EPERM)
			exit(77);
		perror("io_uring_setup");
		exit(1);
	}
	sq_len = r->p.sq_off.array + r->p.sq_entries * sizeof(unsigned);
	cq_len = r->p.cq_off.cqes + r->p.cq_entries * sizeof(struct io_uring_cqe);
	/* separate mappings, as before IORING_FEAT_SINGLE_MMAP */
	r->sq = mmap(NULL, sq_len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, r->fd,
		     IORING_OFF_SQ_RING);
	r->cq = mmap(NULL, cq_len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, r->fd,
		     IORING_OFF_CQ_RING);
	r->sqes = mmap(NULL, r->p.sq_entries * sizeof(struct io_uring_sqe), PROT_READ | PROT_WRITE,
		       MAP_SHARED | MAP_POPULATE, r->fd, IORING_OFF_SQES);
	if (r->sq == MAP_FAILED || r->cq == MAP_FAILED || r->sqes == MAP_FAILED) {
		perror("mmap");
		exit(1);
	}
	r->sq_head = (unsigned *)(r->sq + r->p.sq_off.head);
	r->sq_tail = (unsigned *)(r->sq + r->p.sq_off.tail);
	r->sq_mask = (unsigned *)(r->sq + r->p.sq_off.ring_mask);
	r->sq_array = (unsigned *)(r->sq + r->p.sq_off.array);
	r->cq_head = (unsigned *)(r->cq + r->p.cq_off.head);
	r->cq_tail = (unsigned *)(r->cq + r->p.cq_off.tail);
	r->cq_mask = (unsigned *)(r->cq + r->p.cq_off.ring_mask);
	r->cqes = (struct io_uring_cqe *)(r->cq + r->p.cq_off.cqes);
}

/* The next free SQE, filled with @op and put on the ring (the kernel sees it at enter). */
static struct io_uring_sqe *queue(struct ring *r, unsigned char op, int fd, const void *addr,
				  unsigned len, unsigned long long off, unsigned long long data)
{
	unsigned tail = *r->sq_tail, i = tail & *r->sq_mask;
	struct io_uring_sqe *e = &r->sqes[i];

	memset(e, 0, sizeof(*e));
	e->opcode = op;
	e->fd = fd;
	e->addr = (unsigned long long)(unsigned long)addr;	/* a u64 on i386 too */
	e->len = len;
	e->off = off;
	e->user_data = data;
	r->sq_array[i] = i;
	__atomic_store_n(r->sq_tail, tail + 1, __ATOMIC_RELEASE);
	return e;
}

/* Reaps every completion without a syscall; prints them for the test to check. */
static void reap(struct ring *r)
{
	unsigned head = *r->cq_head;

	while (head != __atomic_load_n(r->cq_tail, __ATOMIC_ACQUIRE)) {
		struct io_uring_cqe *c = &r->cqes[head & *r->cq_mask];

		printf("cqe %llu res %d\n", (unsigned long long)c->user_data, c->res);
		head++;
	}
	__atomic_store_n(r->cq_head, head, __ATOMIC_RELEASE);
}

static void basic(void)
{
	static char a[] = "ab", b[] = "cde\n", got[32];
	struct iovec iov[2] = { { a, 2 }, { b, 4 } };
	struct ring r;
	int fd = open("data", O_RDWR | O_CREAT | O_TRUNC, 0644);

	ring_init(&r, 4);
	queue(&r, IORING_OP_WRITE, fd, "hello\n", 6, 0, 1);
	enter(r.fd, 1, 1, IORING_ENTER_GETEVENTS);
	reap(&r);
	queue(&r, IORING_OP_WRITEV, fd, iov, 2, 6, 2);
	enter(r.fd, 1, 1, IORING_ENTER_GETEVENTS);
	reap(&r);
	queue(&r, IORING_OP_FSYNC, fd, NULL, 0, 0, 3)->fsync_flags = IORING_FSYNC_DATASYNC;
	enter(r.fd, 1, 1, IORING_ENTER_GETEVENTS);
	reap(&r);
	queue(&r, IORING_OP_READ, fd, got, sizeof(got), 0, 4);
	enter(r.fd, 1, 1, IORING_ENTER_GETEVENTS);
	reap(&r);
	printf("read back: %s", got);
}

static void batch(void)
{
	struct ring r;
	char buf[4];
	int i;

	ring_init(&r, 8);
	for (i = 0; i < 4; i++)
		queue(&r, IORING_OP_NOP, -1, NULL, 0, 0, 10 + (unsigned)i);
	queue(&r, IORING_OP_READ, 99, buf, sizeof(buf), 0, 20);
	enter(r.fd, 5, 0, 0);
	enter(r.fd, 0, 5, IORING_ENTER_GETEVENTS);
	reap(&r);
}

static void bad_setup(void)
{
	struct io_uring_params p;
	struct ring r;
	int fds[2] = { 0, 1 };

	memset(&p, 0, sizeof(p));
	p.flags = 0x80000000u;
	setup(4, &p);			/* EINVAL */
	setup(4, (void *)8);		/* EFAULT */
	ring_init(&r, 2);
	syscall(SYS_io_uring_register, r.fd, IORING_REGISTER_FILES, fds, 2);
	syscall(SYS_io_uring_register, r.fd, IORING_UNREGISTER_FILES, NULL, 0);
	syscall(SYS_io_uring_register, r.fd, 999, NULL, 0);	/* EINVAL */
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";

	setvbuf(stdout, NULL, _IONBF, 0);
	syscall(SYS_close_range, 3, ~0U, 0);	/* the fds the test runner left open: fds start at 3 */
	if (!strcmp(mode, "basic"))
		basic();
	else if (!strcmp(mode, "batch"))
		batch();
	else if (!strcmp(mode, "setup"))
		bad_setup();
	else
		return fprintf(stderr, "usage: uring basic|batch|setup\n"), 2;
	return 0;
}
