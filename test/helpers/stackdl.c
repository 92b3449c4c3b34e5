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

/*
 * Calls back into the program, so that this library's frame stays on the
 * stack while the program truncates the library's file (truncate mode of
 * the helper); nothing here touches the file's pages after the call.
 */
__attribute__((noinline)) int dl_call(int (*cb)(void))
{
	int r = cb();

	__asm__ volatile("" : "+r"(r));
	return r + 1;
}
