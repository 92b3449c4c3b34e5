#ifndef IOTRACE_SOCKOPT_H
#define IOTRACE_SOCKOPT_H

/*
 * A socket option's value (ARG_SOCKOPT) as the renderers see it: which
 * form it prints in, from the form the decoder chose and the length the
 * caller gave (setsockopt) or the kernel wrote back (getsockopt).  The
 * text and JSON renderers print the same view.
 */

#include <stddef.h>
#include <stdint.h>
#include "call/call.h"

enum so_view_form {
	SO_VIEW_NULL,	/* a NULL pointer */
	SO_VIEW_ADDR,	/* the pointer only: unreadable, empty, too short, or the call failed */
	SO_VIEW_INT,	/* [int]: the first 4 bytes (named by @layout's field when it has one) */
	SO_VIEW_INTS,	/* [int, ...]: @n bytes' whole ints, "..." past -s of them */
	SO_VIEW_STR,	/* the bytes as a string: @n of @len shown */
	SO_VIEW_HEX,	/* the bytes in hex (an int option's short value) */
	SO_VIEW_STRUCT,	/* the fields of @layout that @n bytes hold whole, then part of one in hex */
};

struct so_view {
	enum so_view_form form;
	const unsigned char *p;	/* the bytes read */
	size_t n;		/* how many of them print */
	uint64_t len;		/* how many the value holds */
	const struct layout *layout;
};

/* How argument @a (ARG_SOCKOPT) of call @c prints. */
void sockopt_view(const struct call *c, const struct arg *a, struct so_view *v);

#endif
