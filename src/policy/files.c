/*
 * --summary=files: per file, bytes read and written, calls, opens, syncs,
 * times and latencies.  A file is what /proc/PID/fd names: at the call's
 * entry for its fd arguments, at its exit for a file it opened (a path,
 * or a pipe's or socket's identity).  The syscall list says what each fd
 * argument is: sendfile, splice, tee and copy_file_range count as a read
 * of their source and a write of their destination.
 */
#include "config.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "call/call.h"
#include "policy/files.h"
#include "syscalls/syscalls.h"
#include "util/util.h"

/*
 * Distinct files get rows up to this many; after that, new ones are
 * credited to one "(other files)" row, so that a program opening and
 * closing files or pipes without end cannot grow iotrace without end.
 */
#define FILES_MAX 10000
#define OTHER_FILES "(other files)"
#define NOT_OPEN "(fds not open)"

static struct file **buckets;
static size_t nbuckets, nfiles;

static struct file **bucket(const char *name)
{
	return &buckets[hash_str(name) & (nbuckets - 1)];
}

/* Doubles the table when it fills, so lookups stay short at any size. */
static void grow(void)
{
	struct file **old = buckets;
	size_t n = nbuckets, i;

	nbuckets = n ? n * 2 : 256;
	buckets = xcalloc(nbuckets, sizeof(*buckets));
	for (i = 0; i < n; i++) {
		struct file *f, *next;

		for (f = old[i]; f; f = next) {
			struct file **b = bucket(f->name);

			next = f->next;
			f->next = *b;
			*b = f;
		}
	}
	free(old);
}

static struct file *file_of(const char *name)
{
	struct file *f, **b;

	if (!nbuckets)
		grow();
	for (f = *bucket(name); f; f = f->next)
		if (!strcmp(f->name, name))
			return f;
	if (nfiles >= FILES_MAX && strcmp(name, OTHER_FILES))
		return file_of(OTHER_FILES);
	if (nfiles >= nbuckets)
		grow();
	b = bucket(name);
	f = xcalloc(1, sizeof(*f));
	f->name = xstrdup(name);
	f->next = *b;
	*b = f;
	nfiles++;
	return f;
}

/*
 * The row of what @p names.  A socket -yy describes is one row, by its
 * inode, shown by the endpoints it had last: its endpoints change as it
 * is bound and connected, its inode does not.
 */
static struct file *file_at(const struct call *c, const struct fd_path *p)
{
	const char *text = (const char *)c->arena + p->off;
	char key[48];
	struct file *f;

	if (!p->described)
		return file_of(text);
	snprintf(key, sizeof(key), "socket:[%llu]", (unsigned long long)p->ino);
	f = file_of(key);
	if (strcmp(f->name, key) || (f->label && !strcmp(f->label, text)))
		return f;	/* "(other files)", or no news */
	free(f->label);
	f->label = xstrdup(text);
	return f;
}

/* Bucket of a latency: exact below 8 ns, then eight a power of two. */
static unsigned bucket_of(uint64_t ns)
{
	unsigned msb;

	if (ns < 8)
		return (unsigned)ns;
	msb = 63u - (unsigned)__builtin_clzll(ns);
	return (msb - 2) * 8 + (unsigned)((ns >> (msb - 3)) & 7);
}

/* The largest latency bucket @b holds. */
static uint64_t bucket_top(unsigned b)
{
	unsigned msb;

	if (b < 8)
		return b;
	msb = b / 8 + 2;
	return ((uint64_t)(8 + b % 8) << (msb - 3)) + ((uint64_t)1 << (msb - 3)) - 1;
}

void latency_add(struct latency *l, uint64_t ns)
{
	unsigned b = bucket_of(ns), i;

	l->n++;
	if (ns > l->max_ns)
		l->max_ns = ns;
	for (i = 0; i < l->used && l->buckets[i].b < b; i++)
		;
	if (i < l->used && l->buckets[i].b == b) {
		l->buckets[i].count++;
		return;
	}
	if (l->used == l->cap) {	/* at most ~500 buckets: 64 powers of two, 8 each */
		l->cap = l->cap ? (unsigned short)(l->cap * 2) : 8;
		l->buckets = xrealloc(l->buckets, l->cap * sizeof(*l->buckets));
	}
	memmove(l->buckets + i + 1, l->buckets + i, (l->used - i) * sizeof(*l->buckets));
	l->buckets[i].b = (unsigned short)b;
	l->buckets[i].count = 1;
	l->used++;
}

uint64_t latency_quantile(const struct latency *l, double q)
{
	uint64_t want = (uint64_t)(q * (double)l->n + 0.999999), seen = 0;
	unsigned i;

	for (i = 0; i < l->used; i++) {
		seen += l->buckets[i].count;
		if (seen >= want)
			return MIN(bucket_top(l->buckets[i].b), l->max_ns);
	}
	return l->max_ns;
}

void latency_log2(const struct latency *l, uint64_t *counts, unsigned n)
{
	unsigned i, k;

	memset(counts, 0, n * sizeof(*counts));
	for (i = 0; i < l->used && n; i++) {
		uint64_t us = MIN(bucket_top(l->buckets[i].b), l->max_ns) / 1000;

		k = us ? 64u - (unsigned)__builtin_clzll(us) : 0;	/* 2^(k-1) <= us < 2^k */
		counts[MIN(k, n - 1)] += l->buckets[i].count;
	}
}

