/* --normalize: ordinals for pids, addresses and inodes, by first appearance. */
#include "config.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

static struct ordinals pids;

/* Addresses and inodes: one set for the whole output, or one a block. */
struct numbering {
	struct ordinals addrs, inodes;
};

static struct numbering global;
static struct numbering *current = &global;

static struct numbering *numbering_of(pid_t tid);

void norm_block(pid_t tid)
{
	current = numbering_of(tid);
}

unsigned norm_pid(pid_t pid)
{
	return ordinal(&pids, (uint64_t)(uint32_t)pid);
}

unsigned norm_addr(uint64_t addr)
{
	return ordinal(&current->addrs, addr);
}

unsigned norm_inode(uint64_t inode)
{
	return ordinal(&current->inodes, inode);
}

/* What --normalize keeps a tid: its lineage name, and its block's numbering. */
struct lineage {
	char *name;
	unsigned children;	/* threads and processes it created */
	struct numbering *num;
};

static struct ordinals lineage_ids;
static struct lineage *lineages;
static size_t nlineages;
static unsigned roots, strays;

#define NAME_MAX_LEN 256	/* deeper lineages keep their last levels' numbers only */

static struct lineage *entry(pid_t tid)
{
	size_t i = ordinal(&lineage_ids, (uint64_t)(uint32_t)tid) - 1;

	if (i >= nlineages) {
		size_t n = i + 1 > 2 * nlineages ? i + 1 : 2 * nlineages;

		lineages = xrealloc(lineages, n * sizeof(*lineages));
		memset(lineages + nlineages, 0, (n - nlineages) * sizeof(*lineages));
		nlineages = n;
	}
	return &lineages[i];
}

static struct numbering *numbering_of(pid_t tid)
{
	struct lineage *l = entry(tid);

	if (!l->num)
		l->num = xcalloc(1, sizeof(*l->num));
	return l->num;
}

static void forget_numbering(struct numbering *n)
{
	if (!n)
		return;
	if (current == n)
		current = &global;
	free(n->addrs.keys);
	free(n->addrs.vals);
	free(n->inodes.keys);
	free(n->inodes.vals);
	free(n);
}

/* A (new) thread @tid is @name: a reused tid starts afresh. */
static void set_name(pid_t tid, const char *name)
{
	struct lineage *l = entry(tid);

	free(l->name);
	l->name = xstrdup(name);
	l->children = 0;
	forget_numbering(l->num);
	l->num = NULL;
}

void norm_root(pid_t tid)
{
	char name[16];

	snprintf(name, sizeof(name), "%u", ++roots);
	set_name(tid, name);
}

void norm_child(pid_t parent, pid_t child)
{
	struct lineage *p = entry(parent);
	char name[NAME_MAX_LEN + 16];
	const char *base = p->name ? p->name : "?";

	p->children++;
	if (strlen(base) > NAME_MAX_LEN)	/* a chain of forks without end: cut at the front */
		base += strlen(base) - NAME_MAX_LEN;
	snprintf(name, sizeof(name), "%s.%u", base, p->children);
	set_name(child, name);
}

void norm_stray(pid_t tid)
{
	char name[16];

	snprintf(name, sizeof(name), "?%u", ++strays);
	set_name(tid, name);
}

const char *norm_name(pid_t tid)
{
	return entry(tid)->name;
}

int norm_name_cmp(const char *a, const char *b)
{
	if ((*a == '?') != (*b == '?'))
		return *a == '?' ? 1 : -1;
	if (*a == '?')
		a++, b++;
	for (;;) {
		char *ea, *eb;
		unsigned long x = strtoul(a, &ea, 10), y = strtoul(b, &eb, 10);

		if (x != y)
			return x < y ? -1 : 1;
		if (*ea != '.' || *eb != '.')
			return (*ea == '.') - (*eb == '.');	/* a parent before its children */
		a = ea + 1;
		b = eb + 1;
	}
}
