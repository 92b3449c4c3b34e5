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
 *           and io_uring_register's opcodes (files, an unknown one)
 *   probe   IORING_REGISTER_PROBE with room for 2 ops and for 256, and to
 *           an unreadable address; then a NOP through the same ring
 *   wide    SQE128, CQE32 and NO_SQARRAY, both rings in one mapping: a
 *           WRITE with rw_flags through a registered file, linked to a
 *           READV of two iovecs, in one enter
 *   nommap  NO_MMAP: the rings in the program's own memory; a WRITE, a READ
 *   reap    a READ of an empty pipe completes after the enter that submits
 *           it returns; the program waits on the CQ ring without a syscall
 *           and reaps it, then calls close(-1): the completion shows there
 *   lie     hostile rings: a tail far past the head, an index past the
 *           ring, a WRITE from unmapped memory
 *   sqpoll  SQPOLL: a WRITE the kernel's thread takes without a syscall;
 *           the program waits for its completion, then calls close(-1)
 *   resize  IORING_REGISTER_RESIZE_RINGS from 2 entries to 8, the rings
 *           mapped anew, then a WRITE through the new rings
 *   select  PROVIDE_BUFFERS gives group 7 two buffers; a READ with
 *           IOSQE_BUFFER_SELECT takes one (its id in the CQE's flags)
 *   unmap   a NOP; then the program queues another, unmaps its rings
 *           (the kernel keeps them) and submits it: iotrace cannot read them
 *   sock    on a UNIX stream socketpair: a SEND and a RECV, then a
 *           SENDMSG of two iovecs and a RECVMSG into two
 *   race    (found by fuzzing) one thread submits 500 WRITEs to /dev/null,
 *           each by an enter that does not wait, while another thread
 *           keeps calling close(-1): its stops see the completions
 *   samedata (found by fuzzing) two WRITEs with the same user_data, a
 *           0-byte one punted (IOSQE_ASYNC) and a 16-byte one
 *   many    100 io_uring_enter calls, each submitting 4 WRITEs of 64 bytes
 *           from 4 buffers to /dev/null and waiting for them
 *   toctou  a WRITE of "AAAA" to a full pipe waits in the kernel; the
 *           program rewrites its buffer to "BBBB", drains the pipe, waits
 *           for the completion and calls close(-1); the pipe gets "BBBB"
 *   late R  a ring set up and used (two NOPs) before iotrace attaches: R
 *           plain (4 entries, separate mappings, SQ array slot i naming
 *           entry 3 - i), wide (64 entries, SQE128,
 *           CQE32, NO_SQARRAY, one mapping), small (wide with 4 entries:
 *           too few to tell SQE128); writes its pid to file "pid"
 *           and waits for SIGUSR1; then a WRITE of "late\n" to "data" and a
 *           READ of it, each its own enter; then a child forked writes
 *           "kid\n" after it through the inherited ring; the parent waits
 *           for it and calls close(-1)
 *   files   the fixed-file table changing: files "a" and "b" registered
 *           (IORING_REGISTER_FILES), a WRITE through fixed file 0; slot 0
 *           updated to "b"'s fd (IORING_REGISTER_FILES_UPDATE), a WRITE
 *           through it; "c" opened by IORING_OP_OPENAT into slot 1 (a
 *           direct descriptor, no fd), a WRITE through it, then closed by
 *           IORING_OP_CLOSE; the table registered anew, sparse
 *           (IORING_REGISTER_FILES2), slot 2 set to "a" by FILES_UPDATE2,
 *           a WRITE through it
 *   forkring a ring set up and used (a NOP); a child forked writes "kid\n"
 *           to "data" through it, the parent waits for it, then writes
 *           "parent\n" through it
 * Exits 78 when the kernel lacks a setup flag a mode needs.
 * Exits 77 when the kernel refuses io_uring (disabled, or a sandbox).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <linux/io_uring.h>

struct ring {
	int fd;
	struct io_uring_params p;
	unsigned char *sq, *cq;
	struct io_uring_sqe *sqes;
	unsigned *sq_head, *sq_tail, *sq_mask, *sq_array, *sq_flags;
	unsigned *cq_head, *cq_tail, *cq_mask;
	struct io_uring_cqe *cqes;
};

static int setup(unsigned entries, struct io_uring_params *p)
{
	return (int)syscall(SYS_io_uring_setup, entries, p);
}

static int enter(int fd, unsigned to_submit, unsigned min_complete, unsigned flags)
{
	/* argsz is a size_t: a bare 0 would leave the register's upper half to chance */
	return (int)syscall(SYS_io_uring_enter, fd, to_submit, min_complete, flags, NULL, (size_t)0);
}

#ifndef IORING_SETUP_NO_MMAP
#define IORING_SETUP_NO_MMAP (1U << 14)
#endif
#ifndef IORING_SETUP_NO_SQARRAY
#define IORING_SETUP_NO_SQARRAY (1U << 16)
#endif

static unsigned sqe_bytes(const struct ring *r)
{
	return r->p.flags & IORING_SETUP_SQE128 ? 128 : 64;
}

static unsigned cqe_bytes(const struct ring *r)
{
	return r->p.flags & IORING_SETUP_CQE32 ? 32 : 16;
}

static void ring_ptrs(struct ring *r)
{
	r->sq_head = (unsigned *)(r->sq + r->p.sq_off.head);
	r->sq_tail = (unsigned *)(r->sq + r->p.sq_off.tail);
	r->sq_mask = (unsigned *)(r->sq + r->p.sq_off.ring_mask);
	r->sq_flags = (unsigned *)(r->sq + r->p.sq_off.flags);
	r->sq_array = (r->p.flags & IORING_SETUP_NO_SQARRAY) ? NULL :
		      (unsigned *)(r->sq + r->p.sq_off.array);
	r->cq_head = (unsigned *)(r->cq + r->p.cq_off.head);
	r->cq_tail = (unsigned *)(r->cq + r->p.cq_off.tail);
	r->cq_mask = (unsigned *)(r->cq + r->p.cq_off.ring_mask);
	r->cqes = (struct io_uring_cqe *)(r->cq + r->p.cq_off.cqes);
}

/* A ring set up with @flags, both rings in one mapping (or, NO_MMAP, in our memory). */
static void ring_init_flags(struct ring *r, unsigned entries, unsigned flags)
{
	static unsigned char mem[2][4096] __attribute__((aligned(4096)));
	size_t len;

	memset(r, 0, sizeof(*r));
	r->p.flags = flags;
	r->p.sq_thread_idle = 10000;	/* SQPOLL: awake for 10 s without work */
	if (flags & IORING_SETUP_NO_MMAP) {
		/* user_addr: resv2 in the 6.1 headers Debian 12 ships */
		r->p.cq_off.resv2 = (unsigned long long)(unsigned long)mem[0];
		r->p.sq_off.resv2 = (unsigned long long)(unsigned long)mem[1];
	}
	r->fd = setup(entries, &r->p);
	if (r->fd < 0 && errno == EINVAL)
		exit(78);
	if (r->fd < 0)
		exit(errno == ENOSYS || errno == EPERM ? 77 : 1);
	if (flags & IORING_SETUP_NO_MMAP) {
		r->sq = r->cq = mem[0];
		r->sqes = (struct io_uring_sqe *)mem[1];
	} else {
		len = r->p.cq_off.cqes + r->p.cq_entries * cqe_bytes(r);
		if (len < r->p.sq_off.array + r->p.sq_entries * sizeof(unsigned))
			len = r->p.sq_off.array + r->p.sq_entries * sizeof(unsigned);
		r->sq = r->cq = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE,
				     r->fd, IORING_OFF_SQ_RING);
		r->sqes = mmap(NULL, r->p.sq_entries * sqe_bytes(r), PROT_READ | PROT_WRITE,
			       MAP_SHARED | MAP_POPULATE, r->fd, IORING_OFF_SQES);
		if (r->sq == MAP_FAILED || r->sqes == MAP_FAILED)
			exit(1);
	}
	ring_ptrs(r);
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
	ring_ptrs(r);
}

