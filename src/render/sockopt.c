/*
 * Socket options' values: which form each prints in.  Set, the value is
 * as long as the caller says; got back, as long as the kernel wrote
 * (the socklen after the call), and a failed call's value is only an
 * address, as strace prints them.
 */
#include "config.h"
#include "call/layout.h"
#include "render/sockopt.h"
#include "util/util.h"

/*
 * The value's length: the caller's, or what getsockopt wrote back
 * within the caller's buffer.  -1: print the pointer.
 */
static int64_t sockopt_len(const struct call *c, const struct arg *a)
{
	const struct offptr_arg *o;
	int64_t len;

	if (!a->len_arg)
		return (int64_t)a->v.buf.len;
	o = &c->arg[a->len_arg - 1].v.off;
	if (c->error || !o->addr || !o->old_ok || (int64_t)o->old <= 0)
		return -1;
	len = (int64_t)o->old;
	if (o->want_new && o->new_ok)
		len = MIN(len, (int64_t)o->new);
	return len > 0 ? len : -1;	/* nothing written back: strace shows the pointer */
}

/* Whether the first @n bytes were read. */
static int have(const struct arg *a, uint64_t n)
{
	return !n || (a->v.buf.state == BUF_DONE && a->v.buf.got >= n);
}

static void struct_view(const struct call *c, const struct arg *a, uint64_t len,
			struct so_view *v)
{
	size_t size = a->layout->size[c->arch];

	v->n = (size_t)MIN(len, (uint64_t)size);
	v->form = have(a, v->n) ? SO_VIEW_STRUCT : SO_VIEW_ADDR;
}

void sockopt_view(const struct call *c, const struct arg *a, struct so_view *v)
{
	const struct buf_arg *b = &a->v.buf;
	int64_t len = sockopt_len(c, a);

	v->p = b->state == BUF_DONE ? call_buf_data(c, b) : NULL;
	v->n = 0;
	v->len = len < 0 ? 0 : (uint64_t)len;
	v->layout = a->layout;
	v->form = SO_VIEW_ADDR;
	if (!b->addr) {
		v->form = SO_VIEW_NULL;
		return;
	}
	if (len < 0)
		return;
	switch ((enum sockopt_form)a->sockopt) {
	case SOCKOPT_ADDR:
		return;
	case SOCKOPT_STRUCT:
		struct_view(c, a, v->len, v);
		return;
	case SOCKOPT_INT:
		if (v->len >= 4) {
			v->form = have(a, 4) ? SO_VIEW_INT : SO_VIEW_ADDR;
			return;
		}
		v->n = (size_t)MIN(v->len, (uint64_t)c->fetch_cap);	/* -s cuts it */
		v->form = have(a, v->n) ? SO_VIEW_HEX : SO_VIEW_ADDR;
		return;
	case SOCKOPT_INTS:	/* as many ints as the bytes hold, -s of them */
		v->n = (size_t)MIN(MIN(v->len, (uint64_t)b->want) / 4, (uint64_t)c->fetch_cap) * 4;
		v->form = have(a, v->n) ? SO_VIEW_INTS : SO_VIEW_ADDR;
		return;
	case SOCKOPT_ANY:
		if (v->len == 4) {
			v->form = have(a, 4) ? SO_VIEW_INT : SO_VIEW_ADDR;
			return;
		}
		v->n = (size_t)MIN(v->len, (uint64_t)MIN(c->fetch_cap, b->want));
		v->form = have(a, v->n) ? SO_VIEW_STR : SO_VIEW_ADDR;
		return;
	}
}
