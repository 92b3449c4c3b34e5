/*
 * Syscall stops: stop -> event -> decoded call -> policies -> renderer.
 */
#include "config.h"
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <stddef.h>
#include <errno.h>
#include <time.h>
#include <sys/ptrace.h>
#include <sys/user.h>
#include "call/fetch.h"
#include "config/options.h"
#include "decoders/decoders.h"
#include "decoders/layouts.h"
#include "memory/umem.h"
#include "policy/aiowatch.h"
#include "policy/fdpath.h"
#include "policy/files.h"
#include "policy/filter.h"
#include "policy/maps.h"
#include "policy/rings.h"
#include "policy/summary.h"
#include "render/render.h"
#include "render/timeline.h"
#include "trace/inject.h"
#include "trace/seccomp_filter.h"
#include "trace/syscall.h"
#include "util/util.h"

/* -e status=, --normalize and --json print a call as one whole line at its exit. */
static int whole_lines(void)
{
	return opt.status != STATUS_ALL || opt.normalize || opt.json;
}

/* What a syscall stop leaves to print; printed after the tracee is resumed. */
enum pending {
	PENDING_NONE,
	PENDING_ENTRY,		/* the entry half of a line */
	PENDING_EXIT,		/* the exit half */
	PENDING_WHOLE,		/* a whole line (-z, -Z, --normalize, --json) */
};

/* The decoder's event for a call @t enters: syscall @id of @arch with @args. */
static void make_event(struct tcb *t, enum arch arch, unsigned id, uint64_t nr,
		       const uint64_t *args)
{
	t->ev.tid = t->tid;
	t->ev.arch = arch;
	t->ev.id = id;
	t->ev.nr = nr;
	memcpy(t->ev.args, args, sizeof(t->ev.args));
	t->ev.exiting = 0;
}

/* @t's process, read from /proc once and kept. */
static pid_t tgid_of(struct tcb *t)
{
	if (!t->who.tgid)
		t->who.tgid = umem_tgid(t->tid);
	return t->who.tgid;
}

/* Whether @c makes or removes a mapping (policy/maps.c follows those). */
static int maps_call(const struct call *c)
{
	return (syscall_def(c->id)->flags & (SF_FILEMAP | SF_UNMAP)) != 0;
}

/* -T, -c, --summary=files and --timeline time each call. */
static int timed(void)
{
	return opt.durations || opt.summary || opt.files_summary || opt.timeline;
}

/* The fd paths -y, -P, --summary=files, --timeline and merge-reads need. */
static int want_paths(void)
{
	return opt.show_paths || opt.npaths || opt.files_summary || opt.timeline ||
	       opt.merge_reads;
}

/*
 * i386's socketcall(2): the call its first argument names, its
 * arguments read from the array the second points to into @out.  SC_NONE
 * when it names none iotrace decodes, or the array cannot be read.
 */
static unsigned socketcall_unpack(struct tcb *t, const uint64_t *args, uint64_t *out)
{
	uint32_t words[CALL_MAX_ARGS] = { 0 };
	unsigned nargs = 0, id = syscall_socketcall(args[0], &nargs), i;
	struct umem_req req = { .addr = (uint32_t)args[1], .dst = words };

	if (!id || !opt.trace[id])
		return SC_NONE;
	req.len = nargs * sizeof(words[0]);
	umem_read(t->tid, &req, 1);
	if (req.got < req.len)
		return SC_NONE;
	for (i = 0; i < CALL_MAX_ARGS; i++)
		out[i] = words[i];
	return id;
}

/* -s and -v, as every call reads its data. */
static unsigned iov_show(void)
{
	return opt.verbose ? IOV_FETCH_MAX : (unsigned)MIN(opt.max_strlen, IOV_FETCH_MAX);
}

/*
 * A completion: its submission's buffer compared with what it held when
 * submitted (--toctou: the window in which programs get this wrong),
 * and the call counted by -c and --summary=files.
 */
