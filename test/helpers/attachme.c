/*
 * A busy multi-threaded process to attach to.
 * usage: attachme PIDFILE OUTFILE [late]
 * Four threads each write one byte 1000 times, 2 ms apart, to OUTFILE;
 * with "late" they start only when SIGUSR1 comes (after the attach).
 * Real-time signals SIGRTMIN+1 are counted (they queue, so none may be
 * lost or doubled), each also as one byte appended to OUTFILE.sig.  When done it writes "done BYTES SIGNALS" to
 * OUTFILE.done once SIGUSR2 says no more signals come, and exits 0.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define THREADS 4
#define WRITES 1000

static volatile sig_atomic_t rt_count, no_more, go;
static int out_fd, sig_fd;

static void on_rt(int sig)
{
	(void)sig;
	rt_count++;
	if (write(sig_fd, "s", 1) != 1)
		abort();
}

static void on_usr2(int sig)
{
	(void)sig;
	no_more = 1;
}

static void on_usr1(int sig)
{
	(void)sig;
	go = 1;
}

static void *writer(void *arg)
{
	int i;

	(void)arg;
	for (i = 0; i < WRITES; i++) {
		if (write(out_fd, "x", 1) != 1)
			abort();
		usleep(2000);
	}
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t t[THREADS];
	struct sigaction sa;
	char path[4096];
	struct stat st;
	FILE *f;
	int i, late = argc == 4 && !strcmp(argv[3], "late");

	if (argc != 3 && !late)
		return 2;
	/* Test harnesses leave fds open; the traced fd numbers must not vary. */
	close_range(3, ~0u, 0);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_rt;
	sa.sa_flags = SA_RESTART;
	sigaction(SIGRTMIN + 1, &sa, NULL);
	sa.sa_handler = on_usr2;
	sigaction(SIGUSR2, &sa, NULL);
	sa.sa_handler = on_usr1;
	sigaction(SIGUSR1, &sa, NULL);
	out_fd = open(argv[2], O_WRONLY | O_CREAT | O_TRUNC, 0644);
	snprintf(path, sizeof(path), "%s.sig", argv[2]);
	sig_fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND, 0644);
	if (!late)
		for (i = 0; i < THREADS; i++)
			pthread_create(&t[i], NULL, writer, NULL);
	f = fopen(argv[1], "w");
	fprintf(f, "%d\n", (int)getpid());
	fclose(f);
	if (late) {
		while (!go)
			pause();
		for (i = 0; i < THREADS; i++)
			pthread_create(&t[i], NULL, writer, NULL);
	}
	for (i = 0; i < THREADS; i++)
		pthread_join(t[i], NULL);
	while (!no_more)
		pause();
	fstat(out_fd, &st);
	snprintf(path, sizeof(path), "%s.done", argv[2]);
	f = fopen(path, "w");
	fprintf(f, "done %lld %d\n", (long long)st.st_size, (int)rt_count);
	fclose(f);
	return 0;
}
