#ifndef IOTRACE_TIMELINE_H
#define IOTRACE_TIMELINE_H

/*
 * --timeline=FILE: the trace as a Chrome Trace Event JSON array, which
 * Perfetto's UI, chrome://tracing and speedscope open.  Every call is a
 * complete event ("X") on its thread's track with its decoded arguments;
 * signals and exits are instant events; io_uring submissions and
 * completions are async events joined by user_data, with a flow from one
 * to the other; each file has a counter track of the bytes read and
 * written.  Written as the trace runs; the array is closed when iotrace
 * ends, however it ends short of SIGKILL.
 */

#include <stdint.h>
#include <signal.h>
#include "policy/report.h"
#include "render/output.h"

/* Opens @path for the timeline; dies with a message when it cannot. */
void timeline_open(const char *path);

/* A call from @start_ns (monotonic) lasting @dur_ns, or cut short (@c->vanished). */
void timeline_call(const struct who *w, const struct call *c, uint64_t start_ns, uint64_t dur_ns);

/* An io_uring submission (@completion 0) or completion seen now, @ns after its submission. */
void timeline_ring(const struct who *w, const struct call *c, int completion, uint64_t ns);

/* A signal delivered to @w, now. */
void timeline_signal(const struct who *w, const siginfo_t *si);

/* @w's end, now: its wait status. */
void timeline_death(const struct who *w, int status);

/* Closes the array and the file: called on every way out. */
void timeline_close(void);

#endif
