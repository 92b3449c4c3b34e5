/*
 * A descriptor's life: open, openat, openat2, creat, close, close_range,
 * dup, dup2, dup3, fcntl and fcntl64, flock, pipe, pipe2, memfd_create.
 */
#include "config.h"
#include <errno.h>
#include "decoders/common.h"
#include "decoders/decoders.h"
#include "decoders/flags.h"

/* open(2)'s mode is an argument only when the flags create a file. */

/* A register holding a pointer. */
static void open_flags_mode(struct call *c, const struct sc_event *ev, unsigned reg)
{
	uint32_t flags = (uint32_t)ev->args[reg];

	call_add_flags(c, "flags", flags, &xlat_open_mode);
	if (flags & CREATES)
		call_add_mode(c, "mode", UMODE(ev->args[reg + 1]));
}

void decode_open(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting)
		return;
	call_add_str(c, "pathname", ptr_arg(ev, 0), STR_PATH);
	open_flags_mode(c, ev, 1);
}

void decode_openat(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting)
		return;
	call_add_dirfd(c, "dirfd", fd_arg(ev, 0));
	call_add_str(c, "pathname", ptr_arg(ev, 1), STR_PATH);
	open_flags_mode(c, ev, 2);
}

void decode_openat2(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting)
		return;
	call_add_dirfd(c, "dirfd", fd_arg(ev, 0));
	call_add_str(c, "pathname", ptr_arg(ev, 1), STR_PATH);
	call_add_struct_sized(c, "how", &open_how_layout, ptr_arg(ev, 2),
			      arch_ulong(ev->arch, ev->args[3]));
	call_add_uint(c, "size", arch_ulong(ev->arch, ev->args[3]));
}

void decode_creat(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting)
		return;
	call_add_str(c, "pathname", ptr_arg(ev, 0), STR_PATH);
	call_add_mode(c, "mode", UMODE(ev->args[1]));
}

void decode_close(struct call *c, const struct sc_event *ev)
{
	if (!ev->exiting)
		call_add_fd(c, "fd", fd_arg(ev, 0));
}

/* flock(fd, operation): the lock asked for, and LOCK_NB. */
void decode_flock(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting)
		return;
	call_add_fd(c, "fd", fd_arg(ev, 0));
	call_add_flags(c, "operation", (uint32_t)ev->args[1], &xlat_flock_ops);
}

void decode_close_range(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting)
		return;
	call_add_uint(c, "first", (uint32_t)ev->args[0]);
	call_add_uint(c, "last", (uint32_t)ev->args[1]);
	call_add_flags(c, "flags", (uint32_t)ev->args[2], &xlat_close_range);
}

void decode_dup(struct call *c, const struct sc_event *ev)
{
	if (!ev->exiting)
		call_add_fd(c, "oldfd", fd_arg(ev, 0));
}

void decode_dup2(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting)
		return;
	call_add_fd(c, "oldfd", fd_arg(ev, 0));
	call_add_fd(c, "newfd", fd_arg(ev, 1));
}

void decode_dup3(struct call *c, const struct sc_event *ev)
{
	decode_dup2(c, ev);
	if (!ev->exiting)
		call_add_flags(c, "flags", (uint32_t)ev->args[2], &xlat_open_flags);
}

/* pipe's pair of fds, known at exit: "[3, 4]", or the address if the call failed. */
static void pipe_fds(struct call *c, const struct sc_event *ev)
{
	uint64_t fds = ptr_arg(ev, 0);

	if (!ev->exiting) {
		call_add_later(c, "pipefd");
		return;
	}
	if (ev->is_error)
		call_fill_addr(&c->arg[0], fds);
	else
		call_fill_array(c, &c->arg[0], &fd_layout, fds, 2, 1, UINT64_MAX);
}

void decode_pipe(struct call *c, const struct sc_event *ev)
{
	pipe_fds(c, ev);
}

void decode_pipe2(struct call *c, const struct sc_event *ev)
{
	pipe_fds(c, ev);
	if (!ev->exiting)
		call_add_flags(c, "flags", (uint32_t)ev->args[1], &xlat_open_flags);
}

void decode_memfd_create(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting)
		return;
	call_add_str(c, "name", ptr_arg(ev, 0), STR_NAME);
	call_add_flags(c, "flags", (uint32_t)ev->args[1], &xlat_memfd);
}

/*
 * fcntl: what the argument is, and what the result is, depend on the
 * command.  A struct the kernel fills (F_GETLK) is read at exit, and is
 * an address when the call failed.
 */
