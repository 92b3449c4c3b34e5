/*
 * --toctou for Linux AIO (see aiowatch.h).  iocbs and events are read as
 * the uapi lays them out, the same on both arches; everything the tracee
 * says is bounded: at most AIO_REQS_MAX iocbs or events a call,
 * AIO_WATCH_MAX watches a process, AIO_SEGS_MAX iovecs and --toctou-bytes
 * bytes a write.
 */
#include "config.h"
#include <stdlib.h>
#include <string.h>
#include "config/options.h"
#include "memory/umem.h"
#include "policy/aiowatch.h"
#include "syscalls/syscalls.h"
#include "util/util.h"

#define AIO_REQS_MAX 1024
#define AIO_SEGS_MAX 16

struct watch {
	pid_t tgid;
	uint64_t ctx, iocb, aio_data;
	unsigned index;		/* its iocb's place in io_submit's array */
	unsigned char submitted;	/* io_submit's exit counted it */
	uint64_t seg_addr[AIO_SEGS_MAX], seg_len[AIO_SEGS_MAX];
	unsigned nsegs;
	size_t len;		/* bytes copied, over the segments */
	unsigned char *copy;
};

static struct watch *watches;
static unsigned nwatches, watches_cap;

/* @len bytes at @addr of @tid, whole, or 0. */
static int read_whole(pid_t tid, uint64_t addr, void *buf, size_t len)
{
	struct umem_req r = { .addr = addr, .len = len, .dst = buf };

	return addr && umem_read(tid, &r, 1) == 1 && r.got == len;
}

/* As much of @len bytes at @addr as can be read; how much. */
static size_t read_some(pid_t tid, uint64_t addr, void *buf, size_t len)
{
	struct umem_req r = { .addr = addr, .len = len, .dst = buf };

	umem_read(tid, &r, 1);
	return r.got;
}

static unsigned in_process(pid_t tgid)
{
	unsigned i, n = 0;

	for (i = 0; i < nwatches; i++)
		n += watches[i].tgid == tgid;
	return n;
}

static void drop(unsigned i)
{
	free(watches[i].copy);
	watches[i] = watches[--nwatches];
}

/* The segments of write @w (its buffer, or its first iovecs), from iocb bytes @cb. */
static void segments(struct watch *w, pid_t tid, const struct call *c, const unsigned char *cb)
{
	unsigned opcode = (unsigned)get_le(cb + IOCB_OPCODE, 2), word = c->arch == ARCH_I386 ? 4 : 8;
	uint64_t buf = get_le(cb + IOCB_BUF, 8), n = get_le(cb + IOCB_NBYTES, 8);
	unsigned char iov[16];
	unsigned i;

	if (opcode == CMD_PWRITE) {
		w->seg_addr[0] = buf;
		w->seg_len[0] = n;
		w->nsegs = 1;
		return;
	}
	for (i = 0; i < n && i < AIO_SEGS_MAX && read_whole(tid, buf + i * 2ULL * word, iov, 2 * word);
	     i++) {
		w->seg_addr[i] = get_le(iov, word);
		w->seg_len[i] = get_le(iov + word, word);
	}
	w->nsegs = i;
}

/* Up to @cap bytes of @w's segments, in order, into @buf; how many could be read. */
static size_t gather(const struct watch *w, pid_t tid, unsigned char *buf, size_t cap)
{
	size_t at = 0, want, got;
	unsigned i;

	for (i = 0; i < w->nsegs && at < cap; i++) {
		want = (size_t)MIN(w->seg_len[i], (uint64_t)(cap - at));
		got = read_some(tid, w->seg_addr[i], buf + at, want);
		at += got;
		if (got < want)
			break;
	}
	return at;
}

/* Watches write @k at @iocb, if it is one; 0 when it is one past what is watched. */
static int watch_one(pid_t tgid, pid_t tid, const struct call *c, unsigned k, uint64_t iocb,
		     size_t budget)
{
	unsigned char cb[IOCB_SIZE];
	struct watch *w;
	unsigned opcode, i;
	size_t total = 0;

	if (!read_whole(tid, iocb, cb, IOCB_SIZE))
		return 1;
	opcode = (unsigned)get_le(cb + IOCB_OPCODE, 2);
	if (opcode != CMD_PWRITE && opcode != CMD_PWRITEV)
		return 1;
	for (i = 0; i < nwatches; i++)	/* submitted again: the new one counts */
		if (watches[i].tgid == tgid && watches[i].iocb == iocb)
			drop(i);
	if (in_process(tgid) >= AIO_WATCH_MAX)
		return 0;
	if (nwatches == watches_cap) {
		watches_cap = watches_cap ? 2 * watches_cap : 16;
		watches = xrealloc(watches, watches_cap * sizeof(*watches));
	}
	w = &watches[nwatches];
	memset(w, 0, sizeof(*w));
	w->tgid = tgid;
	w->ctx = (uint64_t)c->arg[0].v.u;
	w->iocb = iocb;
	w->aio_data = get_le(cb, 8);
	w->index = k;
	segments(w, tid, c, cb);
	for (i = 0; i < w->nsegs && total < budget; i++)
		total += (size_t)MIN(w->seg_len[i], (uint64_t)(budget - total));
	w->copy = xmalloc(total ? total : 1);	/* at most --toctou-bytes, whatever the tracee says */
	w->len = gather(w, tid, w->copy, total);
	nwatches++;
	return 1;
}

