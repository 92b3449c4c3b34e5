/*
 * -k: the caller's stack at each traced call, through libunwind-ptrace.
 *
 * What makes it cheap on programs that make many calls:
 *  - one address space with UNW_CACHE_GLOBAL, so unwind info found once
 *    is reused by every thread, and one UPT handle per thread for its life;
 *  - memory reads for the unwinder go through the memory module a page
 *    at a time, not one PTRACE_PEEKDATA per word;
 *  - /proc/PID/maps is parsed once per process and kept until a syscall
 *    that changes the address space (the seccomp filter stops those too);
 *  - symbol names are cached by (file, offset), so a stack seen before
 *    costs no unw_get_proc_name.
 */
#include "config.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "call.h"
#include "options.h"
#include "stacktrace.h"
#include "tracee.h"
#include "util.h"

/* Syscalls that map, unmap or replace code (and so move or drop frames' binaries). */
static const int maps_x86_64[] = { 9, 10, 11, 12, 25, 30, 59, 322 };
static const int maps_i386[] = { 11, 45, 90, 91, 125, 163, 192, 358 };

const int *stack_maps_syscalls(enum arch arch, unsigned *n)
{
	if (arch == ARCH_I386) {
		*n = ARRAY_SIZE(maps_i386);
		return maps_i386;
	}
	*n = ARRAY_SIZE(maps_x86_64);
	return maps_x86_64;
}

int stack_maps_syscall(enum arch arch, uint64_t nr)
{
	unsigned n, i;
	const int *nrs = stack_maps_syscalls(arch, &n);

	for (i = 0; i < n; i++)
		if ((uint64_t)nrs[i] == nr)
			return 1;
	return 0;
}

#ifndef HAVE_LIBUNWIND

int stack_supported(void)
{
	return 0;
}

void stack_capture(struct tcb *t)
{
	(void)t;
}

void stack_maps_changed(struct tcb *t)
{
	(void)t;
}

void stack_forget(struct tcb *t)
{
	(void)t;
}

void stack_process_gone(pid_t tgid)
{
	(void)tgid;
}

#else

#include <libunwind-ptrace.h>
#include "memory.h"

int stack_supported(void)
{
	return 1;
}

/* Strings kept for the whole run: binaries and "symbol+0xoff". */
struct interned {
	struct interned *next;
	char s[];
};

#define INTERN_BUCKETS 4096
static struct interned *interned[INTERN_BUCKETS];

static const char *intern(const char *s)
{
	unsigned b = hash_str(s) & (INTERN_BUCKETS - 1);
	struct interned *e;
	size_t len;

	for (e = interned[b]; e; e = e->next)
		if (!strcmp(e->s, s))
			return e->s;
	len = strlen(s);
	e = xmalloc(sizeof(*e) + len + 1);
	memcpy(e->s, s, len + 1);
	e->next = interned[b];
	interned[b] = e;
	return e->s;
}

/* An executable mapping of a process. */
struct map {
	uint64_t start, end, off;
	uint64_t file;		/* dev and inode; 0 for anonymous code */
	const char *path;
};

struct maps {
	pid_t tgid;
	int valid;
	struct map *m;
	size_t n, cap;
	struct maps *next;
};

static struct maps *all_maps;

static struct maps *maps_of(pid_t tgid)
{
	struct maps *m;

	for (m = all_maps; m; m = m->next)
		if (m->tgid == tgid)
			return m;
	m = xcalloc(1, sizeof(*m));
	m->tgid = tgid;
	m->next = all_maps;
	all_maps = m;
	return m;
}

static void maps_load(struct maps *m)
{
	char path[64], line[4096 + 256];
	FILE *f;

	m->n = 0;
	m->valid = 1;
	snprintf(path, sizeof(path), "/proc/%d/maps", (int)m->tgid);
	f = fopen(path, "re");
	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		unsigned long long start, end, off, ino;
		unsigned dmaj, dmin;
		char perms[8];
		int pos = 0;
		struct map *e;

		if (sscanf(line, "%llx-%llx %7s %llx %x:%x %llu %n", &start, &end, perms,
			   &off, &dmaj, &dmin, &ino, &pos) < 7 || !strchr(perms, 'x'))
			continue;
		line[strcspn(line, "\n")] = '\0';
		if (m->n == m->cap) {
			m->cap = m->cap ? m->cap * 2 : 64;
			m->m = xrealloc(m->m, m->cap * sizeof(*m->m));
		}
		e = &m->m[m->n++];
		e->start = start;
		e->end = end;
		e->off = off;
		e->file = ino ? (ino << 20) ^ ((uint64_t)dmaj << 8) ^ dmin : 0;
		e->path = intern(pos && line[pos] ? line + pos : "");
	}
	fclose(f);
}

static const struct map *maps_find(const struct maps *m, uint64_t ip)
{
	size_t lo = 0, hi = m->n;

	while (lo < hi) {	/* /proc/PID/maps is sorted by address */
		size_t mid = (lo + hi) / 2;

		if (ip < m->m[mid].start)
			hi = mid;
		else if (ip >= m->m[mid].end)
			lo = mid + 1;
		else
			return &m->m[mid];
	}
	return NULL;
}

/* Symbol cache: (file, offset) -> "name+0xoff" or "". */
struct sym {
	uint64_t file, off;
	const char *text;
	struct sym *next;
};

#define SYM_BUCKETS 16384
static struct sym *syms[SYM_BUCKETS];

static struct sym **sym_bucket(uint64_t file, uint64_t off)
{
	return &syms[(file * 31 + off) % SYM_BUCKETS];
}

static const char *sym_lookup(uint64_t file, uint64_t off)
{
	struct sym *s;

	for (s = *sym_bucket(file, off); s; s = s->next)
		if (s->file == file && s->off == off)
			return s->text;
	return NULL;
}

