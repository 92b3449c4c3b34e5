#ifndef IOTRACE_TRACER_H
#define IOTRACE_TRACER_H

/* The ptrace loop: one wait4 (or, waiting awake, one question: see spin.c) a stop, each stop dispatched. */

/*
 * From now on a fatal error of iotrace's own does not end it: it stops
 * tracing, says so, and lets every tracee run to its end (they would be
 * killed by PTRACE_O_EXITKILL, or fail their traced calls with ENOSYS
 * under the seccomp filter, if iotrace went away).
 */
void tracer_keep_alive(void);

/* Runs the ptrace loop until no tracee is left; returns the exit status. */
int tracer_loop(void);

/* Makes iotrace end like the command: same exit code or same signal. */
__attribute__((noreturn)) void tracer_exit_like(int status);

#endif
