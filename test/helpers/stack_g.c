#include <unistd.h>
#include "stack.h"

__attribute__((noinline)) void f2(int n)
{
	f3(n);
	__asm__ volatile("" ::: "memory");
}

__attribute__((noinline)) void f3(int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (write(out_fd, "x", 1) != 1)
			return;
	__asm__ volatile("" ::: "memory");
}

__attribute__((noinline)) void a_function_whose_name_is_far_longer_than_one_hundred_characters_so_that_no_fixed_buffer_can_hold_it_whole_0123456789(void)
{
	f3(1);
	__asm__ volatile("" ::: "memory");
}
