#ifndef IOTRACE_FETCH_H
#define IOTRACE_FETCH_H

/* The reader: what a decoded call needs of the tracee's memory (call/fetch.c). */

#include <sys/types.h>
#include "call/call.h"

/*
 * Reads every pending argument of @c from @tid, level by level: each
 * level's structs in one batched memory read, what they lead to in the
 * next.  Between a top-level array's elements and their data, @plan (if
 * not NULL) may queue more reads with call_queue() into that batch.
 */
void call_fetch(struct call *c, pid_t tid, void (*plan)(struct call *c, void *ctx), void *ctx);

/*
 * As call_fetch(), but a call whose arguments lead nowhere further (a
 * write's buffer) leaves its reads queued for call_fetch_flush(), so
 * that many calls (a batch of io_uring entries) are read with one
 * process_vm_readv; one that leads further is read now, the waiting
 * reads with its first batch.  Nothing of @c may be looked at before
 * call_fetch_flush().
 */
void call_fetch_later(struct call *c, pid_t tid, void (*plan)(struct call *c, void *ctx), void *ctx);

/* Reads what call_fetch_later() left queued. */
void call_fetch_flush(pid_t tid);

/*
 * Queues @b (addr, want set) into the batched read: call_fetch() reads
 * it with the call's other data, call_read_queued() on demand.  Reserves
 * its bytes in the call's arena.
 */
void call_queue(struct call *c, struct buf_arg *b);

/* Reads everything queued with call_queue() from @tid in one batch. */
void call_read_queued(struct call *c, pid_t tid);

/*
 * Element @i of argument @idx's payload may have come with its array
 * (struct guess): when it covers @b (addr, want), points @b at it and
 * returns nonzero; else @b must be queued.
 */
int call_take_guess(struct call *c, unsigned idx, unsigned i, struct buf_arg *b);

#endif
