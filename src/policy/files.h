#ifndef IOTRACE_FILES_H
#define IOTRACE_FILES_H

/*
 * --summary=files: per file, bytes read and written, calls and errors,
 * opens, fsync-family calls and the time in them, the time in all its
 * calls, calls per syscall, and latency percentiles per kind of
 * operation.  render/tables.c prints it.
 */

#include <stddef.h>
#include <stdint.h>
#include "call/call.h"

/* The kinds of operation latencies are kept for. */
enum op_kind {
	OP_READ,	/* data read from the file */
	OP_WRITE,	/* data written to it */
	OP_OPEN,	/* opening it */
	OP_DESC,	/* closing, duplicating, fcntl */
	OP_POS,		/* seeking, sizing */
	OP_SYNC,	/* making it durable; hints */
	OP_MAP,		/* mapping it */
	OP_COUNT
};

/*
 * Latencies of one kind of operation: a sparse log-linear histogram
 * (eight buckets per power of two), so its size is bounded by the range
 * of times, not by the number of calls.
 */
struct latency {
	uint64_t n, max_ns;
	unsigned short used, cap;
	struct bucket {
		unsigned short b;
		uint64_t count;
	} *buckets;
};

struct file {
	char *name;		/* what /proc/PID/fd named */
	char *label;		/* -yy: a socket's latest endpoints, quoted already; or NULL */
	uint64_t read, written, calls, errors;
	uint64_t opens, syncs;
	uint64_t sync_ns, ns;	/* time in fsync-family calls, in all calls */
	uint64_t toctou;	/* writes whose data changed while they ran */
	uint64_t injected;	/* calls -e inject= acted on */
	uint32_t per_call[SC_COUNT];	/* stops counting at UINT32_MAX */
	struct latency lat[OP_COUNT];
	struct file *next;
};

/*
 * Credits a finished call to the files it touched: its fd arguments by
 * the role the syscall list gives them, and a file it opened (its new
 * fd, pipe's pair).  @ns: the call's duration; @changed: --toctou saw a
 * change.
 */
void files_add(const struct call *c, uint64_t ns, int changed);

/*
 * At a call's exit, before its memory is read: what --summary=files
 * needs beyond the line (every message of a sendmmsg or recvmmsg, for
 * their bytes).
 */
void files_plan(struct call *c);

/* The files, most bytes moved first: an array to free; *@count gets its length. */
struct file **files_sorted(size_t *count);

/* The name of operation kind @k ("read", "open"...). */
const char *op_name(enum op_kind k);

/* Counts one call of @ns in @l (its memory grows with the range of times, not the calls). */
void latency_add(struct latency *l, uint64_t ns);

/*
 * The latency at or below which fraction @q (0.5, 0.99) of @l's calls
 * took, as the upper bound of its bucket (at most 1/8 over), never above
 * the largest seen.
 */
uint64_t latency_quantile(const struct latency *l, double q);

/*
 * @l's calls in log2 buckets of microseconds: @counts[0] below 1 us,
 * @counts[i] from 2^(i-1) to 2^i us (a bucket of @l counts where its
 * largest latency falls).  @n buckets at most; the last takes the rest.
 */
#define LATENCY_LOG2_BUCKETS 40
void latency_log2(const struct latency *l, uint64_t *counts, unsigned n);

#endif
