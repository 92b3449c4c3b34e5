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
 *    costs no symbol lookup.
 *
 * libunwind never reads the tracee's files here: its own ptrace
 * accessors map each binary and read it in place, and a program that
 * truncates a mapped binary (a rebuilt .so copied over a running one)
 * then makes the tracer die of SIGBUS.  The unwind tables are read from
 * the tracee's memory instead (an unreadable page is a short read) and
 * names from the file with pread (src/elfsym.c): a frame that cannot be
 * read prints without a symbol, and iotrace goes on.
 */
#include "config.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "call/call.h"
#include "config/options.h"
#include "policy/stack.h"
#include "util/util.h"

void stack_release(struct stack *s)
{
	free(s->frames);
	s->frames = NULL;
	s->n = s->cap = 0;
}

#ifndef HAVE_LIBUNWIND

int stack_supported(void)
{
	return 0;
}

void stack_capture(struct stack *s, struct unwinder *u, enum arch arch)
{
	(void)s;
	(void)u;
	(void)arch;
}

void stack_maps_changed(struct unwinder *u)
{
	(void)u;
}

void stack_forget(struct unwinder *u)
{
	(void)u;
}

void stack_process_gone(pid_t tgid)
{
	(void)tgid;
}

#else

#include <elf.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <libunwind-ptrace.h>
#include "policy/elfsym.h"
#include "memory/umem.h"

/*
 * Exported by libunwind (its ptrace accessors use it) but not declared in
 * its public headers: searches an .eh_frame_hdr table in remote memory.
 */
extern int _Ux86_64_dwarf_search_unwind_table(unw_addr_space_t as, unw_word_t ip,
					      unw_dyn_info_t *di, unw_proc_info_t *pi,
					      int need_unwind_info, void *arg);

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

/* Whether a mapping's unwind table has been looked for, and found. */
enum table_state {
	TABLE_UNKNOWN,
	TABLE_FOUND,
	TABLE_NONE,
};

