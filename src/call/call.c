#include "config.h"
#include <stdlib.h>
#include <string.h>
#include "call/call.h"
#include "memory/umem.h"
#include "util/util.h"

void call_begin(struct call *c, unsigned id, enum arch arch, size_t fetch_cap,
		unsigned iov_show, int fd_paths)
{
	c->fd_paths = (unsigned char)fd_paths;
	c->id = id;
	c->arch = arch;
	c->nargs = 0;
	c->rval = 0;
	c->error = 0;
	c->done = 0;
	c->vanished = 0;
	c->arena_len = 0;
	c->fetch_cap = fetch_cap;
	c->show_left = MAX(fetch_cap, (size_t)CALL_SHOW_BUDGET);
	c->iov_show = iov_show;
	c->nelems = 0;
	c->nframes = 0;
	c->stack_note = STACK_NONE;
	c->dump_arg = -1;
	c->dump_len = 0;
	c->dump_planned = 0;
	c->dump_at_exit = 0;
	c->dump_ready = 0;
	c->ndump_segs = 0;
	c->input_arg = -1;
	c->input_len = 0;
	c->tt.on = 0;
	c->tt.budget = 0;
	c->tt.planned = 0;
	c->tt.arg = -1;
	c->tt.fd = -1;
	c->tt.pos = -1;
	c->tt.how = WRITE_AT;
	c->tt.nsnaps = 0;
	c->tt.nchanges = 0;
	c->tt.landed = LANDED_UNCHECKED;
	c->tt.verify_errno = 0;
	c->tt.not_read[0] = '\0';
}

void call_snapshot(struct call *c, size_t budget)
{
	c->tt.on = 1;
	c->tt.budget = budget;
}

void call_consumes(struct call *c, unsigned idx, uint64_t len)
{
	c->input_arg = (int)idx;
	c->input_len = len;
}

void call_writes_to(struct call *c, int fd, int64_t pos, enum write_how how)
{
	c->tt.fd = fd;
	c->tt.pos = pos;
	c->tt.how = how;
}

static struct arg *add(struct call *c, const char *name, enum arg_type type)
{
	struct arg *a;

	/* Decoders are ours, so overflowing is a bug, not tracee input. */
	if (c->nargs >= CALL_MAX_ARGS)
		BUG("too many arguments for one call of %u", c->id);
	a = &c->arg[c->nargs++];
	memset(a, 0, sizeof(*a));
	a->name = name;
	a->type = type;
	a->filled = 1;
	return a;
}

void call_add_int(struct call *c, const char *name, int64_t v)
{
	add(c, name, ARG_INT)->v.i = v;
}

void call_add_uint(struct call *c, const char *name, uint64_t v)
{
	add(c, name, ARG_UINT)->v.u = v;
}

void call_add_fd(struct call *c, const char *name, int fd)
{
	struct arg *a = add(c, name, ARG_FD);

	a->v.i = fd;
	a->path.pending = c->fd_paths && fd >= 0;
}

void call_add_pid(struct call *c, const char *name, pid_t pid)
{
	add(c, name, ARG_PID)->v.i = pid;
}

void call_add_addr(struct call *c, const char *name, uint64_t addr)
{
	add(c, name, ARG_ADDR)->v.u = addr;
}

static void set_buf(struct call *c, struct arg *a, uint64_t addr, uint64_t len)
{
	struct buf_arg *b = &a->v.buf;

	a->type = ARG_BUF;
	a->filled = 1;
	b->addr = addr;
	b->len = len;
	b->want = addr ? (size_t)MIN(MIN(len, (uint64_t)c->fetch_cap), (uint64_t)c->show_left) : 0;
	c->show_left -= b->want;
	b->got = 0;
	b->fault = 0;
	b->state = BUF_PENDING;
}

void call_add_buf(struct call *c, const char *name, uint64_t addr, uint64_t len)
{
	set_buf(c, add(c, name, ARG_BUF), addr, len);
}

struct arg *call_add_later(struct call *c, const char *name)
{
	struct arg *a = add(c, name, ARG_UINT);

	a->at_exit = 1;
	a->filled = 0;
	return a;
}

void call_fill_uint(struct arg *a, uint64_t v)
{
	a->type = ARG_UINT;
	a->v.u = v;
	a->filled = 1;
}

