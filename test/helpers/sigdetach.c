/*
 * A signal that reaches a thread while its tracer is busy must survive
 * the detach.
 * usage: sigdetach PIDFILE
 * Writes "PID TID" to PIDFILE, TID being the thread that takes SIGUSR1
 * (every other thread blocks it; it spins in user space, so the signal
 * stops it for delivery at once).  Another thread writes a byte to
 * /dev/null over and over, so that a tracer has lines to print.  When
 * SIGUSR2 comes (after the tracer is gone), prints whether SIGUSR1 was
 * seen and exits 0.  SIGUSR1's handler keeps SIGUSR2 blocked, so a
 * SIGUSR1 handed back at detach is always handled first.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t seen_usr1, seen_usr2;

static void on_usr1(int sig)
{
	(void)sig;
	seen_usr1 = 1;
}

static void on_usr2(int sig)
{
	(void)sig;
	seen_usr2 = 1;
}

static void *writer(void *arg)
{
	int fd = open("/dev/null", O_WRONLY);

	(void)arg;
	while (!seen_usr2)
		write(fd, "w", 1);
	return NULL;
}

static void block(int how, int a, int b)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, a);
	sigaddset(&set, b);
	pthread_sigmask(how, &set, NULL);
}

static void *receiver(void *arg)
{
	FILE *f = fopen(arg, "w");

	block(SIG_UNBLOCK, SIGUSR1, SIGUSR2);
	if (!f)
		return NULL;
	fprintf(f, "%d %d\n", (int)getpid(), gettid());
	fclose(f);
	/* Spinning, not asleep in a syscall: SIGUSR1 stops it for delivery at once. */
	while (!seen_usr2)
		;
	return NULL;
}

int main(int argc, char **argv)
{
	struct sigaction sa;
	pthread_t w, r;

	if (argc != 2)
		return 2;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGUSR2);
	sigaction(SIGUSR1, &sa, NULL);
	sa.sa_handler = on_usr2;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR2, &sa, NULL);
	block(SIG_BLOCK, SIGUSR1, SIGUSR2);	/* inherited by the writer */
	pthread_create(&w, NULL, writer, NULL);
	pthread_create(&r, NULL, receiver, argv[1]);
	pthread_join(r, NULL);
	pthread_join(w, NULL);
	printf("SIGUSR1 %s\n", seen_usr1 ? "seen" : "lost");
	return 0;
}
