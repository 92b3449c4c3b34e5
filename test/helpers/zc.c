/*
 * sendfile, splice, tee, vmsplice, copy_file_range.
 * usage: zc sendfile | splice | offsets32 | vmread
 * fds: 3 source memfd (64 bytes "0123..."), 4 destination memfd,
 * 5/6 a pipe, 7/8 a socket pair, 9/10 a second pipe.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/sendfile.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

static int src, dst, pfd[2], sfd[2], p2[2];

static void setup(void)
{
	char data[64];
	int i;

	close_range(3, ~0u, 0);
	src = memfd_create("src", 0);
	dst = memfd_create("dst", 0);
	if (pipe(pfd) || socketpair(AF_UNIX, SOCK_STREAM, 0, sfd) || pipe(p2))
		exit(91);
	if (src != 3 || dst != 4 || pfd[0] != 5 || sfd[0] != 7 || p2[0] != 9)
		exit(90);
	for (i = 0; i < 64; i++)
		data[i] = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ+/"[i];
	pwrite(src, data, 64, 0);
}

static void do_sendfile(void)
{
	off_t off = 10;
	char *hole = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char buf[64];

	sendfile(dst, src, &off, 16);		/* file to file: [10 => 26] */
	sendfile(pfd[1], src, &off, 8);		/* file to pipe */
	sendfile(sfd[0], src, &off, 8);		/* file to socket */
	sendfile(dst, src, NULL, 5);		/* no offset: the file position */
	sendfile(dst, src, &off, 0);		/* count 0: [42] */
	off = 60;
	sendfile(dst, src, &off, 100);		/* short at end of file: 4 */
	sendfile(dst, src, &off, 10);		/* at end of file: 0, [64] */
	sendfile(dst, src, (off_t *)hole, 4);	/* unreadable pointer: EFAULT */
	sendfile(-1, src, &off, 4);		/* EBADF */
	read(pfd[0], buf, 8);
	read(sfd[1], buf, 8);
}

static void do_splice(void)
{
	loff_t in = 4, out = 100;
	char buf[64];
	struct iovec v[2] = { { "vm", 2 }, { "splice", 6 } };

	splice(src, &in, pfd[1], NULL, 12, SPLICE_F_MORE);	/* file to pipe: [4 => 16] */
	tee(pfd[0], p2[1], 6, SPLICE_F_NONBLOCK);		/* pipe to pipe, a copy */
	splice(pfd[0], NULL, dst, &out, 12, SPLICE_F_MOVE);	/* pipe to file: [100 => 112] */
	splice(pfd[0], NULL, dst, &out, 12, 0x100);		/* unknown flag: EINVAL */
	vmsplice(pfd[1], v, 2, SPLICE_F_GIFT);
	splice(pfd[0], NULL, dst, NULL, 8, 0);
	in = 0;
	out = 200;
	copy_file_range(src, &in, dst, &out, 20, 0);		/* [0 => 20], [200 => 220] */
	copy_file_range(src, NULL, dst, NULL, 3, 0);		/* NULL: the file positions */
	copy_file_range(src, &in, dst, &out, 4, 1);		/* flags must be 0: EINVAL */
	read(p2[0], buf, 6);
}

/* Offsets past 2 GiB: i386 sendfile's off_t is 32 bits, sendfile64's 64. */
static void offsets(void)
{
	off_t big = 0x80000000LL + 3;	/* 2 GiB + 3 */

	ftruncate(src, 0x100000000LL);
	pwrite(src, "high", 4, big);
	sendfile(dst, src, &big, 4);	/* i386: sendfile64 */
#if defined(__i386__)
	{
		int32_t small = 0x7ffffff0;	/* the largest the 32-bit type takes */

		pwrite(src, "edge", 4, small);
		syscall(SYS_sendfile, dst, src, &small, 4);
	}
#endif
}

/* vmsplice from a pipe's read end: the call fills its iovecs, like readv. */
static void vmread(void)
{
	char a[4], b[16], c[8];
	struct iovec v[3] = { { a, 4 }, { b, 16 }, { c, 8 } };

	memset(a, '.', 4);
	memset(b, '.', 16);
	memset(c, '.', 8);
	write(pfd[1], "hello world", 11);
	vmsplice(pfd[0], v, 3, 0);
}

int main(int argc, char **argv)
{
	if (argc != 2)
		return 2;
	setup();
	if (!strcmp(argv[1], "sendfile"))
		do_sendfile();
	else if (!strcmp(argv[1], "splice"))
		do_splice();
	else if (!strcmp(argv[1], "offsets"))
		offsets();
	else if (!strcmp(argv[1], "vmread"))
		vmread();
	else
		return 2;
	return 0;
}
