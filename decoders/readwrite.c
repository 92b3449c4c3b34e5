/* read, write, pread64, pwrite64: one buffer, a count, maybe an offset. */
#include "config.h"
#include "decoders.h"

/* A 64-bit file offset: one register, or two halves on i386 (low first). */
static int64_t offset_arg(const struct sc_event *ev, unsigned lo)
{
	if (ev->arch == ARCH_I386)
		return (int64_t)(((uint64_t)(uint32_t)ev->args[lo + 1] << 32) |
				 (uint32_t)ev->args[lo]);
	return (int64_t)ev->args[lo];
}

static void write_side(struct call *c, const struct sc_event *ev, int positional)
{
	if (ev->exiting)
		return;
	call_add_fd(c, "fd", (int)ev->args[0]);
	call_add_buf(c, "buf", arch_ulong(ev->arch, ev->args[1]),
		     arch_ulong(ev->arch, ev->args[2]));
	call_add_uint(c, "count", arch_ulong(ev->arch, ev->args[2]));
	if (positional)
		call_add_int(c, "pos", offset_arg(ev, 3));
}

/* The buffer holds data only after a successful call, and only rval bytes. */
static void read_side(struct call *c, const struct sc_event *ev, int positional)
{
	uint64_t buf = arch_ulong(ev->arch, ev->args[1]);

	if (!ev->exiting) {
		call_add_fd(c, "fd", (int)ev->args[0]);
		call_add_later(c, "buf");
		call_add_uint(c, "count", arch_ulong(ev->arch, ev->args[2]));
		if (positional)
			call_add_int(c, "pos", offset_arg(ev, 3));
		return;
	}
	if (ev->is_error)
		call_fill_addr(&c->arg[1], buf);
	else
		call_fill_buf(c, &c->arg[1], buf, (uint64_t)ev->rval);
}

void decode_write(struct call *c, const struct sc_event *ev)
{
	write_side(c, ev, 0);
}

void decode_pwrite64(struct call *c, const struct sc_event *ev)
{
	write_side(c, ev, 1);
}

void decode_read(struct call *c, const struct sc_event *ev)
{
	read_side(c, ev, 0);
}

void decode_pread64(struct call *c, const struct sc_event *ev)
{
	read_side(c, ev, 1);
}
