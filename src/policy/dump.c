/* -e write= and -e read=: which calls are dumped, and reading their data. */
#include "config.h"
#include <stdlib.h>
#include <string.h>
#include "call/fetch.h"
#include "config/options.h"
#include "memory/umem.h"
#include "policy/aiowatch.h"
#include "policy/dump.h"
#include "syscalls/syscalls.h"
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

/*
 * Linux AIO: io_submit's iocbs each name their fd, so which writes are
 * dumped is decided per iocb, when printed (dump_aio()); so are the reads
 * io_getevents' events completed.  Read from the tracee then, which waits.
 */
static int aio_begin(struct dump *d, const struct call *c, int exiting)
{
	unsigned id = c->id;

	if (id == SC_io_submit && !exiting && fdset_used(&opt.dump_write)) {
		d->arg = 2;	/* iocbpp */
		d->aio = DUMP_AIO_WRITES;
	} else if ((id == SC_io_getevents || id == SC_io_pgetevents ||
		    id == SC_io_pgetevents_time64) && exiting && !c->error && c->rval > 0 &&
		   fdset_used(&opt.dump_read)) {
		d->arg = 3;	/* events */
		d->aio = DUMP_AIO_READS;
	} else {
		return 0;
	}
	d->planned = 1;	/* nothing read with the call */
	d->len = UINT64_MAX;
	return 1;
}

void dump_begin(struct dump *d, struct call *c, pid_t tid, int exiting)
{
	d->tid = tid;
	if (!exiting) {
		d->arg = -1;
		d->aio = DUMP_AIO_NONE;
		d->planned = 0;
		d->ready = 0;
		d->nsegs = 0;
	}
	if (opt.json || d->arg >= 0 || aio_begin(d, c, exiting))	/* JSON has no dumps */
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


/* @len bytes at @addr of the tracee, whole, or 0. */
static int read_whole(const struct dump *d, uint64_t addr, void *buf, size_t len)
{
	uint64_t fault;

	return addr && dump_read_tracee(d, addr, buf, len, &fault) == len;
}

int dump_aio(const struct dump *d, const struct call *c, unsigned k, struct dump_aio *out)
{
	unsigned char cb[IOCB_SIZE], ev[EVENT_SIZE], ptr[8];
	const struct arg *a = &c->arg[d->arg];
	unsigned word = c->arch == ARCH_I386 ? 4 : 8;
	uint64_t iocb, n = c->rval > 0 ? (uint64_t)c->rval : 0;	/* submitted, or reaped */
	uint64_t base = a->type == ARG_ARRAY ? a->v.agg.addr : 0;
	int64_t res = 0;

	if (d->aio == DUMP_AIO_WRITES && c->error)	/* as write's: what it was given */
		n = c->arg[1].v.i > 0 ? (uint64_t)c->arg[1].v.i : 0;
	if (k >= MIN(n, (uint64_t)DUMP_AIO_MAX))
		return 0;
	if (d->aio == DUMP_AIO_WRITES) {
		if (!read_whole(d, base + (uint64_t)k * word, ptr, word))
			return 0;
		iocb = get_le(ptr, word);
	} else {
		if (!read_whole(d, base + (uint64_t)k * EVENT_SIZE, ev, EVENT_SIZE))
			return 0;
		iocb = get_le(ev + EVENT_OBJ, 8);
		res = (int64_t)get_le(ev + EVENT_RES, 8);
	}
	memset(out, 0, sizeof(*out));
	if (!read_whole(d, iocb, cb, IOCB_SIZE))
		return 1;	/* not one it can show */
	out->opcode = (unsigned)get_le(cb + IOCB_OPCODE, 2);
	out->fd = (int)get_le(cb + IOCB_FILDES, 4);
	out->buf = get_le(cb + IOCB_BUF, 8);
	out->count = get_le(cb + IOCB_NBYTES, 8);
	out->vectored = out->opcode == CMD_PWRITEV || out->opcode == CMD_PREADV;
	if (d->aio == DUMP_AIO_WRITES) {
		out->shown = (out->opcode == CMD_PWRITE || out->opcode == CMD_PWRITEV) &&
			     fdset_has(&opt.dump_write, out->fd);
		out->len = out->vectored ? RW_MAX : MIN(out->count, (uint64_t)RW_MAX);	/* iovecs: at most */
	} else {
		out->shown = (out->opcode == CMD_PREAD || out->opcode == CMD_PREADV) && res > 0 &&
			     fdset_has(&opt.dump_read, out->fd);
		out->len = res > 0 ? MIN((uint64_t)res, (uint64_t)RW_MAX) : 0;
	}
	return 1;
}

int dump_aio_iovec(const struct dump *d, const struct call *c, uint64_t addr, unsigned i,
		   uint64_t *base, uint64_t *len)
{
	unsigned word = c->arch == ARCH_I386 ? 4 : 8;
	unsigned char iov[16];

	if (!read_whole(d, addr + (uint64_t)i * 2 * word, iov, 2 * word))
		return 0;
	*base = get_le(iov, word);
	*len = get_le(iov + word, word);
	return 1;
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
