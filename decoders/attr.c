/*
 * A file's attributes: access, faccessat, faccessat2; readlink,
 * readlinkat; chmod, fchmod, fchmodat; chown, lchown, fchown, fchownat
 * (and i386's 32-bit-id chown32, lchown32, fchown32); utime, utimes,
 * futimesat, utimensat (and i386's utimensat_time64); the extended
 * attributes' setxattr, getxattr, listxattr and removexattr (and their
 * l* and f* forms), as strace prints them.  Paths are read as the kernel reads them (never cut by -s; -P
 * matches them); -y names the fds and dirfds.
 */
#include "config.h"
#include "decoders/common.h"
#include "decoders/decoders.h"
#include "decoders/flags.h"

static void path(struct call *c, const char *name, const struct sc_event *ev, unsigned reg)
{
	call_add_str(c, name, ptr_arg(ev, reg), STR_PATH);
}

/* A dirfd and the path taken from it, from registers @reg and @reg + 1. */
static void at_path(struct call *c, const struct sc_event *ev, unsigned reg)
{
	call_add_dirfd(c, "dirfd", fd_arg(ev, reg));
	path(c, "pathname", ev, reg + 1);
}

static void access_mode(struct call *c, const struct sc_event *ev, unsigned reg)
{
	call_add_flags(c, "mode", (uint32_t)ev->args[reg], &xlat_access_modes);
}

void decode_access(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting)
		return;
	path(c, "pathname", ev, 0);
	access_mode(c, ev, 1);
}

/* The kernel's faccessat has no flags argument: faccessat2 added it. */
void decode_faccessat(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting)
		return;
	at_path(c, ev, 0);
	access_mode(c, ev, 2);
}

void decode_faccessat2(struct call *c, const struct sc_event *ev)
{
	decode_faccessat(c, ev);
	if (!ev->exiting)
		call_add_flags(c, "flags", (uint32_t)ev->args[3], &xlat_faccessat_flags);
}

/*
 * readlink's buffer holds the link's target only after a successful
 * call, and only rval bytes (no NUL): a string cut at -s, as a read's.
 * It is not file data: no dump or summary counts it.
 */
static void link_target(struct call *c, const struct sc_event *ev, unsigned reg)
{
	uint64_t addr = ptr_arg(ev, reg);
	struct arg *buf;

	if (!ev->exiting) {
		call_add_later(c, "buf");
		call_add_uint(c, "bufsiz", ptr_arg(ev, reg + 1));	/* as strace: unsigned */
		return;
	}
	buf = &c->arg[reg];
	if (ev->is_error)
		call_fill_addr(buf, addr);
	else
		call_fill_buf(c, buf, addr, (uint64_t)ev->rval);
}

void decode_readlink(struct call *c, const struct sc_event *ev)
{
	if (!ev->exiting)
		path(c, "pathname", ev, 0);
	link_target(c, ev, 1);
}

void decode_readlinkat(struct call *c, const struct sc_event *ev)
{
	if (!ev->exiting)
		at_path(c, ev, 0);
	link_target(c, ev, 2);
}

void decode_chmod(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting)
		return;
	path(c, "pathname", ev, 0);
	call_add_mode(c, "mode", UMODE(ev->args[1]));
}

void decode_fchmod(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting)
		return;
	call_add_fd(c, "fd", fd_arg(ev, 0));
	call_add_mode(c, "mode", UMODE(ev->args[1]));
}

/* The kernel's fchmodat has no flags argument (fchmodat2 added it). */
void decode_fchmodat(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting)
		return;
	at_path(c, ev, 0);
	call_add_mode(c, "mode", UMODE(ev->args[2]));
}

/*
 * A user or group id: -1 (leave it as it is) by that name, any other as
 * unsigned.  i386's chown, lchown and fchown take 16-bit ids.
 */
static void id_arg(struct call *c, const char *name, uint64_t reg, int bits16)
{
	uint32_t id = bits16 ? (uint16_t)reg : (uint32_t)reg;

	if (id == (bits16 ? UINT16_MAX : UINT32_MAX))
		call_add_int(c, name, -1);
	else
		call_add_uint(c, name, id);
}

static void owner_group(struct call *c, const struct sc_event *ev, unsigned reg, int bits16)
{
	id_arg(c, "owner", ev->args[reg], bits16);
	id_arg(c, "group", ev->args[reg + 1], bits16);
}

/* chown and lchown: 16-bit ids on i386. */
void decode_chown(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting)
		return;
	path(c, "pathname", ev, 0);
	owner_group(c, ev, 1, ev->arch == ARCH_I386);
}

void decode_chown32(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting)
		return;
	path(c, "pathname", ev, 0);
	owner_group(c, ev, 1, 0);
}

static void fd_owner_group(struct call *c, const struct sc_event *ev, int bits16)
{
	call_add_fd(c, "fd", fd_arg(ev, 0));
	owner_group(c, ev, 1, bits16);
}

void decode_fchown(struct call *c, const struct sc_event *ev)
{
	if (!ev->exiting)
		fd_owner_group(c, ev, ev->arch == ARCH_I386);
}

void decode_fchown32(struct call *c, const struct sc_event *ev)
{
	if (!ev->exiting)
		fd_owner_group(c, ev, 0);
}

void decode_fchownat(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting)
		return;
	at_path(c, ev, 0);
	owner_group(c, ev, 2, 0);
	call_add_flags(c, "flags", (uint32_t)ev->args[4], &xlat_at_flags);
}