void call_fill_addr(struct arg *a, uint64_t addr)
{
	a->type = ARG_ADDR;
	a->v.u = addr;
	a->filled = 1;
}

void call_fill_buf(struct call *c, struct arg *a, uint64_t addr, uint64_t len)
{
	set_buf(c, a, addr, len);
}

unsigned call_entry_args(const struct call *c)
{
	unsigned i;

	for (i = 0; i < c->nargs; i++)
		if (c->arg[i].at_exit)
			break;
	return i;
}

/* Reserves @n arena bytes; @n is bounded by fetch_cap per buffer. */
static size_t arena_take(struct call *c, size_t n)
{
	size_t off = c->arena_len;

	if (c->arena_cap - c->arena_len < n) {
		size_t cap = c->arena_cap ? c->arena_cap : 256;

		while (cap - c->arena_len < n)
			cap *= 2;
		c->arena = xrealloc(c->arena, cap);
		c->arena_cap = cap;
	}
	c->arena_len += n;
	return off;
}

static void set_iov(struct arg *a, enum arch arch, uint64_t addr, uint64_t count,
		    int with_data, uint64_t limit)
{
	struct iov_arg *v = &a->v.iov;
	uint64_t max = arch == ARCH_I386 ? UINT32_MAX / 8 : UINT64_MAX / 16;

	a->type = ARG_IOV;
	a->filled = 1;
	memset(v, 0, sizeof(*v));
	v->addr = addr;
	v->count = count;
	v->limit = limit;
	v->with_data = (unsigned char)with_data;
	v->overflow = count > max;
	v->state = IOV_PENDING;
}

void call_add_iov(struct call *c, const char *name, uint64_t addr, uint64_t count,
		  int with_data, uint64_t limit)
{
	set_iov(add(c, name, ARG_IOV), c->arch, addr, count, with_data, limit);
}

void call_fill_iov(struct call *c, struct arg *a, uint64_t addr, uint64_t count,
		   int with_data, uint64_t limit)
{
	set_iov(a, c->arch, addr, count, with_data, limit);
}

void call_add_flags(struct call *c, const char *name, uint64_t val,
		    const struct xlat_list *names)
{
	struct arg *a = add(c, name, ARG_FLAGS);

	a->v.flags.val = val;
	a->v.flags.names = names;
}

void call_add_offptr(struct call *c, const char *name, uint64_t addr,
		     unsigned size, int is_signed)
{
	struct arg *a = add(c, name, ARG_OFFPTR);
	struct offptr_arg *o = &a->v.off;

	a->at_exit = 1;	/* "[old => new]" is one token, printed when known */
	o->addr = addr;
	o->size = (unsigned char)size;
	o->is_signed = (unsigned char)is_signed;
	o->reading = addr ? 1 : 0;
}

void call_offptr_moved(struct call *c, unsigned idx)
{
	struct offptr_arg *o = &c->arg[idx].v.off;

	if (c->arg[idx].type != ARG_OFFPTR || !o->addr || !o->old_ok)
		return;
	o->want_new = 1;
	o->reading = 2;
}

/*
 * The kernel takes at most this much in one call (MAX_RW_COUNT), over all
 * iovecs: no more is dumped, watched or hashed, whatever lengths the
 * tracee gives (a count of 2^40 over a large mapping would otherwise
 * dump gigabytes while the tracee waits).
 */
#define RW_MAX 0x7ffff000u

void call_want_dump(struct call *c, unsigned idx, uint64_t len)
{
	c->dump_arg = (int)idx;
	c->dump_len = MIN(len, (uint64_t)RW_MAX);
}

void call_dump_at_exit(struct call *c)
{
	c->dump_at_exit = 1;
}

/*
 * A growable request list shared by all calls: the tracer is single
 * threaded and a fetch finishes before the next one starts.  Its size is
 * bounded by CALL_MAX_ARGS * IOV_FETCH_MAX, never by the tracee.
 */
struct reqs {
	struct umem_req *r;
	struct buf_arg **buf;
	size_t n, cap;
};

static struct reqs reqs;

