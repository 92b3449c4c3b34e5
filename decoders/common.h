#ifndef IOTRACE_DECODERS_COMMON_H
#define IOTRACE_DECODERS_COMMON_H

/* Helpers the decoder families share. */

#include "call/call.h"
#include "decoders/layouts.h"

/*
 * A 64-bit file offset passed in two registers, low half first at @lo:
 * on x86_64 the low register holds it all and the kernel ignores the high
 * one (pos_h); an i386 tracee splits it into (high << 32) | low.
 */
static inline int64_t offset_hilo(const struct sc_event *ev, unsigned lo)
{
	if (ev->arch == ARCH_I386)
		return (int64_t)(((uint64_t)(uint32_t)ev->args[lo + 1] << 32) |
				 (uint32_t)ev->args[lo]);
	return (int64_t)ev->args[lo];
}

#define CREATES (0100 | 020000000)	/* O_CREAT, __O_TMPFILE: open's mode counts */
#define UMODE(reg) ((uint16_t)(reg))	/* the kernel's umode_t */

/* A pointer or size_t in @reg, as wide as the tracee's arch says. */
static inline uint64_t ptr_arg(const struct sc_event *ev, unsigned reg)
{
	return arch_ulong(ev->arch, ev->args[reg]);
}

/* The fd in @reg, as the kernel's int. */
static inline int fd_arg(const struct sc_event *ev, unsigned reg)
{
	return (int)ev->args[reg];
}

/* Appends an iovec array of @count at @addr: data shown, at most @limit bytes of it. */
static inline void add_iov(struct call *c, const char *name, uint64_t addr, uint64_t count,
			   int with_data, uint64_t limit)
{
	call_add_array(c, name, &iovec_layout, addr, count, with_data, limit);
}

static inline void fill_iov(struct call *c, struct arg *a, uint64_t addr, uint64_t count,
			    int with_data, uint64_t limit)
{
	call_fill_array(c, a, &iovec_layout, addr, count, with_data, limit);
}

/*
 * A write to the fd in register 0 of argument @idx's data, @len bytes
 * (UINT64_MAX: all the iovecs hold) at @pos (< 0: the file position).
 */
static inline void write_side_data(struct call *c, const struct sc_event *ev, unsigned idx,
				   uint64_t len, int64_t pos, enum write_how how)
{
	call_consumes(c, idx, len, fd_arg(ev, 0), pos, how);
}

/* A successful read into argument @idx from the fd in register 0: the bytes it read. */
static inline void read_side_data(struct call *c, const struct sc_event *ev, unsigned idx)
{
	if (!ev->is_error && ev->rval > 0)
		call_produces(c, idx, (uint64_t)ev->rval, fd_arg(ev, 0));
}

#endif
