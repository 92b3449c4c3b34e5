/*
 * Linux AIO through raw syscalls, for test/aio.bats (built for x86_64 and
 * as aio32 for i386).  Modes:
 *   basic  io_setup; a PWRITE and a PWRITEV submitted together, reaped;
 *          a PREADV (with a priority) and an FSYNC; a PREAD with RWF_HIPRI
 *          (the file's data is read back and printed); io_cancel of a
 *          finished iocb; io_pgetevents (and i386's io_pgetevents_time64)
 *          with nothing to reap, without a signal mask, with one of two
 *          signals, one of all but one, an unreadable one and a bad size;
 *          io_destroy
 *   bad    unreadable iocb arrays and iocbs, a negative and a huge count
 *   toctou a PWRITE of "AAAA" and a PWRITEV of "ab" "cd" submitted together;
 *          the program rewrites them to "BBBB" and "ab" "xy" before
 *          io_getevents reaps both; then a write left alone, reaped by
 *          io_pgetevents; then prints what the file got
 *   many   70 one-byte PWRITEs in one io_submit (more than --toctou
 *          watches in flight), reaped by one io_getevents
 * Each run works on file "aiodata" in the current directory.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <linux/aio_abi.h>

#define L(x) ((long)(x))

static aio_context_t ctx;
static int fd;

static struct iocb cb(unsigned short op, const void *buf, unsigned long long n, long long off,
		      unsigned long long data)
{
	struct iocb c;

	memset(&c, 0, sizeof(c));
	c.aio_lio_opcode = op;
	c.aio_fildes = (unsigned)fd;
	c.aio_buf = (unsigned long)buf;
	c.aio_nbytes = n;
	c.aio_offset = off;
	c.aio_data = data;
	return c;
}

static void basic(void)
{
	static char a[] = "ab", b[] = "cd\n", got[16];
	struct iovec iov[2] = { { a, 2 }, { b, 3 } }, riov[1] = { { got, 4 } };
	struct iocb w = cb(IOCB_CMD_PWRITE, "hello\n", 6, 0, 1), v = cb(IOCB_CMD_PWRITEV, iov, 2, 6, 2);
	struct iocb pv = cb(IOCB_CMD_PREADV, riov, 1, 0, 0), f = cb(IOCB_CMD_FSYNC, NULL, 0, 0, 0);
	struct iocb r = cb(IOCB_CMD_PREAD, got, sizeof(got), 0, 3), *list[2];
	struct io_event ev[4];
	struct timespec ts = { 1, 0 };

	/* long arguments get longs: a bare int leaves the upper half to chance */
	syscall(SYS_io_setup, 4, &ctx);
	list[0] = &w, list[1] = &v;
	syscall(SYS_io_submit, ctx, (long)2, list);
	syscall(SYS_io_getevents, ctx, (long)2, (long)4, ev, &ts);
	pv.aio_reqprio = 1;
	list[0] = &pv, list[1] = &f;
	syscall(SYS_io_submit, ctx, (long)2, list);
	syscall(SYS_io_getevents, ctx, (long)2, (long)4, ev, &ts);
	r.aio_rw_flags = RWF_HIPRI;
	list[0] = &r;
	syscall(SYS_io_submit, ctx, (long)1, list);
	syscall(SYS_io_getevents, ctx, (long)1, (long)4, ev, NULL);
	printf("read back: %.11s", got);
	syscall(SYS_io_cancel, ctx, &r, ev);		/* EINVAL: it is done */
	syscall(SYS_io_pgetevents, ctx, (long)0, (long)1, ev, &ts, NULL);
	{
		/* struct __aio_sigset: the mask and its size, in the tracee's words */
		unsigned long long mask = (1ULL << (SIGUSR1 - 1)) | (1ULL << (SIGTERM - 1));
		unsigned long usig[2] = { (unsigned long)&mask, 8 };

		syscall(SYS_io_pgetevents, ctx, (long)0, (long)1, ev, &ts, usig);
		mask = ~(1ULL << (SIGINT - 1));
		syscall(SYS_io_pgetevents, ctx, (long)0, (long)1, ev, &ts, usig);
		usig[0] = 8;
		syscall(SYS_io_pgetevents, ctx, (long)0, (long)1, ev, &ts, usig);
		usig[0] = (unsigned long)&mask, usig[1] = 3;
		syscall(SYS_io_pgetevents, ctx, (long)0, (long)1, ev, &ts, usig);
		syscall(SYS_io_pgetevents, ctx, (long)0, (long)1, ev, &ts, 8L);
	}