/* Slot i of the SQ array names entry mask - i, not i (late plain): iotrace must read the array. */
static int reversed;

/* The next free SQE, filled with @op and put on the ring (the kernel sees it at enter). */
static struct io_uring_sqe *queue(struct ring *r, unsigned char op, int fd, const void *addr,
				  unsigned len, unsigned long long off, unsigned long long data)
{
	unsigned tail = *r->sq_tail, slot = tail & *r->sq_mask;
	unsigned i = reversed && r->sq_array ? *r->sq_mask - slot : slot;
	struct io_uring_sqe *e = (struct io_uring_sqe *)((char *)r->sqes + i * sqe_bytes(r));

	memset(e, 0, sqe_bytes(r));
	e->opcode = op;
	e->fd = fd;
	e->addr = (unsigned long long)(unsigned long)addr;	/* a u64 on i386 too */
	e->len = len;
	e->off = off;
	e->user_data = data;
	if (r->sq_array)
		r->sq_array[slot] = i;
	__atomic_store_n(r->sq_tail, tail + 1, __ATOMIC_RELEASE);
	return e;
}

/* Reaps every completion without a syscall; prints them for the test to check. */
static void reap(struct ring *r)
{
	unsigned head = *r->cq_head;

	while (head != __atomic_load_n(r->cq_tail, __ATOMIC_ACQUIRE)) {
		struct io_uring_cqe *c = (struct io_uring_cqe *)((char *)r->cqes +
					 (head & *r->cq_mask) * cqe_bytes(r));

		printf("cqe %llu res %d\n", (unsigned long long)c->user_data, c->res);
		head++;
	}
	__atomic_store_n(r->cq_head, head, __ATOMIC_RELEASE);
}

