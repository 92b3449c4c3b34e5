#ifndef IOTRACE_SUMMARY_H
#define IOTRACE_SUMMARY_H

#include <stdint.h>
#include "call/call.h"
#include "policy/files.h"

struct counts {
	uint64_t calls, errors, bytes, ns;
	uint64_t toctou;	/* calls whose data changed while they ran */
	uint64_t injected;	/* calls -e inject= acted on */
	struct latency lat;	/* percentiles and the histogram under -c's table */
};

/* Counts one finished call for -c/-C: @ns spent in it; @changed: --toctou saw a change. */
void summary_add(const struct call *c, uint64_t ns, int changed);

/* The counts of syscall @id. */
const struct counts *summary_counts(unsigned id);

#endif
