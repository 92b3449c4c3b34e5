/*
 * sendfile, sendfile64, splice, tee, vmsplice, copy_file_range: data that
 * moves between fds without passing through the caller's buffers, so what
 * matters is where from, where to, and the offsets before and after.
 */
#include "config.h"
#include "decoders/common.h"
#include "decoders/decoders.h"
#include "decoders/flags.h"

/* The call moved its offsets when it transferred something. */
static int moved(const struct sc_event *ev)
{
	return !ev->is_error && ev->rval > 0;
}

/* sendfile(out_fd, in_fd, offset, count); @off_size: the offset's width. */
static void sendfile_common(struct call *c, const struct sc_event *ev, unsigned off_size)
{
	if (ev->exiting) {
		if (moved(ev))
			call_offptr_moved(c, 2);
		return;
	}
	call_add_fd(c, "out_fd", fd_arg(ev, 0));
	call_add_fd(c, "in_fd", fd_arg(ev, 1));
	call_add_offptr(c, "offset", arch_ulong(ev->arch, ev->args[2]), off_size, 0);
	call_add_uint(c, "count", arch_ulong(ev->arch, ev->args[3]));
}

/* x86_64's sendfile takes a 64-bit offset; i386's a 32-bit off_t. */
void decode_sendfile(struct call *c, const struct sc_event *ev)
{
	sendfile_common(c, ev, ev->arch == ARCH_I386 ? 4 : 8);
}

void decode_sendfile64(struct call *c, const struct sc_event *ev)
{
	sendfile_common(c, ev, 8);
}

/* splice and copy_file_range: (fd_in, off_in, fd_out, off_out, len, flags). */
static void two_offsets(struct call *c, const struct sc_event *ev,
			const struct xlat_list *flag_names)
{
	if (ev->exiting) {
		if (moved(ev)) {
			call_offptr_moved(c, 1);
			call_offptr_moved(c, 3);
		}
		return;
	}
	call_add_fd(c, "fd_in", fd_arg(ev, 0));
	call_add_offptr(c, "off_in", arch_ulong(ev->arch, ev->args[1]), 8, 1);
	call_add_fd(c, "fd_out", fd_arg(ev, 2));
	call_add_offptr(c, "off_out", arch_ulong(ev->arch, ev->args[3]), 8, 1);
	call_add_uint(c, "len", arch_ulong(ev->arch, ev->args[4]));
	if (flag_names)
		call_add_flags(c, "flags", (uint32_t)ev->args[5], flag_names);
	else	/* copy_file_range has no flags defined: decimal */
		call_add_uint(c, "flags", (uint32_t)ev->args[5]);
}

void decode_splice(struct call *c, const struct sc_event *ev)
{
	two_offsets(c, ev, &xlat_splice);
}

void decode_copy_file_range(struct call *c, const struct sc_event *ev)
{
	two_offsets(c, ev, NULL);
}

void decode_tee(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting)
		return;
	call_add_fd(c, "fd_in", fd_arg(ev, 0));
	call_add_fd(c, "fd_out", fd_arg(ev, 1));
	call_add_uint(c, "len", arch_ulong(ev->arch, ev->args[2]));
	call_add_flags(c, "flags", (uint32_t)ev->args[3], &xlat_splice);
}

/* The iovecs print like writev's, with their data; dumps as a write. */
void decode_vmsplice(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting)
		return;
	call_add_fd(c, "fd", fd_arg(ev, 0));
	add_iov(c, "iov", arch_ulong(ev->arch, ev->args[1]),
		     arch_ulong(ev->arch, ev->args[2]), 1, UINT64_MAX);
	call_add_uint(c, "nr_segs", arch_ulong(ev->arch, ev->args[2]));
	call_add_flags(c, "flags", (uint32_t)ev->args[3], &xlat_splice);
	/*
	 * From a pipe's read end it fills the iovecs instead: watched only
	 * into a write end, and dumped (as strace does) at exit.
	 */
	write_side_data(c, ev, 1, UINT64_MAX, -1, WRITE_IF_WRITER);
	call_late_data(c);
}