static void ring_done(struct tcb *t, struct ring_lines *l, unsigned i)
{
	struct report *w = l->watch[i];
	int changed = 0;

	if (w && w->tt.on) {
		w->call.rval = l->r[i].call.rval;	/* what it took: the completion says */
		w->call.error = l->r[i].call.error;
		toctou_exit(&w->tt, &w->call, t->tid, opt.toctou == TOCTOU_VERIFY);
		changed = w->tt.nchanges != 0;
	}
	if (opt.summary)
		summary_add(&l->r[i].call, l->ns[i], changed);
	if (opt.files_summary)
		files_add(&l->r[i].call, l->ns[i], changed);
}

/*
 * io_uring's entries are read like a syscall's arguments: their data, the
 * files of their fds; a completion is counted (-c, --summary=files) as
 * the call of its operation.  Lines of operations -e trace= leaves out,
 * or of files -P does not name, are marked hidden.
 */
static void ring_fetch(struct tcb *t, struct ring_lines *l, unsigned from)
{
	unsigned i;

	/* One batch for the entries' data, however many there are (call_fetch_later()). */
	for (i = from; i < l->n; i++) {
		struct report *r = &l->r[i];
		struct call *c = &r->call;
		int done = l->kind[i] == RING_CQE;

		if (!opt.trace[c->id]) {
			l->hidden[i] = 1;
			continue;
		}
		dump_begin(&r->dump, c, t->tid, 0);
		if (done)	/* what a completion brought, as at a read's exit */
			dump_begin(&r->dump, c, t->tid, 1);
		if (opt.toctou && !done)
			toctou_begin(&r->tt, c, t->tid, opt.toctou_bytes);
		call_fetch_later(c, t->tid, report_plan, r);
	}
	call_fetch_flush(t->tid);
	for (i = from; i < l->n; i++) {
		struct report *r = &l->r[i];
		struct call *c = &r->call;

		if (l->hidden[i])
			continue;
		if (want_paths())
			fdpath_resolve(c, t->tid);
		if (opt.npaths && !filter_paths(c, t->tid)) {
			l->hidden[i] = 1;
			continue;
		}
		if (l->kind[i] == RING_CQE) {
			ring_done(t, l, i);
		} else if (r->tt.on) {	/* a write: watched until its completion */
			toctou_entry(&r->tt, t->tid);
			rings_watch(l, i, tgid_of(t));
		}
	}
}

/* Completions the kernel added to the process's rings since iotrace last looked. */
static void ring_poll(struct tcb *t, struct ring_lines *l)
{
	unsigned from = l->n;

	rings_completions(l, t->tid, t->arch, tgid_of(t), opt.max_strlen, iov_show());
	ring_fetch(t, l, from);
}

static void ring_render(struct tcb *t, struct ring_lines *l)
{
	const struct renderer *out = render_for();
	unsigned i;

	if (opt.timeline)
		for (i = 0; i < l->n; i++)
			if (!l->hidden[i])
				timeline_ring(&t->who, &ring_line_report(l, i)->call,
					      l->kind[i] == RING_CQE, l->ns[i]);
	if (opt.summary == 1) {
		rings_lines_clear(l);	/* -c: the table only */
		return;
	}
	for (i = 0; i < l->nnotes; i++)
		out->note(&t->who, l->note[i]);
	for (i = 0; i < l->n; i++)
		if (!l->hidden[i])
			out->ring(&t->who, ring_line_report(l, i), l->kind[i] == RING_CQE,
				  l->kind[i] == RING_CQE ? l->watch[i] : NULL, l->ns[i]);
	rings_lines_clear(l);
}

/*
 * A fixed-file table registered anew (IORING_REGISTER_FILES2: its fds, or
 * none for a sparse one) or updated (..._FILES_UPDATE, _FILES_UPDATE2:
 * from an offset, as many as the result says).
 */