static void reap_quietly(struct ring *r)
{
	__atomic_store_n(r->cq_head, __atomic_load_n(r->cq_tail, __ATOMIC_ACQUIRE), __ATOMIC_RELEASE);
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

static void probe(void)
{
	static unsigned char room[16 + 256 * 8];	/* struct io_uring_probe, zeroed as the kernel wants */
	struct ring r;

	ring_init(&r, 2);
	syscall(SYS_io_uring_register, r.fd, IORING_REGISTER_PROBE, room, 2);
	memset(room, 0, sizeof(room));
	syscall(SYS_io_uring_register, r.fd, IORING_REGISTER_PROBE, room, 256);
	syscall(SYS_io_uring_register, r.fd, IORING_REGISTER_PROBE, (void *)8, 2);
	queue(&r, IORING_OP_NOP, -1, NULL, 0, 0, 1);
	enter(r.fd, 1, 1, IORING_ENTER_GETEVENTS);
	reap(&r);
}

static void wide(void)
{
	static char a[4], b[8];
	struct iovec iov[2] = { { a, sizeof(a) }, { b, sizeof(b) } };
	struct ring r;
	int fd = open("data", O_RDWR | O_CREAT | O_TRUNC, 0644);
	struct io_uring_sqe *e;

	ring_init_flags(&r, 4, IORING_SETUP_SQE128 | IORING_SETUP_CQE32 | IORING_SETUP_NO_SQARRAY);
	syscall(SYS_io_uring_register, r.fd, IORING_REGISTER_FILES, &fd, 1);
	e = queue(&r, IORING_OP_WRITE, 0, "wide ring\n", 10, 0, 0x100);
	e->flags = IOSQE_FIXED_FILE | IOSQE_IO_LINK;
	e->rw_flags = RWF_DSYNC;
	queue(&r, IORING_OP_READV, fd, iov, 2, 0, 0x200);
	enter(r.fd, 2, 2, IORING_ENTER_GETEVENTS);
	reap(&r);
	printf("read back: %.4s%.6s\n", a, b);
}

static void nommap(void)
{
	char got[16] = "";
	struct ring r;
	int fd = open("data", O_RDWR | O_CREAT | O_TRUNC, 0644);

	ring_init_flags(&r, 4, IORING_SETUP_NO_MMAP);
	queue(&r, IORING_OP_WRITE, fd, "no mmap\n", 8, 0, 7);
	enter(r.fd, 1, 1, IORING_ENTER_GETEVENTS);
	reap(&r);
	queue(&r, IORING_OP_READ, fd, got, sizeof(got), 0, 8);
	enter(r.fd, 1, 1, IORING_ENTER_GETEVENTS);
	reap(&r);
	printf("read back: %s", got);
}

static void reap_later(void)
{
	char buf[16];
	struct ring r;
	int p[2];

	if (pipe(p))
		exit(1);
	ring_init(&r, 4);
	queue(&r, IORING_OP_READ, p[0], buf, sizeof(buf), (unsigned long long)-1, 42);
	enter(r.fd, 1, 0, 0);		/* nothing to read yet: the READ waits */
	if (write(p[1], "late\n", 5) != 5)
		exit(1);
	while (__atomic_load_n(r.cq_tail, __ATOMIC_ACQUIRE) == *r.cq_head)
		;			/* the kernel posts it without a syscall of ours */
	reap(&r);
	close(-1);			/* the next stop iotrace sees */
}

static void lie(void)
{
	struct ring r;
	unsigned tail;

	ring_init(&r, 4);
	tail = *r.sq_tail;
	__atomic_store_n(r.sq_tail, tail + 1000, __ATOMIC_RELEASE);	/* past the head by 1000 */
	enter(r.fd, 1, 1, IORING_ENTER_GETEVENTS);
	reap(&r);	/* else the last enter's min_complete would count this CQE */
	__atomic_store_n(r.sq_tail, *r.sq_head, __ATOMIC_RELEASE);
	queue(&r, IORING_OP_NOP, -1, NULL, 0, 0, 1);
	r.sq_array[*r.sq_head & *r.sq_mask] = 999;	/* an index past the ring: dropped */
	enter(r.fd, 1, 0, 0);
	queue(&r, IORING_OP_WRITE, 1, (void *)4096, 100, 0, 2);	/* unmapped data */
	enter(r.fd, 1, 1, IORING_ENTER_GETEVENTS);
	reap(&r);
}

static void sqpoll(void)
{
	struct ring r;
	int fd = open("data", O_RDWR | O_CREAT | O_TRUNC, 0644);

	ring_init_flags(&r, 4, IORING_SETUP_SQPOLL);
	queue(&r, IORING_OP_WRITE, fd, "polled\n", 7, 0, 5);
	/* No enter: the kernel's thread submits it, unless it went to sleep (idle 10 s). */
	while (__atomic_load_n(r.cq_tail, __ATOMIC_ACQUIRE) == *r.cq_head)
		if (__atomic_load_n(r.sq_flags, __ATOMIC_ACQUIRE) & IORING_SQ_NEED_WAKEUP)
			enter(r.fd, 0, 0, IORING_ENTER_SQ_WAKEUP);
	reap(&r);
	close(-1);
}

#ifndef IORING_REGISTER_RESIZE_RINGS
#define IORING_REGISTER_RESIZE_RINGS 33
#endif
#ifndef IORING_SETUP_DEFER_TASKRUN
#define IORING_SETUP_DEFER_TASKRUN (1U << 13)
#endif

static void resize(void)
{
	struct io_uring_params p;
	struct ring r;
	int fd = open("data", O_RDWR | O_CREAT | O_TRUNC, 0644);
	size_t len;

	ring_init_flags(&r, 2, IORING_SETUP_SINGLE_ISSUER | IORING_SETUP_DEFER_TASKRUN |
			IORING_SETUP_NO_SQARRAY);
	queue(&r, IORING_OP_WRITE, fd, "small ", 6, 0, 1);
	enter(r.fd, 1, 1, IORING_ENTER_GETEVENTS);
	reap(&r);
	memset(&p, 0, sizeof(p));
	p.sq_entries = 8;
	p.cq_entries = 16;
	p.flags = IORING_SETUP_CQSIZE;
	if (syscall(SYS_io_uring_register, r.fd, IORING_REGISTER_RESIZE_RINGS, &p, 1) < 0)
		exit(errno == EINVAL ? 78 : 1);
	/* The new rings, mapped as after setup, the old ones unmapped (as liburing does). */
	munmap(r.sq, 4096);
	munmap(r.sqes, 4096);
	r.p.sq_entries = p.sq_entries;
	r.p.cq_entries = p.cq_entries;
	r.p.sq_off = p.sq_off;
	r.p.cq_off = p.cq_off;
	len = r.p.cq_off.cqes + r.p.cq_entries * cqe_bytes(&r);
	r.sq = r.cq = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, r.fd,
			   IORING_OFF_SQ_RING);
	r.sqes = mmap(NULL, r.p.sq_entries * sqe_bytes(&r), PROT_READ | PROT_WRITE,
		      MAP_SHARED | MAP_POPULATE, r.fd, IORING_OFF_SQES);
	if (r.sq == MAP_FAILED || r.sqes == MAP_FAILED)
		exit(1);
	ring_ptrs(&r);
	queue(&r, IORING_OP_WRITE, fd, "then big\n", 9, 6, 2);
	enter(r.fd, 1, 1, IORING_ENTER_GETEVENTS);
	reap(&r);
}

