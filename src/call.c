#include "config.h"
#include <stdlib.h>
#include <string.h>
#include "call.h"
#include "memory.h"
#include "util.h"

void call_begin(struct call *c, unsigned id, size_t fetch_cap)
{
	c->id = id;
	c->nargs = 0;
	c->rval = 0;
	c->error = 0;
	c->done = 0;
	c->arena_len = 0;
	c->fetch_cap = fetch_cap;
}

static struct arg *add(struct call *c, const char *name, enum arg_type type)
{
	struct arg *a;

	/* Decoders are ours, so overflowing is a bug, not tracee input. */
	if (c->nargs >= CALL_MAX_ARGS)
		die("internal error: too many arguments for one call");
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
	add(c, name, ARG_FD)->v.i = fd;
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
	b->want = addr ? (size_t)MIN(len, (uint64_t)c->fetch_cap) : 0;
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

void call_fetch(struct call *c, pid_t tid)
{
	struct umem_req req[CALL_MAX_ARGS];
	struct buf_arg *bufs[CALL_MAX_ARGS];
	size_t n = 0, i;

	for (i = 0; i < c->nargs; i++) {
		struct buf_arg *b = &c->arg[i].v.buf;

		if (c->arg[i].type != ARG_BUF || !c->arg[i].filled ||
		    b->state != BUF_PENDING)
			continue;
		b->off = arena_take(c, b->want);
		b->state = BUF_DONE;
		if (!b->want)
			continue;
		bufs[n] = b;
		req[n].addr = b->addr;
		req[n].len = b->want;
		n++;
	}
	if (!n)
		return;
	/* Pointers into the arena are taken only now: it may have moved. */
	for (i = 0; i < n; i++)
		req[i].dst = c->arena + bufs[i]->off;
	umem_read(tid, req, n);
	for (i = 0; i < n; i++) {
		bufs[i]->got = req[i].got;
		bufs[i]->fault = req[i].fault;
	}
}

void call_set_result(struct call *c, const struct sc_event *ev)
{
	c->done = 1;
	c->rval = ev->rval;
	c->error = ev->is_error ? (int)-ev->rval : 0;
}

void call_release(struct call *c)
{
	free(c->arena);
	c->arena = NULL;
	c->arena_cap = c->arena_len = 0;
}