enum fcntl_arg {
	FA_NONE,	/* no argument */
	FA_UINT,	/* a count or fd number, as an unsigned int */
	FA_INT,		/* a pid or process group */
	FA_HEX,		/* not known: the register in hex */
	FA_FD,		/* an fd */
	FA_FD_FLAGS,
	FA_OPEN_FLAGS,
	FA_SIG,
	FA_LEASE,
	FA_NOTIFY,
	FA_SEALS,
	FA_LOCK_SET,	/* struct flock, read at entry */
	FA_LOCK_GET,	/* struct flock, read at exit */
	FA_OWNER_SET,
	FA_OWNER_GET,
	FA_HINT_SET,	/* a u64 write-life hint */
	FA_HINT_GET,
};

enum fcntl_res {
	FR_STATUS,
	FR_FD,
	FR_FD_FLAGS,
	FR_OPEN_FLAGS,
	FR_SEALS,
	FR_LEASE,
	FR_SIG,
	FR_PID,
};

struct fcntl_cmd {
	unsigned char known, arg, res;
};
#define CMD(arg, res) { 1, arg, res }

/* By command number; F_LINUX_SPECIFIC_BASE (1024) and up from 64. */
#define LINUX_CMD(n) (64 + (n) - 1024)
static const struct fcntl_cmd fcntl_cmds[] = {
	[0] = CMD(FA_UINT, FR_FD),		/* F_DUPFD */
	[1] = CMD(FA_NONE, FR_FD_FLAGS),		/* F_GETFD */
	[2] = CMD(FA_FD_FLAGS, FR_STATUS),	/* F_SETFD */
	[3] = CMD(FA_NONE, FR_OPEN_FLAGS),	/* F_GETFL */
	[4] = CMD(FA_OPEN_FLAGS, FR_STATUS),	/* F_SETFL */
	[5] = CMD(FA_LOCK_GET, FR_STATUS),	/* F_GETLK */
	[6] = CMD(FA_LOCK_SET, FR_STATUS),	/* F_SETLK */
	[7] = CMD(FA_LOCK_SET, FR_STATUS),	/* F_SETLKW */
	[8] = CMD(FA_INT, FR_STATUS),		/* F_SETOWN */
	[9] = CMD(FA_NONE, FR_STATUS),		/* F_GETOWN */
	[10] = CMD(FA_SIG, FR_STATUS),		/* F_SETSIG */
	[11] = CMD(FA_NONE, FR_SIG),		/* F_GETSIG */
	[12] = CMD(FA_LOCK_GET, FR_STATUS),	/* F_GETLK64 */
	[13] = CMD(FA_LOCK_SET, FR_STATUS),	/* F_SETLK64 */
	[14] = CMD(FA_LOCK_SET, FR_STATUS),	/* F_SETLKW64 */
	[15] = CMD(FA_OWNER_SET, FR_STATUS),	/* F_SETOWN_EX */
	[16] = CMD(FA_OWNER_GET, FR_STATUS),	/* F_GETOWN_EX */
	[17] = CMD(FA_HEX, FR_STATUS),		/* F_GETOWNER_UIDS */
	[36] = CMD(FA_LOCK_GET, FR_STATUS),	/* F_OFD_GETLK */
	[37] = CMD(FA_LOCK_SET, FR_STATUS),	/* F_OFD_SETLK */
	[38] = CMD(FA_LOCK_SET, FR_STATUS),	/* F_OFD_SETLKW */
	[LINUX_CMD(1024)] = CMD(FA_LEASE, FR_STATUS),	/* F_SETLEASE */
	[LINUX_CMD(1025)] = CMD(FA_NONE, FR_LEASE),	/* F_GETLEASE */
	[LINUX_CMD(1026)] = CMD(FA_NOTIFY, FR_STATUS),	/* F_NOTIFY */
	[LINUX_CMD(1027)] = CMD(FA_FD, FR_STATUS),	/* F_DUPFD_QUERY */
	[LINUX_CMD(1028)] = CMD(FA_NONE, FR_STATUS),	/* F_CREATED_QUERY */
	[LINUX_CMD(1029)] = CMD(FA_HEX, FR_STATUS),	/* F_CANCELLK */
	[LINUX_CMD(1030)] = CMD(FA_UINT, FR_FD),		/* F_DUPFD_CLOEXEC */
	[LINUX_CMD(1031)] = CMD(FA_UINT, FR_STATUS),	/* F_SETPIPE_SZ */
	[LINUX_CMD(1032)] = CMD(FA_NONE, FR_STATUS),	/* F_GETPIPE_SZ */
	[LINUX_CMD(1033)] = CMD(FA_SEALS, FR_STATUS),	/* F_ADD_SEALS */
	[LINUX_CMD(1034)] = CMD(FA_NONE, FR_SEALS),	/* F_GET_SEALS */
	[LINUX_CMD(1035)] = CMD(FA_HINT_GET, FR_STATUS),	/* F_GET_RW_HINT */
	[LINUX_CMD(1036)] = CMD(FA_HINT_SET, FR_STATUS),	/* F_SET_RW_HINT */
	[LINUX_CMD(1037)] = CMD(FA_HINT_GET, FR_STATUS),	/* F_GET_FILE_RW_HINT */
	[LINUX_CMD(1038)] = CMD(FA_HINT_SET, FR_STATUS),	/* F_SET_FILE_RW_HINT */
};

