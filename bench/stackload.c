/*
 * The -k benchmark workload: N writes of one byte to /dev/null, each at
 * the bottom of a call chain 10 frames deep.
 * usage: stackload N
 */
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

static int fd;

#define LEVEL(name, next) \
	__attribute__((noinline)) static void name(int n) { next(n); __asm__ volatile("" ::: "memory"); }

__attribute__((noinline)) static void l9(int n)
{
	(void)n;
	if (write(fd, "x", 1) != 1)
		abort();
	__asm__ volatile("" ::: "memory");
}
LEVEL(l8, l9)
LEVEL(l7, l8)
LEVEL(l6, l7)
LEVEL(l5, l6)
LEVEL(l4, l5)
LEVEL(l3, l4)
LEVEL(l2, l3)
LEVEL(l1, l2)
LEVEL(l0, l1)

int main(int argc, char **argv)
{
	long i, n = argc > 1 ? atol(argv[1]) : 20000;

	fd = open("/dev/null", O_WRONLY);
	for (i = 0; i < n; i++)
		l0((int)i);
	return 0;
}
