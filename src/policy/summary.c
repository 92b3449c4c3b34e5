/* -c and -C: per-syscall calls, errors, bytes transferred and time (render/tables.c prints them). */
#include "config.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "call/call.h"
#include "policy/summary.h"
#include "syscalls/syscalls.h"

static struct counts counts[SC_COUNT];

void summary_add(const struct call *c, uint64_t ns, int changed)
{
	struct counts *k = &counts[c->id];

	k->calls++;
	k->ns += ns;
	latency_add(&k->lat, ns);
	k->toctou += changed;
	k->injected += c->injected != INJECTED_NONE;
	if (c->error)
		k->errors++;
	else if (c->rval > 0 && syscall_def(c->id)->result == RESULT_BYTES)
		k->bytes += (uint64_t)c->rval;
}

const struct counts *summary_counts(unsigned id)
{
	return &counts[id];
}
