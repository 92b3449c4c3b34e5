/* The traced threads: a table by thread id, their lives, resuming them. */
#include "config.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include "config/options.h"
#include "memory/umem.h"
#include "policy/aiowatch.h"
#include "policy/maps.h"
#include "policy/norm.h"
#include "render/output.h"
#include "trace/spin.h"
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

static void set_tid(struct tcb *t, pid_t tid)
{
	t->tid = tid;
	t->who.tid = tid;
	t->uw.tid = tid;
}

struct tcb *tcb_new(pid_t tid, unsigned flags)
{
	struct tcb *t = xcalloc(1, sizeof(*t));

	set_tid(t, tid);
	t->flags = flags;
	t->arch = ARCH_X86_64;
	t->uw.tgid = &t->who.tgid;
	link_tcb(t);
	render_threads(++count);
	if (opt.json || opt.normalize)	/* every event names its process; lineage needs it */
		t->who.tgid = umem_tgid(tid);
	t->who.out = out_for(tid, t->who.tgid);
	return t;
}

void tcb_forget(struct tcb *t)
{
	stack_forget(&t->uw);
	if (t->who.tgid && t->who.tgid == t->tid)	/* the leader goes last */
		stack_process_gone(t->who.tgid);
	/*
	 * Its process's file mappings, if it led one: whether its tgid was
	 * ever read or not (a tid is no other live process's tgid).
	 */
	maps_forget(t->tid);
	if (!t->who.tgid || t->who.tgid == t->tid) {	/* a process's leader: its rings go */
		rings_forget(t->tid);
		aiowatch_forget(t->tid, 0);
	}
	out_release(&t->who);
	unlink_tcb(t);
	if (t->held) {	/* printed by syscall_vanished() before: only its memory */
		report_release(t->held);
		free(t->held);
	}
	report_release(&t->rep);
	free(t->inj.count);
	rings_lines_release(&t->ring_pre);
	rings_lines_release(&t->ring_post);
	free(t);
	render_threads(--count);
}

void tcb_rekey(struct tcb *t, pid_t tid)
{
	unlink_tcb(t);
	set_tid(t, tid);
	link_tcb(t);
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

void tcb_set_arch(struct tcb *t, enum arch a)
{
	char msg[80];

	if (a == t->arch)
		return;
	t->arch = a;
	if ((t->flags & TCB_STARTUP) || (opt.quiet & QUIET_PERSONALITY))
		return;
	snprintf(msg, sizeof(msg), "[ Process PID=%d runs in %s mode. ]",
		 opt.normalize ? (int)norm_pid(t->tid) : (int)t->tid,
		 a == ARCH_I386 ? "32 bit" : "64 bit");
	render_for()->note(&t->who, msg);
}

static pid_t held_pid;
static int held_status;

void tcb_hold(pid_t pid, int status)
{
	held_pid = pid;
	held_status = status;
}

int tcb_held(pid_t *pid, int *status)
{
	*pid = held_pid;
	*status = held_status;
	return held_pid != 0;
}

static unsigned resumed_for;
static pid_t resumed_tid;
static uint64_t entered_nr;	/* at the last entry stop */

void tcb_entered(uint64_t nr)
{
	entered_nr = nr;
}

void tcb_resume(struct tcb *t, int sig)
{
	int req = (t->flags & (TCB_FILTERED | TCB_OWN_FILTER | TCB_IN_SYSCALL)) == TCB_FILTERED
		  ? PTRACE_CONT : PTRACE_SYSCALL;

	held_pid = 0;
	resumed_for = t->flags & TCB_IN_SYSCALL ? SPIN_EXIT(entered_nr) : SPIN_NEXT(entered_nr);
	resumed_tid = t->tid;
	/* ESRCH: killed meanwhile; its death is the next thing wait reports. */
	ptrace(req, t->tid, NULL, (void *)(long)sig);
}

unsigned tcb_resumed_for(void)
{
	return resumed_for;
}

pid_t tcb_resumed_tid(void)
{
	return resumed_tid;
}
