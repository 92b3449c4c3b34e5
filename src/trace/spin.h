#ifndef IOTRACE_SPIN_H
#define IOTRACE_SPIN_H

#include <signal.h>
#include <sys/types.h>

/* --spin: the longest wait awake for a tracee's next stop, by default. */
#define SPIN_USEC_DEFAULT 200
#define SPIN_USEC_MAX 100000

/*
 * What a wait is for; each kind keeps its own budget: the one tracee's
 * next syscall, the exit of its syscall number nr (a read that blocks
 * must not cost the writes their spin), or any of several tracees.
 */
#define SPIN_NEXT_CALL 0
#define SPIN_SEVERAL 1
#define SPIN_EXIT(nr) (2 + (unsigned)((nr) % 64))
#define SPIN_KINDS (2 + 64)

/*
 * Installs the SIGCHLD handler that announces stops and decides whether
 * waiting awake can pay: not with max_usec 0, nor with one usable CPU,
 * where the spinning tracer would only keep the tracee from running.
 */
void spin_setup(unsigned long max_usec);

/*
 * Says whether one tracee is left (nonzero) or several: only one
 * tracee's stops are taken from SIGCHLD alone, since the kernel merges
 * the signals of tracees that stop together.  With several, SIGCHLD is
 * blocked and costs nothing; spin_announced() unblocks it again.
 */
void spin_single(int single);

/*
 * One tracee: unless timing says sleeping is faster here (see spin.c),
 * waits awake, without a syscall, for a SIGCHLD sent since the last
 * wait; returns the pid it names, or 0 when the budget ran out,
 * spinning is off, or *interrupt became nonzero.
 */
pid_t spin_announced(unsigned kind, const volatile sig_atomic_t *interrupt);

/*
 * Several tracees: polls wait4 (WNOHANG, __WALL) a few microseconds
 * apart; returns its pid and *status, or 0 as spin_announced().
 */
pid_t spin_poll(int *status, const volatile sig_atomic_t *interrupt);

/* To call after every wait4 that may have slept: it adapts the budget. */
void spin_slept(void);

#endif
