#ifndef IOTRACE_SYSCALL_STOP_H
#define IOTRACE_SYSCALL_STOP_H

/*
 * A syscall stop through the pipeline: the event is decoded into a call,
 * the memory reader fills it in, policies act on it (-P, dumps, --toctou,
 * -k, -c, --summary=files), and the renderer prints it, mostly after
 * the tracee has been resumed.
 */

#include <linux/ptrace.h>
#include "trace/tracee.h"

/* Handles the syscall stop @info of @t, and resumes @t. */
void syscall_stop(struct tcb *t, const struct __ptrace_syscall_info *info);

/*
 * The call @t is in will never return: the thread was killed inside it
 * (by a signal, by its own seccomp filter, by an execve in another
 * thread).  It is counted, and shown with an unknown result.
 */
void syscall_vanished(struct tcb *t);

/*
 * iotrace detaches from @t: a call it is in ends its line as strace's
 * " <detached ...>" (with -e status=detached, the whole call then).
 */
void syscall_detached(struct tcb *t);

/* --normalize=merge-reads: prints @t's held line, before anything else of @t. */
void syscall_flush_held(struct tcb *t);

/*
 * @t is exiting (PTRACE_EVENT_EXIT): its memory is still there, so the
 * completions its process's rings hold and iotrace has not shown are
 * shown now, with what is left of the last io_uring_enter's lines.
 */
void syscall_rings_last_look(struct tcb *t);

#endif
