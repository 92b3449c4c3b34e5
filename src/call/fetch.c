/*
 * The reader: fills a decoded call with what lies in the tracee's memory,
 * in as few batched reads as the nesting needs.  Each level's structs
 * are read in one batch (the memory module splits it at page boundaries);
 * what their pointers lead to -- bytes, or structs of the next level --
 * is read in the next.  A plain buffer, an offset pointer and a struct
 * argument are level 1; an iovec array's data is level 2, a msghdr's
 * iovecs level 2 and their data level 3.  Only what the output needs is
 * read: -s bytes a buffer, -s elements an array, within the call's
 * budget (CALL_SHOW_BUDGET), plus what policies claim.
 */
#include "config.h"
#include <stdlib.h>
#include <string.h>
#include "call/fetch.h"
#include "memory/umem.h"
#include "util/util.h"

/*
 * Where a queued read's outcome goes.  Leaves and nodes live in arrays
 * that may move while a level is parsed, so they are named by index
 * and found when the batch has run.
 */
enum req_kind {
	REQ_BUF,	/* a buffer that does not move (an argument, a policy's) */
	REQ_LEAF,	/* c->leaves[idx] */
	REQ_NODE,	/* c->nodes[idx].v.agg.raw */
};

/*
 * A growable request list shared by all calls: the tracer is single
 * threaded and a fetch finishes before the next one starts.  Its size is
 * bounded by the call's budget and IOV_FETCH_MAX, never by the tracee.
 */
static struct {
	struct umem_req *r;
	unsigned char *kind;
	size_t *idx;
	struct buf_arg **buf;
	struct call **call;	/* whose arena: calls may share a batch (call_fetch_later()) */
	size_t n, cap;
} reqs;

static struct buf_arg *req_target(size_t i)
{
	struct call *c = reqs.call[i];

	switch (reqs.kind[i]) {
	case REQ_LEAF:
		return &c->leaves[reqs.idx[i]];
	case REQ_NODE:
		return &c->nodes[reqs.idx[i]].v.agg.raw;
	}
	return reqs.buf[i];
}

/* Queues a read of @b (addr, want) into the arena; REQ_BUF: @b itself, else by index. */
static void queue(struct call *c, struct buf_arg *b, enum req_kind kind, size_t idx)
{
	b->off = call_arena_take(c, b->want);
	b->got = 0;
	b->fault = 0;
	b->state = BUF_DONE;
	if (!b->want)
		return;
	if (reqs.n == reqs.cap) {
		reqs.cap = reqs.cap ? reqs.cap * 2 : 64;
		reqs.r = xrealloc(reqs.r, reqs.cap * sizeof(*reqs.r));
		reqs.kind = xrealloc(reqs.kind, reqs.cap * sizeof(*reqs.kind));
		reqs.idx = xrealloc(reqs.idx, reqs.cap * sizeof(*reqs.idx));
		reqs.buf = xrealloc(reqs.buf, reqs.cap * sizeof(*reqs.buf));
		reqs.call = xrealloc(reqs.call, reqs.cap * sizeof(*reqs.call));
	}
	reqs.r[reqs.n].addr = b->addr;
	reqs.r[reqs.n].len = b->want;
	reqs.r[reqs.n].dst = (void *)(uintptr_t)b->off;	/* an arena offset until the read */
	reqs.kind[reqs.n] = (unsigned char)kind;
	reqs.idx[reqs.n] = idx;
	reqs.buf[reqs.n] = b;
	reqs.call[reqs.n] = c;
	reqs.n++;
}

void call_queue(struct call *c, struct buf_arg *b)
{
	queue(c, b, REQ_BUF, 0);
}

/* Reads every queued request; arena offsets become pointers only now. */
void call_read_queued(struct call *c, pid_t tid)
{
	size_t i;

	(void)c;	/* each request knows its call */
	if (!reqs.n)
		return;
	for (i = 0; i < reqs.n; i++)
		reqs.r[i].dst = reqs.call[i]->arena + (uintptr_t)reqs.r[i].dst;
	umem_read(tid, reqs.r, reqs.n);
	for (i = 0; i < reqs.n; i++) {
		struct buf_arg *b = req_target(i);

		b->got = reqs.r[i].got;
		b->fault = reqs.r[i].fault;
	}
	reqs.n = 0;
}

