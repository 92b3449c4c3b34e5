#ifndef IOTRACE_SYSCALLS_H
#define IOTRACE_SYSCALLS_H

/* The facts of syscalls/list.h as tables: names, numbers, classes, roles. */

#include <stdint.h>
#include "util/arch.h"

/* What -e trace=%CLASS selects; the names are class_name()'s. */
enum sc_class {
	CLASS_DATA = 1,		/* %data: moving bytes: read, write, the vectored and zero-copy calls */
	CLASS_DESC,		/* %desc: opening, closing, duplicating descriptors */
	CLASS_POS,		/* %pos: position and size */
	CLASS_SYNC,		/* %sync: durability and hints */
	CLASS_MAP,		/* %map: file mappings */
	CLASS_NET,		/* %net: sockets */
	CLASS_ASYNC,		/* %async: io_uring, Linux AIO */
	CLASS_NAMES,		/* %names: a file's names: rename, link, unlink, mkdir */
	CLASS_ATTR,		/* %attr: a file's attributes: access, readlink, chmod, chown, times */
	CLASS_COUNT
};

/* What a successful result is. */
enum sc_result {
	RESULT_BYTES,		/* bytes moved: counted by -c and --summary=files */
	RESULT_STATUS,		/* 0 */
	RESULT_OFFSET,		/* a file offset */
	RESULT_FD,		/* a new file descriptor */
	RESULT_ADDR,		/* an address */
};

enum sc_flag {
	SF_SPLIT64 = 1 << 0,		/* i386 passes 64-bit arguments in two registers */
	SF_MAPS = 1 << 1,		/* changes the address space */
	SF_SECCOMP = 1 << 2,		/* installs a seccomp filter */
	SF_PRCTL_SECCOMP = 1 << 3,	/* ...when its first argument is PR_SET_SECCOMP */
	SF_OPENS = 1 << 4,		/* opens a file: a new open file description */
	SF_FILEMAP = 1 << 5,		/* I/O only when it maps a file (not MAP_ANONYMOUS) */
	SF_UNMAP = 1 << 6,		/* unmaps a range: shown over a file mapping */
	SF_SOCKETCALL = 1 << 7,		/* i386's socketcall(2): stands for the call it names */
	SF_CLOSES = 1 << 8,		/* closes its fd arguments */
	SF_RING_OP = 1 << 9,		/* an io_uring operation (URING_OP row), not a syscall */
	SF_COUNT2 = 1 << 10,		/* argument 2 is its byte count */
	SF_COUNT3 = 1 << 11,		/* argument 3 is */
	SF_COUNT4 = 1 << 12,		/* argument 4 is */
	SF_IOVEC = 1 << 13,		/* arguments 1, 2: an iovec array and its length */
	SF_MSGHDR = 1 << 14,		/* argument 1: a msghdr, with an iovec array */
	SF_REMAP = 1 << 15,		/* with UNMAP: moves the range to the result (mremap) */
	SF_PATH = 1 << 16,		/* takes a path: strace's %file */
	SF_STAT = 1 << 17,		/* a path's status: strace's %stat (all of %%stat) */
	SF_MMSG = 1 << 18,		/* argument 1: mmsghdrs; the result counts them, msg_len their bytes */
	SF_LSTAT = 1 << 19,		/* a link's own status: strace's %lstat */
	SF_FSTAT = 1 << 20,		/* an fd's, or a path's from a dirfd: strace's %fstat */
	SF_STATFS = 1 << 21,		/* a path's file system's status: strace's %statfs */
	SF_FSTATFS = 1 << 22,		/* an fd's: strace's %fstatfs */
};

/* The role of an fd argument, for --summary=files: one letter of the list's fds. */
#define FD_SOURCE 's'
#define FD_DEST 'd'
#define FD_BOTH 'b'
#define FD_NEITHER 'n'

/* Decoded syscalls are 1 .. SC_COUNT - 1; watched ones follow, up to SC_ALL. */
enum sc_id {
	SC_NONE = 0,
#define SYSCALL(name, x64, x32, class, fds, result, flags, dec) SC_##name,
#define WATCHED(name, x64, x32, flags)
#define URING_OP(name, opcode, class, fds, result, dec) SC_IORING_OP_##name,
#include "syscalls/list.h"
#undef SYSCALL
#undef WATCHED
#undef URING_OP
	SC_COUNT,
	SC_WATCHED_BEFORE = SC_COUNT - 1,
#define SYSCALL(name, x64, x32, class, fds, result, flags, dec)
#define WATCHED(name, x64, x32, flags) SC_##name,
#include "syscalls/list.h"
#undef SYSCALL
#undef WATCHED
	SC_ALL
};

#define CALL_MAX_ARGS 6

struct syscall_def {
	const char *name;
	int nr[ARCH_COUNT];
	enum sc_class class;	/* 0 for watched ones */
	char fds[CALL_MAX_ARGS + 1];
	enum sc_result result;
	unsigned flags;		/* SF_* */
};

/* Builds the number maps; call once before syscall_lookup(). */
void syscalls_init(void);

/* The facts of syscall @id (1 <= id < SC_ALL). */
const struct syscall_def *syscall_def(unsigned id);

/* The sc_id of syscall number @nr on @arch (decoded or watched), or SC_NONE. */
unsigned syscall_lookup(enum arch arch, uint64_t nr);

/* socketcall(2)'s call numbers (SYS_SOCKET = 1 ... SYS_SENDMMSG = 20). */
#define SOCKETCALL_MAX 20

/*
 * The decoded syscall socketcall(2)'s call number @call stands for, or
 * SC_NONE; *@nargs: how many arguments it reads from the array.
 */
unsigned syscall_socketcall(uint64_t call, unsigned *nargs);

/* The URING_OP row of io_uring opcode @opcode (SC_IORING_OP_UNKNOWN for one it lacks). */
unsigned syscall_uring_op(unsigned opcode);

/* The decoded syscall named @name, or SC_NONE. */
unsigned syscall_by_name(const char *name);

/* The class named @name ("data", without the %), or 0. */
enum sc_class class_by_name(const char *name);

/*
 * strace's classes that cut across ours, by name without the "%": the
 * SF_* flag their rows carry (file: SF_PATH; stat, fstat: SF_STAT), or 0.
 */
unsigned group_by_name(const char *name);

/* The name of class @class. */
const char *class_name(enum sc_class class);

/* The argument that is syscall @id's byte count (SF_COUNT*), or -1. */
static inline int syscall_count_arg(unsigned id)
{
	unsigned f = syscall_def(id)->flags;

	return f & SF_COUNT2 ? 2 : f & SF_COUNT3 ? 3 : f & SF_COUNT4 ? 4 : -1;
}

/* The role letter of argument @idx of syscall @id ('-' when not an fd). */
static inline char syscall_fd_role(unsigned id, unsigned idx)
{
	const char *fds = syscall_def(id)->fds;
	unsigned i;

	for (i = 0; i < idx && fds[i]; i++)
		;
	return fds[i] ? fds[i] : '-';
}

#endif