/* An executable mapping of a process. */
struct map {
	uint64_t start, end, off;
	uint64_t file;		/* dev and inode; 0 for anonymous code */
	uint64_t ino;
	unsigned dev_major, dev_minor;
	const char *path;
	enum table_state table;
	unw_dyn_info_t di;	/* its .eh_frame_hdr, when found */
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

static void add_code_map(const struct umem_code_map *c, void *ctx)
{
	struct maps *m = ctx;
	struct map *e;

	if (m->n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 64;
		m->m = xrealloc(m->m, m->cap * sizeof(*m->m));
	}
	e = &m->m[m->n++];
	e->start = c->start;
	e->end = c->end;
	e->off = c->off;
	e->file = c->ino ? (c->ino << 20) ^ ((uint64_t)c->dev_major << 8) ^ c->dev_minor : 0;
	e->ino = c->ino;
	e->dev_major = c->dev_major;
	e->dev_minor = c->dev_minor;
	e->table = TABLE_UNKNOWN;
	e->path = intern(c->path);
}

static void maps_load(struct maps *m)
{
	m->n = 0;
	m->valid = 1;
	umem_code_maps(m->tgid, add_code_map, m);
}

static struct map *maps_find(const struct maps *m, uint64_t ip)
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
static struct maps *unwinding_maps;
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

/* Reads @len bytes of the tracee at @addr; 0 when all of them could be read. */
static int remote_read(uint64_t addr, void *dst, size_t len)
{
	struct umem_req r = { addr, len, dst, 0, 0 };

	umem_read(unwinding_tid, &r, 1);
	return r.got == len ? 0 : -1;
}

/* The size of a DW_EH_PE_* encoded value, or 0 for one not handled. */
static unsigned eh_size(unsigned char enc)
{
	switch (enc & 0x0f) {
	case 0x00: return 8;	/* absptr */
	case 0x02: case 0x0a: return 2;
	case 0x03: case 0x0b: return 4;
	case 0x04: case 0x0c: return 8;
	}
	return 0;
}

/* The load base of mapping @e's object and the range its PT_LOADs cover. */
static int load_range(const struct map *e, const Elf64_Phdr *ph, unsigned n,
		      uint64_t *base, uint64_t *lo, uint64_t *hi)
{
	int have_base = 0;
	unsigned i;

	*lo = UINT64_MAX;
	*hi = 0;
	for (i = 0; i < n; i++) {
		if (ph[i].p_type != PT_LOAD)
			continue;
		*lo = MIN(*lo, ph[i].p_vaddr);
		if (ph[i].p_vaddr + ph[i].p_memsz > *hi)
			*hi = ph[i].p_vaddr + ph[i].p_memsz;
		if (ph[i].p_offset == e->off && !have_base) {
			*base = e->start - ph[i].p_vaddr;
			have_base = 1;
		}
	}
	return have_base ? 0 : -1;
}

/*
 * Finds mapping @e's .eh_frame_hdr in the tracee's memory: its ELF header
 * is where the file's offset 0 is mapped, below the code.  Fills e->di
 * for libunwind's table search, which reads the table remotely too.
 */
static int find_table(struct map *e)
{
	uint64_t hdr = e->start - e->off, base = 0, lo, hi, at, fde_count = 0;
	Elf64_Ehdr eh;
	Elf64_Phdr ph[64];
	unsigned char head[4];
	unsigned i, ptr_size, count_size;

	if (e->off > e->start || remote_read(hdr, &eh, sizeof(eh)) ||
	    memcmp(eh.e_ident, ELFMAG, SELFMAG) || eh.e_ident[EI_CLASS] != ELFCLASS64 ||
	    eh.e_phentsize != sizeof(ph[0]) || eh.e_phnum > ARRAY_SIZE(ph) ||
	    eh.e_phoff > 65536 || remote_read(hdr + eh.e_phoff, ph, eh.e_phnum * sizeof(ph[0])) ||
	    load_range(e, ph, eh.e_phnum, &base, &lo, &hi))
		return -1;
	for (i = 0; i < eh.e_phnum && ph[i].p_type != PT_GNU_EH_FRAME; i++)
		;
	if (i == eh.e_phnum)
		return -1;
	/* version, eh_frame_ptr_enc, fde_count_enc, table_enc; then the two values */
	at = base + ph[i].p_vaddr;
	if (remote_read(at, head, sizeof(head)) || head[0] != 1 ||
	    head[3] != 0x3b)	/* DW_EH_PE_datarel | DW_EH_PE_sdata4: libunwind's only table */
		return -1;
	ptr_size = eh_size(head[1]);
	count_size = eh_size(head[2]);
	if (!ptr_size || !count_size || (head[2] & 0x70) ||
	    remote_read(at + 4 + ptr_size, &fde_count, count_size))
		return -1;
	memset(&e->di, 0, sizeof(e->di));
	e->di.start_ip = base + lo;
	e->di.end_ip = base + hi;
	e->di.format = UNW_INFO_FORMAT_REMOTE_TABLE;
	e->di.u.rti.segbase = at;
	e->di.u.rti.table_data = at + 4 + ptr_size + count_size;
	/* Two 32-bit words an entry; searched remotely, in log2 steps. */
	e->di.u.rti.table_len = fde_count * 8 / sizeof(unw_word_t);
	return 0;
}

static int find_proc_info(unw_addr_space_t a, unw_word_t ip, unw_proc_info_t *pi,
			  int need_unwind_info, void *arg)
{
	struct map *e = unwinding_maps ? maps_find(unwinding_maps, ip) : NULL;

	if (!e || !e->file)
		return -UNW_ENOINFO;
	if (e->table == TABLE_UNKNOWN)
		e->table = find_table(e) ? TABLE_NONE : TABLE_FOUND;
	if (e->table != TABLE_FOUND)
		return -UNW_ENOINFO;
	return _Ux86_64_dwarf_search_unwind_table(a, ip, &e->di, pi, need_unwind_info, arg);
}

static void init_unwinder(void)
{
	if (as)
		return;
	accessors = _UPT_accessors;
	upt_access_mem = accessors.access_mem;
	accessors.access_mem = access_mem;
	accessors.find_proc_info = find_proc_info;
	as = unw_create_addr_space(&accessors, 0);
	if (!as)
		die("cannot create a libunwind address space");
	unw_set_caching_policy(as, UNW_CACHE_GLOBAL);
}

/*
 * Opens the file mapped at @e: through /proc/PID/map_files when allowed
 * (the very file, even replaced or deleted), else by its path if that
 * still names the same inode.
 */
static int open_mapped(const struct map *e)
{
	char path[96];
	struct stat st;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/map_files/%llx-%llx", (int)unwinding_maps->tgid,
		 (unsigned long long)e->start, (unsigned long long)e->end);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd >= 0)
		return fd;
	fd = open(e->path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return -1;
	if (fstat(fd, &st) || st.st_ino != e->ino || major(st.st_dev) != e->dev_major ||
	    minor(st.st_dev) != e->dev_minor) {
		close(fd);
		return -1;
	}
	return fd;
}