/* An aggregate to read: top-level argument @idx, or node @idx (is_node). */
struct agg_ref {
	unsigned char is_node;
	unsigned idx;
};

static struct agg_arg *agg_of(struct call *c, struct agg_ref r)
{
	return r.is_node ? &c->nodes[r.idx].v.agg : &c->arg[r.idx].v.agg;
}

/* Queues the elements of @r; returns whether anything was queued. */
static int queue_agg(struct call *c, struct agg_ref r)
{
	struct agg_arg *v = agg_of(c, r);
	size_t esize = v->layout->size[c->arch];

	v->state = AGG_DONE;
	v->at_exit = c->exiting;
	if (!v->addr || !v->count || v->overflow) {
		v->parsed = 1;	/* nothing to read */
		return 0;
	}
	/* At most IOV_FETCH_MAX elements whatever the count: the budget is for their data. */
	v->show = v->one ? 1 : (unsigned)MIN(v->count, v->whole ? IOV_FETCH_MAX : (uint64_t)c->iov_show);
	/* One element at least, shown or not: an unreadable array prints as its address (-s 0). */
	v->want = v->read_all ? (unsigned)MIN(v->count, IOV_FETCH_MAX) : MAX(v->show, 1u);
	if (!v->want) {
		v->parsed = 1;
		return 0;
	}
	memset(&v->raw, 0, sizeof(v->raw));
	v->raw.addr = v->addr;
	v->raw.len = v->raw.want = v->ext ? v->ext : v->want * esize;
	queue(c, &v->raw, r.is_node ? REQ_NODE : REQ_BUF, r.idx);
	return 1;
}

/* Speculative reads of a familiar array's payload (one array a fetch). */
static struct buf_arg spec[GUESS_MAX];
static unsigned nspec;
static const struct agg_arg *spec_for;

/*
 * With the array itself: the payload of the elements it held the last
 * two times, as much as is shown or claimed by a policy.
 */
static void queue_guess(struct call *c, unsigned idx)
{
	const struct agg_arg *v = &c->arg[idx].v.agg;
	const struct guess *g = &c->guess;
	uint64_t left[CALL_CLAIMS];
	unsigned i, k;

	nspec = 0;
	if (!g->sure || g->addr != v->addr || g->count != v->count || !v->with_data)
		return;
	for (k = 0; k < c->nclaims; k++)
		left[k] = c->claims[k].arg == (int)idx ? c->claims[k].bytes : 0;
	for (i = 0; i < g->n && i < v->want; i++) {
		size_t want = g->want[i];

		for (k = 0; k < c->nclaims; k++) {
			size_t share = g->base[i] ? (size_t)MIN(g->len[i], left[k]) : 0;

			left[k] -= share;
			want = MAX(want, share);
		}
		memset(&spec[i], 0, sizeof(spec[i]));
		spec[i].addr = g->base[i];
		spec[i].len = spec[i].want = want;
		queue(c, &spec[i], REQ_BUF, 0);
	}
	nspec = i;
	spec_for = v;
}

/* Element @i's payload came with the array if the guess holds for it. */
static int take_guess(const struct agg_arg *v, unsigned i, struct buf_arg *d)
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
	d->state = BUF_DONE;
	return 1;
}

int call_take_guess(struct call *c, unsigned idx, unsigned i, struct buf_arg *b)
{
	return take_guess(&c->arg[idx].v.agg, i, b);
}

/* Records the payload just read; two reads alike make the guess sure. */
static void update_guess(struct call *c, const struct agg_arg *v, int pf)
{
	struct guess *g = &c->guess;
	unsigned len_f = (unsigned)v->layout->fields[pf].len;
	unsigned n = MIN(MIN(v->got, v->show), (unsigned)GUESS_MAX), i;
	int same = g->addr == v->addr && g->count == v->count && g->n == n;

	for (i = 0; i < n; i++) {
		uint64_t base = call_field(c, v, i, (unsigned)pf);
		uint64_t len = call_field(c, v, i, len_f);
		/* NULL is never read: guessing it would only cost a failed segment. */
		size_t want = base ? (size_t)MIN(len, (uint64_t)c->fetch_cap) : 0;

		same = same && g->base[i] == base && g->want[i] >= want;
		g->base[i] = base;
		g->len[i] = len;
		if (!same || g->want[i] < want)
			g->want[i] = want;
	}
	g->addr = v->addr;
	g->count = v->count;
	g->n = n;
	g->sure = (unsigned char)same;
}

