#ifndef IOTRACE_DECODERS_H
#define IOTRACE_DECODERS_H

#include "call/call.h"

/* One decoder per syscall of syscall_list.h, named decode_<decoder>. */
#define SYSCALL(name, x64, x32, dec) \
	void decode_##dec(struct call *c, const struct sc_event *ev);
#include "syscalls/list.h"
#undef SYSCALL

#endif
