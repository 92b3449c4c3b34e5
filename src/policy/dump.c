/* -e write= and -e read=: which calls are dumped, and reading their data. */
#include "config.h"
#include <stdlib.h>
#include <string.h>
#include "call/fetch.h"
#include "config/options.h"
#include "memory/umem.h"
#include "policy/dump.h"
#include "util/util.h"

/*
 * The kernel takes at most this much in one call (MAX_RW_COUNT), over all
 * iovecs: no more is dumped, whatever lengths the tracee gives (a count
 * of 2^40 over a large mapping would otherwise dump gigabytes while the
 * tracee waits).
 */
#define RW_MAX 0x7ffff000u

static void want(struct dump *d, struct call *c, int arg, uint64_t len)
{
	d->arg = arg;
	d->len = MIN(len, (uint64_t)RW_MAX);
	/* Every element is dumped; the short ones come with the array when it is familiar. */
	call_claim(c, (unsigned)arg, c->late_data ? 0 : MIN(d->len, (uint64_t)DUMP_PREFETCH));
}

void dump_begin(struct dump *d, struct call *c, pid_t tid, int exiting)
{
	d->tid = tid;
	if (!exiting) {
		d->arg = -1;
		d->planned = 0;
		d->ready = 0;
		d->nsegs = 0;
	}
	if (opt.json || d->arg >= 0)	/* JSON has no dumps */
		return;
	/* sendmmsg says what it sent at exit */
	if (c->in.arg >= 0 && fdset_has(&opt.dump_write, c->in.fd))
		want(d, c, c->in.arg, c->in.len);
	else if (exiting && c->out.arg >= 0 && fdset_has(&opt.dump_read, c->out.fd))
		want(d, c, c->out.arg, c->out.len);
}

int dump_stretch(const struct dump *d, const struct call *c, unsigned i, uint64_t *addr,
		 uint64_t *len)
{
	const struct arg *a = call_data_arg(c, (unsigned)d->arg);
	uint64_t left = d->len;
	unsigned k;
	int pf;

	if (!a)
		return 0;
	if (a->type == ARG_BUF) {
		*addr = a->v.buf.addr;
		*len = d->len;
		return i == 0 && *addr;
	}
	if (a->type != ARG_ARRAY || (pf = call_payload_field(&a->v.agg)) < 0)
		return 0;
	for (k = 0; k < a->v.agg.got && left; k++) {
		uint64_t n = MIN(call_field(c, &a->v.agg, k,
					    (unsigned)a->v.agg.layout->fields[pf].len), left);

		if (k == i) {
			*addr = call_field(c, &a->v.agg, k, (unsigned)pf);
			*len = n;
			return 1;
		}
		left -= n;
	}
	return 0;
}

static struct buf_arg *add_seg(struct dump *d, uint64_t addr, uint64_t len)
{
	struct buf_arg *b = &d->segs[d->nsegs++];

	memset(b, 0, sizeof(*b));
	b->addr = addr;
	b->len = b->want = (size_t)len;
	return b;
}

int dump_vector(const struct dump *d, const struct call *c, unsigned k, const struct agg_arg **iov,
		uint64_t *iovlen, uint64_t *limit)
{
	const struct arg *a = &c->arg[d->arg];
	const struct agg_arg *v = &a->v.agg;
	const struct arg *n;
	int f = a->type == ARG_ARRAY ? call_payload_array_field(v->layout) : -1;
	const struct field *fd;

	if (f < 0 || k >= MIN(v->got, v->show))
		return 0;
	fd = &v->layout->fields[f];
	n = call_node(c, v, k, layout_slot(v->layout, (unsigned)f));
	*iov = n ? &n->v.agg : NULL;
	*iovlen = call_field(c, v, k, (unsigned)fd->len);
	*limit = fd->limit ? call_field(c, v, k, fd->limit - 1u) : UINT64_MAX;
	return 1;
}

/*
 * Queues the data of a dump of at most DUMP_PREFETCH bytes with the
 * call's other reads; the renderer then reads nothing, and the tracee
 * need not wait while the dump is formatted.
 */
void dump_plan(struct dump *d, struct call *c)
{
	uint64_t addr, len, total = 0;
	unsigned n, i;

	if (d->arg < 0 || d->planned || !c->arg[d->arg].filled || !call_data_arg(c, (unsigned)d->arg))
		return;	/* again after the next level: a msghdr's iovecs are not read yet */
	d->planned = 1;
	if (c->late_data)
		return;	/* read when printed, at exit */
	if (c->arg[d->arg].type == ARG_ARRAY && call_payload_field(&c->arg[d->arg].v.agg) < 0)
		return;	/* messages (sendmmsg): read when printed, vector by vector */
	for (n = 0; dump_stretch(d, c, n, &addr, &len) && total <= DUMP_PREFETCH; n++)
		total += len;
	if (total > DUMP_PREFETCH)
		return;	/* streamed when printed */
	if (d->segs_cap < n) {	/* bounded by IOV_FETCH_MAX; no growing once queued */
		d->segs = xrealloc(d->segs, n * sizeof(*d->segs));
		d->segs_cap = n;
	}
	d->ready = 1;
	for (i = 0; i < n && dump_stretch(d, c, i, &addr, &len); i++) {
		struct buf_arg *b = add_seg(d, addr, len);

		if (c->arg[d->arg].type != ARG_ARRAY || !call_take_guess(c, (unsigned)d->arg, i, b))
			call_queue(c, b);
	}
}

size_t dump_read_tracee(const struct dump *d, uint64_t addr, void *buf, size_t len, uint64_t *fault)
{
	struct umem_req r = { addr, len, buf, 0, 0 };

	umem_read(d->tid, &r, 1);
	*fault = r.fault;
	return r.got;
}

void dump_trim(struct dump *d)
{
	if (d->segs_cap > 64)
		dump_release(d);
}

void dump_release(struct dump *d)
{
	free(d->segs);
	d->segs = NULL;
	d->segs_cap = 0;
}
