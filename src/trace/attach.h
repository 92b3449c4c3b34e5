#ifndef IOTRACE_ATTACH_H
#define IOTRACE_ATTACH_H

/* Getting tracees (the command, -p) and letting them go. */

#include <sys/types.h>

struct tcb;

/* The command iotrace started, 0 if none. */
extern pid_t tracer_child;

/* The PTRACE_O_* options for a spawned (@filtered) or attached tracee. */
unsigned long tracer_ptrace_options(int filtered);

/* Forks and seizes opt.argv; its stops begin after its execve. */
void tracer_spawn(void);

/* Whether the command's execve failed (it exits with 127: iotrace's status is 1). */
int tracer_exec_failed(void);

/* Seizes every thread of each -p process; returns how many were attached. */
unsigned tracer_attach_all(void);

/* Lets every tracee go and drains stops still queued; prints per thread. */
void tracer_detach_all(void);

/*
 * -b execve: lets thread @t go, stopped at its exec's event; @t is
 * forgotten (the caller must not touch it again).
 */
void tracer_detach_exec(struct tcb *t);

#endif
