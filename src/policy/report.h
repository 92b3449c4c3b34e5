#ifndef IOTRACE_REPORT_H
#define IOTRACE_REPORT_H

/*
 * One call as it is reported: the decoded call and what the policies
 * added to it.  Renderers print reports; the tracer keeps one a thread.
 */

#include <stdint.h>
#include "call/call.h"
#include "policy/aiowatch.h"
#include "policy/dump.h"
#include "policy/stack.h"
#include "policy/toctou.h"

/* -n, -i: the syscall's number and where it was made, as its entry stop said. */
struct call_site {
	uint64_t nr, ip;
	unsigned char ip32;	/* an i386 tracee: 8 digits */
	unsigned char set;	/* 0: a ring entry's line, which takes the thread's */
};

struct report {
	struct call call;
	struct call_site site;
	struct toctou tt;	/* --toctou */
	struct aio_found aio;	/* --toctou: the AIO writes this call reaped that changed */
	struct dump dump;	/* -e write=, -e read= */
	struct stack stack;	/* -k: the caller's stack at entry */
	uint64_t duration_ns;	/* -T, -c: from entry to exit */
};

/* A new call: the policies' findings of the last one are dropped. */
void report_begin(struct report *r);

/* The reader's planner for call_fetch(): every policy that reads data with the call. */
void report_plan(struct call *c, void *report);

/* After the call is printed: gives back memory a large call took. */
void report_trim(struct report *r);

void report_release(struct report *r);

#endif
