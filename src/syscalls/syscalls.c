/* The tables of syscalls/list.h: generated from it, so they cannot disagree. */
#include "config.h"
#include <string.h>
#include "syscalls/syscalls.h"
#include "util/util.h"

#define DATA CLASS_DATA
#define DESC CLASS_DESC
#define POS CLASS_POS
#define SYNC CLASS_SYNC
#define MAP CLASS_MAP
#define NET CLASS_NET
#define ASYNC CLASS_ASYNC
#define NAMES CLASS_NAMES
#define ATTR CLASS_ATTR
#define BYTES RESULT_BYTES
#define STATUS RESULT_STATUS
#define OFFSET RESULT_OFFSET
#define FD RESULT_FD
#define ADDR RESULT_ADDR
#define SPLIT64 SF_SPLIT64
#define MAPS SF_MAPS
#define SECCOMP SF_SECCOMP
#define PRCTL_SECCOMP SF_PRCTL_SECCOMP
#define OPENS SF_OPENS
#define FILEMAP SF_FILEMAP
#define UNMAP SF_UNMAP
#define SOCKETCALL SF_SOCKETCALL
#define CLOSES SF_CLOSES
#define COUNT2 SF_COUNT2
#define COUNT3 SF_COUNT3
#define COUNT4 SF_COUNT4
#define IOVEC SF_IOVEC
#define MSGHDR SF_MSGHDR
#define REMAP SF_REMAP
#define PATH SF_PATH
#define STAT SF_STAT
#define LSTAT SF_LSTAT
#define FSTAT SF_FSTAT
#define STATFS SF_STATFS
#define FSTATFS SF_FSTATFS
#define MMSG SF_MMSG

static const struct syscall_def defs[SC_ALL] = {
#define SYSCALL(name, x64, x32, class, fds, result, flags, dec) \
	[SC_##name] = { #name, { x64, x32 }, class, fds, result, flags },
#define WATCHED(name, x64, x32, flags) \
	[SC_##name] = { #name, { x64, x32 }, 0, "", RESULT_STATUS, flags },
#define URING_OP(name, opcode, class, fds, result, dec) \
	[SC_IORING_OP_##name] = { "IORING_OP_" #name, { -1, -1 }, class, fds, result, \
				  SF_RING_OP },
#include "syscalls/list.h"
#undef SYSCALL
#undef WATCHED
#undef URING_OP
};

/* io_uring's opcodes are below this; newer ones map to the UNKNOWN row. */
#define URING_OPCODES 256

static const unsigned short uring_ops[URING_OPCODES] = {
#define SYSCALL(name, x64, x32, class, fds, result, flags, dec)
#define WATCHED(name, x64, x32, flags)
#define URING_OP(name, opcode, class, fds, result, dec) [(opcode) & 0xff] = SC_IORING_OP_##name,
#include "syscalls/list.h"
#undef SYSCALL
#undef WATCHED
#undef URING_OP
};

unsigned syscall_uring_op(unsigned opcode)
{
	unsigned id = opcode < URING_OPCODES ? uring_ops[opcode] : SC_NONE;

	return id && id != SC_IORING_OP_UNKNOWN ? id : SC_IORING_OP_UNKNOWN;
}

static const struct {
	unsigned short id;
	unsigned char nargs;
} socketcall_subs[SOCKETCALL_MAX + 1] = {
#define SYSCALL(name, x64, x32, class, fds, result, flags, dec)
#define WATCHED(name, x64, x32, flags)
#define SOCKETCALL_SUB(call, nargs, name) [call] = { SC_##name, nargs },
#include "syscalls/list.h"
#undef SYSCALL
#undef WATCHED
#undef SOCKETCALL_SUB
};

unsigned syscall_socketcall(uint64_t call, unsigned *nargs)
{
	if (call > SOCKETCALL_MAX)
		return SC_NONE;
	*nargs = socketcall_subs[call].nargs;
	return socketcall_subs[call].id;
}

static const char *const class_names[CLASS_COUNT] = {
	[CLASS_DATA] = "data", [CLASS_DESC] = "desc", [CLASS_POS] = "pos",
	[CLASS_SYNC] = "sync", [CLASS_MAP] = "map", [CLASS_NET] = "net",
	[CLASS_ASYNC] = "async", [CLASS_NAMES] = "names", [CLASS_ATTR] = "attr",
};

/* Number -> sc_id maps; syscall numbers stay below this bound on x86. */
#define NR_MAX 1024

static unsigned short nr_map[ARCH_COUNT][NR_MAX];

void syscalls_init(void)
{
	unsigned id;
	int a;

	for (id = 1; id < SC_ALL; id++)
		for (a = 0; a < ARCH_COUNT; a++)
			if (defs[id].name && defs[id].nr[a] >= 0 && defs[id].nr[a] < NR_MAX)
				nr_map[a][defs[id].nr[a]] = (unsigned short)id;
}

const struct syscall_def *syscall_def(unsigned id)
{
	return &defs[id];
}

unsigned syscall_lookup(enum arch arch, uint64_t nr)
{
	return nr < NR_MAX ? nr_map[arch][nr] : SC_NONE;
}

unsigned syscall_by_name(const char *name)
{
	unsigned id;

	for (id = 1; id < SC_COUNT; id++)
		if (!strcmp(defs[id].name, name))
			return id;
	return SC_NONE;
}

unsigned group_by_name(const char *name)
{
	if (!strcmp(name, "file"))
		return SF_PATH;
	if (!strcmp(name, "stat"))
		return SF_STAT;
	if (!strcmp(name, "lstat"))
		return SF_LSTAT;
	if (!strcmp(name, "fstat"))
		return SF_FSTAT;
	if (!strcmp(name, "%stat"))	/* strace's %%stat: the three */
		return SF_STAT | SF_LSTAT | SF_FSTAT;
	if (!strcmp(name, "statfs"))
		return SF_STATFS;
	if (!strcmp(name, "fstatfs"))
		return SF_FSTATFS;
	if (!strcmp(name, "%statfs"))	/* strace's %%statfs */
		return SF_STATFS | SF_FSTATFS;
	return 0;
}

enum sc_class class_by_name(const char *name)
{
	int c;

	if (!strcmp(name, "network"))	/* strace's names */
		return CLASS_NET;
	if (!strcmp(name, "memory"))
		return CLASS_MAP;
	for (c = 1; c < CLASS_COUNT; c++)
		if (!strcmp(class_names[c], name))
			return (enum sc_class)c;
	return 0;
}

const char *class_name(enum sc_class class)
{
	return class > 0 && class < CLASS_COUNT ? class_names[class] : "?";
}