static void reqs_add(struct buf_arg *b, size_t off)
{
	if (reqs.n == reqs.cap) {
		reqs.cap = reqs.cap ? reqs.cap * 2 : 64;
		reqs.r = xrealloc(reqs.r, reqs.cap * sizeof(*reqs.r));
		reqs.buf = xrealloc(reqs.buf, reqs.cap * sizeof(*reqs.buf));
	}
	reqs.buf[reqs.n] = b;
	reqs.r[reqs.n].addr = b->addr;
	reqs.r[reqs.n].len = b->want;
	reqs.r[reqs.n].dst = (void *)(uintptr_t)off;	/* an arena offset until the read */
	reqs.n++;
}

/* Reads every queued request; arena offsets become pointers only now. */
static void reqs_run(struct call *c, pid_t tid)
{
	size_t i;

	if (!reqs.n)
		return;
	for (i = 0; i < reqs.n; i++)
		reqs.r[i].dst = c->arena + (uintptr_t)reqs.r[i].dst;
	umem_read(tid, reqs.r, reqs.n);
	for (i = 0; i < reqs.n; i++) {
		reqs.buf[i]->got = reqs.r[i].got;
		reqs.buf[i]->fault = reqs.r[i].fault;
	}
	reqs.n = 0;
}

/* Queues buffer @b for the batched read. */
static void queue_buf(struct call *c, struct buf_arg *b)
{
	b->off = arena_take(c, b->want);
	b->got = 0;
	b->fault = 0;
	b->state = BUF_DONE;
	if (b->want)
		reqs_add(b, b->off);
}

void call_queue(struct call *c, struct buf_arg *b)
{
	queue_buf(c, b);
}

void call_read_queued(struct call *c, pid_t tid)
{
	reqs_run(c, tid);
}

static void elems_reserve(struct call *c, unsigned n)
{
	if (c->elems_cap - c->nelems >= n)
		return;
	c->elems_cap = c->nelems + n;
	c->elems = xrealloc(c->elems, c->elems_cap * sizeof(*c->elems));
}

/* Whether the whole of argument @idx is read: a dump, or --toctou watches it. */
static int read_all(const struct call *c, unsigned idx)
{
	return (int)idx == c->dump_arg || ((int)idx == c->input_arg && c->tt.on);
}

/* Phase 1: queue the raw bytes of a pending iovec array. */
static void queue_array(struct call *c, struct arg *a, unsigned idx)
{
	struct iov_arg *v = &a->v.iov;
	struct buf_arg *raw = &v->raw;
	unsigned esize = c->arch == ARCH_I386 ? 8 : 16;

	v->state = IOV_DONE;
	if (!v->addr || !v->count || v->overflow)
		return;
	/* At most IOV_FETCH_MAX elements whatever the count: the budget is for their data. */
	v->show = (unsigned)MIN(v->count, (uint64_t)c->iov_show);
	v->want = read_all(c, idx) ? (unsigned)MIN(v->count, IOV_FETCH_MAX) : v->show;
	if (!v->want)
		return;
	v->first = c->nelems;
	elems_reserve(c, v->want);
	c->nelems += v->want;
	memset(raw, 0, sizeof(*raw));
	raw->addr = v->addr;
	raw->len = raw->want = (size_t)v->want * esize;
	queue_buf(c, raw);
}

/* Speculative reads of the guessed elements' data (one array a fetch). */
static struct buf_arg spec[IOV_GUESS_MAX];
static unsigned nspec;
static const struct iov_arg *spec_for;

/*
 * Phase 1, with the array: the data of the elements it held the last two
 * times, as much as is shown or, under --toctou, copied.
 */
static void queue_guess(struct call *c, const struct iov_arg *v, int watched, int dumped)
{
	const struct iov_guess *g = &c->guess;
	size_t left = watched ? c->tt.budget : 0;
	uint64_t dump_left = dumped ? MIN(c->dump_len, (uint64_t)CALL_DUMP_PREFETCH) : 0;
	unsigned i;

	nspec = 0;
	if (!g->sure || g->addr != v->addr || g->count != v->count || !v->with_data)
		return;
	for (i = 0; i < g->n && i < v->want; i++) {
		size_t copy = g->base[i] ? (size_t)MIN(g->len[i], (uint64_t)left) : 0;
		size_t dump = g->base[i] ? (size_t)MIN(g->len[i], dump_left) : 0;
		size_t want = g->want[i];

		left -= copy;
		dump_left -= dump;
		want = copy > want ? copy : want;
		want = dump > want ? dump : want;
		memset(&spec[i], 0, sizeof(spec[i]));
		spec[i].addr = g->base[i];
		spec[i].len = spec[i].want = want;
		queue_buf(c, &spec[i]);
	}
	nspec = i;
	spec_for = v;
}

