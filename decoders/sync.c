/*
 * Durability and hints: fsync, fdatasync, syncfs, sync, sync_file_range,
 * fadvise64 (and i386's fadvise64_64), readahead.
 */
#include "config.h"
#include "decoders/common.h"
#include "decoders/decoders.h"
#include "decoders/flags.h"

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

void decode_syncfs(struct call *c, const struct sc_event *ev)
{
	one_fd(c, ev);
}

void decode_sync(struct call *c, const struct sc_event *ev)
{
	(void)c;
	(void)ev;
}

/* sync_file_range(fd, offset, nbytes, flags): i386 splits both 64-bit values. */
void decode_sync_file_range(struct call *c, const struct sc_event *ev)
{
	int i386 = ev->arch == ARCH_I386;

	if (ev->exiting)
		return;
	call_add_fd(c, "fd", fd_arg(ev, 0));
	call_add_int(c, "offset", offset_hilo(ev, 1));
	call_add_int(c, "nbytes", offset_hilo(ev, i386 ? 3 : 2));
	call_add_flags(c, "flags", (uint32_t)ev->args[i386 ? 5 : 3], &xlat_sync_file_range);
}

/* fadvise64(fd, offset, len, advice): i386 splits the offset; its len is 32 bits. */
void decode_fadvise64(struct call *c, const struct sc_event *ev)
{
	int i386 = ev->arch == ARCH_I386;

	if (ev->exiting)
		return;
	call_add_fd(c, "fd", fd_arg(ev, 0));
	call_add_int(c, "offset", offset_hilo(ev, 1));
	call_add_uint(c, "len", arch_ulong(ev->arch, ev->args[i386 ? 3 : 2]));
	call_add_enum(c, "advice", (uint32_t)ev->args[i386 ? 4 : 3], &xlat_fadvise);
}

/* i386 only: fadvise64_64(fd, offset, len, advice), both 64-bit values split. */
void decode_fadvise64_64(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting)
		return;
	call_add_fd(c, "fd", fd_arg(ev, 0));
	call_add_int(c, "offset", offset_hilo(ev, 1));
	call_add_int(c, "len", offset_hilo(ev, 3));
	call_add_enum(c, "advice", (uint32_t)ev->args[5], &xlat_fadvise);
}

void decode_readahead(struct call *c, const struct sc_event *ev)
{
	int i386 = ev->arch == ARCH_I386;

	if (ev->exiting)
		return;
	call_add_fd(c, "fd", fd_arg(ev, 0));
	call_add_int(c, "offset", offset_hilo(ev, 1));
	call_add_uint(c, "count", arch_ulong(ev->arch, ev->args[i386 ? 3 : 2]));
}
