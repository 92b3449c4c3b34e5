/*
 * The vectored family, process_vm_*, guard pages and hostile counts.
 * usage: vec basic | rwf | offsets | guard | limits | pvm | nodump | many |
 *        bigdump | reuse | same10 | vdumps | budget | hugedump
 * fds: 3 is /dev/null, 4 a memfd.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

static int null_fd, mem_fd;

static void basic(void)
{
	struct iovec w[2] = { { "hello", 5 }, { "world", 5 } };
	char a[3], b[20], c[4];
	struct iovec r[3] = { { a, 3 }, { b, 20 }, { c, 4 } };

	writev(mem_fd, w, 2);
	lseek(mem_fd, 0, SEEK_SET);
	readv(mem_fd, r, 3);			/* 10 bytes over 3 + 7 + 0 */
	readv(null_fd, r, 2);			/* EBADF: element addresses */
	writev(null_fd, NULL, 0);
	writev(null_fd, w, 0);
	pwritev(mem_fd, w, 2, 100);
	preadv(mem_fd, r, 2, 100);
	pwritev2(mem_fd, w, 1, -1, 0);		/* -1: the current file position */
	preadv2(mem_fd, r, 1, 0, 0);
	pwritev2(mem_fd, w, 2, 0, RWF_DSYNC | RWF_HIPRI);
	write(mem_fd, "plain write", 11);
	pread(mem_fd, b, 10, 0);
}

/* Every flag alone, all at once, unknown bits, bits above 32 in the register. */
static void rwf(void)
{
	struct iovec w = { "f", 1 };
	unsigned bit;

	for (bit = 0; bit < 9; bit++)
		pwritev2(mem_fd, &w, 1, 0, 1 << bit);
	pwritev2(mem_fd, &w, 1, 0, 0x1ff);
	pwritev2(mem_fd, &w, 1, 0, 0x1000);
	pwritev2(mem_fd, &w, 1, 0, 0x80001004);
	pwritev2(mem_fd, &w, 1, 0, 0);
#ifdef __x86_64__
	syscall(SYS_pwritev2, mem_fd, &w, 1, 0L, 0L, 0xdeadbeef00000002UL);
#endif
	preadv2(mem_fd, &w, 1, 0, RWF_NOWAIT);
}

static void offsets(void)
{
	struct iovec w = { "far", 3 };
	char b[3];
	struct iovec r = { b, 3 };

	pwritev(mem_fd, &w, 1, 0x140000000LL);	/* 5 GiB: i386 splits it in two */
	preadv(mem_fd, &r, 1, 0x140000000LL);
	pwritev2(mem_fd, &w, 1, 0x7fffffffLL, 0);
	preadv2(mem_fd, &r, 1, 0x80000000LL, 0);
#ifdef __x86_64__
	/* pos_h is garbage: a 64-bit kernel ignores it, so does iotrace. */
	syscall(SYS_pwritev, mem_fd, &w, 1, 0x140000000L, 0xdeadbeefL);
	syscall(SYS_preadv, mem_fd, &r, 1, 0x140000000L, 0x12345678L);
#endif
}

/* Two pages, the second PROT_NONE; returns the start of the hole. */
static char *page_then_hole(void)
{
	char *p = mmap(NULL, 8192, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED || mprotect(p + 4096, 4096, PROT_NONE))
		exit(91);
	return p + 4096;
}

/* Things that run into an unreadable page. */
static void guard(void)
{
	char *hole = page_then_hole(), *hole2 = page_then_hole();
	char *def = hole2 - 4096;
	struct iovec *arr = (struct iovec *)hole2 - 1;	/* its successor is in the hole */
	struct iovec straddle[1] = { { hole - 3, 6 } };
	struct iovec bad_first[2] = { { hole, 3 }, { def, 3 } };

	memcpy(hole - 3, "abc", 3);
	memcpy(def, "def", 3);
	arr->iov_base = def;
	arr->iov_len = 3;
	writev(null_fd, straddle, 1);			/* data runs into the hole */
	writev(null_fd, arr, 2);			/* the array runs into the hole */
	writev(null_fd, (struct iovec *)hole, 2);	/* element 0 unreadable */
	writev(null_fd, bad_first, 2);			/* readable after unreadable */
	write(null_fd, hole - 3, 6);
}