static void sock(void)
{
	static char got[8], a[4], b[8];
	struct iovec out[2] = { { "two ", 4 }, { "parts", 5 } }, in[2] = { { a, 4 }, { b, 8 } };
	struct msghdr sm, rm;
	struct ring r;
	int sv[2];

	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv))
		exit(1);
	ring_init(&r, 4);
	queue(&r, IORING_OP_SEND, sv[0], "ping", 4, 0, 1);
	enter(r.fd, 1, 1, IORING_ENTER_GETEVENTS);
	reap(&r);
	queue(&r, IORING_OP_RECV, sv[1], got, sizeof(got), 0, 2);
	enter(r.fd, 1, 1, IORING_ENTER_GETEVENTS);
	reap(&r);
	memset(&sm, 0, sizeof(sm));
	sm.msg_iov = out;
	sm.msg_iovlen = 2;
	queue(&r, IORING_OP_SENDMSG, sv[0], &sm, 1, 0, 3);
	enter(r.fd, 1, 1, IORING_ENTER_GETEVENTS);
	reap(&r);
	memset(&rm, 0, sizeof(rm));
	rm.msg_iov = in;
	rm.msg_iovlen = 2;
	queue(&r, IORING_OP_RECVMSG, sv[1], &rm, 1, 0, 4);
	enter(r.fd, 1, 1, IORING_ENTER_GETEVENTS);
	reap(&r);
}