static void ring_files_changed(struct tcb *t, const struct call *c, const struct agg_arg *v)
{
	const struct arg *fds = v->got ? call_node(c, v, 0, 0) : NULL;	/* the first followed field */
	const unsigned char *data = fds ? call_buf_data(c, &fds->v.agg.raw) : NULL;
	size_t n = fds ? fds->v.agg.got : 0;
	int ring = (int)c->arg[0].v.i;

	if (!v->got)
		return;
	if (v->layout == &rsrc_register_files_layout)
		rings_files(tgid_of(t), ring, data, n * 4);
	else if (v->layout == &files_update_layout || v->layout == &rsrc_update2_files_layout)
		rings_files_update(tgid_of(t), ring, (uint32_t)call_field(c, v, 0, 0), data, n,
				   (uint64_t)c->rval);
}

/* io_uring_register's ops that move a ring: resized rings, registered ring fds. */
static void ring_register(struct tcb *t, const struct call *c)
{
	const struct arg *a = &c->arg[2];
	const struct buf_arg *raw = &a->v.agg.raw;
	uint64_t op = c->arg[1].v.flags.val;

	if (a->type == ARG_STRUCT && a->v.agg.layout == &uring_params_layout)	/* ..._RESIZE_RINGS */
		rings_resized(tgid_of(t), (int)c->arg[0].v.i, call_buf_data(c, raw), raw->got);
	else if (a->type == ARG_ARRAY && a->v.agg.layout == &fd_layout)	/* ..._FILES */
		rings_files(tgid_of(t), (int)c->arg[0].v.i, call_buf_data(c, raw),
			    (size_t)a->v.agg.got * 4);
	else if (op == 3)	/* IORING_UNREGISTER_FILES */
		rings_files(tgid_of(t), (int)c->arg[0].v.i, NULL, 0);
	else if (a->type == ARG_ARRAY && a->v.agg.layout == &rsrc_update_layout)
		rings_registered(tgid_of(t), call_buf_data(c, raw), raw->got,
				 op == 21 /* IORING_UNREGISTER_RING_FDS */);
	else if (a->type == ARG_STRUCT)
		ring_files_changed(t, c, &a->v.agg);
}

/* --toctou, Linux AIO: io_submit's writes counted as submitted, reaped ones compared. */
static void aio_toctou(struct tcb *t, struct report *r)
{
	const struct call *c = &r->call;

	if (c->id == SC_io_submit)
		aiowatch_submitted(tgid_of(t), c);
	else if (c->id == SC_io_getevents || c->id == SC_io_pgetevents ||
		 c->id == SC_io_pgetevents_time64)
		aiowatch_reaped(&r->aio, tgid_of(t), t->tid, c);
	else if (c->id == SC_io_destroy && !c->error)
		aiowatch_forget(tgid_of(t), c->arg[0].v.u);
}

/* The calls through which io_uring's rings are found: never hidden, at most quiet. */
static int ring_finder(unsigned id)
{
	return id == SC_io_uring_setup || id == SC_io_uring_enter || id == SC_io_uring_register;
}

static enum pending on_entry(struct tcb *t, uint32_t audit_arch, uint64_t nr, const uint64_t *args)
{
	uint64_t sub_args[CALL_MAX_ARGS], sock_args = 0;
	int a = arch_from_audit(audit_arch);
	struct report *r = &t->rep;
	struct call *c = &r->call;
	unsigned id;