/*
 * Counts past what one call can take (MAX_RW_COUNT, 0x7ffff000 bytes),
 * over a page followed by a hole: a dump stops at the kernel's limit.
 */
static void hugedump(void)
{
	char *page = page_then_hole() - 4096;
	struct iovec v[4];
	int i;

	memset(page, 'h', 4096);
	for (i = 0; i < 4; i++)
		v[i] = (struct iovec){ page, (size_t)1 << 30 };
	syscall(SYS_write, null_fd, page, sizeof(size_t) == 8 ? (size_t)0x80000000u * 2 : (size_t)-1);
	writev(null_fd, v, 4);
}

/* Counts and lengths the kernel refuses: the line must still be right. */
static void limits(void)
{
	static struct iovec many[1025];
	char *p = mmap(NULL, 8192, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	struct iovec huge;
	int i;

	for (i = 0; i < 1025; i++) {
		many[i].iov_base = "x";
		many[i].iov_len = 1;
	}
	writev(null_fd, many, 1025);			/* IOV_MAX + 1: EINVAL */
#ifdef __x86_64__
	syscall(SYS_writev, null_fd, many, 0x100000001UL);	/* 2^32 + 1 */
#endif
	/* SIZE_MAX bytes claimed, 3 real ones before an unmapped page. */
	memcpy(p + 4093, "end", 3);
	munmap(p + 4096, 4096);
	huge.iov_base = p + 4093;
	huge.iov_len = SIZE_MAX;
	writev(null_fd, &huge, 1);
	syscall(SYS_write, null_fd, p + 4093, SIZE_MAX);
}

/* process_vm_readv/writev with a child that has the same addresses. */
static char remote_buf[16] = "remote data";

static void pvm(void)
{
	int go[2];
	pid_t child;
	char local[16] = "local buffer";
	struct iovec l = { local, 11 }, r = { remote_buf, 11 };
	char c;

	if (pipe(go))
		exit(92);
	child = fork();
	if (!child) {
		close(go[1]);
		read(go[0], &c, 1);
		_exit(0);
	}
	memset(remote_buf, '?', 11);	/* ours differs now; the child still has "remote data" */
	process_vm_readv(child, &l, 1, &r, 1, 0);
	memcpy(local, "written in", 10);
	process_vm_writev(child, &l, 1, &r, 1, 0);
	process_vm_readv(child, &l, 1, NULL, 1, 0);	/* EFAULT */
	close(go[1]);
	waitpid(child, NULL, 0);
}

/* Non-dumpable: process_vm_readv is refused to an unprivileged tracer. */
static void nodump(void)
{
	struct iovec w[2] = { { "secret", 6 }, { "data", 4 } };

	prctl(PR_SET_DUMPABLE, 0);
	writev(null_fd, w, 2);
	write(null_fd, "0123456789abcdefghijklmnopqrstuvwxyz", 36);
}

/* One writev of 64 elements, for counting iotrace's memory reads. */
static void many(void)
{
	static struct iovec v[64];
	static char data[64][8];
	int i;

	for (i = 0; i < 64; i++) {
		memset(data[i], 'a' + i % 26, 8);
		v[i].iov_base = data[i];
		v[i].iov_len = 8;
	}
	writev(null_fd, v, 64);
}

/*
 * One iovec array used again and again, as loops do: the data changes,
 * then an iov_base, an iov_len, then a buffer disappears (iotrace reads
 * the elements of a familiar array speculatively; every line must still
 * show what the call was given).
 */
static void reuse(void)
{
	static char one[8] = "one", two[8] = "two";
	char *page = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	struct iovec v[2] = { { one, 3 }, { page, 4 } };
	char r[8];
	struct iovec rv[2] = { { r, 3 }, { page, 4 } };
	int i;

	if (page == MAP_FAILED)
		exit(93);
	memcpy(page, "page", 4);
	for (i = 0; i < 4; i++) {
		one[0] = (char)('0' + i);
		writev(null_fd, v, 2);
	}
	v[0].iov_base = two;			/* another buffer */
	writev(null_fd, v, 2);
	writev(null_fd, v, 2);
	v[0].iov_len = 6;			/* longer */
	writev(null_fd, v, 2);
	v[0].iov_len = 1;			/* shorter */
	writev(null_fd, v, 2);
	writev(null_fd, v, 2);
	munmap(page, 4096);			/* the guessed buffer is gone */
	writev(null_fd, v, 2);
	v[1].iov_base = one;
	writev(null_fd, v, 2);
	/* The read side: the same array at exit, filled from a memfd. */
	pwrite(mem_fd, "abcdefg", 7, 0);
	rv[1].iov_base = two;
	for (i = 0; i < 3; i++)
		preadv(mem_fd, rv, 2, i);
}

/*
 * Dumps on both sides of 64 KiB (iotrace reads smaller ones with the
 * call, streams larger ones): a writev of 2 x 40,000 bytes and a readv
 * of them back, then the same with 2 x 30,000.
 */
static void vdumps(void)
{
	static char a[40000], b[40000];
	struct iovec v[2] = { { a, sizeof(a) }, { b, sizeof(b) } };
	size_t i;

	for (i = 0; i < sizeof(a); i++) {
		a[i] = (char)(i % 253);
		b[i] = (char)(i % 127);
	}
	writev(mem_fd, v, 2);
	preadv(mem_fd, v, 2, 0);
	v[0].iov_len = v[1].iov_len = 30000;
	writev(mem_fd, v, 2);
	preadv(mem_fd, v, 2, 0);
}

/* Ten writevs of one array: counted by the speculation test. */
static void same10(void)
{
	struct iovec v[2] = { { "ab", 2 }, { "cd", 2 } };
	int i;

	for (i = 0; i < 10; i++)
		writev(null_fd, v, 2);
}

/* A dump past 1 MiB needs six offset digits from its first line on. */
static void bigdump(void)
{
	size_t n = (1 << 20) + 20, i;
	char *p = malloc(n);

	for (i = 0; i < n; i++)
		p[i] = (char)(i % 251);
	write(null_fd, p, n);
	free(p);
}

/*
 * More to show than one call may hold (64 KiB at -s 4096): a writev of
 * 20 x 4 KiB, a write of 100,000 bytes, and a readv filling 20 x 4 KiB.
 */
static void budget(void)
{
	static char big[100000];
	struct iovec v[20];
	int i;

	for (i = 0; i < 20; i++) {
		memset(big + i * 4096, 'a' + i, 4096);
		v[i] = (struct iovec){ big + i * 4096, 4096 };
	}
	writev(null_fd, v, 20);
	write(null_fd, big, sizeof(big));
	ftruncate(mem_fd, 20 * 4096);
	readv(mem_fd, v, 20);
}

int main(int argc, char **argv)
{
	static const struct {
		const char *name;
		void (*fn)(void);
	} modes[] = {
		{ "basic", basic }, { "rwf", rwf }, { "offsets", offsets },
		{ "guard", guard }, { "limits", limits }, { "pvm", pvm },
		{ "nodump", nodump }, { "many", many }, { "bigdump", bigdump },
		{ "reuse", reuse }, { "same10", same10 }, { "vdumps", vdumps },
		{ "budget", budget }, { "hugedump", hugedump },
	};
	size_t i;

	/* Test harnesses leave fds open; start from 0, 1, 2 only. */
	close_range(3, ~0u, 0);
	null_fd = open("/dev/null", O_WRONLY);
	mem_fd = memfd_create("vec", 0);
	if (argc != 2 || null_fd != 3 || mem_fd != 4)
		return 90;
	for (i = 0; i < sizeof(modes) / sizeof(modes[0]); i++) {
		if (!strcmp(argv[1], modes[i].name)) {
			modes[i].fn();
			return 0;
		}
	}
	return 2;
}
