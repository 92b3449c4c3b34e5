#ifndef IOTRACE_SYSCALLS_H
#define IOTRACE_SYSCALLS_H

#include <stdint.h>
#include "util/arch.h"

struct call;
struct sc_event;

/*
 * A decoder fills @c from @ev; it is called once at syscall entry and once
 * at exit (ev->exiting).  It never prints and never reads the tracee
 * directly: buffers are requested through call.h and fetched in one batch.
 */
typedef void (*decode_fn)(struct call *c, const struct sc_event *ev);

enum sc_id {
	SC_NONE = 0,
#define SYSCALL(name, x64, x32, dec) SC_##name,
#include "syscalls/list.h"
#undef SYSCALL
	SC_COUNT
};

struct syscall_def {
	const char *name;
	int nr[ARCH_COUNT];
	decode_fn decode;
};

/* Builds the number maps; call once before syscall_lookup(). */
void syscalls_init(void);

/* The definition of syscall @id (1 <= id < SC_COUNT). */
const struct syscall_def *syscall_def(unsigned id);

/* The sc_id of syscall number @nr on @arch, or SC_NONE. */
unsigned syscall_lookup(enum arch arch, uint64_t nr);

/* The sc_id named @name, or SC_NONE. */
unsigned syscall_by_name(const char *name);

#endif
