#ifndef IOTRACE_RENDER_H
#define IOTRACE_RENDER_H

/*
 * Renderers turn reports and events into output.  One interface, a text
 * renderer (strace's line format) and a JSON one behind it; render_for()
 * picks the one the options ask for.
 */

#include <signal.h>
#include "policy/report.h"
#include "render/output.h"

struct renderer {
	/* The call's line up to its first argument known only at exit (text only). */
	void (*entry)(struct who *w, const struct report *r);
	/* The rest of the call and its result, on the open line or resumed. */
	void (*exit)(struct who *w, const struct report *r);
	/* A call's entry and exit at once (-z, -Z, --normalize, --json). */
	void (*whole)(struct who *w, const struct report *r);
	/* Ends a line left open by a call that will not return here: ") = ?". */
	void (*vanished)(struct who *w, const struct report *r);
	/* "--- SIGxxx {...} ---" for a signal-delivery stop. */
	void (*signal)(struct who *w, const siginfo_t *si);
	/* "--- stopped by SIGxxx ---" for a group-stop. */
	void (*stopped)(struct who *w, int sig);
	/* "+++ exited with N +++" or "+++ killed by SIGxxx [(core dumped)] +++". */
	void (*death)(struct who *w, int status);
	/*
	 * An io_uring submission under its io_uring_enter, or a completion
	 * when it is seen: its operation's call; for a completion @sub, its
	 * submission when --toctou watched it (what changed in its buffer),
	 * and @ns from submission to completion.
	 */
	void (*ring)(struct who *w, const struct report *r, int completion,
		     const struct report *sub, uint64_t ns);
	/* A bracketed tracer note, e.g. the 32-bit mode line. */
	void (*note)(struct who *w, const char *text);
};

/* The renderer the options ask for (text, or --json). */
const struct renderer *render_for(void);

/*
 * The arguments of @c by name, and its result when it has one, as one
 * JSON object appended to @out (--timeline's args).
 */
struct strbuf;
void json_call_args(struct strbuf *out, const struct call *c);

/* How many threads are traced now: lines name theirs when more than one. */
void render_threads(unsigned n);

#endif