static void reserve(void **p, unsigned *cap, unsigned need, size_t size)
{
	if (*cap >= need)
		return;
	*cap = need;
	*p = xrealloc(*p, (size_t)need * size);
}

/*
 * The bytes a leaf field of @kind shows of @len: data within -s; a socket
 * address or control messages whole (they are parsed, not quoted), up to
 * their own bound.
 */
static uint64_t leaf_want(const struct call *c, unsigned kind, uint64_t len)
{
	switch (kind) {
	case F_SOCKADDR:
		return MIN(len, (uint64_t)SOCKADDR_MAX);
	case F_CMSG:
		return MIN(len, (uint64_t)CMSG_FETCH_MAX);
	case F_SIGSET:	/* whole whatever -s says; the kernel's is 8 bytes */
		return MIN(len, (uint64_t)SIGSET_BYTES);
	}
	return MIN(len, (uint64_t)c->fetch_cap);
}

/* A leaf: @want of the @len bytes at @addr, taken from the call's budget. */
static uint32_t new_leaf(struct call *c, uint64_t addr, uint64_t len, uint64_t want)
{
	struct buf_arg *b = &c->leaves[c->nleaves++];

	memset(b, 0, sizeof(*b));
	b->addr = addr;
	b->len = len;
	b->want = (size_t)MIN(want, (uint64_t)c->show_left);
	c->show_left -= b->want;
	return c->nleaves;
}

/* The payload bound field @f of element @i says: a negative one (an error's res) is none. */
static uint64_t elem_bound(const struct call *c, const struct agg_arg *v, unsigned i, unsigned f)
{
	const struct field *fd = &v->layout->fields[f];
	uint64_t b = call_field(c, v, i, f);

	return fd->kind == F_INT && (int64_t)b < 0 ? 0 : b;
}

/* A node for a struct (or array of them) that field @fd of an element leads to. */
static uint32_t new_node(struct call *c, const struct field *fd, uint64_t addr, uint64_t count,
			 uint64_t limit, unsigned char read_all)
{
	struct arg *a = &c->nodes[c->nnodes++];
	struct agg_arg *v = &a->v.agg;
	uint64_t max = (c->arch == ARCH_I386 ? UINT32_MAX : UINT64_MAX) / fd->sub->size[c->arch];

	memset(a, 0, sizeof(*a));
	a->name = fd->name;
	a->type = fd->kind == F_PTR ? ARG_STRUCT : ARG_ARRAY;
	a->filled = 1;
	v->layout = fd->sub;
	v->addr = addr;
	v->count = fd->kind == F_PTR ? 1 : count;
	v->with_data = 1;
	v->overflow = v->count > max;
	v->one = fd->kind == F_PTR;
	v->at_exit = c->exiting;
	v->read_all = read_all;
	v->limit = limit;
	return c->nnodes;
}

/*
 * The pointers one call follows at most, over all its structs: nesting
 * (arrays of structs that hold arrays) cannot multiply what a call holds.
 * Past it, an array ends in "..." as past the budget.
 */
#define SLOTS_MAX 8192

/*
 * Parses the elements of @r just read and follows the pointers of those
 * to be shown: payload bytes spread the array's limit in element order
 * and take the call's budget, and the array ends before the first
 * element the budget has no bytes left for.  New nodes are added to
 * @next; returns how many.
 */