/*
 * "name+0xoff" of the function at @file_off of mapping @e, or "";
 * @back: how far before @file_off the address looked up is.
 */
static const char *proc_name(const struct map *e, uint64_t file_off, uint64_t back)
{
	static char *buf;
	static const size_t size = 1 << 16;	/* longer names are cut */
	uint64_t dist = 0;
	size_t len;
	int fd = open_mapped(e), r;

	if (fd < 0)
		return intern("");
	if (!buf)
		buf = xmalloc(size + 24);
	r = elfsym_lookup(fd, file_off - back, buf, size, &dist);
	close(fd);
	if (r)
		return intern("");
	len = strlen(buf);
	snprintf(buf + len, 24, "+%#llx", (unsigned long long)(dist + back));
	return intern(buf);
}

static struct frame *add_frame(struct stack *s)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 16;
		s->frames = xrealloc(s->frames, s->cap * sizeof(*s->frames));
	}
	return &s->frames[s->n++];
}

void stack_capture(struct stack *s, struct unwinder *u, enum arch arch)
{
	struct maps *m;
	unw_cursor_t cur;
	unsigned n;
	int after_signal = 0;

	s->n = 0;
	s->note = STACK_NONE;
	if (arch == ARCH_I386) {
		s->note = STACK_I386;
		return;
	}
	init_unwinder();
	if (!u->handle)
		u->handle = _UPT_create(u->tid);
	if (!*u->tgid)
		*u->tgid = umem_tgid(u->tid);
	m = maps_of(*u->tgid);
	if (!m->valid)
		maps_load(m);
	unwinding_tid = u->tid;
	unwinding_maps = m;
	pcache_used = pcache_next = 0;
	if (!u->handle || unw_init_remote(&cur, as, u->handle) < 0) {
		s->note = STACK_FAILED;
		return;
	}
	for (n = 0; n < opt.frame_limit; n++) {
		unw_word_t ip = 0;
		const struct map *map;
		struct frame *f;
		uint64_t back;

		if (unw_get_reg(&cur, UNW_REG_IP, &ip) < 0 || !ip)
			break;
		map = maps_find(m, ip);
		f = add_frame(s);
		f->binary = map ? map->path : NULL;
		f->file_off = map ? ip - map->start + map->off : ip;
		/* A return address may be just past its function: look up the call. */
		back = n && !after_signal && f->file_off ? 1 : 0;
		f->symbol = map && map->file ? sym_lookup(map->file, f->file_off) : intern("");
		if (!f->symbol) {
			f->symbol = proc_name(map, f->file_off, back);
			sym_insert(map->file, f->file_off, f->symbol);
		}
		after_signal = unw_is_signal_frame(&cur) > 0;
		if (unw_step(&cur) <= 0)
			break;
	}
}

void stack_maps_changed(struct unwinder *u)
{
	struct maps *m;

	if (!as)
		return;
	if (!*u->tgid)
		*u->tgid = umem_tgid(u->tid);
	m = maps_of(*u->tgid);
	m->valid = 0;
	/* Unwind info cached for the old ranges may describe other code now. */
	unw_flush_cache(as, 0, 0);
}

void stack_forget(struct unwinder *u)
{
	if (u->handle)
		_UPT_destroy(u->handle);
	u->handle = NULL;
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