	t->flags |= TCB_IN_SYSCALL;
	t->inj.rule = 0;
	if (a < 0)
		return PENDING_NONE;
	tcb_set_arch(t, (enum arch)a);
	id = syscall_lookup((enum arch)a, nr);
	if (syscall_def(id)->flags & SF_SOCKETCALL) {
		id = socketcall_unpack(t, args, sub_args);
		sock_args = (uint32_t)args[1];
		args = sub_args;
	}
	if (opt.stack && (syscall_def(id)->flags & SF_MAPS))
		t->flags |= TCB_MAPS_CALL;
	if ((t->flags & TCB_FILTERED) && seccomp_installs_filter(id, args[0]))
		t->flags |= TCB_SECCOMP_CALL |
			    (seccomp_all_threads(id, args[0], args[1]) ? TCB_SECCOMP_TSYNC : 0);
	if (id && maps_follow_quietly(id) && !(args[3] & MAP_ANONYMOUS) && !(t->flags & TCB_STARTUP)) {
		t->flags |= TCB_MAPS_ONLY;	/* munmap's rule needs what it maps */
		t->maps_len = arch_ulong((enum arch)a, args[1]);
	}
	if (id && !(t->flags & TCB_STARTUP) && rings_in(tgid_of(t)))
		ring_poll(t, &t->ring_pre);
	if (!id || id >= SC_COUNT || !opt.trace[id] || (t->flags & TCB_STARTUP))
		return PENDING_NONE;
	t->flags |= TCB_DECODING | (opt.trace[id] == TRACE_QUIET ? TCB_QUIET : 0);
	if (timed())
		t->entry_ns = now_ns();
	make_event(t, (enum arch)a, id, nr, args);
	call_begin(c, id, (enum arch)a, opt.max_strlen, iov_show());
	report_begin(r);
	r->site = (struct call_site){ t->who.last_nr, t->who.last_ip, t->who.ip32, 1 };
	decoder_of(id)(c, &t->ev);
	if (c->not_io || (maps_call(c) && !maps_shown(c, tgid_of(t)))) {
		t->flags &= ~TCB_DECODING;	/* an anonymous mapping: not I/O */
		return PENDING_NONE;
	}
	dump_begin(&r->dump, c, t->tid, 0);
	if (opt.toctou)
		toctou_begin(&r->tt, c, t->tid, opt.toctou_bytes);
	call_fetch(c, t->tid, report_plan, r);
	if (opt.toctou && id == SC_io_submit)	/* AIO writes: copied as submitted */
		aiowatch_submit(&r->aio, tgid_of(t), t->tid, c, opt.toctou_bytes);
	if (want_paths())
		fdpath_resolve(c, t->tid);
	if (opt.decode_pids)
		fdpath_pids(c);
	if (opt.npaths && !filter_paths(c, t->tid)) {
		if (!ring_finder(id)) {
			t->flags |= TCB_HIDDEN;
			return PENDING_NONE;	/* nothing more to read: it is never shown */
		}
		t->flags |= TCB_QUIET;	/* not shown, but its ring's entries may be */
	}
	if (id == SC_io_uring_enter) {
		rings_submissions(&t->ring_post, t->tid, (enum arch)a, tgid_of(t), (int)args[0],
				  (uint32_t)args[3], opt.max_strlen, iov_show());
		ring_fetch(t, &t->ring_post, 0);
	}
	if (t->flags & TCB_QUIET)
		return PENDING_NONE;
	if (opt.ninject)
		inject_entry(t, c, args, sock_args);
	if (opt.toctou)
		toctou_entry(&r->tt, t->tid);
	if (opt.stack)	/* printed at exit, but the stack is the caller's now */
		stack_capture(&r->stack, &t->uw, (enum arch)a);
	if (whole_lines() || opt.summary == 1)
		return PENDING_NONE;
	return PENDING_ENTRY;
}

/* A call is over: its time (-T, -c), and the tables' counts. */
static void account(struct tcb *t)
{
	struct report *r = &t->rep;
	int changed = r->tt.nchanges != 0;

	if (timed())
		r->duration_ns = now_ns() - t->entry_ns;
	if (opt.summary)
		summary_add(&r->call, r->duration_ns, changed);
	if (opt.files_summary)
		files_add(&r->call, r->duration_ns, changed);
	if (opt.timeline)
		timeline_call(&t->who, &r->call, t->entry_ns, r->duration_ns);
}

void syscall_rings_last_look(struct tcb *t)
{
	if (!(t->flags & TCB_STARTUP) && rings_in(tgid_of(t)))
		ring_poll(t, &t->ring_post);
	if (t->ring_post.n || t->ring_post.nnotes)
		ring_render(t, &t->ring_post);
}

