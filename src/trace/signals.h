#ifndef IOTRACE_SIGNALS_H
#define IOTRACE_SIGNALS_H

/*
 * iotrace's own signals: SIGINT, SIGTERM and SIGHUP (passed on to the
 * command, or a detach), and the timer that flushes buffered output.
 */

#include <signal.h>

/* Installs the handling; remembers the dispositions it replaces. */
void signals_setup(void);

/* In the command before its exec: the signal dispositions iotrace found. */
void signals_restore(void);

/* A terminating signal that came (0: none), cleared by taking it. */
int signals_take_terminating(int *from_terminal);

/* For waits that must end when one comes: nonzero while one is pending. */
const volatile sig_atomic_t *signals_pending(void);

/* Whether buffered output is due to be flushed (cleared by asking). */
int signals_flush_due(void);

#endif