static void sym_insert(uint64_t file, uint64_t off, const char *text)
{
	struct sym **b = sym_bucket(file, off), *s = xmalloc(sizeof(*s));

	s->file = file;
	s->off = off;
	s->text = text;
	s->next = *b;
	*b = s;
}

/*
 * The unwinder's memory reads, a page at a time through the memory module;
 * the pages are only kept for one unwind, since the stack changes.
 */
#define PCACHE_PAGES 8

static struct {
	uint64_t page;
	size_t got;
	unsigned char data[4096];
} pcache[PCACHE_PAGES];
static unsigned pcache_used, pcache_next;
static pid_t unwinding_tid;
static unw_addr_space_t as;
static unw_accessors_t accessors;
static int (*upt_access_mem)(unw_addr_space_t, unw_word_t, unw_word_t *, int, void *);

static int access_mem(unw_addr_space_t a, unw_word_t addr, unw_word_t *val, int write, void *arg)
{
	uint64_t page = addr & ~(uint64_t)4095;
	size_t off = (size_t)(addr - page);
	unsigned i;

	if (write || off + sizeof(*val) > 4096)
		return upt_access_mem(a, addr, val, write, arg);
	for (i = 0; i < pcache_used; i++)
		if (pcache[i].page == page)
			break;
	if (i == pcache_used) {
		struct umem_req r = { page, 4096, NULL, 0, 0 };

		i = pcache_used < PCACHE_PAGES ? pcache_used++ : pcache_next++ % PCACHE_PAGES;
		r.dst = pcache[i].data;
		umem_read(unwinding_tid, &r, 1);
		pcache[i].page = page;
		pcache[i].got = r.got;
	}
	if (off + sizeof(*val) > pcache[i].got)
		return -UNW_EINVALIDIP;
	memcpy(val, pcache[i].data + off, sizeof(*val));
	return 0;
}

static void init_unwinder(void)
{
	if (as)
		return;
	accessors = _UPT_accessors;
	upt_access_mem = accessors.access_mem;
	accessors.access_mem = access_mem;
	as = unw_create_addr_space(&accessors, 0);
	if (!as)
		die("cannot create a libunwind address space");
	unw_set_caching_policy(as, UNW_CACHE_GLOBAL);
}

/*
 * The name of the procedure at the cursor.  libunwind 1.8 and later say
 * "no info" for a buffer too small, earlier ones UNW_ENOMEM: start large
 * and grow, so names of any length come out whole.
 */
static const char *proc_name(unw_cursor_t *cur)
{
	static char *buf;
	static size_t size = 16384;
	unw_word_t off = 0;
	int r;

	if (!buf)
		buf = xmalloc(size);
	while ((r = unw_get_proc_name(cur, buf, size - 24, &off)) == -UNW_ENOMEM &&
	       size < (1u << 22)) {
		size *= 4;
		buf = xrealloc(buf, size);
	}
	if (r)
		return intern("");
	snprintf(buf + strlen(buf), 24, "+%#llx", (unsigned long long)off);
	return intern(buf);
}

static struct frame *add_frame(struct call *c)
{
	if (c->nframes == c->frames_cap) {
		c->frames_cap = c->frames_cap ? c->frames_cap * 2 : 16;
		c->frames = xrealloc(c->frames, c->frames_cap * sizeof(*c->frames));
	}
	return &c->frames[c->nframes++];
}

void stack_capture(struct tcb *t)
{
	struct call *c = &t->call;
	struct maps *m;
	unw_cursor_t cur;
	unsigned n;

	if (t->ev.arch == ARCH_I386) {
		c->stack_note = STACK_I386;
		return;
	}
	init_unwinder();
	if (!t->unwind)
		t->unwind = _UPT_create(t->tid);
	if (!t->tgid)
		t->tgid = umem_tgid(t->tid);
	m = maps_of(t->tgid);
	if (!m->valid)
		maps_load(m);
	unwinding_tid = t->tid;
	pcache_used = pcache_next = 0;
	if (!t->unwind || unw_init_remote(&cur, as, t->unwind) < 0) {
		c->stack_note = STACK_FAILED;
		return;
	}
	for (n = 0; n < opt.frame_limit; n++) {
		unw_word_t ip = 0;
		const struct map *map;
		struct frame *f;

		if (unw_get_reg(&cur, UNW_REG_IP, &ip) < 0 || !ip)
			break;
		map = maps_find(m, ip);
		f = add_frame(c);
		f->binary = map ? map->path : NULL;
		f->file_off = map ? ip - map->start + map->off : ip;
		f->symbol = map && map->file ? sym_lookup(map->file, f->file_off) : NULL;
		if (!f->symbol) {
			f->symbol = proc_name(&cur);
			if (map && map->file)
				sym_insert(map->file, f->file_off, f->symbol);
		}
		if (unw_step(&cur) <= 0)
			break;
	}
}

void stack_maps_changed(struct tcb *t)
{
	struct maps *m;

	if (!as)
		return;
	if (!t->tgid)
		t->tgid = umem_tgid(t->tid);
	m = maps_of(t->tgid);
	m->valid = 0;
	/* Unwind info cached for the old ranges may describe other code now. */
	unw_flush_cache(as, 0, 0);
}

void stack_forget(struct tcb *t)
{
	if (t->unwind)
		_UPT_destroy(t->unwind);
	t->unwind = NULL;
}

void stack_process_gone(pid_t tgid)
{
	struct maps **p, *m;

	for (p = &all_maps; (m = *p); p = &m->next) {
		if (m->tgid == tgid) {
			*p = m->next;
			free(m->m);
			free(m);
			return;
		}
	}
}

#endif
