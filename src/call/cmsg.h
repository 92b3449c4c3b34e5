#ifndef IOTRACE_CMSG_H
#define IOTRACE_CMSG_H

/*
 * Control messages (a msghdr's msg_control) as the tracee's kernel lays
 * them out: a header (cmsg_len, a size_t; cmsg_level, cmsg_type) and
 * its data, each message aligned to a long.  The bytes are tracee
 * input: a length that lies ends the walk, never reads past the bytes.
 */

#include <stddef.h>
#include <stdint.h>
#include "util/arch.h"

struct cmsg_walk {
	const unsigned char *p;
	size_t left;		/* bytes not walked yet */
	enum arch arch;
	unsigned char stop;	/* a header too short for itself: no more */
};

struct cmsg {
	uint64_t len;			/* cmsg_len as the tracee wrote it */
	int level, type;
	const unsigned char *data;
	size_t data_len;		/* within cmsg_len and within the bytes */
};

#define SCM_RIGHTS_TYPE 1
#define SCM_CREDENTIALS_TYPE 2
#define SOL_SOCKET_LEVEL 1
#define SOL_IP_LEVEL 0

void cmsg_begin(struct cmsg_walk *w, enum arch a, const unsigned char *p, size_t n);

/* The next message into @m: 1, or 0 when no whole header is left. */
int cmsg_next(struct cmsg_walk *w, struct cmsg *m);

/* Bytes left after the walk: a torn header, or past a length that points beyond the end. */
static inline size_t cmsg_left(const struct cmsg_walk *w)
{
	return w->left;
}

#endif
