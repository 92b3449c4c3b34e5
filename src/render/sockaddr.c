/*
 * Socket addresses: which form each prints in, from the bytes the
 * reader fetched and the length the call gave (bind, connect, sendto)
 * or the kernel wrote back (accept, getsockname, recvfrom).
 */
#include "config.h"
#include <stdio.h>
#include <string.h>
#include <arpa/inet.h>
#include <sys/socket.h>
#include "render/sockaddr.h"
#include "util/util.h"

/* The shortest address of each family that prints its fields. */
#define SIN_LEN 16		/* struct sockaddr_in */
#define SIN6_MIN_LEN 24		/* struct sockaddr_in6 without sin6_scope_id (RFC 2133) */
#define SNL_LEN 12		/* struct sockaddr_nl */

/*
 * How many bytes the address holds: the length passed, or the one the
 * kernel wrote back, but never more than the caller's buffer (the kernel
 * copies no more) nor than was read.  0: print the pointer.
 */
static size_t sockaddr_len(const struct call *c, const struct arg *a)
{
	const struct buf_arg *b = &a->v.buf;
	uint64_t len = b->len;

	if (a->len_arg) {
		const struct offptr_arg *o = &c->arg[a->len_arg - 1].v.off;

		if (c->error || !o->addr || !o->old_ok || (int64_t)o->old < 0)
			return 0;
		len = o->old;
		if (o->want_new && o->new_ok && (int64_t)o->new >= 0 && o->new < len)
			len = o->new;
	}
	len = MIN(len, (uint64_t)SOCKADDR_MAX);
	if (b->state != BUF_DONE || b->got < len)
		return 0;
	return (size_t)len;
}

void sockaddr_view(const struct call *c, const struct arg *a, struct sa_view *v)
{
	sockaddr_view_buf(c, &a->v.buf, a->v.buf.addr ? sockaddr_len(c, a) : 0, v);
}

void sockaddr_view_bytes(const unsigned char *p, size_t len, struct sa_view *v)
{
	memset(v, 0, sizeof(*v));
	v->len = len;
	if (v->len < 2) {
		v->form = SA_ADDR;
		return;
	}
	v->p = p;
	v->family = (unsigned)v->p[0] | (unsigned)v->p[1] << 8;
	switch (v->family) {
	case AF_UNIX:
		v->form = v->len == 2 ? SA_FAMILY : SA_UNIX;
		break;
	case AF_INET:
		v->form = v->len >= SIN_LEN ? SA_INET : SA_RAW;
		break;
	case AF_INET6:
		v->form = v->len >= SIN6_MIN_LEN ? SA_INET6 : SA_RAW;
		break;
	case AF_NETLINK:
		v->form = v->len >= SNL_LEN ? SA_NETLINK : SA_RAW;
		break;
	default:
		v->form = SA_RAW;
	}
}

void sockaddr_view_buf(const struct call *c, const struct buf_arg *b, uint64_t len,
		       struct sa_view *v)
{
	if (!b->addr) {
		memset(v, 0, sizeof(*v));
		v->form = SA_NULL;
		return;
	}
	len = MIN(len, (uint64_t)SOCKADDR_MAX);
	sockaddr_view_bytes(call_buf_data(c, b),
			    b->state == BUF_DONE && b->got >= len ? (size_t)len : 0, v);
}

unsigned sockaddr_port(const struct sa_view *v)
{
	return (unsigned)v->p[2] << 8 | v->p[3];
}

void sockaddr_ntop(const struct sa_view *v, char *out, size_t size)
{
	if (!inet_ntop(v->form == SA_INET ? AF_INET : AF_INET6,
		       v->p + (v->form == SA_INET ? 4 : 8), out, (socklen_t)size))
		snprintf(out, size, "?");
}

uint32_t sockaddr_u32(const struct sa_view *v, size_t off)
{
	uint32_t x;

	memcpy(&x, v->p + off, 4);
	return x;
}

uint32_t sockaddr_be32(const struct sa_view *v, size_t off)
{
	return ntohl(sockaddr_u32(v, off));
}

void sockaddr_unix_path(const struct sa_view *v, const unsigned char **p, size_t *n,
			int *abstract)
{
	const unsigned char *path = v->p + 2;
	size_t max = v->len - 2;
	const unsigned char *nul;

	*abstract = path[0] == 0;
	if (*abstract) {
		*p = path + 1;
		*n = max - 1;
		return;
	}
	nul = memchr(path, 0, max);
	*p = path;
	*n = nul ? (size_t)(nul - path) : max;
}

void sockaddr_view_field(const struct call *c, const struct agg_arg *v, unsigned i, unsigned f,
			 const struct buf_arg *b, struct sa_view *view)
{
	unsigned lf = (unsigned)v->layout->fields[f].len;
	uint64_t len = call_field(c, v, i, lf), was;

	if ((int64_t)(int32_t)len < 0)
		len = 0;
	/* the kernel wrote no more than the caller's buffer held */
	if (call_field_before(c, v, i, lf, &was) && (int64_t)(int32_t)was >= 0)
		len = MIN(len, was);
	sockaddr_view_buf(c, b, len, view);
}
