#include "config.h"
#include <stdlib.h>
#include <string.h>
#include "trace/tracee.h"
#include "util/util.h"

/*
 * Thread ids are dense enough that a power-of-two bucket array with
 * chaining keeps lookups O(1) on the hot path without tuning.
 */
#define TCB_BUCKETS 1024

static struct tcb *buckets[TCB_BUCKETS];
static unsigned count;

static struct tcb **bucket_of(pid_t tid)
{
	return &buckets[(unsigned)tid & (TCB_BUCKETS - 1)];
}

struct tcb *tcb_find(pid_t tid)
{
	struct tcb *t;

	for (t = *bucket_of(tid); t; t = t->hnext)
		if (t->tid == tid)
			return t;
	return NULL;
}

static void link_tcb(struct tcb *t)
{
	struct tcb **b = bucket_of(t->tid);

	t->hnext = *b;
	*b = t;
}

static void unlink_tcb(struct tcb *t)
{
	struct tcb **p;

	for (p = bucket_of(t->tid); *p; p = &(*p)->hnext) {
		if (*p == t) {
			*p = t->hnext;
			return;
		}
	}
}

struct tcb *tcb_add(pid_t tid, unsigned flags)
{
	struct tcb *t = xcalloc(1, sizeof(*t));

	t->tid = tid;
	t->flags = flags;
	t->arch = ARCH_X86_64;
	link_tcb(t);
	count++;
	return t;
}

void tcb_rekey(struct tcb *t, pid_t tid)
{
	unlink_tcb(t);
	t->tid = tid;
	link_tcb(t);
}

void tcb_drop(struct tcb *t)
{
	unlink_tcb(t);
	call_release(&t->call);
	free(t);
	count--;
}

unsigned tcb_count(void)
{
	return count;
}

void tcb_for_each(void (*fn)(struct tcb *t, void *data), void *data)
{
	unsigned i;

	for (i = 0; i < TCB_BUCKETS; i++) {
		struct tcb *t = buckets[i], *next;

		for (; t; t = next) {
			next = t->hnext;
			fn(t, data);
		}
	}
}