void syscall_vanished(struct tcb *t)
{
	const struct renderer *out = render_for();
	unsigned was = t->flags;

	syscall_flush_held(t);
	inject_vanished(t);
	t->flags &= ~(TCB_IN_SYSCALL | TCB_DECODING | TCB_HIDDEN | TCB_QUIET);
	if ((was & (TCB_IN_SYSCALL | TCB_DECODING | TCB_HIDDEN | TCB_QUIET)) !=
	    (TCB_IN_SYSCALL | TCB_DECODING)) {
		out->vanished(&t->who, &t->rep);	/* a line still open: close it */
		return;
	}
	t->rep.call.vanished = VANISHED_UNFINISHED;
	account(t);
	if (opt.summary == 1)
		return;
	if (whole_lines() && !t->who.line_open && (opt.status & STATUS_UNFINISHED))
		out->whole(&t->who, &t->rep);	/* nothing printed yet: the arguments known */
	out->vanished(&t->who, &t->rep);
}

void syscall_detached(struct tcb *t)
{
	const struct renderer *out = render_for();

	t->rep.call.vanished = VANISHED_DETACHED;
	if ((t->flags & (TCB_IN_SYSCALL | TCB_DECODING | TCB_HIDDEN | TCB_QUIET)) ==
	    (TCB_IN_SYSCALL | TCB_DECODING) && whole_lines() && !t->who.line_open &&
	    (opt.status & STATUS_DETACHED) && opt.summary != 1)
		out->whole(&t->who, &t->rep);	/* as strace: "read(0,  <detached ...>" */
	out->vanished(&t->who, &t->rep);
}

/* Marks the threads of @tgid as having a seccomp filter of their own. */
static void own_filter_in(struct tcb *t, void *tgid)
{
	if (tgid_of(t) == *(pid_t *)tgid)
		t->flags |= TCB_OWN_FILTER;
}

/*
 * @t installed a seccomp filter of its own: from now on it (and, with
 * TSYNC, every thread of its process; and whatever it starts) stops at
 * every syscall entry, which comes before any filter decides, so a call
 * its filter denies or kills still shows.
 */
static void own_filter(struct tcb *t, int all_threads)
{
	pid_t tgid = tgid_of(t);

	t->flags |= TCB_OWN_FILTER;
	if (all_threads)
		tcb_for_each(own_filter_in, &tgid);
}

static enum pending on_exit_stop(struct tcb *t, const struct __ptrace_syscall_info *seen)
{
	struct __ptrace_syscall_info copy = *seen, *info = &copy;
	struct report *r = &t->rep;
	struct call *c = &r->call;
	unsigned was = t->flags;

