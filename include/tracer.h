#ifndef IOTRACE_TRACER_H
#define IOTRACE_TRACER_H

#include <sys/types.h>

/* Installs the SIGINT/SIGTERM/SIGHUP handling that detaches or forwards. */
void tracer_setup_signals(void);

/* Forks and seizes opt.argv; its stops begin after its execve. */
void tracer_spawn(void);

/* Seizes every thread of each -p process; returns how many were attached. */
unsigned tracer_attach_all(void);

/* Runs the ptrace loop until no tracee is left; returns the exit status. */
int tracer_loop(void);

/* Makes iotrace end like the command: same exit code or same signal. */
__attribute__((noreturn)) void tracer_exit_like(int status);

#endif
