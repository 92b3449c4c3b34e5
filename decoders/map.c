/*
 * File mappings: mmap, i386's mmap2, munmap, mremap, msync.  An anonymous
 * mapping is not I/O: the call says so (call_not_io), and is not shown;
 * munmap and mremap show only over a file mapping (policy/maps.c).
 */
#include "config.h"
#include "decoders/common.h"
#include "decoders/decoders.h"
#include "decoders/flags.h"

#define MAP_ANONYMOUS_BIT 0x20
#define PAGE 4096	/* mmap2's offset unit on x86 */

static void mapping(struct call *c, const struct sc_event *ev, uint64_t offset)
{
	uint32_t flags = (uint32_t)ev->args[3];

	/* prot is a long: the whole register shows, as strace shows it; flags 32 bits. */
	call_add_addr(c, "addr", arch_ulong(ev->arch, ev->args[0]));
	call_add_uint(c, "length", arch_ulong(ev->arch, ev->args[1]));
	call_add_flags(c, "prot", arch_ulong(ev->arch, ev->args[2]), &xlat_mmap_prot);
	call_add_flags(c, "flags", flags, &xlat_mmap_flags);
	call_add_fd(c, "fd", fd_arg(ev, 4));
	call_add_hex(c, "offset", offset);
	if (flags & MAP_ANONYMOUS_BIT)
		call_not_io(c);
}

void decode_mmap(struct call *c, const struct sc_event *ev)
{
	if (!ev->exiting)
		mapping(c, ev, ev->args[5]);
}

/* mmap2's offset counts pages; it prints in bytes, as strace prints it. */
void decode_mmap2(struct call *c, const struct sc_event *ev)
{
	if (!ev->exiting)
		mapping(c, ev, (uint64_t)(uint32_t)ev->args[5] * PAGE);
}

void decode_munmap(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting)
		return;
	call_add_addr(c, "addr", arch_ulong(ev->arch, ev->args[0]));
	call_add_uint(c, "length", arch_ulong(ev->arch, ev->args[1]));
}

#define MREMAP_FIXED_BIT 2

/* mremap(old_address, old_size, new_size, flags[, new_address]): the last with MREMAP_FIXED. */
void decode_mremap(struct call *c, const struct sc_event *ev)
{
	uint32_t flags = (uint32_t)ev->args[3];

	if (ev->exiting)
		return;
	call_add_addr(c, "old_address", arch_ulong(ev->arch, ev->args[0]));
	call_add_uint(c, "old_size", arch_ulong(ev->arch, ev->args[1]));
	call_add_uint(c, "new_size", arch_ulong(ev->arch, ev->args[2]));
	call_add_flags(c, "flags", flags, &xlat_mremap_flags);
	if (flags & MREMAP_FIXED_BIT)
		call_add_addr(c, "new_address", arch_ulong(ev->arch, ev->args[4]));
}

void decode_msync(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting)
		return;
	call_add_addr(c, "addr", arch_ulong(ev->arch, ev->args[0]));
	call_add_uint(c, "length", arch_ulong(ev->arch, ev->args[1]));
	call_add_flags(c, "flags", (uint32_t)ev->args[2], &xlat_msync);
}