	/*
	 * A call its own filter killed stops here, its result the syscall
	 * number, before the SIGSYS that ends the process.
	 */
	if ((was & (TCB_OWN_FILTER | TCB_DECODING)) == (TCB_OWN_FILTER | TCB_DECODING) &&
	    !info->exit.is_error && info->exit.rval == (int64_t)t->ev.nr &&
	    umem_killed_by_seccomp(t->tid)) {
		syscall_vanished(t);
		was &= ~TCB_DECODING;
	}
	t->flags &= ~(TCB_IN_SYSCALL | TCB_DECODING | TCB_HIDDEN | TCB_MAPS_CALL |
		      TCB_SECCOMP_CALL | TCB_SECCOMP_TSYNC | TCB_MAPS_ONLY | TCB_QUIET);
	if ((was & TCB_MAPS_ONLY) && !info->exit.is_error)
		maps_mapped(tgid_of(t), (uint64_t)info->exit.rval, t->maps_len);
	if (was & TCB_MAPS_CALL)
		stack_maps_changed(&t->uw);
	if ((was & TCB_SECCOMP_CALL) && !info->exit.is_error)
		own_filter(t, (was & TCB_SECCOMP_TSYNC) != 0);
	if (!(was & TCB_DECODING) || (was & TCB_HIDDEN))
		return PENDING_NONE;	/* untraced, entered before we attached, or filtered out */
	inject_exit(t, c, info);	/* -e inject=: the result it gives, memory put back */
	t->ev.exiting = 1;
	t->ev.rval = info->exit.rval;
	t->ev.is_error = info->exit.is_error;
	c->exiting = 1;
	call_set_result(c, &t->ev);
	decoder_of(t->ev.id)(c, &t->ev);
	dump_begin(&r->dump, c, t->tid, 1);
	if (opt.files_summary)
		files_plan(c);
	call_fetch(c, t->tid, report_plan, r);
	if (c->id == SC_io_uring_setup && !c->error && c->arg[1].type == ARG_STRUCT)
		rings_created(tgid_of(t), (int)c->rval, call_buf_data(c, &c->arg[1].v.agg.raw),
			      c->arg[1].v.agg.raw.got);
	if (c->id == SC_io_uring_register && !c->error)
		ring_register(t, c);
	if (c->id == SC_io_uring_enter)
		ring_poll(t, &t->ring_post);
	if (maps_call(c))
		maps_update(c, tgid_of(t));
	if (opt.toctou)	/* before the tracee runs on and reuses its buffers */
		aio_toctou(t, r);
	if (was & TCB_QUIET)
		return PENDING_NONE;	/* decoded for its rings, munmap's rule, or --toctou */
	if (want_paths())
		fdpath_resolve(c, t->tid);
	if (want_paths() && !c->error && (syscall_def(c->id)->flags & SF_CLOSES))
		fdpath_closed(c);
	if (opt.toctou)	/* before the tracee runs on and reuses its buffers */
		toctou_exit(&r->tt, c, t->tid, opt.toctou == TOCTOU_VERIFY);
	account(t);
	if (opt.summary == 1)
		return PENDING_NONE;	/* -c: the table only */
	if (!whole_lines())
		return PENDING_EXIT;
	if (filter_result(c))
		return PENDING_WHOLE;	/* the whole line at once, once the result is known */
	return PENDING_NONE;
}

/*
 * --normalize=merge-reads: a thread's successful read or write is held
 * back, and the next like it (the same call, the same fd, nothing else of
 * that thread in between) joins it: one line, the data of both, the
 * count and result their total.  How a pipe's data came in chunks then
 * makes no difference.  Not with dumps, --toctou or -k, which are per call.
 */
static int merging(void)
{
	return opt.merge_reads && !opt.toctou && !opt.stack && !fdset_used(&opt.dump_read) &&
	       !fdset_used(&opt.dump_write);
}

static int mergeable(const struct call *c)
{
	const struct buf_arg *b = &c->arg[1].v.buf;

	return (c->id == SC_read || c->id == SC_write) && !c->error && c->rval > 0 &&
	       c->nargs == 3 && c->arg[1].type == ARG_BUF && b->got == b->want &&
	       b->len == (uint64_t)c->rval;
}

/*
 * The same call on the same fd and file: an fd closed and opened again
 * between them by calls not traced is another file (its path says so).
 */
static int same_file(const struct call *a, const struct call *b)
{
	const char *pa = call_fd_path(a, &a->arg[0]), *pb = call_fd_path(b, &b->arg[0]);

	return a->id == b->id && a->arg[0].v.i == b->arg[0].v.i && pa && pb &&
	       a->arg[0].path.len == b->arg[0].path.len && !memcmp(pa, pb, a->arg[0].path.len);
}

/* Joins @c to the held line @h: data appended within -s, totals added. */
static void join(struct report *h, const struct call *c)
{
	struct buf_arg *hb = &h->call.arg[1].v.buf;
	const struct buf_arg *nb = &c->arg[1].v.buf;
	size_t cap = h->call.fetch_cap;

	if (hb->got == hb->len && hb->got < cap) {	/* all shown so far: room for more */
		size_t take = MIN(cap - hb->got, nb->got), off;

		off = call_arena_take(&h->call, hb->got + take);
		memmove(h->call.arena + off, h->call.arena + hb->off, hb->got);
		memcpy(h->call.arena + off + hb->got, call_buf_data(c, nb), take);
		hb->off = off;
		hb->got += take;
		hb->want = hb->got;
	}
	hb->len += nb->len;
	h->call.rval += c->rval;
	h->call.arg[2].v.u = (uint64_t)h->call.rval;
}

