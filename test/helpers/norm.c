/*
 * For --normalize: a deterministic program of two processes and two
 * threads, with addresses in its trace.  "variant" changes one byte of
 * one write.
 * usage: norm same | variant
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int null_fd;
static const char *from_thread = "from the thread";

static void *thread(void *arg)
{
	(void)arg;
	write(null_fd, from_thread, 15);
	return NULL;
}

int main(int argc, char **argv)
{
	char buf[16];
	pthread_t t;
	pid_t child;
	int p[2];

	if (argc != 2)
		return 2;
	if (!strcmp(argv[1], "variant"))
		from_thread = "from the threaD";
	close_range(3, ~0u, 0);
	null_fd = open("/dev/null", O_WRONLY);
	if (pipe(p))
		return 3;
	pthread_create(&t, NULL, thread, NULL);
	pthread_join(t, NULL);
	child = fork();
	if (!child) {
		write(p[1], "hello", 5);
		_exit(0);
	}
	waitpid(child, NULL, 0);
	read(p[0], buf, sizeof(buf));
	read(null_fd, buf, sizeof(buf));	/* EBADF: the buffer's address */
	write(null_fd, "done", 4);
	return 0;
}
