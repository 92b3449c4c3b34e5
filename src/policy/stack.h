#ifndef IOTRACE_STACKTRACE_H
#define IOTRACE_STACKTRACE_H

#include <stdint.h>
#include <sys/types.h>
#include "util/arch.h"

/* One frame of a captured stack, ready to print. */
struct frame {
	const char *binary;	/* interned mapping path; NULL: no mapping */
	const char *symbol;	/* interned "name+0xoff", or "" when unknown */
	uint64_t file_off;	/* offset in the binary; the ip when no mapping */
};

enum stack_note {
	STACK_NONE,
	STACK_I386,		/* libunwind cannot unwind i386 from x86_64 */
	STACK_FAILED,		/* the unwinder could not start */
};

/* The caller's stack at one call's entry. */
struct stack {
	struct frame *frames;
	unsigned n, cap;
	unsigned char note;	/* STACK_*: why there are no frames */
};

/* What -k keeps of one thread: its process (0 until looked up) and unwinder. */
struct unwinder {
	pid_t tid;
	pid_t *tgid;
	void *handle;
};

/* Whether this build can print stack traces (-k): libunwind-ptrace. */
int stack_supported(void);

/*
 * Captures the stack of the thread of @u, stopped at a syscall entry and
 * running as @arch, into @s (at most opt.frame_limit frames); an i386
 * tracee gets a note instead.
 */
void stack_capture(struct stack *s, struct unwinder *u, enum arch arch);

/* The address space of @u's process changed: forget cached maps and unwind info. */
void stack_maps_changed(struct unwinder *u);

/* Releases @u's unwinding state: the thread is gone or has exec'd. */
void stack_forget(struct unwinder *u);

void stack_release(struct stack *s);

/* The process @tgid is gone: drop its maps cache, so it does not grow forever. */
void stack_process_gone(pid_t tgid);

#endif