const char *op_name(enum op_kind k)
{
	static const char *const names[OP_COUNT] = {
		[OP_READ] = "read", [OP_WRITE] = "write", [OP_OPEN] = "open", [OP_DESC] = "desc",
		[OP_POS] = "pos", [OP_SYNC] = "sync", [OP_MAP] = "map",
	};

	return names[k];
}

/* The kind of operation a call of class @class is on a file it touches in role @role. */
static enum op_kind op_of(const struct syscall_def *d, char role, int opened)
{
	if (opened)
		return OP_OPEN;
	switch (d->class) {
	case CLASS_DATA:
		return role == FD_SOURCE ? OP_READ : OP_WRITE;
	case CLASS_POS:
		return OP_POS;
	case CLASS_SYNC:
		return OP_SYNC;
	case CLASS_MAP:
		return OP_MAP;
	default:
		return OP_DESC;
	}
}

/* The files one call touched, each once (splice from a pipe to itself is one call). */
struct touched {
	struct file *f[CALL_MAX_ARGS + 2];
	unsigned n;
};

static void credit(struct touched *t, const struct call *c, struct file *f, enum op_kind k,
		   uint64_t ns)
{
	unsigned i;

	for (i = 0; i < t->n && t->f[i] != f; i++)
		;
	if (i < t->n || t->n == sizeof(t->f) / sizeof(t->f[0]))
		return;
	t->f[t->n++] = f;
	f->calls++;
	f->errors += !!c->error;
	f->injected += c->injected != INJECTED_NONE;
	if (f->per_call[c->id] < UINT32_MAX)
		f->per_call[c->id]++;
	f->ns += ns;
	if (k == OP_OPEN)
		f->opens += !c->error;
	if (k == OP_SYNC) {
		f->syncs++;
		f->sync_ns += ns;
	}
	latency_add(&f->lat[k], ns);
}

/* What a successful call opened: its new fd, or the fds it filled in (pipe). */
static void credit_opened(struct touched *t, const struct call *c, uint64_t ns)
{
	int opens = (syscall_def(c->id)->flags & SF_OPENS) != 0;
	enum op_kind k = opens ? OP_OPEN : OP_DESC;
	unsigned i;

	if (c->error || c->vanished)
		return;
	if (call_result_is_fd(c) && call_result_path(c))
		credit(t, c, file_at(c, &c->res_path), k, ns);
	for (i = 0; i < c->nnotes; i++)
		if (c->notes[i].at_exit)
			credit(t, c, file_at(c, &c->notes[i].path), k, ns);
}

/*
 * Credits the call to each file an fd argument names, by the role the
 * syscall list gives that argument: data read from a source, written to a
 * destination; and to the file it opened.  Every such file counts the
 * call once.
 */
void files_plan(struct call *c)
{
	if ((syscall_def(c->id)->flags & SF_MMSG) && !c->error && c->rval > 0 && c->nargs > 1 &&
	    c->arg[1].type == ARG_ARRAY)
		call_claim(c, 1, 0);	/* every message's msg_len, not -s of them */
}

/* The bytes a call moved: its result, or its messages' (the *mmsg calls count messages). */
static uint64_t bytes_moved(const struct call *c, const struct syscall_def *d)
{
	if (c->error || c->rval <= 0)
		return 0;
	if (d->flags & SF_MMSG)
		return call_msgs_bytes(c, 1);
	return d->result == RESULT_BYTES ? (uint64_t)c->rval : 0;
}

void files_add(const struct call *c, uint64_t ns, int changed)
{
	const struct syscall_def *d = syscall_def(c->id);
	uint64_t bytes = bytes_moved(c, d);
	uint64_t landed = d->flags & SF_MMSG ? bytes : call_bytes_landed(c, bytes);
	struct touched t = { .n = 0 };
	unsigned i;

	for (i = 0; i < c->nargs; i++) {
		char role = syscall_fd_role(c->id, i);
		struct file *f;

		if (role == '-' || c->arg[i].type != ARG_FD)
			continue;
		/* Closed fds are one row: numbers the program got wrong are not files. */
		f = call_fd_path(c, &c->arg[i]) ? file_at(c, &c->arg[i].path) : file_of(NOT_OPEN);
		if (role == FD_SOURCE || role == FD_BOTH)
			f->read += role == FD_SOURCE ? landed : bytes;
		if (role == FD_DEST || role == FD_BOTH) {
			f->written += bytes;
			f->toctou += changed;
		}
		credit(&t, c, f, op_of(d, role, 0), ns);
	}
	credit_opened(&t, c, ns);
}

static int by_bytes(const void *a, const void *b)
{
	const struct file *x = *(struct file *const *)a, *y = *(struct file *const *)b;
	uint64_t tx = x->read + x->written, ty = y->read + y->written;

	if (tx != ty)
		return tx < ty ? 1 : -1;
	return strcmp(x->name, y->name);
}

struct file **files_sorted(size_t *count)
{
	struct file **list = xcalloc(nfiles ? nfiles : 1, sizeof(*list));
	size_t n = 0, b;

	for (b = 0; b < nbuckets; b++) {
		struct file *f;

		for (f = buckets[b]; f; f = f->next)
			list[n++] = f;
	}
	qsort(list, n, sizeof(*list), by_bytes);
	*count = n;
	return list;
}