static struct fcntl_cmd fcntl_cmd_of(uint32_t cmd)
{
	static const struct fcntl_cmd unknown = CMD(FA_HEX, FR_STATUS);
	size_t i = cmd < 64 ? cmd : cmd >= 1024 && cmd < 1024 + 64 ? LINUX_CMD(cmd) : SIZE_MAX;

	if (i >= sizeof(fcntl_cmds) / sizeof(fcntl_cmds[0]) || !fcntl_cmds[i].known)
		return unknown;
	return fcntl_cmds[i];
}

/*
 * The struct flock a lock command takes: i386's fcntl64 passes a flock64
 * with its 64-bit commands and the OFD ones; x86_64 has one struct.
 */
static const struct layout *lock_layout(const struct sc_event *ev, uint32_t cmd, int get)
{
	/* The OFD commands take a flock64 on i386 (its fcntl refuses them). */
	int wide = ev->arch == ARCH_I386 && ((cmd >= 12 && cmd <= 14) || (cmd >= 36 && cmd <= 38));

	if (wide)
		return get ? &flock64_get_layout : &flock64_set_layout;
	return get ? &flock_get_layout : &flock_set_layout;
}

static void fcntl_result(struct call *c, unsigned res)
{
	switch (res) {
	case FR_FD:
		call_result_fd(c);
		break;
	case FR_FD_FLAGS:
		call_result_flags(c, "flags", &xlat_fd_flags, 0);
		break;
	case FR_OPEN_FLAGS:	/* strace names F_GETFL's flags whatever -X says */
		call_result_flags(c, "flags", &xlat_open_mode, 1);
		break;
	case FR_SEALS:
		call_result_flags(c, "seals", &xlat_seals, 0);
		break;
	case FR_LEASE:
		call_result_named(c, &xlat_lock_types);
		break;
	case FR_SIG:
		call_result_signal(c);
		break;
	}
}

static void fcntl_entry(struct call *c, const struct sc_event *ev, uint32_t cmd,
			struct fcntl_cmd fc)
{
	uint64_t arg = ev->args[2];

	switch (fc.arg) {
	case FA_UINT:	/* the register as a long: -1 on x86_64, 4294967295 on i386, as strace */
		call_add_int(c, "arg", ev->arch == ARCH_I386 ? (int64_t)(uint32_t)arg : (int64_t)arg);
		break;
	case FA_INT:
		call_add_int(c, "arg", (int32_t)arg);
		break;
	case FA_HEX:
		call_add_hex(c, "arg", arch_ulong(ev->arch, arg));
		break;
	case FA_FD:
		call_add_fd(c, "arg", (int)arg);
		break;
	case FA_FD_FLAGS:
		call_add_flags(c, "arg", (uint32_t)arg, &xlat_fd_flags);
		break;
	case FA_OPEN_FLAGS:
		call_add_flags(c, "arg", (uint32_t)arg, &xlat_open_mode);
		break;
	case FA_SIG:
		call_add_sig(c, "arg", (int)arg);
		break;
	case FA_LEASE:
		call_add_enum(c, "arg", (uint32_t)arg, &xlat_lock_types);
		break;
	case FA_NOTIFY:
		call_add_flags(c, "arg", (uint32_t)arg, &xlat_dnotify);
		break;
	case FA_SEALS:
		call_add_flags(c, "arg", (uint32_t)arg, &xlat_seals);
		break;
	case FA_LOCK_SET:
		call_add_struct(c, "arg", lock_layout(ev, cmd, 0), ptr_arg(ev, 2));
		break;
	case FA_OWNER_SET:
		call_add_struct(c, "arg", &f_owner_ex_layout, ptr_arg(ev, 2));
		break;
	case FA_HINT_SET:
		call_add_whole(c, "arg", &rw_hint_layout, ptr_arg(ev, 2), 1);
		break;
	case FA_LOCK_GET:
	case FA_OWNER_GET:
	case FA_HINT_GET:
		call_add_later(c, "arg");
		break;
	}
}

