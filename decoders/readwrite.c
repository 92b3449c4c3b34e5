/* read, write, pread64, pwrite64: one buffer, a count, maybe an offset. */
#include "config.h"
#include "decoders/common.h"
#include "decoders/decoders.h"

static void write_side(struct call *c, const struct sc_event *ev, int positional)
{
	uint64_t count = arch_ulong(ev->arch, ev->args[2]);

	if (ev->exiting)
		return;
	call_add_fd(c, "fd", fd_arg(ev, 0));
	call_add_buf(c, "buf", arch_ulong(ev->arch, ev->args[1]), count);
	call_add_uint(c, "count", count);
	if (positional)	/* i386 passes the 64-bit offset in two registers */
		call_add_int(c, "pos", offset_hilo(ev, 3));
	write_side_data(c, ev, 1, count, positional ? offset_hilo(ev, 3) : -1, WRITE_AT);
}

/* The buffer holds data only after a successful call, and only rval bytes. */
static void read_side(struct call *c, const struct sc_event *ev, int positional)
{
	uint64_t buf = arch_ulong(ev->arch, ev->args[1]);

	if (!ev->exiting) {
		call_add_fd(c, "fd", fd_arg(ev, 0));
		call_add_later(c, "buf");
		call_add_uint(c, "count", arch_ulong(ev->arch, ev->args[2]));
		if (positional)
			call_add_int(c, "pos", offset_hilo(ev, 3));
		return;
	}
	if (ev->is_error) {
		call_fill_addr(&c->arg[1], buf);
		return;
	}
	call_fill_buf(c, &c->arg[1], buf, (uint64_t)ev->rval);
	read_side_data(c, ev, 1);
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
