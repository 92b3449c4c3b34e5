#include "stack.h"

__attribute__((noinline)) void f0(int n)
{
	f1(n);
	__asm__ volatile("" ::: "memory");	/* not a tail call */
}

__attribute__((noinline)) void f1(int n)
{
	f2(n);
	__asm__ volatile("" ::: "memory");
}
