#ifndef IOTRACE_RENDER_JSON_H
#define IOTRACE_RENDER_JSON_H

#include <signal.h>

struct tcb;

/*
 * The --json renderer: one object a line per event, as described in
 * doc/json-schema.md.  Calls are rendered whole, at their exit.
 */
void json_call(struct tcb *t, const char *time_text);
void json_signal(struct tcb *t, const siginfo_t *si);
void json_stopped(struct tcb *t, int sig);
void json_death(struct tcb *t, int status);
void json_note(struct tcb *t, const char *text);

#endif
