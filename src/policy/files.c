/*
 * --summary=files: bytes read and written per file, and calls per syscall.
 * A file is what /proc/PID/fd names at the call's entry: a path, or a
 * pipe's or socket's identity.  The syscall list says what each fd
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

static struct file *file_of_arg(const struct call *c, int idx)
{
	const char *path = call_fd_path(c, &c->arg[idx]);

	/* Closed fds are one row: numbers the program got wrong are not files. */
	return file_of(path ? path : NOT_OPEN);
}

/*
 * Credits the call to each file an fd argument names, by the role the
 * syscall list gives that argument: data read from a source, written to a
 * destination; every such file counts the call once.
 */
void files_add(const struct call *c, int changed)
{
	const struct syscall_def *d = syscall_def(c->id);
	uint64_t bytes = d->result == RESULT_BYTES && !c->error && c->rval > 0 ? (uint64_t)c->rval : 0;
	struct file *seen[CALL_MAX_ARGS];
	unsigned i, k, n = 0;

	for (i = 0; i < c->nargs; i++) {
		char role = syscall_fd_role(c->id, i);
		struct file *f;

		if (role == '-' || c->arg[i].type != ARG_FD)
			continue;
		f = file_of_arg(c, (int)i);
		if (role == FD_SOURCE || role == FD_BOTH)
			f->read += bytes;
		if (role == FD_DEST || role == FD_BOTH) {
			f->written += bytes;
			f->toctou += changed;
		}
		for (k = 0; k < n && seen[k] != f; k++)
			;
		if (k < n)
			continue;	/* splice from a pipe to itself: one call */
		seen[n++] = f;
		f->calls++;
		f->errors += !!c->error;
		f->per_call[c->id]++;
	}
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
