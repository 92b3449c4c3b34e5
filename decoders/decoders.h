#ifndef IOTRACE_DECODERS_H
#define IOTRACE_DECODERS_H

#include "call/call.h"
#include "syscalls/syscalls.h"

/*
 * A decoder fills @c from @ev; it is called once at syscall entry and once
 * at exit (ev->exiting).  It describes: it never prints, never reads the
 * tracee and never looks at the options (see doc/HOWTO_ADD_DECODER.md).
 */
typedef void (*decode_fn)(struct call *c, const struct sc_event *ev);

/* The decoder of decoded syscall @id (1 <= id < SC_COUNT). */
decode_fn decoder_of(unsigned id);

/* One decoder per SYSCALL row of syscalls/list.h, named decode_<decoder>. */
#define SYSCALL(name, x64, x32, class, fds, result, flags, dec) \
	void decode_##dec(struct call *c, const struct sc_event *ev);
#define WATCHED(name, x64, x32, flags)
#define URING_OP(name, opcode, class, fds, result, dec) \
	void decode_##dec(struct call *c, const struct sc_event *ev);
#include "syscalls/list.h"
#undef SYSCALL
#undef WATCHED
#undef URING_OP

#endif
