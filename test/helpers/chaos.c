/*
 * For --normalize's blocks: two processes of two threads each, whose
 * threads write and read without waiting for one another, so that every
 * run interleaves them differently.  Each thread's own sequence is fixed:
 * the main threads play ping-pong over two pipes (a reply a message, so
 * a read gets exactly one), the other threads write 50 lines each to
 * /dev/null and read /dev/zero.
 * usage: chaos same | variant | million
 *   variant  one byte of one line of the first process's thread differs
 * SIGCHLD is blocked: when and to which thread the kernel delivers a
 * process's signal is the scheduler's doing.
 *   million  one thread, 1,000,000 one-byte writes to /dev/null
 *   chunks   a child writes "chunk-" 20 times into a pipe; the parent reads
 *            it to its end, in as many reads as the timing makes
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int null_fd, zero_fd, variant;

static void *worker(void *arg)
{
	char line[64], buf[16];
	int i, n;

	for (i = 0; i < 50; i++) {
		const char *tag = variant && i == 0 && !strcmp(arg, "parent's") ? "thread linE" :
				  "thread line";

		n = snprintf(line, sizeof(line), "%s %s %d\n", (const char *)arg, tag, i);
		if (write(null_fd, line, (size_t)n) != n || read(zero_fd, buf, sizeof(buf)) != 16)
			exit(3);
	}
	return NULL;
}

int main(int argc, char **argv)
{
	int ping[2], pong[2], i, n;
	sigset_t chld;
	char msg[32], got[32];
	pthread_t t;
	pid_t child;

	if (argc != 2)
		return 2;
	close_range(3, ~0u, 0);
	null_fd = open("/dev/null", O_WRONLY);
	zero_fd = open("/dev/zero", O_RDONLY);
	if (!strcmp(argv[1], "million")) {
		for (i = 0; i < 1000000; i++)
			if (write(null_fd, "m", 1) != 1)
				return 3;
		return 0;
	}
	/*
	 * No SIGCHLD: where it lands in a thread's sequence, and in which
	 * thread, is the scheduler's.  waitpid works all the same.
	 */
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);
	if (pipe(ping) || pipe(pong))
		return 3;
	if (!strcmp(argv[1], "chunks")) {
		if (!fork()) {
			for (i = 0; i < 20; i++)
				if (write(pong[1], "chunk-", 6) != 6)
					_exit(3);
			_exit(0);
		}
		close(pong[1]);
		while (read(pong[0], got, sizeof(got)) > 0)
			;
		wait(NULL);
		return 0;
	}
	variant = !strcmp(argv[1], "variant");
	pthread_create(&t, NULL, worker, "parent's");
	child = fork();
	if (!child) {
		pthread_t ct;

		pthread_create(&ct, NULL, worker, "child's");
		for (i = 0; i < 20; i++) {
			if (read(ping[0], got, sizeof(got)) <= 0)
				_exit(3);
			n = snprintf(msg, sizeof(msg), "pong %d", i);
			if (write(pong[1], msg, (size_t)n) != n)
				_exit(3);
		}
		pthread_join(ct, NULL);
		_exit(0);
	}
	for (i = 0; i < 20; i++) {
		n = snprintf(msg, sizeof(msg), "ping %d", i);
		if (write(ping[1], msg, (size_t)n) != n || read(pong[0], got, sizeof(got)) <= 0)
			return 3;
	}
	pthread_join(t, NULL);
	waitpid(child, NULL, 0);
	return 0;
}