static unsigned parse_agg(struct call *c, struct agg_ref r, struct agg_ref *next)
{
	struct agg_arg *v = agg_of(c, r);
	const struct layout *l = v->layout;
	unsigned nptr = layout_pointers(l), i, f, n, added = 0;
	uint64_t left = v->limit;

	v->parsed = 1;
	if (!v->want)
		return 0;
	v->got = (unsigned)MIN(v->raw.got / l->size[c->arch], (size_t)v->want);
	n = MIN(v->got, v->show);
	if (!nptr || !v->with_data || !n)
		return 0;
	if (c->nslots + n * nptr > SLOTS_MAX) {
		n = (SLOTS_MAX - c->nslots) / nptr;
		v->show = n;
		if (!n)
			return 0;
	}
	reserve((void **)&c->slots, &c->slots_cap, c->nslots + n * nptr, sizeof(*c->slots));
	reserve((void **)&c->leaves, &c->leaves_cap, c->nleaves + n * nptr, sizeof(*c->leaves));
	reserve((void **)&c->nodes, &c->nodes_cap, c->nnodes + n * nptr, sizeof(*c->nodes));
	v = agg_of(c, r);	/* nodes may have moved */
	v->slots = c->nslots + 1;
	v->nptr = (unsigned char)nptr;
	memset(c->slots + c->nslots, 0, (size_t)n * nptr * sizeof(*c->slots));
	c->nslots += n * nptr;
	for (i = 0; i < n; i++) {
		uint32_t *slot = &c->slots[v->slots - 1 + i * nptr];

		for (f = 0; f < l->nfields; f++) {
			const struct field *fd = &l->fields[f];
			uint64_t ptr, len, want;

			if (!field_follows(fd->kind))
				continue;
			if (!call_field_present(c, v, i, f)) {
				slot++;
				continue;
			}
			ptr = call_field(c, v, i, f);
			len = fd->kind == F_PTR ? 1 : fd->len == LEN_OUTER ? v->outer :
			      call_field(c, v, i, (unsigned)fd->len);
			if (fd->payload && fd->kind == F_BYTES) {
				len = MIN(len, left);
				left -= len;
			}
			if (!ptr) {
				slot++;
				continue;
			}
			if (!field_leaf(fd->kind)) {
				/* a payload array (msg_iov) takes what is left, or its message's own bound */
				uint64_t lim = !fd->payload ? UINT64_MAX :
					       v->elem_limit && fd->limit ?
					       MIN(left, elem_bound(c, v, i, fd->limit - 1u)) : left;

				*slot++ = new_node(c, fd, ptr, len, lim,
						   (unsigned char)(fd->payload && v->read_all));
				c->nodes[c->nnodes - 1].v.agg.with_data = !fd->no_data;
				next[added].is_node = 1;
				next[added++].idx = c->nnodes - 1;
				continue;
			}
			want = leaf_want(c, fd->kind, len);
			if (len && (!c->show_left || (fd->kind != F_BYTES && fd->kind != F_SIGSET &&
							 want > c->show_left))) {
				v->show = i;	/* the budget is spent: the array ends here */
				return added;
			}
			*slot = new_leaf(c, ptr, len, want);
			if (r.is_node || !take_guess(v, i, &c->leaves[*slot - 1]))
				queue(c, &c->leaves[*slot - 1], REQ_LEAF, *slot - 1);
			slot++;
		}
	}
	return added;
}

