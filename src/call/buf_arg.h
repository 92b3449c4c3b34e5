#ifndef IOTRACE_BUF_ARG_H
#define IOTRACE_BUF_ARG_H

#include <stddef.h>
#include <stdint.h>

/* A counted buffer read from the tracee: shared by call.h and toctou.h. */

/* How much of a buffer argument is known. */
enum buf_state {
	BUF_PENDING,	/* requested, not fetched yet */
	BUF_DONE,	/* fetched: got bytes from addr, see fault */
};

struct buf_arg {
	uint64_t addr;
	uint64_t len;		/* the length the call names */
	size_t want;		/* bytes to fetch: min(len, cap) */
	size_t got;		/* readable prefix fetched */
	uint64_t fault;		/* first unreadable address when got < want */
	size_t off;		/* data offset in the call's arena */
	enum buf_state state;
	unsigned char omit_nul;	/* text: a NUL that ends what is shown is left out (an xattr value) */
};

#endif
