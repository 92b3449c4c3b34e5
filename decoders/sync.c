/* fsync, fdatasync: one fd, whose data the call makes durable. */
#include "config.h"
#include "decoders/common.h"
#include "decoders/decoders.h"

static void one_fd(struct call *c, const struct sc_event *ev)
{
	if (!ev->exiting)
		call_add_fd(c, "fd", fd_arg(ev, 0));
}

void decode_fsync(struct call *c, const struct sc_event *ev)
{
	one_fd(c, ev);
}

void decode_fdatasync(struct call *c, const struct sc_event *ev)
{
	one_fd(c, ev);
}
