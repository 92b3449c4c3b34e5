#ifndef IOTRACE_DUMP_H
#define IOTRACE_DUMP_H

/*
 * -e write=FDS, -e read=FDS: hex dumps of the data a call consumed or
 * produced.  Decided from what the decoder said the call moves (struct
 * consumed, struct produced); up to DUMP_PREFETCH bytes are read with
 * the call's other data, so the line and its dump print while the
 * tracee runs on; a longer dump is read when printed, in bounded chunks.
 */

#include <stdint.h>
#include <sys/types.h>
#include "call/call.h"

#define DUMP_PREFETCH (64 * 1024)

struct dump {
	int arg;		/* the argument dumped after the line, or -1 */
	uint64_t len;		/* bytes to dump: requested (write) or result (read) */
	unsigned char planned;	/* its reads are planned */
	unsigned char ready;	/* segs hold all of it: printing reads nothing */
	struct buf_arg *segs;	/* the buffer, or one per array element */
	unsigned nsegs, segs_cap;
	pid_t tid;
};

/* Before call_fetch(), at entry and at exit: whether this call's data is dumped. */
void dump_begin(struct dump *d, struct call *c, pid_t tid, int exiting);

/* The reader's planner (call_fetch()): queues the dump's data when it is short. */
void dump_plan(struct dump *d, struct call *c);

/* The dumped stretch @i of @c: its address and length; returns 0 past the last. */
int dump_stretch(const struct dump *d, const struct call *c, unsigned i, uint64_t *addr,
		 uint64_t *len);

/*
 * Message @k of a dumped array of messages (sendmmsg, recvmmsg): its
 * iovec array (NULL when not read), msg_iovlen, and the bytes it moved
 * (msg_len); returns 0 past the last, or when the argument is not one.
 * Dumped as strace does: " = N buffers in vector K", then each buffer.
 */
int dump_vector(const struct dump *d, const struct call *c, unsigned k, const struct agg_arg **iov,
		uint64_t *iovlen, uint64_t *limit);

/*
 * Reads @len bytes at @addr of the dumped call's tracee, for a stretch
 * not read with the call; returns how many could be read, and where
 * reading stopped in @fault.
 */
size_t dump_read_tracee(const struct dump *d, uint64_t addr, void *buf, size_t len, uint64_t *fault);

void dump_trim(struct dump *d);
void dump_release(struct dump *d);

#endif
