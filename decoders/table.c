/*
 * The decoder table and the per-arch number maps, all generated from
 * syscall_list.h so they cannot disagree.
 */
#include "config.h"
#include <string.h>
#include "decoders/decoders.h"
#include "syscalls/syscalls.h"
#include "util/util.h"

static const struct syscall_def defs[SC_COUNT] = {
#define SYSCALL(name, x64, x32, dec) \
	[SC_##name] = { #name, { x64, x32 }, decode_##dec },
#include "syscalls/list.h"
#undef SYSCALL
};

/* Number -> sc_id maps; syscall numbers stay below this bound on x86. */
#define NR_MAX 1024

static unsigned char nr_map[ARCH_COUNT][NR_MAX];

void syscalls_init(void)
{
	unsigned id;
	int a;

	for (id = 1; id < SC_COUNT; id++)
		for (a = 0; a < ARCH_COUNT; a++)
			if (defs[id].nr[a] >= 0 && defs[id].nr[a] < NR_MAX)
				nr_map[a][defs[id].nr[a]] = (unsigned char)id;
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
