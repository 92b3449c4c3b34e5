#define _GNU_SOURCE
/* usage: threads NTHREADS NWRITES: each thread writes one byte NWRITES times. */
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

static long writes;
static int fd;

static void *writer(void *arg)
{
	long i;

	(void)arg;
	for (i = 0; i < writes; i++)
		if (write(fd, "w", 1) != 1)
			abort();
	return NULL;
}

int main(int argc, char **argv)
{
	/* Test harnesses leave fds open; the traced fd numbers must not vary. */
	close_range(3, ~0u, 0);

	pthread_t t[256];
	int n, i;

	if (argc != 3)
		return 2;
	n = atoi(argv[1]);
	writes = atol(argv[2]);
	if (n < 1 || n > 256)
		return 2;
	fd = open("/dev/null", O_WRONLY);
	for (i = 0; i < n; i++)
		pthread_create(&t[i], NULL, writer, NULL);
	for (i = 0; i < n; i++)
		pthread_join(t[i], NULL);
	return 0;
}