/* Element @i's data came with the array if the guess holds for it. */
static int take_guess(const struct iov_arg *v, unsigned i, struct buf_arg *d)
{
	const struct buf_arg *s;

	if (v != spec_for || i >= nspec)
		return 0;
	s = &spec[i];
	if (s->addr != d->addr || s->want < d->want)
		return 0;
	d->off = s->off;
	d->got = MIN(s->got, d->want);
	d->fault = d->got < d->want ? s->fault : 0;
	return 1;
}

/* Records the elements just read; two reads alike make the guess sure. */
static void update_guess(struct call *c, const struct iov_arg *v)
{
	struct iov_guess *g = &c->guess;
	unsigned n = MIN(MIN(v->got, v->show), (unsigned)IOV_GUESS_MAX), i;
	int same = g->addr == v->addr && g->count == v->count && g->n == n;

	for (i = 0; i < n; i++) {
		const struct iov_elem *e = call_iov_elem(c, v, i);
		/* NULL is never read: guessing it would only cost a failed segment. */
		size_t want = e->base ? (size_t)MIN(e->len, (uint64_t)c->fetch_cap) : 0;

		same = same && g->base[i] == e->base && g->want[i] >= want;
		g->base[i] = e->base;
		g->len[i] = e->len;
		if (!same || g->want[i] < want)
			g->want[i] = want;
	}
	g->addr = v->addr;
	g->count = v->count;
	g->n = n;
	g->sure = (unsigned char)same;
}

/* Phase 2: parse the array read in phase 1 and queue the shown elements' data. */
static void queue_elements(struct call *c, struct arg *a)
{
	struct iov_arg *v = &a->v.iov;
	const struct buf_arg *raw = &v->raw;
	unsigned word = c->arch == ARCH_I386 ? 4 : 8;
	uint64_t left = v->limit;
	unsigned i;

	if (!v->want)
		return;
	v->got = (unsigned)(raw->got / (2 * word));
	for (i = 0; i < v->got; i++) {
		const unsigned char *p = c->arena + raw->off + (size_t)i * 2 * word;
		struct iov_elem *e = call_iov_elem(c, v, i);
		uint64_t len;

		e->base = tracee_word(p, word);
		e->len = tracee_word(p + word, word);
		len = MIN(e->len, left);
		left -= len;
		memset(&e->data, 0, sizeof(e->data));
		e->data.addr = e->base;
		e->data.len = len;
		e->data.state = BUF_DONE;
		if (!v->with_data || i >= v->show || !e->base)
			continue;
		if (len && !c->show_left) {	/* the budget is spent: the array ends here */
			v->show = i;
			continue;
		}
		e->data.want = (size_t)MIN(MIN(len, (uint64_t)c->fetch_cap), (uint64_t)c->show_left);
		c->show_left -= e->data.want;
		if (!take_guess(v, i, &e->data))
			queue_buf(c, &e->data);
	}
	if (v->with_data)
		update_guess(c, v);
}

static void queue_offptr(struct call *c, struct offptr_arg *o)
{
	memset(&o->raw, 0, sizeof(o->raw));
	o->raw.addr = o->addr;
	o->raw.len = o->raw.want = o->size;
	queue_buf(c, &o->raw);
}

static void parse_offptr(struct call *c, struct offptr_arg *o)
{
	int ok = o->raw.got == o->size;
	uint64_t v = ok ? tracee_word(c->arena + o->raw.off, o->size) : 0;

	if (o->is_signed && o->size == 4)
		v = (uint64_t)(int64_t)(int32_t)v;
	if (o->reading == 1) {
		o->old = v;
		o->old_ok = (unsigned char)ok;
	} else {
		o->new = v;
		o->new_ok = (unsigned char)ok;
	}
	o->reading = 0;
}

