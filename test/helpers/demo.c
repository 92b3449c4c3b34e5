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
	pwrite(fd, "\x01\x02\xff binary", 10, 15);
	n = pread(fd, buf, 15, 0);
	write(1, buf, (size_t)n);
	read(fd, buf, sizeof(buf));		/* from offset 15: the binary part */
	read(fd, buf, sizeof(buf));		/* end of file */
	write(-1, "nowhere", 7);		/* EBADF */
	return 0;
}
