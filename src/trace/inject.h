#ifndef IOTRACE_INJECT_H
#define IOTRACE_INJECT_H

/*
 * -e inject= and -e fault=: what they do to a thread's calls.  strace's
 * (a call skipped, its result given; a signal; delays), and faults that
 * really happen: a count cut at entry so the kernel moves fewer bytes
 * (short=, enospc-after=, torn=), a blocking call interrupted (eintr).
 * The decoded call is told what was done (call->injected); the tracee's
 * own memory, where a cut had to change it, is put back at exit.
 */

#include <stdint.h>
#include <linux/ptrace.h>
#include "call/call.h"
#include "config/options.h"

struct tcb;

/* A register (reg >= 0) or word of tracee memory a cut changed, and what it held. */
struct inject_undo {
	int reg;
	uint64_t addr;
	uint64_t val;
	unsigned size;
};

/* A thread's injection state: per rule counts, and the current call's. */
struct inject_state {
	unsigned *count;	/* calls of each syscall each rule matched in this thread */
	int rule;		/* the rule acting on the current call, + 1; 0: none */
	int skip;		/* the call was skipped: give @val at exit */
	int64_t val;		/* ...-errno, or the value */
	unsigned file;		/* enospc-after: the file's slot + 1, credited at exit */
	uint64_t reserved;	/* ...with the bytes held for the call at entry */
	int kill;		/* torn=: SIGKILL the process at exit */
	struct inject_undo undo[4];
	uint64_t scratch_top;	/* where copies below the stack begin */
	uint64_t msg_user, msg_copy;	/* recvmsg cut by a copy: what to copy back at exit */
	unsigned msg_psz;
	unsigned nundo;
	uint64_t resume_at;	/* held by a delay until this monotonic time, or 0 */
	uint64_t sent;		/* signal= signals sent and not yet delivered (bit SIG - 1) */
	uint64_t own;		/* eintr's signals sent and not yet swallowed */
};

/*
 * At the entry of decoded call @c of @t (@args its arguments; @sock_args
 * the address of i386 socketcall's argument array, or 0): the rule that
 * decides it acts.  Registers and memory are changed here.
 */
void inject_entry(struct tcb *t, struct call *c, const uint64_t *args, uint64_t sock_args);

/*
 * At its exit, before the exit is decoded: memory put back, the result
 * given (@info and the tracee's register), files credited, torn's kill.
 */
void inject_exit(struct tcb *t, struct call *c, struct __ptrace_syscall_info *info);

/* @t's call will never return (the thread died in it): bytes held for it are freed. */
void inject_vanished(struct tcb *t);

/*
 * Detaching: a thread held by a delay (stopped already) has its cut put
 * back and is let go at once: returns 1.  Any other has it put back once
 * detaching has seen it stop (inject_detach_stopped): registers can be
 * changed only then, and a call that was interrupted runs again as the
 * program made it.
 */
int inject_detach_held(struct tcb *t);
void inject_detach_stopped(struct tcb *t);

/*
 * Delays: a thread is held in its stop (inject_state.resume_at) while
 * the loop serves the others.  The earliest time one is due (monotonic
 * ns), or 0 when none is held; the due ones resumed; a nap until the
 * next is due, at most a millisecond (other stops are looked for between).
 */
uint64_t inject_next_due(void);
void inject_resume_due(void);
void inject_nap(void);

/* Every held thread resumed now (the command was told to end). */
void inject_release_all(void);

/*
 * A signal-delivery stop of @t for @sig: 1 when it is eintr's own signal
 * (swallowed: the tracee never sees it); signal='s own is given the
 * kernel's siginfo (SI_KERNEL, as strace's injection delivers it).
 */
int inject_signal_stop(struct tcb *t, int sig);

#endif