/* Paths are looked up at every call, never cached: dup2, close and exec cannot make them stale. */
static void resolve_path(struct call *c, struct arg *a, pid_t tid)
{
	char buf[4096];
	ssize_t n = umem_fd_path(tid, (int)a->v.i, buf, sizeof(buf));

	a->path.pending = 0;
	if (n <= 0)
		return;
	a->path.off = arena_take(c, (size_t)n + 1);
	a->path.len = (unsigned short)n;
	memcpy(c->arena + a->path.off, buf, (size_t)n + 1);
}


static struct snap *add_snap(struct call *c, int elem, uint64_t addr, uint64_t len,
			     uint64_t start, size_t *left)
{
	struct snap *s = &c->tt.snaps[c->tt.nsnaps++];

	memset(s, 0, sizeof(*s));
	s->elem = elem;
	s->addr = addr;
	s->start = start;
	s->len = MIN(len, (uint64_t)RW_MAX - start);
	s->entry.addr = addr;
	s->entry.len = s->len;
	s->entry.want = (size_t)MIN(s->len, (uint64_t)*left);
	*left -= s->entry.want;
	if (elem < 0 || !take_guess(&c->arg[c->input_arg].v.iov, (unsigned)elem, &s->entry))
		queue_buf(c, &s->entry);
	return s;
}

/*
 * --toctou at entry: queue copies of the watched argument's data, the
 * first tt.budget bytes over all its stretches, into the current batch.
 */
static void plan_snapshots(struct call *c, pid_t tid)
{
	struct toctou *tt = &c->tt;
	const struct arg *a = &c->arg[c->input_arg];
	size_t left = tt->budget;
	uint64_t start = 0;
	unsigned i, n;

	tt->planned = 1;
	if (tt->how == WRITE_IF_WRITER && !umem_fd_writable(tid, tt->fd))
		return;
	n = a->type == ARG_IOV ? a->v.iov.got : 1;
	if (!n)
		return;	/* no readable array: nothing known to watch */
	if (tt->snaps_cap < n) {	/* no growing later: queued requests point in */
		tt->snaps = xrealloc(tt->snaps, n * sizeof(*tt->snaps));
		tt->snaps_cap = n;
	}
	tt->arg = c->input_arg;
	if (a->type == ARG_BUF) {
		if (a->v.buf.addr)
			add_snap(c, -1, a->v.buf.addr, MIN(a->v.buf.len, c->input_len), 0, &left);
		return;
	}
	for (i = 0; i < a->v.iov.got && start < RW_MAX; i++) {
		const struct iov_elem *e = call_iov_elem(c, &a->v.iov, i);

		if (e->base && e->len)
			add_snap(c, (int)i, e->base, e->len, start, &left);
		start += MIN(e->len, (uint64_t)RW_MAX - start);
	}
}

static struct buf_arg *add_dump_seg(struct call *c, uint64_t addr, uint64_t len)
{
	struct buf_arg *b = &c->dump_segs[c->ndump_segs++];

	memset(b, 0, sizeof(*b));
	b->addr = addr;
	b->len = b->want = (size_t)len;
	return b;
}

/*
 * Queues the data of a dump of at most CALL_DUMP_PREFETCH bytes with the
 * call's other reads; the renderer then reads nothing, and the tracee
 * need not wait while the dump is formatted.
 */
static void plan_dump(struct call *c)
{
	const struct arg *a = &c->arg[c->dump_arg];
	uint64_t left = c->dump_len, total = 0;
	unsigned n = 1, i;

	c->dump_planned = 1;
	if (c->dump_at_exit)
		return;	/* streamed when printed, at exit */
	if (a->type == ARG_IOV) {
		n = a->v.iov.got;
		for (i = 0; i < n && total <= CALL_DUMP_PREFETCH; i++)
			total += MIN(call_iov_elem(c, &a->v.iov, i)->len, left - MIN(total, left));
	} else if (a->type == ARG_BUF) {
		total = a->v.buf.addr ? c->dump_len : 0;
	} else {
		return;
	}
	if (total > CALL_DUMP_PREFETCH)
		return;	/* streamed when printed */
	if (c->dump_segs_cap < n) {	/* bounded by IOV_FETCH_MAX; no growing once queued */
		c->dump_segs = xrealloc(c->dump_segs, n * sizeof(*c->dump_segs));
		c->dump_segs_cap = n;
	}
	c->dump_ready = 1;
	if (a->type == ARG_BUF) {
		if (a->v.buf.addr)
			queue_buf(c, add_dump_seg(c, a->v.buf.addr, c->dump_len));
		return;
	}
	for (i = 0; i < n && left; i++) {
		const struct iov_elem *e = call_iov_elem(c, &a->v.iov, i);
		struct buf_arg *b = add_dump_seg(c, e->base, MIN(e->len, left));

		left -= b->len;
		if (!take_guess(&a->v.iov, i, b))
			queue_buf(c, b);
	}
}

