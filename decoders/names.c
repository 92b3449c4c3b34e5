/*
 * A file's names: rename, renameat, renameat2, link, linkat, symlink,
 * symlinkat, unlink, unlinkat, mkdir, mkdirat, rmdir, mknod and mknodat;
 * where relative names start: chdir, fchdir, chroot, getcwd; as strace
 * prints them.  Paths are read as the kernel reads them (never cut by
 * -s; -P matches them, each from its own dirfd); -y names the dirfds.
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
static void at_path(struct call *c, const char *dirfd, const char *name,
		    const struct sc_event *ev, unsigned reg)
{
	call_add_dirfd(c, dirfd, fd_arg(ev, reg));
	path(c, name, ev, reg + 1);
}

/* rename(oldpath, newpath) and link(oldpath, newpath). */
static void two_paths(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting)
		return;
	path(c, "oldpath", ev, 0);
	path(c, "newpath", ev, 1);
}

/* renameat and linkat: (olddirfd, oldpath, newdirfd, newpath). */
static void two_at_paths(struct call *c, const struct sc_event *ev)
{
	at_path(c, "olddirfd", "oldpath", ev, 0);
	at_path(c, "newdirfd", "newpath", ev, 2);
}

void decode_rename(struct call *c, const struct sc_event *ev)
{
	two_paths(c, ev);
}

void decode_renameat(struct call *c, const struct sc_event *ev)
{
	if (!ev->exiting)
		two_at_paths(c, ev);
}

void decode_renameat2(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting)
		return;
	two_at_paths(c, ev);
	call_add_flags(c, "flags", (uint32_t)ev->args[4], &xlat_rename_flags);
}

void decode_link(struct call *c, const struct sc_event *ev)
{
	two_paths(c, ev);
}

void decode_linkat(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting)
		return;
	two_at_paths(c, ev);
	call_add_flags(c, "flags", (uint32_t)ev->args[4], &xlat_at_flags);
}

/* symlink(target, linkpath): the target is text the link holds, printed as a path. */
void decode_symlink(struct call *c, const struct sc_event *ev)
{
	two_paths(c, ev);
	if (!ev->exiting) {
		c->arg[0].name = "target";
		c->arg[1].name = "linkpath";
	}
}

void decode_symlinkat(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting)
		return;
	path(c, "target", ev, 0);
	at_path(c, "newdirfd", "linkpath", ev, 1);
}

void decode_unlink(struct call *c, const struct sc_event *ev)
{
	if (!ev->exiting)
		path(c, "pathname", ev, 0);
}

void decode_rmdir(struct call *c, const struct sc_event *ev)
{
	decode_unlink(c, ev);
}

void decode_unlinkat(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting)
		return;
	at_path(c, "dirfd", "pathname", ev, 0);
	call_add_flags(c, "flags", (uint32_t)ev->args[2], &xlat_at_flags);
}

void decode_mkdir(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting)
		return;
	path(c, "pathname", ev, 0);
	call_add_mode(c, "mode", (uint32_t)ev->args[1]);
}

void decode_mkdirat(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting)
		return;
	at_path(c, "dirfd", "pathname", ev, 0);
	call_add_mode(c, "mode", (uint32_t)ev->args[2]);
}

/*
 * mknod(pathname, mode, dev): the kernel's umode_t and unsigned int; the
 * device only for a character or block device, as strace.
 */
static void node(struct call *c, const struct sc_event *ev, unsigned reg)
{
	uint16_t mode = UMODE(ev->args[reg]);

	call_add_stmode(c, "mode", mode);
	if ((mode & 0170000) == 0020000 || (mode & 0170000) == 0060000)	/* S_IFCHR, S_IFBLK */
		call_add_dev(c, "dev", (uint32_t)ev->args[reg + 1]);
}

void decode_mknod(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting)
		return;
	path(c, "pathname", ev, 0);
	node(c, ev, 1);
}

void decode_mknodat(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting)
		return;
	at_path(c, "dirfd", "pathname", ev, 0);
	node(c, ev, 2);
}

void decode_chdir(struct call *c, const struct sc_event *ev)
{
	if (!ev->exiting)
		path(c, "path", ev, 0);
}

void decode_chroot(struct call *c, const struct sc_event *ev)
{
	decode_chdir(c, ev);
}

void decode_fchdir(struct call *c, const struct sc_event *ev)
{
	if (!ev->exiting)
		call_add_fd(c, "fd", fd_arg(ev, 0));
}

/* getcwd(buf, size): the path the kernel wrote, whole (a path is never cut by -s). */
void decode_getcwd(struct call *c, const struct sc_event *ev)
{
	uint64_t buf = ptr_arg(ev, 0);

	if (!ev->exiting) {
		call_add_later(c, "buf");
		call_add_uint(c, "size", ptr_arg(ev, 1));
		return;
	}
	if (ev->is_error)
		call_fill_addr(&c->arg[0], buf);
	else
		call_fill_str(c, &c->arg[0], buf, STR_PATH);
}
