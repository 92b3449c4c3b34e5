/* The README's demo: a little of everything iotrace decodes. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int main(void)
{
	int fd = memfd_create("demo", 0);
	char buf[32];
	ssize_t n;

	write(fd, "hello, iotrace\n", 15);
	pwrite(fd, "\x01\x02\xff binary", 10, 4096);
	n = pread(fd, buf, sizeof(buf), 0);
	write(1, buf, (size_t)n);
	read(fd, buf, sizeof(buf));
	write(-1, "nowhere", 7);
	return 0;
}
