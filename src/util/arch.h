#ifndef IOTRACE_ARCH_H
#define IOTRACE_ARCH_H

#include <stdint.h>
#include <linux/audit.h>

/* The personalities a tracee can run in under the x86_64 tracer. */
enum arch {
	ARCH_X86_64,
	ARCH_I386,
	ARCH_COUNT
};

/* Maps an AUDIT_ARCH_* value to enum arch; returns -1 for others (x32 is X86_64). */
static inline int arch_from_audit(uint32_t audit_arch)
{
	switch (audit_arch) {
	case AUDIT_ARCH_X86_64:
		return ARCH_X86_64;
	case AUDIT_ARCH_I386:
		return ARCH_I386;
	}
	return -1;
}

/* Truncates a register value to the arch's "long" width. */
static inline uint64_t arch_ulong(enum arch a, uint64_t v)
{
	return a == ARCH_I386 ? (uint32_t)v : v;
}

/* Sign-extends a register value from the arch's "long" width. */
static inline int64_t arch_long(enum arch a, uint64_t v)
{
	return a == ARCH_I386 ? (int64_t)(int32_t)v : (int64_t)v;
}

#endif
