/*
 * read/write/pread64/pwrite64 with known data, fds and results.
 * usage: rw basic | bytes | octal | offsets | mixed | guard | pipes | sync | slowpipe |
 *        copy-naive | copy-loop
 * mixed: 100 x (99 getppid + 1 write), mostly calls iotrace does not trace.
 * pipes: 12,000 pipes, a byte written to each, and as many writes to
 *        fds that are not open, all different.
 * slowpipe: a read of a pipe whose writer, a child, sleeps 24 ms from when
 *           the parent says it is about to read (a handshake of readv and
 *           writev once the child runs).
 * copy-naive: 100 bytes to file "copy" in one write, its result ignored (a bug);
 * copy-loop: the same, writing again until every byte is written.
 * fds: 3 is /dev/null, 4 a memfd, so the trace is the same on every run.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int null_fd, mem_fd;

static void setup(void)
{
	/* Test harnesses leave fds open; start from 0, 1, 2 only. */
	close_range(3, ~0u, 0);
	null_fd = open("/dev/null", O_WRONLY);
	mem_fd = memfd_create("rw", 0);
	if (null_fd != 3 || mem_fd != 4)
		exit(90);
}

static void basic(void)
{
	char buf[64];
	const char *long_str = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJ";

	write(null_fd, "hello\n", 6);
	write(null_fd, long_str, strlen(long_str));
	write(null_fd, NULL, 0);
	write(null_fd, "", 0);
	write(-1, "x", 1);
	write(null_fd, "quote\" back\\ tab\t cr\r ff\f vt\v", 29);
	pwrite(mem_fd, "positional", 10, 100);
	pread(mem_fd, buf, 10, 100);
	pread(mem_fd, buf, sizeof(buf), 105);
	pread(mem_fd, buf, sizeof(buf), 4096);	/* past the end: 0 bytes */
	write(mem_fd, "abc", 3);
	lseek(mem_fd, 0, SEEK_SET);
	read(mem_fd, buf, 2);
	read(mem_fd, buf, 1);
	read(null_fd, buf, 4);			/* EBADF: opened write-only */
	pread(mem_fd, buf, 4, -1);		/* EINVAL */
}

static void bytes(void)
{
	unsigned char all[256];
	int i;

	for (i = 0; i < 256; i++)
		all[i] = (unsigned char)i;
	write(null_fd, all, sizeof(all));
	for (i = 0; i < 256; i++)
		write(null_fd, &all[i], 1);
	/* Only whitespace escapes: -x keeps the plain form. */
	write(null_fd, "tab\there\nnl\r\v\f", 14);
}

/* Octal escapes before digits need all three digits. */
static void octal(void)
{
	static const char cases[][4] = {
		{ 0, '1' }, { 0, '8' }, { 7, '7' }, { 31, '0' }, { 127, '9' },
		{ (char)255, '3' }, { 0, 0 }, { 1, 'a' },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		write(null_fd, cases[i], 2);
}

static void offsets(void)
{
	char buf[8];

	pwrite(mem_fd, "far", 3, 0x140000000LL);	/* 5 GiB: both halves on i386 */
	pread(mem_fd, buf, 3, 0x140000000LL);
	pwrite(mem_fd, "x", 1, 0x7fffffffLL);
	pread(mem_fd, buf, 1, 0x80000000LL);
	pwrite(mem_fd, "neg", 3, -2);			/* EINVAL */
}

/* Buffers running into, and starting in, a PROT_NONE page. */
static void guard(void)
{
	char *p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		exit(91);
	memcpy(p + 4096 - 3, "abc", 3);
	mprotect(p + 4096, 4096, PROT_NONE);
	write(null_fd, p + 4096 - 3, 6);	/* /dev/null takes all 6 without reading */
	write(mem_fd, p + 4096 - 3, 6);		/* the kernel copies 3, then faults */
	write(null_fd, p + 4096, 2);
}

static void mixed(void)
{
	int i, k;

	for (i = 0; i < 100; i++) {
		for (k = 0; k < 99; k++)
			getppid();
		write(null_fd, "m", 1);
	}
}

/* fsync and fdatasync on a memfd, /dev/null and fds that are not open. */
static void sync_calls(void)
{
	write(mem_fd, "durable", 7);
	fsync(mem_fd);
	fdatasync(mem_fd);
	fsync(null_fd);
	fdatasync(-1);
	fsync(99);
}

static void pipes(void)
{
	int i, p[2];

	for (i = 0; i < 12000; i++) {
		if (pipe(p))
			exit(3);
		write(p[1], "p", 1);
		close(p[0]);
		close(p[1]);
		write(1000 + i, "n", 1);
	}
}

static void slowpipe(void)
{
	struct timespec ms24 = { 0, 24 * 1000 * 1000 };
	char c, r = 'r', g = 'g';
	struct iovec rio = { &r, 1 }, gio = { &g, 1 };
	int p[2], go[2], ready[2];
	pid_t pid;

	if (pipe(p) || pipe(go) || pipe(ready))
		exit(3);
	pid = fork();
	if (pid < 0)
		exit(3);
	if (!pid) {	/* the 24 ms start when the parent is about to read */
		if (writev(ready[1], &rio, 1) != 1 || readv(go[0], &gio, 1) != 1)
			_exit(1);
		nanosleep(&ms24, NULL);
		_exit(write(p[1], "x", 1) == 1 ? 0 : 1);
	}
	/* readv and writev for the handshake: a test traces read and write alone */
	if (readv(ready[0], &rio, 1) != 1 || writev(go[1], &gio, 1) != 1 ||
	    read(p[0], &c, 1) != 1 || waitpid(pid, NULL, 0) != pid)
		exit(3);
}

static void copy(int loop)
{
	char data[101];
	size_t done = 0;
	int fd = open("copy", O_WRONLY | O_CREAT | O_TRUNC, 0644);

	memcpy(data, "0123456789012345678901234567890123456789012345678901234567890123456789"
		     "012345678901234567890123456789", 101);
	do {
		ssize_t n = write(fd, data + done, 100 - done);

		if (n < 0)
			exit(3);
		done += (size_t)n;
	} while (loop && done < 100);
	close(fd);
}

int main(int argc, char **argv)
{
	if (argc != 2)
		return 2;
	setup();
	if (!strcmp(argv[1], "basic"))
		basic();
	else if (!strcmp(argv[1], "bytes"))
		bytes();
	else if (!strcmp(argv[1], "octal"))
		octal();
	else if (!strcmp(argv[1], "offsets"))
		offsets();
	else if (!strcmp(argv[1], "mixed"))
		mixed();
	else if (!strcmp(argv[1], "guard"))
		guard();
	else if (!strcmp(argv[1], "pipes"))
		pipes();
	else if (!strcmp(argv[1], "sync"))
		sync_calls();
	else if (!strcmp(argv[1], "slowpipe"))
		slowpipe();
	else if (!strcmp(argv[1], "copy-naive"))
		copy(0);
	else if (!strcmp(argv[1], "copy-loop"))
		copy(1);
	else
		return 2;
	return 0;
}