static volatile int race_done;

static void *race_other(void *arg)
{
	(void)arg;
	while (!race_done)
		close(-1);
	return NULL;
}

static void race(void)
{
	static char data[] = "hello from thread A";
	int fd = open("/dev/null", O_WRONLY), i;
	struct ring r;
	pthread_t th;

	ring_init(&r, 8);
	pthread_create(&th, NULL, race_other, NULL);
	for (i = 0; i < 500; i++) {
		queue(&r, IORING_OP_WRITE, fd, data, 19, 0, (unsigned long long)i + 1);
		enter(r.fd, 1, 0, 0);
		while (__atomic_load_n(r.cq_tail, __ATOMIC_ACQUIRE) == *r.cq_head)
			;
		reap_quietly(&r);
	}
	race_done = 1;
	pthread_join(th, NULL);
}

static void samedata(void)
{
	static char data[] = "sixteen bytes...";
	int fd = open("/dev/null", O_WRONLY);
	struct ring r;

	ring_init(&r, 8);
	queue(&r, IORING_OP_WRITE, fd, data, 0, 0, 0)->flags = IOSQE_ASYNC;
	queue(&r, IORING_OP_WRITE, fd, data, 16, 0, 0);
	enter(r.fd, 2, 2, IORING_ENTER_GETEVENTS);
	reap_quietly(&r);
	close(-1);
}

static void many(void)
{
	static char bufs[4][64];
	struct ring r;
	int fd = open("/dev/null", O_WRONLY), i, k;

	memset(bufs, 'm', sizeof(bufs));
	ring_init(&r, 8);
	for (i = 0; i < 100; i++) {
		for (k = 0; k < 4; k++)
			queue(&r, IORING_OP_WRITE, fd, bufs[k], 64, 0, (unsigned long long)(4 * i + k));
		enter(r.fd, 4, 4, IORING_ENTER_GETEVENTS);
		reap_quietly(&r);
	}
}

static void select_buffer(void)
{
	static char bufs[2][16];
	struct ring r;
	int fd = open("data", O_RDWR | O_CREAT | O_TRUNC, 0644);
	struct io_uring_sqe *e;

	if (write(fd, "selected", 8) != 8)
		exit(1);
	ring_init(&r, 4);
	e = queue(&r, IORING_OP_PROVIDE_BUFFERS, 2, bufs, sizeof(bufs[0]), 0, 1);
	e->buf_group = 7;
	enter(r.fd, 1, 1, IORING_ENTER_GETEVENTS);
	reap(&r);
	e = queue(&r, IORING_OP_READ, fd, NULL, sizeof(bufs[0]), 0, 2);
	e->flags = IOSQE_BUFFER_SELECT;
	e->buf_group = 7;
	enter(r.fd, 1, 1, IORING_ENTER_GETEVENTS);
	reap(&r);
}

