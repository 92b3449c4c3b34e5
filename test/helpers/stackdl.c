/* Loaded with dlopen after the -k helper starts. */
#include <unistd.h>

__attribute__((noinline)) void dl_inner(int fd)
{
	write(fd, "dl", 2);
	__asm__ volatile("" ::: "memory");
}

__attribute__((noinline)) void dl_writer(int fd)
{
	dl_inner(fd);
	__asm__ volatile("" ::: "memory");
}