#ifdef SYS_io_pgetevents_time64
	{
		long long t64[2] = { 0, 5 };	/* i386's 64-bit timespec */

		syscall(SYS_io_pgetevents_time64, ctx, (long)0, (long)1, ev, t64, NULL);
	}
#endif
	syscall(SYS_io_destroy, ctx);
}

static void bad(void)
{
	struct iocb w = cb(IOCB_CMD_PWRITE, "x", 1, 0, 1), *list[2] = { &w, (struct iocb *)8 };
	struct io_event ev[1];
	long page = sysconf(_SC_PAGESIZE);
	char *two;
	struct iocb **edge;

	syscall(SYS_io_setup, 2, 8L);			/* EFAULT */
	syscall(SYS_io_setup, 2, &ctx);			/* its ring mapped before the hole below */
	two = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	munmap(two + page, page);
	edge = (struct iocb **)(two + page) - 1;	/* one pointer, then an unmapped page */
	*edge = &w;
	syscall(SYS_io_submit, ctx, (long)1, 8L);
	syscall(SYS_io_submit, ctx, (long)2, list);		/* the second iocb unreadable */
	syscall(SYS_io_submit, ctx, -1L, list);
	syscall(SYS_io_submit, ctx, 1L << 20, edge);	/* one iocb, then EFAULT */
	memcpy(two + page - 2, "ok", 2);
	w.aio_buf = (unsigned long)(two + page - 2);	/* 2 of its 100 bytes readable */
	w.aio_nbytes = 100;
	syscall(SYS_io_submit, ctx, (long)1, list);
	syscall(SYS_io_getevents, ctx, (long)1, (long)1, ev, 8L);
	syscall(SYS_io_cancel, ctx, 8L, 8L);
	syscall(SYS_io_destroy, 8L);
}

static void toctou(void)
{
	static char a[] = "AAAA", b1[] = "ab", b2[] = "cd", same[] = "same";
	struct iovec iov[2] = { { b1, 2 }, { b2, 2 } };
	struct iocb w = cb(IOCB_CMD_PWRITE, a, 4, 0, 1), v = cb(IOCB_CMD_PWRITEV, iov, 2, 4, 2);
	struct iocb u = cb(IOCB_CMD_PWRITE, same, 4, 8, 3), *list[2] = { &w, &v };
	struct io_event ev[4];
	struct timespec ts = { 1, 0 };
	char got[16] = "";

	syscall(SYS_io_setup, 4, &ctx);
	syscall(SYS_io_submit, ctx, L(2), list);
	memcpy(a, "BBBB", 4);
	memcpy(b2, "xy", 2);
	syscall(SYS_io_getevents, ctx, L(2), L(4), ev, &ts);
	list[0] = &u;
	syscall(SYS_io_submit, ctx, L(1), list);
	syscall(SYS_io_pgetevents, ctx, L(1), L(4), ev, &ts, NULL);
	syscall(SYS_io_destroy, ctx);
	if (pread(fd, got, 12, 0) == 12)
		printf("file: %.12s\n", got);
}

static void many(void)
{
	static struct iocb w[70];
	static struct iocb *list[70];
	static struct io_event ev[70];
	struct timespec ts = { 5, 0 };
	int i;

	syscall(SYS_io_setup, 128, &ctx);
	for (i = 0; i < 70; i++) {
		w[i] = cb(IOCB_CMD_PWRITE, "m", 1, i, (unsigned long long)i + 1);
		list[i] = &w[i];
	}
	syscall(SYS_io_submit, ctx, L(70), list);
	syscall(SYS_io_getevents, ctx, L(70), L(70), ev, &ts);
	syscall(SYS_io_destroy, ctx);
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";

	syscall(SYS_close_range, 3, ~0U, 0);
	fd = open("aiodata", O_RDWR | O_CREAT | O_TRUNC, 0644);
	if (!strcmp(mode, "basic"))
		basic();
	else if (!strcmp(mode, "bad"))
		bad();
	else if (!strcmp(mode, "toctou"))
		toctou();
	else if (!strcmp(mode, "many"))
		many();
	else
		return fprintf(stderr, "usage: aio basic|bad|toctou|many\n"), 2;
	return 0;
}
