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

#endif
