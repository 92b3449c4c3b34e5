#ifndef IOTRACE_SOCKADDR_H
#define IOTRACE_SOCKADDR_H

/*
 * A socket address argument as the renderers see it: which form it
 * prints in and the bytes it holds.  The text and JSON renderers print
 * the same view.
 */

#include <stddef.h>
#include <stdint.h>
#include "call/call.h"

enum sa_form {
	SA_NULL,	/* a NULL pointer */
	SA_ADDR,	/* the pointer only: unreadable, empty, or the call failed */
	SA_FAMILY,	/* the family alone (an unnamed AF_UNIX socket) */
	SA_UNIX,	/* sun_path, or @"abstract" */
	SA_INET,
	SA_INET6,	/* with sin6_scope_id when long enough */
	SA_NETLINK,
	SA_RAW,		/* the family and sa_data's bytes */
};

struct sa_view {
	enum sa_form form;
	unsigned family;
	const unsigned char *p;	/* the address's bytes, family first */
	size_t len;		/* how many of them the address holds */
};

/* How argument @a (ARG_SOCKADDR) of call @c prints. */
void sockaddr_view(const struct call *c, const struct arg *a, struct sa_view *v);

/*
 * The same for a socket address a struct leads to (msg_name): the bytes
 * read into @b, of which the address holds @len.
 */
void sockaddr_view_buf(const struct call *c, const struct buf_arg *b, uint64_t len,
		       struct sa_view *v);

/*
 * The socket address field @f of element @i of @v leads to, read into
 * @b (msg_name): as long as its length field says, and never longer than
 * that field was at entry when the call rewrote it (recvmsg).
 */
void sockaddr_view_field(const struct call *c, const struct agg_arg *v, unsigned i, unsigned f,
			 const struct buf_arg *b, struct sa_view *view);

/* A socket address of @len bytes at @p (one in place in a struct: group_req's). */
void sockaddr_view_bytes(const unsigned char *p, size_t len, struct sa_view *v);

/* The port, in host order, of an AF_INET or AF_INET6 view. */
unsigned sockaddr_port(const struct sa_view *v);

/* The address as text (inet_ntop): AF_INET or AF_INET6. */
void sockaddr_ntop(const struct sa_view *v, char *out, size_t size);

/* A little-endian (x86) 32-bit field at @off of the view; the caller checked len. */
uint32_t sockaddr_u32(const struct sa_view *v, size_t off);

/* A big-endian (network order) 32-bit field at @off. */
uint32_t sockaddr_be32(const struct sa_view *v, size_t off);

/* The bytes of sun_path to print: an abstract name's after its NUL, a path's up to its NUL. */
void sockaddr_unix_path(const struct sa_view *v, const unsigned char **p, size_t *n,
			int *abstract);

#endif
