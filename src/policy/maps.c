/*
 * File mappings per process: sorted, non-overlapping [start, end) ranges,
 * made by mmap, moved by mremap, removed by munmap.  Calls iotrace does
 * not stop (an anonymous MAP_FIXED over a file mapping, shmdt) can make
 * them stale; the worst that does is one munmap line too many or too
 * few, until the process execs.
 */
#include "config.h"
#include <stdlib.h>
#include "config/options.h"
#include <string.h>
#include "memory/umem.h"
#include "policy/maps.h"
#include "syscalls/syscalls.h"
#include "util/util.h"

#define MREMAP_DONTUNMAP_BIT 4

/* Past this many ranges a process stops being tracked and every munmap shows. */
#define RANGES_MAX 65536

struct range {
	uint64_t start, end;
};

struct mapset {
	pid_t tgid;
	unsigned char untracked;	/* too many ranges, or /proc could not be read */
	struct range *r;
	size_t n, cap;
	struct mapset *next;
};

static struct mapset *sets;

static struct mapset *find(pid_t tgid)
{
	struct mapset *m;

	for (m = sets; m; m = m->next)
		if (m->tgid == tgid)
			return m;
	return NULL;
}

/* The first range that ends after @addr. */
static size_t first_after(const struct mapset *m, uint64_t addr)
{
	size_t lo = 0, hi = m->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (m->r[mid].end <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void insert_at(struct mapset *m, size_t i, uint64_t start, uint64_t end)
{
	if (m->n == RANGES_MAX) {
		m->untracked = 1;
		return;
	}
	if (m->n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 64;
		m->r = xrealloc(m->r, m->cap * sizeof(*m->r));
	}
	memmove(m->r + i + 1, m->r + i, (m->n - i) * sizeof(*m->r));
	m->r[i].start = start;
	m->r[i].end = end;
	m->n++;
}

/* Removes [start, end) from every range, splitting one that holds it. */
static void cut(struct mapset *m, uint64_t start, uint64_t end)
{
	size_t i = first_after(m, start), k;

	while (i < m->n && m->r[i].start < end) {
		struct range *r = &m->r[i];

		if (r->start < start && r->end > end) {	/* the middle of one */
			uint64_t tail = r->end;

			r->end = start;
			insert_at(m, i + 1, end, tail);
			return;
		}
		if (r->start < start) {
			r->end = start;
			i++;
		} else if (r->end > end) {
			r->start = end;
			return;
		} else {	/* wholly inside: remove it and every one after it that is */
			for (k = i; k < m->n && m->r[k].end <= end; k++)
				;
			memmove(m->r + i, m->r + k, (m->n - k) * sizeof(*m->r));
			m->n -= k - i;
		}
	}
}

static void add(struct mapset *m, uint64_t start, uint64_t end)
{
	if (m->untracked || end <= start)
		return;
	cut(m, start, end);	/* a new mapping replaces what was there */
	insert_at(m, first_after(m, start), start, end);
}

static void add_from_proc(uint64_t start, uint64_t end, void *ctx)
{
	add(ctx, start, end);
}

static struct mapset *load(pid_t tgid)
{
	struct mapset *m = find(tgid);

	if (m)
		return m;
	m = xcalloc(1, sizeof(*m));
	m->tgid = tgid;
	m->next = sets;
	sets = m;
	if (umem_file_maps(tgid, add_from_proc, m))
		m->untracked = 1;
	return m;
}

/* An address range of @len bytes from @addr, page-rounded as the kernel rounds it. */
static uint64_t range_end(uint64_t addr, uint64_t len)
{
	uint64_t end = addr + ((len + 4095) & ~(uint64_t)4095);

	return end < addr ? UINT64_MAX : end;
}

/* Whether [start, start + len) holds a file mapping; a length of 0 asks about its page. */
static int holds_file(const struct mapset *m, uint64_t start, uint64_t len)
{
	uint64_t end = range_end(start, len ? len : 1);
	size_t i = first_after(m, start);

	return i < m->n && m->r[i].start < end;
}

int maps_shown(const struct call *c, pid_t tgid)
{
	struct mapset *m;

	if (!(syscall_def(c->id)->flags & SF_UNMAP) || c->nargs < 2)
		return 1;
	m = load(tgid);
	return m->untracked || holds_file(m, c->arg[0].v.u, c->arg[1].v.u);
}

void maps_mapped(pid_t tgid, uint64_t addr, uint64_t len)
{
	struct mapset *m = find(tgid);

	if (m)	/* else read from /proc when first needed, with this mapping */
		add(m, addr, range_end(addr, len));
}

/*
 * mremap(old, old_size, new_size, flags): the file mapping moved to the
 * result, new_size long; the old range is gone unless MREMAP_DONTUNMAP
 * kept it, or old_size 0 (a shared mapping's second view) left it.
 */
static void remapped(struct mapset *m, const struct call *c)
{
	uint64_t old = c->arg[0].v.u, old_size = c->arg[1].v.u;
	uint64_t flags = c->nargs > 3 && c->arg[3].type == ARG_FLAGS ? c->arg[3].v.flags.val : 0;

	if (!holds_file(m, old, old_size))
		return;	/* anonymous memory moved: not iotrace's */
	if (old_size && !(flags & MREMAP_DONTUNMAP_BIT))
		cut(m, old, range_end(old, old_size));
	add(m, (uint64_t)c->rval, range_end((uint64_t)c->rval, c->arg[2].v.u));
}

void maps_update(const struct call *c, pid_t tgid)
{
	unsigned flags = syscall_def(c->id)->flags;
	struct mapset *m;

	if (c->error || c->vanished || !(flags & (SF_FILEMAP | SF_UNMAP)) || c->nargs < 2)
		return;
	if (flags & SF_FILEMAP) {
		maps_mapped(tgid, (uint64_t)c->rval, c->arg[1].v.u);
		return;
	}
	m = find(tgid);
	if (!m || m->untracked)
		return;
	if ((flags & SF_REMAP) && c->nargs > 2)
		remapped(m, c);
	else
		cut(m, c->arg[0].v.u, range_end(c->arg[0].v.u, c->arg[1].v.u));
}

int maps_follow_quietly(unsigned id)
{
	unsigned k;

	if (!(syscall_def(id)->flags & SF_FILEMAP) || (id < SC_COUNT && opt.trace[id]))
		return 0;
	for (k = 1; k < SC_COUNT; k++)
		if ((syscall_def(k)->flags & SF_UNMAP) && opt.trace[k])
			return 1;
	return 0;
}

void maps_forget(pid_t tgid)
{
	struct mapset **p, *m;

	for (p = &sets; (m = *p); p = &m->next)
		if (m->tgid == tgid) {
			*p = m->next;
			free(m->r);
			free(m);
			return;
		}
}