static void unmap(void)
{
	struct ring r;

	ring_init(&r, 4);
	queue(&r, IORING_OP_NOP, -1, NULL, 0, 0, 1);
	enter(r.fd, 1, 1, IORING_ENTER_GETEVENTS);
	reap(&r);
	queue(&r, IORING_OP_NOP, -1, NULL, 0, 0, 2);
	munmap(r.sqes, 4096);
	munmap(r.sq, 4096);
	munmap(r.cq, 4096);
	enter(r.fd, 1, 1, IORING_ENTER_GETEVENTS);
}

static void toctou(void)
{
	static char buf[] = "AAAA", fill[65536], got[8];
	struct ring r;
	size_t filled = 0, drained = 0;
	ssize_t n;
	int p[2];

	if (pipe(p) || fcntl(p[1], F_SETFL, O_NONBLOCK))
		exit(1);
	while ((n = write(p[1], fill, sizeof(fill))) > 0)
		filled += (size_t)n;	/* full: the WRITE below waits for room */
	ring_init(&r, 4);
	queue(&r, IORING_OP_WRITE, p[1], buf, 4, (unsigned long long)-1, 9);
	enter(r.fd, 1, 0, 0);
	memcpy(buf, "BBBB", 4);		/* while the kernel still holds the buffer */
	while (drained < filled && (n = read(p[0], fill, filled - drained)) > 0)
		drained += (size_t)n;	/* drained: the WRITE goes through */
	while (__atomic_load_n(r.cq_tail, __ATOMIC_ACQUIRE) == *r.cq_head)
		;
	reap(&r);
	if (read(p[0], got, 4) == 4)
		printf("the pipe got %.4s\n", got);
	close(-1);
}

/* A WRITE of @s at @off through @r, waited for and reaped. */
static void ring_write(struct ring *r, int fd, const char *s, unsigned long long off,
		       unsigned long long data)
{
	queue(r, IORING_OP_WRITE, fd, s, (unsigned)strlen(s), off, data);
	enter(r->fd, 1, 1, IORING_ENTER_GETEVENTS);
	reap_quietly(r);
}

/* A child writes "kid\n" at @off through @r; waited for. */
static void kid_writes(struct ring *r, int fd, unsigned long long off)
{
	pid_t kid = fork();

	if (kid < 0)
		exit(1);
	if (!kid) {
		ring_write(r, fd, "kid\n", off, 0x30);
		_exit(0);
	}
	if (waitpid(kid, NULL, 0) != kid)
		exit(1);
}

static void late(const char *how)
{
	static char got[16];
	struct ring r;
	sigset_t usr1;
	int fd = open("data", O_RDWR | O_CREAT | O_TRUNC, 0644), sig;
	FILE *f;

	if (!strcmp(how, "wide") || !strcmp(how, "small"))
		ring_init_flags(&r, how[0] == 'w' ? 64 : 4, IORING_SETUP_SQE128 |
			       IORING_SETUP_CQE32 | IORING_SETUP_NO_SQARRAY);
	else
		ring_init(&r, 4), reversed = 1;
	queue(&r, IORING_OP_NOP, -1, NULL, 0, 0, 1);
	queue(&r, IORING_OP_NOP, -1, NULL, 0, 0, 2);
	enter(r.fd, 2, 2, IORING_ENTER_GETEVENTS);
	reap_quietly(&r);
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	sigprocmask(SIG_BLOCK, &usr1, NULL);
	f = fopen("pid.tmp", "w");
	if (!f || fprintf(f, "%d\n", (int)getpid()) < 0 || fclose(f) || rename("pid.tmp", "pid"))
		exit(1);
	sigwait(&usr1, &sig);
	ring_write(&r, fd, "late\n", 0, 0x10);
	queue(&r, IORING_OP_READ, fd, got, sizeof(got), 0, 0x20);
	enter(r.fd, 1, 1, IORING_ENTER_GETEVENTS);
	reap_quietly(&r);
	kid_writes(&r, fd, 5);
	close(-1);
}

