/*
 * Memory a tracer needs for threads inside large vectored calls at once.
 * usage: iovmem THREADS ELEMENTS ELEMENT_SIZE
 * Every thread, started together, does one writev of ELEMENTS elements of
 * ELEMENT_SIZE bytes to /dev/null (all pointing to one buffer), and
 * stays alive until all have: a tracer that keeps what it read for a
 * thread's last call holds it for every thread at once.
 */
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

static struct iovec *iov;
static int elements, fd;
static pthread_barrier_t start, done;

static void *writer(void *arg)
{
	pthread_barrier_wait(&start);
	if (writev(fd, iov, elements) < 0)
		abort();
	pthread_barrier_wait(&done);
	return arg;
}

int main(int argc, char **argv)
{
	pthread_t *t;
	size_t size;
	char *buf;
	int n, i;

	if (argc != 4)
		return 2;
	n = atoi(argv[1]);
	elements = atoi(argv[2]);
	size = (size_t)atol(argv[3]);
	if (n < 1 || elements < 1 || elements > 1024 || !size)
		return 2;
	fd = open("/dev/null", O_WRONLY);
	buf = malloc(size);
	iov = calloc((size_t)elements, sizeof(*iov));
	t = calloc((size_t)n, sizeof(*t));
	if (!buf || !iov || !t)
		return 1;
	memset(buf, 'm', size);
	for (i = 0; i < elements; i++)
		iov[i] = (struct iovec){ buf, size };
	pthread_barrier_init(&start, NULL, (unsigned)n);
	pthread_barrier_init(&done, NULL, (unsigned)n);
	for (i = 0; i < n; i++)
		pthread_create(&t[i], NULL, writer, NULL);
	for (i = 0; i < n; i++)
		pthread_join(t[i], NULL);
	return 0;
}