static void queue_offptr(struct call *c, struct offptr_arg *o)
{
	memset(&o->raw, 0, sizeof(o->raw));
	o->raw.addr = o->addr;
	o->raw.len = o->raw.want = o->size;
	queue(c, &o->raw, REQ_BUF, 0);
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

/* Level 1: the arguments' own memory; returns how many structs were queued into @level. */
static unsigned queue_args(struct call *c, struct agg_ref *level)
{
	unsigned i, n = 0;
	int guessed = 0;

	for (i = 0; i < c->nargs; i++) {
		struct arg *a = &c->arg[i];

		if ((a->type == ARG_ARRAY || a->type == ARG_STRUCT) && a->v.agg.has_before &&
		    a->v.agg.before.state == BUF_PENDING)
			queue(c, &a->v.agg.before, REQ_BUF, 0);	/* the entry copy */
		if (!a->filled)
			continue;
		if ((a->type == ARG_ARRAY || a->type == ARG_STRUCT) && a->v.agg.state == AGG_PENDING) {
			struct agg_ref r = { 0, i };

			if (!queue_agg(c, r))
				continue;
			level[n++] = r;
			if (a->type == ARG_ARRAY && !guessed++ && call_payload_field(&a->v.agg) >= 0)
				queue_guess(c, i);
		} else if ((a->type == ARG_BUF || a->type == ARG_STR || a->type == ARG_SOCKADDR ||
			    a->type == ARG_SOCKOPT || a->type == ARG_DIRENTS || a->type == ARG_SIGSET ||
			    a->type == ARG_FDSET) &&
			   a->v.buf.state == BUF_PENDING) {
			queue(c, &a->v.buf, REQ_BUF, 0);
		} else if (a->type == ARG_OFFPTR && a->v.off.reading) {
			queue_offptr(c, &a->v.off);
		}
	}
	return n;
}

/*
 * The structs of one level, parsed after their batch: what they lead to
 * is queued, and @level becomes the next level's structs.
 */
static unsigned next_level(struct call *c, struct agg_ref *level, unsigned n)
{
	static struct agg_ref next[SLOTS_MAX];
	unsigned i, m = 0;

	for (i = 0; i < n; i++) {
		struct agg_arg *v = agg_of(c, level[i]);
		int pf;

		m += parse_agg(c, level[i], next + m);
		v = agg_of(c, level[i]);
		pf = call_payload_field(v);
		if (!level[i].is_node && c->arg[level[i].idx].type == ARG_ARRAY && v->with_data &&
		    pf >= 0)
			update_guess(c, v, pf);
	}
	for (i = 0, n = 0; i < m; i++)
		if (queue_agg(c, next[i]))
			level[n++] = next[i];
	return n;
}

/* What a fetch reads into offset pointers is parsed once it is read. */
static void parse_offptrs(struct call *c)
{
	unsigned i;

	for (i = 0; i < c->nargs; i++)
		if (c->arg[i].type == ARG_OFFPTR && c->arg[i].v.off.reading)
			parse_offptr(c, &c->arg[i].v.off);
}

/* Calls whose reads wait for call_fetch_flush(), all in one batch. */
static struct call **later;
static unsigned nlater, later_cap;

/* Reads what the calls waiting for call_fetch_flush() queued, in the batch under way. */
static void later_done(void)
{
	unsigned i;

	for (i = 0; i < nlater; i++)
		parse_offptrs(later[i]);
	nlater = 0;
}

static void fetch_levels(struct call *c, pid_t tid, void (*plan)(struct call *c, void *ctx),
			 void *ctx, struct agg_ref *level, unsigned n)
{
	unsigned depth;

	/*
	 * Level by level; policies plan their reads once what they watch is
	 * known (an iovec array: after level 1; a msghdr's: after level 2),
	 * and may plan again after each level until they have.  Kernel
	 * structs nest a few levels at most: a bound, not a trust in the tracee.
	 */
	if (!n && plan)
		plan(c, ctx);	/* nothing nested: one batch with the arguments' own reads */
	for (depth = 0; depth < 8; depth++) {
		call_read_queued(c, tid);
		later_done();	/* the calls waiting came with the first batch */
		if (n) {
			n = next_level(c, level, n);
			if (plan)
				plan(c, ctx);
		}
		nspec = 0;	/* the guesses served the first level only */
		if (!n && !reqs.n)
			break;
	}
	call_read_queued(c, tid);
	parse_offptrs(c);
}

void call_fetch_later(struct call *c, pid_t tid, void (*plan)(struct call *c, void *ctx), void *ctx)
{
	static struct agg_ref level[SLOTS_MAX];
	unsigned n = queue_args(c, level);

	if (n) {	/* structs to follow: its own levels (the first batch takes the waiting reads) */
		fetch_levels(c, tid, plan, ctx, level, n);
		return;
	}
	if (plan)
		plan(c, ctx);
	if (nlater == later_cap) {
		later_cap = later_cap ? later_cap * 2 : 16;
		later = xrealloc(later, later_cap * sizeof(*later));
	}
	later[nlater++] = c;
}

void call_fetch_flush(pid_t tid)
{
	if (!nlater)
		return;
	call_read_queued(NULL, tid);
	later_done();
}

void call_fetch(struct call *c, pid_t tid, void (*plan)(struct call *c, void *ctx), void *ctx)
{
	static struct agg_ref level[SLOTS_MAX];

	fetch_levels(c, tid, plan, ctx, level, queue_args(c, level));
}
