#ifndef IOTRACE_TOCTOU_H
#define IOTRACE_TOCTOU_H

#include <stdint.h>
#include <stddef.h>
#include <sys/types.h>

/*
 * --toctou: did the data a write-side call consumes change while the call
 * ran?  The data is copied at entry, in the batch that reads the call's
 * arguments (toctou_plan() is the reader's planner), and compared with
 * what the caller's memory holds at exit.
 */

#include "call/call.h"

/*
 * --toctou: one stretch of the data a write-side call consumes (a buffer,
 * or one iovec element), copied at entry and again at exit.  Bytes past
 * the --toctou-bytes budget are compared by a hash of each stretch.
 */
struct snap {
	int elem;		/* iovec element, or -1 for a plain buffer */
	uint64_t addr;
	uint64_t start;		/* its first byte's offset in the call's data */
	uint64_t len;		/* bytes the call may take from it */
	struct buf_arg entry, exit;	/* the first entry.want bytes */
	uint64_t hash[2];	/* of the rest, at entry and exit */
	uint64_t hashed[2];	/* readable bytes hashed */
};

enum change_kind {
	CHANGE_BYTES,		/* bytes [first, last] differ; both versions kept */
	CHANGE_HASH,		/* past the budget: [first, last] hashed differently */
	CHANGE_ARRAY,		/* iov_base or iov_len of an element rewritten */
};

struct change {
	enum change_kind kind;
	int elem;		/* -1: a plain buffer */
	uint64_t first, last;	/* byte range in the buffer or element */
	const struct snap *snap;	/* CHANGE_BYTES */
	uint64_t old_base, old_len, new_base, new_len;	/* CHANGE_ARRAY */
};

/* --toctou=verify: which version of the data the file holds after the call. */
enum landed {
	LANDED_UNCHECKED,	/* not a regular file, or not asked */
	LANDED_ENTRY,		/* what the call saw at entry */
	LANDED_EXIT,		/* what its buffer held at exit */
	LANDED_MIXED,		/* some bytes of each */
	LANDED_NEITHER,
	LANDED_UNKNOWN,		/* the file could not be read back: see verify_errno */
};

struct toctou {
	unsigned char on;	/* watch this call (--toctou) */
	unsigned char planned;	/* snapshots queued (at entry) */
	size_t budget;		/* bytes copied at entry, over all stretches */
	int arg;		/* the argument watched, or -1: nothing to watch */
	pid_t tid;		/* whose call */
	struct snap *snaps;
	unsigned nsnaps, snaps_cap;
	struct buf_arg array_exit;	/* iovec array bytes at exit */
	struct change *changes;
	unsigned nchanges, changes_cap;
	enum landed landed;
	int verify_errno;	/* LANDED_UNKNOWN: why reading back failed, or */
	char not_read[48];	/* why it was not tried ("fuse file system") */
};


/*
 * At entry, before call_fetch(): --toctou (@budget bytes compared byte by
 * byte, see --toctou-bytes) watches the data the call consumes, if any.
 */
void toctou_begin(struct toctou *tt, struct call *c, pid_t tid, size_t budget);

/* The reader's planner (call_fetch()): queues the copies of the watched data. */
void toctou_plan(struct toctou *tt, struct call *c);

/*
 * At entry, after call_fetch(): hashes the watched data past the
 * --toctou-bytes budget.  Reads nothing when it all fits the budget.
 */
void toctou_entry(struct toctou *tt, pid_t tid);

/*
 * At exit, after call_set_result(), while @tid is stopped: reads the
 * watched data again in one batched read (plus the hashing past the
 * budget), records what changed in c->tt.changes and, with @verify,
 * which version a regular file received (c->tt.landed).  Only the bytes
 * the result says were consumed count; a failed call is not compared.
 */
void toctou_exit(struct toctou *tt, struct call *c, pid_t tid, int verify);

/* Whether the call's line carries a toctou annotation. */
int toctou_has_news(const struct toctou *tt);

/* Gives back what a large call's snapshots took. */
void toctou_trim(struct toctou *tt);
void toctou_release(struct toctou *tt);

/* The word for a verify outcome ("entry", "exit", ...). */
const char *toctou_landed_name(int landed);

#endif
