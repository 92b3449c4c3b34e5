#ifndef IOTRACE_TOCTOU_H
#define IOTRACE_TOCTOU_H

#include <sys/types.h>

/*
 * --toctou: did the data a write-side call consumes change while the call
 * ran?  call_fetch() copies it at entry (struct toctou in call.h); these
 * compare it with what the caller's memory holds at exit.
 */

struct call;

/*
 * At entry, after call_fetch(): hashes the watched data past the
 * --toctou-bytes budget.  Reads nothing when it all fits the budget.
 */
void toctou_entry(struct call *c, pid_t tid);

/*
 * At exit, after call_set_result(), while @tid is stopped: reads the
 * watched data again in one batched read (plus the hashing past the
 * budget), records what changed in c->tt.changes and, with @verify,
 * which version a regular file received (c->tt.landed).  Only the bytes
 * the result says were consumed count; a failed call is not compared.
 */
void toctou_exit(struct call *c, pid_t tid, int verify);

/* Whether the call's line carries a toctou annotation. */
int toctou_has_news(const struct call *c);

/* The word for a verify outcome ("entry", "exit", ...). */
const char *toctou_landed_name(int landed);

#endif
