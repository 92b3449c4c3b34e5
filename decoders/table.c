/* The decoder of each decoded syscall, generated from syscalls/list.h. */
#include "config.h"
#include "decoders/decoders.h"

static const decode_fn decoders[SC_COUNT] = {
#define SYSCALL(name, x64, x32, class, fds, result, flags, dec) [SC_##name] = decode_##dec,
#define WATCHED(name, x64, x32, flags)
#define URING_OP(name, opcode, class, fds, result, dec) [SC_IORING_OP_##name] = decode_##dec,
#include "syscalls/list.h"
#undef SYSCALL
#undef WATCHED
#undef URING_OP
};

decode_fn decoder_of(unsigned id)
{
	return decoders[id];
}
