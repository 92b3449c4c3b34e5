#ifndef IOTRACE_XLAT_H
#define IOTRACE_XLAT_H

/*
 * Names of constants and flag bits, as data: each list is generated from
 * decoders/xlat, NAME.xlat (checked against the kernel's headers when
 * iotrace is built) and declared in xlat_lists.h as xlat_NAME.
 */

#include <stdint.h>

/* One named constant or flag bit. */
struct xlat {
	uint64_t val;
	const char *name;
};

/* A list of names, in print order, and the mark for what it lacks. */
struct xlat_list {
	const struct xlat *items;
	unsigned n;
	const char *unknown;		/* "RWF_???"; NULL: bits with no name print as a bare number */
	unsigned char values;		/* names of values, not of bits */
	/* Flags whose @field_mask bits hold a value named by @field, printed first. */
	uint64_t field_mask;
	const struct xlat_list *field;
	const struct xlat_list *bits;	/* the bits are named by this list instead */
	unsigned char split;		/* field and bits print apart: 0x2|0x800 with -X raw */
	/* A number in the @shift_mask bits, printed last as "N<<@shift_name". */
	uint64_t shift_mask;
	unsigned char shift;
	const char *shift_name;
};

/* The name of value @v in values list @l, or NULL. */
const char *xlat_name(const struct xlat_list *l, uint64_t v);

/*
 * Flags @val by list @l, piece by piece: @emit gets each name in print
 * order (the field's value first, NULL for an unnamed field value, which
 * prints as hex then), and the return value is the bits left unnamed
 * (outside the field and the shift).  *@shifted gets the shift's number.
 */
uint64_t xlat_flags(const struct xlat_list *l, uint64_t val,
		    void (*emit)(const char *name, uint64_t field_val, void *ctx), void *ctx,
		    uint64_t *shifted);

#endif
