/*
 * Position and size: lseek, i386's _llseek, truncate and ftruncate (and
 * i386's 64-bit forms), fallocate.
 */
#include "config.h"
#include "decoders/common.h"
#include "decoders/decoders.h"
#include "decoders/flags.h"

void decode_lseek(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting)
		return;
	call_add_fd(c, "fd", fd_arg(ev, 0));
	call_add_int(c, "offset", arch_long(ev->arch, ev->args[1]));
	call_add_enum(c, "whence", (uint32_t)ev->args[2], &xlat_whence);
}

/* _llseek(fd, offset_high, offset_low, result, whence): the new offset lands in *result. */
void decode__llseek(struct call *c, const struct sc_event *ev)
{
	uint64_t res = arch_ulong(ev->arch, ev->args[3]);

	if (!ev->exiting) {
		call_add_fd(c, "fd", fd_arg(ev, 0));
		call_add_int(c, "offset", (int64_t)(((uint64_t)(uint32_t)ev->args[1] << 32) |
						      (uint32_t)ev->args[2]));
		call_add_later(c, "result");
		call_add_enum(c, "whence", (uint32_t)ev->args[4], &xlat_whence);
		return;
	}
	if (ev->is_error || !res)
		call_fill_addr(&c->arg[2], res);
	else
		call_fill_whole(c, &c->arg[2], &loff_layout, res, 1);
}

void decode_truncate(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting)
		return;
	call_add_str(c, "path", arch_ulong(ev->arch, ev->args[0]), STR_PATH);
	call_add_uint(c, "length", arch_ulong(ev->arch, ev->args[1]));
}

void decode_ftruncate(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting)
		return;
	call_add_fd(c, "fd", fd_arg(ev, 0));
	call_add_uint(c, "length", arch_ulong(ev->arch, ev->args[1]));
}

/* i386 only: the length in two registers. */
void decode_truncate64(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting)
		return;
	call_add_str(c, "path", arch_ulong(ev->arch, ev->args[0]), STR_PATH);
	call_add_uint(c, "length", (uint64_t)offset_hilo(ev, 1));
}

void decode_ftruncate64(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting)
		return;
	call_add_fd(c, "fd", fd_arg(ev, 0));
	call_add_uint(c, "length", (uint64_t)offset_hilo(ev, 1));
}

/* fallocate(fd, mode, offset, len): on i386 offset and len take two registers each. */
void decode_fallocate(struct call *c, const struct sc_event *ev)
{
	int i386 = ev->arch == ARCH_I386;

	if (ev->exiting)
		return;
	call_add_fd(c, "fd", fd_arg(ev, 0));
	call_add_flags(c, "mode", (uint32_t)ev->args[1], &xlat_falloc);
	call_add_int(c, "offset", offset_hilo(ev, 2));
	call_add_int(c, "len", offset_hilo(ev, i386 ? 4 : 3));
}
