#ifndef IOTRACE_STACKTRACE_H
#define IOTRACE_STACKTRACE_H

#include <stdint.h>
#include <sys/types.h>
#include "util/arch.h"

struct tcb;

/* One frame of a captured stack, ready to print. */
struct frame {
	const char *binary;	/* interned mapping path; NULL: no mapping */
	const char *symbol;	/* interned "name+0xoff", or "" when unknown */
	uint64_t file_off;	/* offset in the binary; the ip when no mapping */
};

/* Whether this build can print stack traces (-k): libunwind-ptrace. */
int stack_supported(void);

/*
 * Captures the stack of @t, stopped at a syscall entry, into its call's
 * frames (at most opt.frame_limit); an i386 tracee gets a note instead.
 */
void stack_capture(struct tcb *t);

/* The address space of @t's process changed: forget cached maps and unwind info. */
void stack_maps_changed(struct tcb *t);

/* Releases @t's unwinding state: the thread is gone or has exec'd. */
void stack_forget(struct tcb *t);

/* The process @tgid is gone: drop its maps cache, so it does not grow forever. */
void stack_process_gone(pid_t tgid);

#endif
