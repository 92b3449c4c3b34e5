#define _GNU_SOURCE
/*
 * usage: threads NTHREADS NWRITES [together]
 * Each thread writes one byte NWRITES times.  With "together", every
 * thread is alive at once: they wait for each other before writing and
 * again before exiting.
 */
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static long writes;
static int fd, together;
static pthread_barrier_t all_alive, all_done;

static void *writer(void *arg)
{
	long i;

	(void)arg;
	if (together)
		pthread_barrier_wait(&all_alive);
	for (i = 0; i < writes; i++)
		if (write(fd, "w", 1) != 1)
			abort();
	if (together)
		pthread_barrier_wait(&all_done);
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t t[256];
	int n, i;

	/* Test harnesses leave fds open; the traced fd numbers must not vary. */
	close_range(3, ~0u, 0);
	if (argc != 3 && !(argc == 4 && !strcmp(argv[3], "together")))
		return 2;
	n = atoi(argv[1]);
	writes = atol(argv[2]);
	together = argc == 4;
	if (n < 1 || n > 256)
		return 2;
	pthread_barrier_init(&all_alive, NULL, (unsigned)n);
	pthread_barrier_init(&all_done, NULL, (unsigned)n);
	fd = open("/dev/null", O_WRONLY);
	for (i = 0; i < n; i++)
		pthread_create(&t[i], NULL, writer, NULL);
	for (i = 0; i < n; i++)
		pthread_join(t[i], NULL);
	return 0;
}
