#ifndef IOTRACE_TRACEE_H
#define IOTRACE_TRACEE_H

#include <stdint.h>
#include <sys/types.h>
#include "call/call.h"

struct outstream;

enum tcb_flag {
	TCB_IN_SYSCALL = 1 << 0,	/* between a syscall's entry and exit */
	TCB_DECODING = 1 << 1,		/* the current syscall is traced */
	TCB_STARTUP = 1 << 2,		/* spawned, before its execve: silent */
	TCB_ATTACHED = 1 << 3,		/* from -p: detach, never kill */
	TCB_LISTENING = 1 << 4,		/* in group-stop under PTRACE_LISTEN */
	TCB_LINE_OPEN = 1 << 5,		/* entry part printed, result pending */
	TCB_LINE_CUT = 1 << 6,		/* that line got " <unfinished ...>" */
	TCB_ARCH_KNOWN = 1 << 7,	/* arch is the tracee's, not a guess */
	TCB_EXITING = 1 << 8,		/* PTRACE_EVENT_EXIT seen */
	TCB_HIDDEN = 1 << 9,		/* the current call is filtered out (-P) */
	TCB_MAPS_CALL = 1 << 10,	/* the current call may change the address space (-k) */
	TCB_END_SHOWN = 1 << 11,	/* its "+++ exited" is printed (--normalize) */
	TCB_SECCOMP_CALL = 1 << 12,	/* the current call may install a seccomp filter */
	TCB_OWN_FILTER = 1 << 13,	/* has a seccomp filter of its own: stop at every call */
	TCB_SECCOMP_TSYNC = 1 << 14,	/* ...on every thread of its process (TSYNC) */
};

/* One traced thread. */
struct tcb {
	pid_t tid;
	unsigned flags;
	enum arch arch;
	struct sc_event ev;	/* the current syscall, args saved at entry */
	struct call call;	/* its decoded form */
	struct outstream *out;
	size_t col;		/* column of the open line, for -a */
	pid_t tgid;		/* -k: its process, 0 until looked up */
	uint64_t entry_ns;	/* -T, -c: monotonic time at the current call's entry */
	void *unwind;		/* -k: libunwind's per-thread handle */
	struct tcb *hnext;
};

/* The tcb of thread @tid, or NULL. */
struct tcb *tcb_find(pid_t tid);

/* Adds thread @tid (not yet in the table) with @flags. */
struct tcb *tcb_add(pid_t tid, unsigned flags);

/* Changes the tid of @t, as when a non-leader thread execs. */
void tcb_rekey(struct tcb *t, pid_t tid);

/* Removes @t from the table and frees it. */
void tcb_drop(struct tcb *t);

/* Number of threads traced now. */
unsigned tcb_count(void);

/* Calls @fn on every tcb; @fn may drop the tcb it is given. */
void tcb_for_each(void (*fn)(struct tcb *t, void *data), void *data);

#endif
