/*
 * Linux AIO: io_setup, io_destroy, io_submit (each iocb, with the data
 * of its writes), io_cancel, io_getevents and io_pgetevents (each
 * io_event), as strace prints them; and what completed reads brought.
 */
#include "config.h"
#include "decoders/common.h"
#include "decoders/decoders.h"
#include "decoders/layouts.h"

static uint64_t ulong_arg(const struct sc_event *ev, unsigned reg)
{
	return arch_ulong(ev->arch, ev->args[reg]);
}

/* io_setup(nr_events, ctxp): the context the kernel writes, "[0x7f...]". */
void decode_io_setup(struct call *c, const struct sc_event *ev)
{
	if (!ev->exiting) {
		call_add_uint(c, "nr_events", (uint32_t)ev->args[0]);
		call_add_later(c, "ctx_idp");
		return;
	}
	if (ev->is_error)
		call_fill_addr(&c->arg[1], ulong_arg(ev, 1));
	else
		call_fill_whole(c, &c->arg[1], &aio_ctx_layout, ulong_arg(ev, 1), 1);
}

void decode_io_destroy(struct call *c, const struct sc_event *ev)
{
	if (!ev->exiting)
		call_add_addr(c, "ctx_id", ulong_arg(ev, 0));
}

/* io_submit(ctx, nr, iocbpp): nr pointers to iocbs, each followed. */
void decode_io_submit(struct call *c, const struct sc_event *ev)
{
	int64_t nr = arch_long(ev->arch, ev->args[1]);

	if (ev->exiting)
		return;
	call_add_addr(c, "ctx_id", ulong_arg(ev, 0));
	call_add_int(c, "nr", nr);
	if (nr < 0)
		call_add_addr(c, "iocbpp", ulong_arg(ev, 2));
	else
		call_add_array(c, "iocbpp", &iocb_ptr_layout, ulong_arg(ev, 2), (uint64_t)nr, 1,
			       UINT64_MAX);
}

/* io_cancel(ctx, iocb, result): the iocb's head; the event the kernel writes on success. */
void decode_io_cancel(struct call *c, const struct sc_event *ev)
{
	if (!ev->exiting) {
		call_add_addr(c, "ctx_id", ulong_arg(ev, 0));
		call_add_struct(c, "iocb", &iocb_head_layout, ulong_arg(ev, 1));
		call_add_later(c, "result");
		return;
	}
	if (ev->is_error)
		call_fill_addr(&c->arg[2], ulong_arg(ev, 2));
	else
		call_fill_struct(c, &c->arg[2], &io_event_head_layout, ulong_arg(ev, 2));
}

/*
 * io_getevents(ctx, min_nr, nr, events, timeout) and io_pgetevents(...,
 * usig): the events the result counts; the timeout as passed.
 */
static void getevents(struct call *c, const struct sc_event *ev, const struct layout *ts, int sig)
{
	if (!ev->exiting) {
		call_add_addr(c, "ctx_id", ulong_arg(ev, 0));
		call_add_int(c, "min_nr", arch_long(ev->arch, ev->args[1]));
		call_add_int(c, "nr", arch_long(ev->arch, ev->args[2]));
		call_add_later(c, "events");
		call_add_struct(c, "timeout", ts, ulong_arg(ev, 4));
		if (sig)	/* struct __aio_sigset: the mask and its size */
			call_add_struct(c, "usig", &aio_sigset_layout, ulong_arg(ev, 5));
		return;
	}
	if (ev->is_error)
		call_fill_addr(&c->arg[3], ulong_arg(ev, 3));
	else {
		/* each event's iocb: what a read brought, cut to the event's res */
		call_fill_array(c, &c->arg[3], &io_event_layout, ulong_arg(ev, 3),
				(uint64_t)ev->rval, 1, UINT64_MAX);
		call_elem_limits(&c->arg[3]);
	}
}

void decode_io_getevents(struct call *c, const struct sc_event *ev)
{
	getevents(c, ev, &timespec_layout, 0);
}

void decode_io_pgetevents(struct call *c, const struct sc_event *ev)
{
	getevents(c, ev, &timespec_layout, 1);
}

void decode_io_pgetevents_time64(struct call *c, const struct sc_event *ev)
{
	getevents(c, ev, &timespec64_layout, 1);
}
