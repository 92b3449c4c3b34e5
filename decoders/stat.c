/*
 * A file's status: stat, lstat, fstat, newfstatat, statx, and i386's
 * stat64, lstat64, fstat64 and fstatat64; a file system's status:
 * statfs, fstatfs, and i386's statfs64 and fstatfs64; a directory's
 * entries: getdents64.  The kernel fills the struct, so it is a placeholder at
 * entry, read at exit (its address when the call failed); how much of it
 * prints (-v) is the layout's (decoders/layouts.c).
 */
#include "config.h"
#include "decoders/common.h"
#include "decoders/decoders.h"
#include "decoders/flags.h"
#include "decoders/layouts.h"

/* Argument @idx (register @reg), a struct of @l the kernel fills: at exit. */
static void fill_status(struct call *c, const struct sc_event *ev, unsigned idx, unsigned reg,
			const struct layout *l)
{
	if (ev->is_error)
		call_fill_addr(&c->arg[idx], ptr_arg(ev, reg));
	else
		call_fill_struct(c, &c->arg[idx], l, ptr_arg(ev, reg));
}

/* fstat(fd, statbuf): i386's old struct stat, or its stat64. */
static void fd_status(struct call *c, const struct sc_event *ev, const struct layout *l)
{
	if (ev->exiting) {
		fill_status(c, ev, 1, 1, l);
		return;
	}
	call_add_fd(c, "fd", fd_arg(ev, 0));
	call_add_later(c, "statbuf");
}

void decode_fstat(struct call *c, const struct sc_event *ev)
{
	fd_status(c, ev, &stat_layout);
}

void decode_fstat64(struct call *c, const struct sc_event *ev)
{
	fd_status(c, ev, &stat64_layout);
}

/* stat(pathname, statbuf), lstat: i386's old struct stat, or its stat64. */
static void path_status(struct call *c, const struct sc_event *ev, const struct layout *l)
{
	if (ev->exiting) {
		fill_status(c, ev, 1, 1, l);
		return;
	}
	call_add_str(c, "pathname", ptr_arg(ev, 0), STR_PATH);
	call_add_later(c, "statbuf");
}

void decode_stat(struct call *c, const struct sc_event *ev)
{
	path_status(c, ev, &stat_layout);
}

void decode_lstat(struct call *c, const struct sc_event *ev)
{
	path_status(c, ev, &stat_layout);
}

void decode_stat64(struct call *c, const struct sc_event *ev)
{
	path_status(c, ev, &stat64_layout);
}

void decode_lstat64(struct call *c, const struct sc_event *ev)
{
	path_status(c, ev, &stat64_layout);
}

/* fstatat(dirfd, pathname, statbuf, flags): the flags follow the struct. */
static void at_status(struct call *c, const struct sc_event *ev, const struct layout *l)
{
	if (ev->exiting) {
		fill_status(c, ev, 2, 2, l);
		return;
	}
	call_add_dirfd(c, "dirfd", fd_arg(ev, 0));
	call_add_str(c, "pathname", ptr_arg(ev, 1), STR_PATH);
	call_add_later(c, "statbuf");
	call_add_flags(c, "flags", (uint32_t)ev->args[3], &xlat_at_flags);
}

void decode_newfstatat(struct call *c, const struct sc_event *ev)
{
	at_status(c, ev, &stat_layout);
}

void decode_fstatat64(struct call *c, const struct sc_event *ev)
{
	at_status(c, ev, &stat64_layout);
}

/*
 * getdents64(fd, dirp, count): a directory's entries, as many bytes of
 * records as the result says (strace counts them; -v prints them).
 */
void decode_getdents64(struct call *c, const struct sc_event *ev)
{
	if (!ev->exiting) {
		call_add_fd(c, "fd", fd_arg(ev, 0));
		call_add_later(c, "dirp");
		call_add_uint(c, "count", (uint32_t)ev->args[2]);
		return;
	}
	if (ev->is_error)
		call_fill_addr(&c->arg[1], ptr_arg(ev, 1));
	else
		call_fill_dirents(c, &c->arg[1], ptr_arg(ev, 1), (uint64_t)ev->rval);
}

/* statx(dirfd, pathname, flags, mask, statxbuf): the sync type first among the flags. */
void decode_statx(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting) {
		fill_status(c, ev, 4, 4, &statx_layout);
		return;
	}
	call_add_dirfd(c, "dirfd", fd_arg(ev, 0));
	call_add_str(c, "pathname", ptr_arg(ev, 1), STR_PATH);
	call_add_flags(c, "flags", (uint32_t)ev->args[2], &xlat_statx_flags);
	call_add_flags(c, "mask", (uint32_t)ev->args[3], &xlat_statx_mask);
	call_add_later(c, "statxbuf");
}

/* statfs(path, buf), fstatfs(fd, buf): the arch's struct statfs. */
void decode_statfs(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting) {
		fill_status(c, ev, 1, 1, &statfs_layout);
		return;
	}
	call_add_str(c, "path", ptr_arg(ev, 0), STR_PATH);
	call_add_later(c, "buf");
}

void decode_fstatfs(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting) {
		fill_status(c, ev, 1, 1, &statfs_layout);
		return;
	}
	call_add_fd(c, "fd", fd_arg(ev, 0));
	call_add_later(c, "buf");
}

/*
 * i386's statfs64(path, sz, buf) and fstatfs64(fd, sz, buf): the kernel
 * fills its 84-byte struct only when sz says that size (else EINVAL).
 */
void decode_statfs64(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting) {
		fill_status(c, ev, 2, 2, &statfs64_layout);
		return;
	}
	call_add_str(c, "path", ptr_arg(ev, 0), STR_PATH);
	call_add_uint(c, "sz", ptr_arg(ev, 1));
	call_add_later(c, "buf");
}

void decode_fstatfs64(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting) {
		fill_status(c, ev, 2, 2, &statfs64_layout);
		return;
	}
	call_add_fd(c, "fd", fd_arg(ev, 0));
	call_add_uint(c, "sz", ptr_arg(ev, 1));
	call_add_later(c, "buf");
}
