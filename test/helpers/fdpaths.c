/*
 * What fds refer to as they change: for -y and -P.
 * usage: fdpaths DIR        dup2, close and reopen, a pipe, fork, exec
 *        fdpaths DIR alt    writes alternating between DIR/a and DIR/b
 *        fdpaths DIR deleted writes to DIR/gone before and after unlinking it
 *        fdpaths DIR devices reads /dev/zero, writes /dev/null, a file and a pipe (-yy)
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *dir;

static int open_in(const char *name, int flags)
{
	char path[4096];

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	return open(path, O_WRONLY | O_CREAT | O_TRUNC | flags, 0644);
}

static void after_exec(void)
{
	write(7, "x", 1);		/* closed by O_CLOEXEC: EBADF, no path */
	open_in("f", 0);		/* the number is free again: 7 */
	write(7, "f", 1);
}

int main(int argc, char **argv)
{
	int p[2], i;
	pid_t child;

	if (argc < 2)
		return 2;
	dir = argv[1];
	if (argc == 3 && !strcmp(argv[2], "stage2")) {
		after_exec();
		return 0;
	}
	close_range(3, ~0u, 0);
	if (argc == 3 && !strcmp(argv[2], "deleted")) {
		char path[4096];
		int fd = open_in("gone", 0);

		write(fd, "before", 6);
		snprintf(path, sizeof(path), "%s/gone", dir);
		unlink(path);
		write(fd, "after", 5);
		return 0;
	}
	if (argc == 3 && !strcmp(argv[2], "devices")) {
		int null = open("/dev/null", O_WRONLY), zero = open("/dev/zero", O_RDONLY);
		char c;

		struct stat st;

		read(zero, &c, 1);
		write(null, "x", 1);
		fstat(null, &st);	/* newfstatat(3, "", ...): a device as a dirfd */
		dup2(zero, 7);
		write(open_in("f", 0), "f", 1);
		pipe(p);
		write(p[1], "p", 1);
		return 0;
	}
	if (argc == 3 && !strcmp(argv[2], "alt")) {
		int a = open_in("a", 0), b = open_in("b", 0);

		for (i = 0; i < 3; i++) {
			write(a, "a", 1);
			write(b, "b", 1);
		}
		return 0;
	}
	open_in("a", 0);		/* 3 */
	write(3, "a", 1);
	open_in("b", 0);		/* 4 */
	dup2(4, 3);
	write(3, "b", 1);		/* 3 is b now */
	close(3);
	open_in("c", 0);		/* 3 again, c now */
	write(3, "c", 1);
	if (pipe(p) || p[1] != 6)
		return 91;
	write(6, "p", 1);
	child = fork();
	if (!child) {
		write(3, "child c", 7);	/* inherited */
		close(3);
		open_in("d", 0);	/* 3 in the child only */
		write(3, "child d", 7);
		_exit(0);
	}
	waitpid(child, NULL, 0);
	write(3, "parent c", 8);	/* the parent's 3 is still c */
	if (open_in("e", O_CLOEXEC) != 7)
		return 92;
	write(7, "e", 1);
	execl("/proc/self/exe", "fdpaths", dir, "stage2", (char *)NULL);
	return 93;
}