void syscall_flush_held(struct tcb *t)
{
	if (!t->held)
		return;
	render_for()->whole(&t->who, t->held);
	report_release(t->held);
	free(t->held);
	t->held = NULL;
}

/* Whether @t's whole line was held back or joined (else it prints now). */
static int hold(struct tcb *t)
{
	struct call *c = &t->rep.call;

	if (!merging() || !mergeable(c)) {
		syscall_flush_held(t);
		return 0;
	}
	if (t->held && same_file(&t->held->call, c)) {
		join(t->held, c);
		return 1;
	}
	syscall_flush_held(t);
	t->held = xmalloc(sizeof(*t->held));
	*t->held = t->rep;	/* its memory moves with it; the thread gets new */
	memset(&t->rep, 0, sizeof(t->rep));
	return 1;
}

static void render_pending(struct tcb *t, enum pending p, int exiting)
{
	const struct renderer *out = render_for();

	if (t->ring_pre.n || t->ring_pre.nnotes) {
		syscall_flush_held(t);	/* something else of the thread: no join across it */
		ring_render(t, &t->ring_pre);	/* completed before this stop */
	}
	if (p == PENDING_ENTRY)
		out->entry(&t->who, &t->rep);
	else if (p == PENDING_EXIT)
		out->exit(&t->who, &t->rep);
	else if (p == PENDING_WHOLE && !hold(t))
		out->whole(&t->who, &t->rep);
	if (exiting && (t->ring_post.n || t->ring_post.nnotes))
		ring_render(t, &t->ring_post);	/* io_uring_enter's entries, under its line */
}

void syscall_stop(struct tcb *t, const struct __ptrace_syscall_info *info)
{
	enum pending p = PENDING_NONE;

	/* -n, -i: where this call was made (its exit stop says the same) */
	t->who.last_ip = info->instruction_pointer;
	t->who.ip32 = info->arch == AUDIT_ARCH_I386;
	switch (info->op) {
	case PTRACE_SYSCALL_INFO_ENTRY:
		t->who.last_nr = info->entry.nr;
		tcb_entered(info->entry.nr);
		p = on_entry(t, info->arch, info->entry.nr, info->entry.args);
		break;
	case PTRACE_SYSCALL_INFO_SECCOMP:
		/* Stopped at every entry (a filter of its own): this one is known. */
		if (t->flags & TCB_IN_SYSCALL)
			break;
		t->who.last_nr = info->seccomp.nr;
		tcb_entered(info->seccomp.nr);
		p = on_entry(t, info->arch, info->seccomp.nr, info->seccomp.args);
		break;
	case PTRACE_SYSCALL_INFO_EXIT:
		p = on_exit_stop(t, info);
		break;
	}
	/*
	 * Everything the line needs is in the decoded call by now, so the
	 * tracee runs while its line is formatted; only a hex dump too long
	 * to have been read with the call still reads its memory, and must
	 * come first.
	 */
	if (t->inj.resume_at) {	/* held by -e inject='s delay: the loop resumes it */
		render_pending(t, p, info->op == PTRACE_SYSCALL_INFO_EXIT);
	} else if (p != PENDING_NONE && p != PENDING_ENTRY && t->rep.dump.arg >= 0 &&
		   !t->rep.dump.ready) {
		render_pending(t, p, info->op == PTRACE_SYSCALL_INFO_EXIT);
		tcb_resume(t, 0);
	} else {
		tcb_resume(t, 0);
		render_pending(t, p, info->op == PTRACE_SYSCALL_INFO_EXIT);
	}
	if (info->op == PTRACE_SYSCALL_INFO_EXIT)
		report_trim(&t->rep);
}
