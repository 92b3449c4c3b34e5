#ifndef IOTRACE_XLAT_H
#define IOTRACE_XLAT_H

#include <stdint.h>

/* One named constant or flag bit. */
struct xlat {
	uint64_t val;
	const char *name;
};

/* A list of names, in print order, and the mark for bits it lacks. */
struct xlat_list {
	const struct xlat *items;
	unsigned n;
	const char *unknown;	/* "RWF_???" */
};

/* The RWF_* bits that decide where pwritev2 writes (--toctou=verify). */
#define RWF_APPEND_BIT 0x10
#define RWF_NOAPPEND_BIT 0x20

/* The flag lists, each defined once in decoders/flags.c. */
extern const struct xlat_list rwf_flags;
extern const struct xlat_list splice_flags;

#endif
