#ifndef IOTRACE_TRACER_INTERNAL_H
#define IOTRACE_TRACER_INTERNAL_H

/* Shared between the ptrace loop (tracer.c) and attach/detach (attach.c). */

#include <sys/types.h>

struct tcb;

/* Flags the tracer keeps on every tcb it creates; see tracee.h. */
#define TCB_FILTERED (1u << 16)	/* under the seccomp prefilter: PTRACE_CONT between calls */

/* The PTRACE_O_* options for a spawned (@filtered) or attached tracee. */
unsigned long tracer_ptrace_options(int filtered);

/* Starts tracing thread @tid: a tcb with @flags and its output stream. */
struct tcb *tracer_new_tcb(pid_t tid, unsigned flags);

/* Forgets @t: closes its -ff stream and frees it. */
void tracer_forget(struct tcb *t);

/* In the command before its exec: the signal dispositions iotrace found. */
void tracer_restore_signals(void);

/* Whether the command's execve failed (it exits with 127: iotrace's status is 1). */
int tracer_exec_failed(void);

/* Lets every tracee go and drains stops still queued; prints per thread. */
void tracer_detach_all(void);

#endif