/* The times to set: a struct the caller passes, NULL for now. */
static void times_arg(struct call *c, const struct sc_event *ev, unsigned reg,
		      const struct layout *l)
{
	call_add_struct(c, "times", l, ptr_arg(ev, reg));
}

void decode_utime(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting)
		return;
	path(c, "filename", ev, 0);
	times_arg(c, ev, 1, &utimbuf_layout);
}

void decode_utimes(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting)
		return;
	path(c, "filename", ev, 0);
	times_arg(c, ev, 1, &utimeval_layout);
}

void decode_futimesat(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting)
		return;
	at_path(c, ev, 0);
	times_arg(c, ev, 2, &utimeval_layout);
}

/* utimensat(dirfd, pathname, times, flags): a NULL pathname sets dirfd's file's times. */
static void utimensat_with(struct call *c, const struct sc_event *ev, const struct layout *l)
{
	if (ev->exiting)
		return;
	at_path(c, ev, 0);
	times_arg(c, ev, 2, l);
	call_add_flags(c, "flags", (uint32_t)ev->args[3], &xlat_at_flags);
}

void decode_utimensat(struct call *c, const struct sc_event *ev)
{
	utimensat_with(c, ev, &utimespec_layout);
}

void decode_utimensat_time64(struct call *c, const struct sc_event *ev)
{
	utimensat_with(c, ev, &utimespec64_layout);
}

/*
 * Extended attributes.  A value is at most XATTR_SIZE_MAX bytes: the
 * kernel refuses a longer one unread, and it prints as its address.  It
 * prints as bytes cut at -s, a NUL that ends them left out (strace's
 * form: a value is often a C string).
 */
#define XATTR_SIZE_MAX 65536

static void xattr_name(struct call *c, const struct sc_event *ev, unsigned reg)
{
	call_add_str(c, "name", ptr_arg(ev, reg), STR_NAME);
}

/* The file: a path (@by_fd 0) or an fd, from register 0. */
static void xattr_file(struct call *c, const struct sc_event *ev, int by_fd)
{
	if (by_fd)
		call_add_fd(c, "fd", fd_arg(ev, 0));
	else
		path(c, "pathname", ev, 0);
}

/* setxattr(file, name, value, size, flags) */
static void set_value(struct call *c, const struct sc_event *ev, int by_fd)
{
	uint64_t value = ptr_arg(ev, 2), size = ptr_arg(ev, 3);

	if (ev->exiting)
		return;
	xattr_file(c, ev, by_fd);
	xattr_name(c, ev, 1);
	if (size > XATTR_SIZE_MAX) {
		call_add_addr(c, "value", value);
	} else {
		call_add_buf(c, "value", value, size);
		call_buf_omit_nul(&c->arg[c->nargs - 1]);
	}
	call_add_uint(c, "size", size);
	call_add_flags(c, "flags", (uint32_t)ev->args[4], &xlat_xattr_flags);
}

void decode_setxattr(struct call *c, const struct sc_event *ev)
{
	set_value(c, ev, 0);
}

void decode_fsetxattr(struct call *c, const struct sc_event *ev)
{
	set_value(c, ev, 1);
}

/*
 * What the kernel wrote into argument @idx (register @reg, its size in
 * the next): rval bytes after a successful call; with a size of 0 it
 * only said how many it would write, and wrote nothing.
 */
static void filled_bytes(struct call *c, const struct sc_event *ev, unsigned idx, unsigned reg)
{
	uint64_t addr = ptr_arg(ev, reg);
	struct arg *a = &c->arg[idx];

	if (ev->is_error || !ptr_arg(ev, reg + 1))
		call_fill_addr(a, addr);
	else
		call_fill_buf(c, a, addr, (uint64_t)ev->rval);
}

/* getxattr(file, name, value, size) */
static void get_value(struct call *c, const struct sc_event *ev, int by_fd)
{
	if (!ev->exiting) {
		xattr_file(c, ev, by_fd);
		xattr_name(c, ev, 1);
		call_add_later(c, "value");
		call_add_uint(c, "size", ptr_arg(ev, 3));
		return;
	}
	filled_bytes(c, ev, 2, 2);
	call_buf_omit_nul(&c->arg[2]);
}

void decode_getxattr(struct call *c, const struct sc_event *ev)
{
	get_value(c, ev, 0);
}

void decode_fgetxattr(struct call *c, const struct sc_event *ev)
{
	get_value(c, ev, 1);
}

/* listxattr(file, list, size): the names, each ending in a NUL, all shown. */
static void list_names(struct call *c, const struct sc_event *ev, int by_fd)
{
	if (!ev->exiting) {
		xattr_file(c, ev, by_fd);
		call_add_later(c, "list");
		call_add_uint(c, "size", ptr_arg(ev, 2));
		return;
	}
	filled_bytes(c, ev, 1, 1);
}

void decode_listxattr(struct call *c, const struct sc_event *ev)
{
	list_names(c, ev, 0);
}

void decode_flistxattr(struct call *c, const struct sc_event *ev)
{
	list_names(c, ev, 1);
}

static void remove_name(struct call *c, const struct sc_event *ev, int by_fd)
{
	if (ev->exiting)
		return;
	xattr_file(c, ev, by_fd);
	xattr_name(c, ev, 1);
}

void decode_removexattr(struct call *c, const struct sc_event *ev)
{
	remove_name(c, ev, 0);
}

void decode_fremovexattr(struct call *c, const struct sc_event *ev)
{
	remove_name(c, ev, 1);
}
