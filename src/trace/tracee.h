#ifndef IOTRACE_TRACEE_H
#define IOTRACE_TRACEE_H

/* The traced threads: their table, their state, and resuming them. */

#include <stdint.h>
#include <sys/types.h>
#include "call/call.h"
#include "config/options.h"
#include "policy/report.h"
#include "policy/rings.h"
#include "policy/stack.h"
#include "render/render.h"
#include "trace/inject.h"

enum tcb_flag {
	TCB_IN_SYSCALL = 1 << 0,	/* between a syscall's entry and exit */
	TCB_DECODING = 1 << 1,		/* the current syscall is traced */
	TCB_STARTUP = 1 << 2,		/* spawned, before its execve: silent */
	TCB_ATTACHED = 1 << 3,		/* from -p: detach, never kill */
	TCB_LISTENING = 1 << 4,		/* in group-stop under PTRACE_LISTEN */
	TCB_EXITING = 1 << 8,		/* PTRACE_EVENT_EXIT seen */
	TCB_HIDDEN = 1 << 9,		/* the current call is filtered out (-P) */
	TCB_MAPS_CALL = 1 << 10,	/* the current call may change the address space (-k) */
	TCB_END_SHOWN = 1 << 11,	/* its "+++ exited" is printed (--normalize) */
	TCB_SECCOMP_CALL = 1 << 12,	/* the current call may install a seccomp filter */
	TCB_OWN_FILTER = 1 << 13,	/* has a seccomp filter of its own: stop at every call */
	TCB_SECCOMP_TSYNC = 1 << 14,	/* ...on every thread of its process (TSYNC) */
	TCB_FILTERED = 1 << 16,		/* under the seccomp prefilter: PTRACE_CONT between calls */
	TCB_MAPS_ONLY = 1 << 17,	/* an untraced file mmap munmap's rule must know of */
	TCB_QUIET = 1 << 18,		/* the current call is decoded for its rings, not shown */
	TCB_UNNAMED = 1 << 19,		/* --normalize: its first stop waits for its creator's event */
};

/* One traced thread. */
struct tcb {
	pid_t tid;
	unsigned flags;
	enum arch arch;
	struct sc_event ev;	/* the current syscall, args saved at entry */
	struct report rep;	/* its decoded form and what policies found */
	struct report *held;	/* --normalize=merge-reads: a line the next may join */
	struct inject_state inj;	/* -e inject=: counts, and what it did to the current call */
	struct ring_lines ring_pre;	/* io_uring completions seen at entry: before its line */
	struct ring_lines ring_post;	/* submissions and completions at exit: after its line */
	struct who who;		/* as the renderers see it: stream, open line, process */
	struct unwinder uw;	/* -k */
	uint64_t entry_ns;	/* -T, -c: monotonic time at the current call's entry */
	uint64_t maps_len;	/* TCB_MAPS_ONLY: the length it maps */
	int held_status;	/* TCB_UNNAMED: the stop it waits with */
	pid_t creator_tgid;	/* TCB_UNNAMED: the process that must have made it */
	struct tcb *hnext;
};

/* The tcb of thread @tid, or NULL. */
struct tcb *tcb_find(pid_t tid);

/* Starts tracing thread @tid (not yet in the table): a tcb with @flags and its stream. */
struct tcb *tcb_new(pid_t tid, unsigned flags);

/* Forgets @t: closes its -ff stream, drops its unwinder, frees it. */
void tcb_forget(struct tcb *t);

/* Changes the tid of @t, as when a non-leader thread execs. */
void tcb_rekey(struct tcb *t, pid_t tid);

/* Number of threads traced now. */
unsigned tcb_count(void);

/* Calls @fn on every tcb; @fn may forget the tcb it is given. */
void tcb_for_each(void (*fn)(struct tcb *t, void *data), void *data);

/* @t runs as @a now: a note says so when that is news. */
void tcb_set_arch(struct tcb *t, enum arch a);

/*
 * The stop being handled, until its tracee is resumed: a fatal error in
 * between must not leave that tracee stopped for good.
 */
void tcb_hold(pid_t pid, int status);
int tcb_held(pid_t *pid, int *status);

/*
 * Resumes @t (with signal @sig): to its next traced call under the
 * prefilter, else to its next syscall stop.
 */
void tcb_resume(struct tcb *t, int sig);

/* A tracee entered syscall @nr: spin.c keeps a budget per syscall's exit. */
void tcb_entered(uint64_t nr);

/* What the last resumed tracee will stop for next, for spin.c's budgets. */
unsigned tcb_resumed_for(void);

/* The thread resumed last. */
pid_t tcb_resumed_tid(void);

#endif
