#ifndef IOTRACE_SPIN_H
#define IOTRACE_SPIN_H

#include <signal.h>
#include <sys/types.h>

/* --spin: the longest wait awake for a tracee's next stop, by default. */
#define SPIN_USEC_DEFAULT 200
#define SPIN_USEC_MAX 100000

/*
 * What a wait is for; each kind keeps its own budget and timings: the
 * tracee's next syscall after syscall number nr, or the exit of syscall
 * nr (a read that blocks must not cost the writes their spin, nor the
 * time a program computes after a read the time it takes after a write).
 */
#define SPIN_NEXT(nr) ((unsigned)((nr) % 64))
#define SPIN_EXIT(nr) (64 + (unsigned)((nr) % 64))
#define SPIN_KINDS 128

/*
 * Decides whether waiting awake can pay: not with max_usec 0, nor with
 * one usable CPU, where the spinning tracer would only keep the tracee
 * from running.  With @always, every wait of one tracee is awake (up to
 * its budget), whatever timing, load and new processes say.
 */
void spin_setup(unsigned long max_usec, int always);

struct __ptrace_syscall_info;

/*
 * One tracee, @tid, resumed for a wait of @kind: unless timing says
 * sleeping is faster here (see spin.c), waits awake for it to stop,
 * asking PTRACE_GET_SYSCALL_INFO; returns 1 with *@info filled once it
 * is stopped (info->op says which stop: PTRACE_SYSCALL_INFO_NONE for
 * one that is not a syscall's, which wait4 then reports at once), or 0
 * when the budget ran out, spinning is off, the thread is gone, or
 * *interrupt became nonzero.
 */
int spin_ask(pid_t tid, unsigned kind, struct __ptrace_syscall_info *info,
	     const volatile sig_atomic_t *interrupt);

/* A process was started, exec'd or ended: no spinning for a while. */
void spin_churn(void);

/* To call after every wait4 that may have slept: it adapts the budget. */
void spin_slept(void);

#endif