void aiowatch_submit(struct aio_found *out, pid_t tgid, pid_t tid, const struct call *c,
		     size_t budget)
{
	int64_t nr = c->arg[1].v.i;
	uint64_t base = c->arg[2].type == ARG_ARRAY ? c->arg[2].v.agg.addr : 0;
	unsigned word = c->arch == ARCH_I386 ? 4 : 8, k;
	unsigned char ptr[8];

	for (k = 0; nr > 0 && k < MIN((uint64_t)nr, (uint64_t)AIO_REQS_MAX); k++) {
		if (!read_whole(tid, base + (uint64_t)k * word, ptr, word))
			break;
		out->unwatched += !watch_one(tgid, tid, c, k, get_le(ptr, word), budget);
	}
}

void aiowatch_submitted(pid_t tgid, const struct call *c)
{
	unsigned i = 0;

	while (i < nwatches) {
		struct watch *w = &watches[i];

		if (w->tgid != tgid || w->submitted) {
			i++;
		} else if (!c->error && c->rval > 0 && w->index < (uint64_t)c->rval) {
			w->submitted = 1;
			i++;
		} else {
			drop(i);
		}
	}
}

/* Watch @w, reaped by event @k: what changed since it was submitted, into @out. */
static void compare(struct aio_found *out, const struct watch *w, pid_t tid, unsigned k)
{
	static unsigned char *now;
	static size_t now_cap;
	struct aio_change *ch;
	size_t got, first, last;

	if (now_cap < w->len) {
		now = xrealloc(now, w->len);
		now_cap = w->len;
	}
	got = gather(w, tid, now, w->len);
	for (first = 0; first < got && now[first] == w->copy[first]; first++)
		;
	if (first == got)
		return;	/* unchanged, as far as it can be read */
	for (last = got - 1; last > first && now[last] == w->copy[last]; last--)
		;
	if (out->n == out->cap) {
		out->cap = out->cap ? 2 * out->cap : 4;
		out->c = xrealloc(out->c, out->cap * sizeof(*out->c));
	}
	ch = &out->c[out->n++];
	ch->event = k;
	ch->aio_data = w->aio_data;
	ch->first = first;
	ch->last = last;
	ch->shown = (unsigned)MIN(last - first + 1, (size_t)AIO_SHOW_MAX);
	memcpy(ch->before, w->copy + first, ch->shown);
	memcpy(ch->after, now + first, ch->shown);
}

void aiowatch_reaped(struct aio_found *out, pid_t tgid, pid_t tid, const struct call *c)
{
	uint64_t base = c->arg[3].type == ARG_ARRAY ? c->arg[3].v.agg.addr : 0;
	uint64_t ctx = (uint64_t)c->arg[0].v.u, obj;
	unsigned char ev[EVENT_SIZE];
	unsigned k, i;

	for (k = 0; !c->error && c->rval > 0 && k < MIN((uint64_t)c->rval, (uint64_t)AIO_REQS_MAX);
	     k++) {
		if (!read_whole(tid, base + (uint64_t)k * EVENT_SIZE, ev, EVENT_SIZE))
			break;
		obj = get_le(ev + EVENT_OBJ, 8);
		for (i = 0; i < nwatches; i++) {
			struct watch *w = &watches[i];

			if (w->tgid == tgid && w->ctx == ctx && w->iocb == obj && w->submitted) {
				compare(out, w, tid, k);
				drop(i);
				break;
			}
		}
	}
}

void aiowatch_forget(pid_t tgid, uint64_t ctx)
{
	unsigned i = 0;

	while (i < nwatches) {
		if (watches[i].tgid == tgid && (!ctx || watches[i].ctx == ctx))
			drop(i);
		else
			i++;
	}
}

void aiowatch_found_clear(struct aio_found *f)
{
	f->n = 0;
	f->unwatched = 0;
}

void aiowatch_found_release(struct aio_found *f)
{
	free(f->c);
	memset(f, 0, sizeof(*f));
}