/* A struct the kernel filled: shown as it left it, or as an address when the call failed. */
static void fcntl_exit(struct call *c, const struct sc_event *ev, uint32_t cmd,
		       struct fcntl_cmd fc)
{
	struct arg *a = &c->arg[2];
	uint64_t p = ptr_arg(ev, 2);

	if (fc.arg != FA_LOCK_GET && fc.arg != FA_OWNER_GET && fc.arg != FA_HINT_GET)
		return;
	if (ev->is_error || !p)
		call_fill_addr(a, p);
	else if (fc.arg == FA_LOCK_GET)
		call_fill_struct(c, a, lock_layout(ev, cmd, 1), p);
	else if (fc.arg == FA_OWNER_GET)
		call_fill_struct(c, a, &f_owner_ex_layout, p);
	else
		call_fill_whole(c, a, &rw_hint_layout, p, 1);
}

void decode_fcntl(struct call *c, const struct sc_event *ev)
{
	uint32_t cmd = (uint32_t)ev->args[1];
	struct fcntl_cmd fc = fcntl_cmd_of(cmd);

	if (cmd >= 12 && cmd <= 14 && ev->arch != ARCH_I386)
		fc.arg = FA_HEX;	/* F_*LK64 are i386's: x86_64 refuses them */
	if (ev->exiting) {
		fcntl_exit(c, ev, cmd, fc);
		return;
	}
	call_add_fd(c, "fd", fd_arg(ev, 0));
	call_add_enum(c, "cmd", cmd, &xlat_fcntl_cmds);
	fcntl_entry(c, ev, cmd, fc);
	fcntl_result(c, fc.res);
}

/* A file_handle's header and the most bytes a handle can have (MAX_HANDLE_SZ). */
#define HANDLE_READ (8 + 128)

/*
 * name_to_handle_at(dirfd, pathname, handle, mount_id, flags): the kernel
 * rewrites handle_bytes ("128 => 8"), and on success fills the handle and
 * *mount_id; a failed call prints only handle_bytes: as the caller
 * gave it, or with EOVERFLOW as the kernel rewrote it (the size it wants).
 */
void decode_name_to_handle_at(struct call *c, const struct sc_event *ev)
{
	uint64_t h = ptr_arg(ev, 2), mnt = ptr_arg(ev, 3);

	if (!ev->exiting) {
		call_add_dirfd(c, "dirfd", fd_arg(ev, 0));
		call_add_str(c, "pathname", ptr_arg(ev, 1), STR_PATH);
		call_add_rewritten(c, "handle", &file_handle_layout, h, 1, 0);
		call_add_later(c, "mount_id");
		call_add_flags(c, "flags", (uint32_t)ev->args[4], &xlat_handle_flags);
		return;
	}
	if (ev->is_error) {
		call_fill_addr(&c->arg[3], mnt);
		if (ev->rval != -EOVERFLOW) {	/* only this error says the size it wants */
			call_fill_before_only(&c->arg[2]);
			return;
		}
		call_fill_struct_sized(c, &c->arg[2], &file_handle_layout, h, HANDLE_READ);
		call_fill_inout_only(&c->arg[2]);
		return;
	}
	call_fill_struct_sized(c, &c->arg[2], &file_handle_layout, h, HANDLE_READ);
	if (mnt)
		call_fill_whole(c, &c->arg[3], &uint_layout, mnt, 1);
	else
		call_fill_addr(&c->arg[3], 0);
}

/* open_by_handle_at(mount_fd, handle, flags): a file opened from its handle. */
void decode_open_by_handle_at(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting) {
		call_result_fd(c);
		return;
	}
	call_add_fd(c, "mount_fd", fd_arg(ev, 0));
	call_add_struct_sized(c, "handle", &file_handle_layout, ptr_arg(ev, 1), HANDLE_READ);
	call_add_flags(c, "flags", (uint32_t)ev->args[2], &xlat_open_mode);
}