/* A WRITE of @s through fixed file @slot of @r, waited for and reaped. */
static void fixed_write(struct ring *r, unsigned slot, const char *s, unsigned long long data)
{
	queue(r, IORING_OP_WRITE, (int)slot, s, (unsigned)strlen(s), 0, data)->flags =
		IOSQE_FIXED_FILE;
	enter(r->fd, 1, 1, IORING_ENTER_GETEVENTS);
	reap_quietly(r);
}

static void files(void)
{
	int fds[2] = { open("a", O_WRONLY | O_CREAT | O_TRUNC, 0644),
		       open("b", O_WRONLY | O_CREAT | O_TRUNC, 0644) };
	struct io_uring_files_update up = { .offset = 0, .fds = (unsigned long)&fds[1] };
	struct io_uring_rsrc_register sparse = { .nr = 4, .flags = IORING_RSRC_REGISTER_SPARSE };
	struct io_uring_rsrc_update2 u2 = { .offset = 2, .data = (unsigned long)&fds[0], .nr = 1 };
	struct ring r;

	ring_init(&r, 4);
	syscall(SYS_io_uring_register, r.fd, IORING_REGISTER_FILES, fds, 2);
	fixed_write(&r, 0, "to a\n", 1);
	syscall(SYS_io_uring_register, r.fd, IORING_REGISTER_FILES_UPDATE, &up, 1);
	fixed_write(&r, 0, "to b\n", 2);
	queue(&r, IORING_OP_OPENAT, AT_FDCWD, "c", 0, 0, 3)->file_index = 2;
	r.sqes[(*r.sq_tail - 1) & *r.sq_mask].open_flags = O_WRONLY | O_CREAT | O_TRUNC;
	r.sqes[(*r.sq_tail - 1) & *r.sq_mask].len = 0644;
	enter(r.fd, 1, 1, IORING_ENTER_GETEVENTS);
	reap_quietly(&r);
	fixed_write(&r, 1, "to c\n", 4);
	queue(&r, IORING_OP_CLOSE, 0, NULL, 0, 0, 5)->file_index = 2;
	enter(r.fd, 1, 1, IORING_ENTER_GETEVENTS);
	reap_quietly(&r);
	syscall(SYS_io_uring_register, r.fd, IORING_UNREGISTER_FILES, NULL, 0);
	syscall(SYS_io_uring_register, r.fd, IORING_REGISTER_FILES2, &sparse, sizeof(sparse));
	syscall(SYS_io_uring_register, r.fd, IORING_REGISTER_FILES_UPDATE2, &u2, sizeof(u2));
	fixed_write(&r, 2, "to a again\n", 6);
}

static void forkring(void)
{
	struct ring r;
	int fd = open("data", O_RDWR | O_CREAT | O_TRUNC, 0644);

	ring_init(&r, 4);
	queue(&r, IORING_OP_NOP, -1, NULL, 0, 0, 1);
	enter(r.fd, 1, 1, IORING_ENTER_GETEVENTS);
	reap_quietly(&r);
	kid_writes(&r, fd, 0);
	ring_write(&r, fd, "parent\n", 4, 0x40);
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
	else if (!strcmp(mode, "wide"))
		wide();
	else if (!strcmp(mode, "nommap"))
		nommap();
	else if (!strcmp(mode, "reap"))
		reap_later();
	else if (!strcmp(mode, "lie"))
		lie();
	else if (!strcmp(mode, "sqpoll"))
		sqpoll();
	else if (!strcmp(mode, "resize"))
		resize();
	else if (!strcmp(mode, "toctou"))
		toctou();
	else if (!strcmp(mode, "sock"))
		sock();
	else if (!strcmp(mode, "race"))
		race();
	else if (!strcmp(mode, "samedata"))
		samedata();
	else if (!strcmp(mode, "many"))
		many();
	else if (!strcmp(mode, "select"))
		select_buffer();
	else if (!strcmp(mode, "unmap"))
		unmap();
	else if (!strcmp(mode, "probe"))
		probe();
	else if (!strcmp(mode, "late") && argc > 2)
		late(argv[2]);
	else if (!strcmp(mode, "forkring"))
		forkring();
	else if (!strcmp(mode, "files"))
		files();
	else
		return fprintf(stderr, "usage: uring basic|batch|setup|probe|late plain|wide|small|forkring|files|wide|nommap|reap|lie|sqpoll|resize|toctou|select|unmap|many|sock|race|samedata\n"), 2;
	return 0;
}
