/* Walking the name lists of xlat.h; the renderers format what they find. */
#include "config.h"
#include <stddef.h>
#include "util/xlat.h"

const char *xlat_name(const struct xlat_list *l, uint64_t v)
{
	unsigned i;

	if (l->bits && !l->n)
		l = l->bits;	/* another list's names, this list's mark for the unknown */
	for (i = 0; i < l->n; i++)
		if (l->items[i].val == v)
			return l->items[i].name;
	return NULL;
}

uint64_t xlat_flags(const struct xlat_list *l, uint64_t val,
		    void (*emit)(const char *name, uint64_t field_val, void *ctx), void *ctx,
		    uint64_t *shifted)
{
	const struct xlat_list *bits = l->bits ? l->bits : l;
	uint64_t left = val & ~l->field_mask & ~l->shift_mask;
	unsigned i;

	if (l->field)
		emit(xlat_name(l->field, val & l->field_mask), val & l->field_mask, ctx);
	for (i = 0; i < bits->n; i++) {
		uint64_t bit = bits->items[i].val;

		if (!bit || (left & bit) != bit)
			continue;
		emit(bits->items[i].name, 0, ctx);
		left &= ~bit;
	}
	*shifted = l->shift_mask ? (val & l->shift_mask) >> l->shift : 0;
	return left;
}