void call_fetch(struct call *c, pid_t tid)
{
	unsigned char queued[CALL_MAX_ARGS] = { 0 };
	unsigned i;
	int arrays = 0;

	for (i = 0; i < c->nargs; i++) {
		struct arg *a = &c->arg[i];

		if (a->filled && a->type == ARG_IOV && a->v.iov.state == IOV_PENDING) {
			queue_array(c, a, i);
			if (!arrays)
				queue_guess(c, &a->v.iov, c->tt.on && (int)i == c->input_arg,
					    (int)i == c->dump_arg);
			queued[i] = arrays = 1;
		}
	}
	/* All arrays in one read; then their data with the plain buffers in another. */
	if (arrays) {
		reqs_run(c, tid);
		for (i = 0; i < c->nargs; i++)
			if (queued[i])
				queue_elements(c, &c->arg[i]);
	}
	if (c->tt.on && c->input_arg >= 0 && !c->tt.planned)
		plan_snapshots(c, tid);
	if (c->dump_arg >= 0 && !c->dump_planned && c->arg[c->dump_arg].filled)
		plan_dump(c);
	nspec = 0;	/* the guesses served this fetch only */
	for (i = 0; i < c->nargs; i++) {
		struct arg *a = &c->arg[i];

		if (a->type == ARG_FD && a->path.pending)
			resolve_path(c, a, tid);
		if (a->filled && a->type == ARG_BUF && a->v.buf.state == BUF_PENDING)
			queue_buf(c, &a->v.buf);
		if (a->type == ARG_OFFPTR && a->v.off.reading)
			queue_offptr(c, &a->v.off);
	}
	reqs_run(c, tid);
	for (i = 0; i < c->nargs; i++)
		if (c->arg[i].type == ARG_OFFPTR && c->arg[i].v.off.reading)
			parse_offptr(c, &c->arg[i].v.off);
}

void call_set_result(struct call *c, const struct sc_event *ev)
{
	c->done = 1;
	c->rval = ev->rval;
	c->error = ev->is_error ? (int)-ev->rval : 0;
}

/* Buffers a thread keeps from call to call; larger ones are given back. */
#define KEEP_ARENA (16 * 1024)
#define KEEP_ELEMS 64

void call_trim(struct call *c)
{
	if (c->arena_cap > KEEP_ARENA) {
		free(c->arena);
		c->arena = NULL;
		c->arena_cap = c->arena_len = 0;
	}
	if (c->elems_cap > KEEP_ELEMS) {
		free(c->elems);
		c->elems = NULL;
		c->nelems = c->elems_cap = 0;
	}
	if (c->dump_segs_cap > KEEP_ELEMS) {
		free(c->dump_segs);
		c->dump_segs = NULL;
		c->dump_segs_cap = 0;
	}
	if (c->tt.snaps_cap > KEEP_ELEMS) {
		free(c->tt.snaps);
		c->tt.snaps = NULL;
		c->tt.snaps_cap = 0;
	}
	if (c->tt.changes_cap > KEEP_ELEMS) {
		free(c->tt.changes);
		c->tt.changes = NULL;
		c->tt.changes_cap = 0;
	}
}

void call_release(struct call *c)
{
	free(c->frames);
	c->frames = NULL;
	c->nframes = c->frames_cap = 0;
	free(c->elems);
	c->elems = NULL;
	c->nelems = c->elems_cap = 0;
	free(c->dump_segs);
	c->dump_segs = NULL;
	c->dump_segs_cap = 0;
	free(c->tt.snaps);
	c->tt.snaps = NULL;
	c->tt.snaps_cap = 0;
	free(c->tt.changes);
	c->tt.changes = NULL;
	c->tt.changes_cap = 0;
	free(c->arena);
	c->arena = NULL;
	c->arena_cap = c->arena_len = 0;
}
