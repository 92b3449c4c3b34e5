#ifndef IOTRACE_DECODERS_COMMON_H
#define IOTRACE_DECODERS_COMMON_H

/* Helpers the decoder families share. */

#include "call/call.h"
#include "config/options.h"

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

/* The fd in @reg, as the kernel's int. */
static inline int fd_arg(const struct sc_event *ev, unsigned reg)
{
	return (int)ev->args[reg];
}

/*
 * A write to the fd in register 0 of argument @idx's data, @len bytes
 * (UINT64_MAX: all the iovecs hold) at @pos (< 0: the file position):
 * -e write= dumps it, --toctou watches it.
 */
static inline void write_side_data(struct call *c, const struct sc_event *ev, unsigned idx,
				   uint64_t len, int64_t pos, enum write_how how)
{
	call_consumes(c, idx, len);
	call_writes_to(c, fd_arg(ev, 0), pos, how);
	if (!opt.json && fdset_has(&opt.dump_write, fd_arg(ev, 0)))	/* JSON has no dumps */
		call_want_dump(c, idx, len);
}

/* -e read=: dumps argument @idx of a successful read, the bytes it read. */
static inline void dump_read_side(struct call *c, const struct sc_event *ev, unsigned idx)
{
	if (!opt.json && !ev->is_error && ev->rval > 0 && fdset_has(&opt.dump_read, fd_arg(ev, 0)))
		call_want_dump(c, idx, (uint64_t)ev->rval);
}

#endif
