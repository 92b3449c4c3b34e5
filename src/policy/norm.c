/* --normalize: ordinals for pids, addresses and inodes, by first appearance. */
#include "config.h"
#include <stdlib.h>
#include "policy/norm.h"
#include "util/util.h"

struct ordinals {
	uint64_t *keys;
	unsigned *vals;
	size_t cap, n;
};

/* Open addressing; the table grows with the number of distinct values seen. */
static unsigned ordinal(struct ordinals *o, uint64_t key)
{
	size_t i;

	if (o->n * 2 >= o->cap) {
		struct ordinals bigger = { NULL, NULL, o->cap ? o->cap * 2 : 256, 0 };

		bigger.keys = xcalloc(bigger.cap, sizeof(*bigger.keys));
		bigger.vals = xcalloc(bigger.cap, sizeof(*bigger.vals));
		for (i = 0; i < o->cap; i++) {
			size_t j;

			if (!o->vals[i])
				continue;
			for (j = o->keys[i] * 0x9e3779b97f4a7c15ull % bigger.cap; bigger.vals[j];
			     j = (j + 1) % bigger.cap)
				;
			bigger.keys[j] = o->keys[i];
			bigger.vals[j] = o->vals[i];
		}
		bigger.n = o->n;
		free(o->keys);
		free(o->vals);
		*o = bigger;
	}
	for (i = key * 0x9e3779b97f4a7c15ull % o->cap; o->vals[i]; i = (i + 1) % o->cap)
		if (o->keys[i] == key)
			return o->vals[i];
	o->keys[i] = key;
	o->vals[i] = (unsigned)++o->n;
	return o->vals[i];
}

static struct ordinals pids, addrs, inodes;

unsigned norm_pid(pid_t pid)
{
	return ordinal(&pids, (uint64_t)(uint32_t)pid);
}

unsigned norm_addr(uint64_t addr)
{
	return ordinal(&addrs, addr);
}

unsigned norm_inode(uint64_t inode)
{
	return ordinal(&inodes, inode);
}
