/*
 * io_uring's syscalls: io_uring_setup (its params), io_uring_enter,
 * io_uring_register, as strace prints them.  What the rings hold is
 * decoded by the io_uring operations' decoders (uring_ops.c).
 */
#include "config.h"
#include "decoders/common.h"
#include "decoders/decoders.h"
#include "decoders/layouts.h"
#include "decoders/xlat_lists.h"
#include "util/util.h"

static uint64_t ulong_arg(const struct sc_event *ev, unsigned reg)
{
	return arch_ulong(ev->arch, ev->args[reg]);
}

/* io_uring_setup(entries, params): the caller's part if it failed, all of it if not. */
void decode_io_uring_setup(struct call *c, const struct sc_event *ev)
{
	uint64_t p = ulong_arg(ev, 1);

	if (!ev->exiting) {
		call_add_uint(c, "entries", (uint32_t)ev->args[0]);
		call_add_later(c, "params");
		return;
	}
	call_result_fd(c);
	call_fill_struct(c, &c->arg[1], ev->is_error ? &uring_params_head_layout :
			 &uring_params_layout, p);
}

void decode_io_uring_enter(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting)
		return;
	call_add_fd(c, "fd", fd_arg(ev, 0));
	call_add_uint(c, "to_submit", (uint32_t)ev->args[1]);
	call_add_uint(c, "min_complete", (uint32_t)ev->args[2]);
	call_add_flags(c, "flags", (uint32_t)ev->args[3], &xlat_uring_enter_flags);
	call_add_addr(c, "argp", ulong_arg(ev, 4));
	call_add_uint(c, "argsz", ulong_arg(ev, 5));
}

/*
 * io_uring_register(fd, opcode, arg, nr_args): the fd and buffer tables
 * by their opcodes; IORING_REGISTER_RESIZE_RINGS's params as the kernel
 * answers them (the new rings' offsets); IORING_REGISTER_PROBE's ops.
 */
#define REGISTER_BUFFERS 0
#define REGISTER_FILES 2
#define REGISTER_FILES_UPDATE 6
#define REGISTER_FILES2 13
#define REGISTER_FILES_UPDATE2 14
#define REGISTER_BUFFERS2 15
#define REGISTER_BUFFERS_UPDATE 16
#define RSRC_STRUCT_SIZE 32	/* io_uring_rsrc_register and _update2: nr_args is their size */
#define REGISTER_RING_FDS 20
#define UNREGISTER_RING_FDS 21
#define REGISTER_PROBE 8
#define PROBE_OPS_MAX 256	/* opcodes are a byte */
#define REGISTER_RESIZE_RINGS 33
/* The struct a resource table's opcode passes, with nr_args its size; NULL for others. */
static const struct layout *rsrc_layout(uint32_t op)
{
	switch (op) {
	case REGISTER_FILES2:
		return &rsrc_register_files_layout;
	case REGISTER_BUFFERS2:
		return &rsrc_register_bufs_layout;
	case REGISTER_FILES_UPDATE2:
		return &rsrc_update2_files_layout;
	case REGISTER_BUFFERS_UPDATE:
		return &rsrc_update2_bufs_layout;
	}
	return NULL;
}

void decode_io_uring_register(struct call *c, const struct sc_event *ev)
{
	uint32_t op = (uint32_t)ev->args[1], nr = (uint32_t)ev->args[3];
	uint64_t arg = ulong_arg(ev, 2);

	if (ev->exiting) {
		if (op == REGISTER_RESIZE_RINGS)
			call_fill_struct(c, &c->arg[2], ev->is_error ? &uring_params_head_layout :
					 &uring_params_layout, arg);
		else if (op == REGISTER_PROBE && ev->is_error)
			call_fill_addr(&c->arg[2], arg);
		else if (op == REGISTER_PROBE)	/* 16 bytes, then an op each in the room given */
			call_fill_struct_sized(c, &c->arg[2], &uring_probe_layout, arg,
					       16 + 8 * (uint64_t)MIN(nr, PROBE_OPS_MAX));
		else if (op == REGISTER_RING_FDS)	/* the indexes the kernel picked */
			call_fill_array(c, &c->arg[2], &rsrc_update_layout, arg, nr, 0, UINT64_MAX);
		return;
	}
	call_add_fd(c, "fd", fd_arg(ev, 0));
	call_add_enum(c, "opcode", op, &xlat_uring_register_ops);
	if (op == REGISTER_FILES)
		call_add_array(c, "arg", &fd_layout, arg, nr, 1, UINT64_MAX);
	else if (op == REGISTER_BUFFERS)
		call_add_array(c, "arg", &iovec_layout, arg, nr, 0, UINT64_MAX);
	else if (op == REGISTER_RESIZE_RINGS || op == REGISTER_RING_FDS || op == REGISTER_PROBE)
		call_add_later(c, "arg");
	else if (op == UNREGISTER_RING_FDS)
		call_add_array(c, "arg", &rsrc_update_layout, arg, nr, 0, UINT64_MAX);
	else if (op == REGISTER_FILES_UPDATE)
		call_add_struct_counted(c, "arg", &files_update_layout, arg, nr);
	else if (rsrc_layout(op) && nr >= RSRC_STRUCT_SIZE)	/* smaller: not one, as strace */
		call_add_struct(c, "arg", rsrc_layout(op), arg);
	else
		call_add_addr(c, "arg", arg);
	call_add_uint(c, "nr_args", nr);
}
