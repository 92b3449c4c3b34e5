/*
 * --toctou: another thread, or another process sharing the memory, can
 * rewrite a buffer while the kernel is still copying it (a write blocked
 * on a full pipe, a copy stalled on a page fault), so what a tracer shows
 * at entry need not be what was written.  The caller is stopped at entry
 * and at exit: compare its data at both, and optionally what the file got.
 */
#include "config.h"
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "call/fetch.h"
#include "memory/umem.h"
#include "policy/toctou.h"
#include "util/util.h"

/* Data past the budget is hashed through this bounded buffer. */
#define HASH_CHUNK (64 * 1024)

static uint64_t mix(uint64_t h, uint64_t w)
{
	h ^= w * 0x9e3779b97f4a7c15ull;
	h = (h << 31 | h >> 33) * 0xbf58476d1ce4e5b9ull;
	return h ^ (h >> 29);
}

/* Word at a time: the data can be gigabytes. */
static uint64_t hash_bytes(uint64_t h, const unsigned char *p, size_t n)
{
	uint64_t w;

	for (; n >= 8; p += 8, n -= 8) {
		memcpy(&w, p, 8);
		h = mix(h, w);
	}
	if (n) {
		w = 0;
		memcpy(&w, p, n);
		h = mix(h, w ^ ((uint64_t)n << 56));
	}
	return h;
}

/*
 * Hashes stretch @s past its copied bytes, up to its first unreadable
 * byte, into slot @at (0 entry, 1 exit).  Entry and exit read the same
 * ranges in the same chunks, so equal bytes give equal hashes.
 */
static void hash_rest(pid_t tid, struct snap *s, int at)
{
	static unsigned char chunk[HASH_CHUNK];
	uint64_t off = s->entry.want, h = 0x243f6a8885a308d3ull, n = 0;

	while (off < s->len) {
		struct umem_req r;

		r.addr = s->addr + off;
		r.len = (size_t)MIN(s->len - off, (uint64_t)HASH_CHUNK);
		r.dst = chunk;
		umem_read(tid, &r, 1);
		h = hash_bytes(h, chunk, r.got);
		n += r.got;
		off += r.got;
		if (r.got < r.len)
			break;
	}
	s->hash[at] = h;
	s->hashed[at] = n;
}

void toctou_begin(struct toctou *tt, struct call *c, pid_t tid, size_t budget)
{
	tt->on = c->in.arg >= 0;
	tt->budget = budget;
	tt->planned = 0;
	tt->arg = -1;
	tt->tid = tid;
	tt->nsnaps = 0;
	tt->nchanges = 0;
	tt->landed = LANDED_UNCHECKED;
	tt->verify_errno = 0;
	tt->not_read[0] = '\0';
	if (tt->on)
		call_claim(c, (unsigned)c->in.arg, budget);
}

/*
 * The kernel takes at most this much in one call (MAX_RW_COUNT), over all
 * iovecs: no more is watched (or hashed), whatever lengths the tracee gives.
 */
#define RW_MAX 0x7ffff000u

static struct snap *add_snap(struct toctou *tt, struct call *c, int elem, uint64_t addr,
			     uint64_t len, uint64_t start, size_t *left)
{
	struct snap *s = &tt->snaps[tt->nsnaps++];

	memset(s, 0, sizeof(*s));
	s->elem = elem;
	s->addr = addr;
	s->start = start;
	s->len = MIN(len, (uint64_t)RW_MAX - start);
	s->entry.addr = addr;
	s->entry.len = s->len;
	s->entry.want = (size_t)MIN(s->len, (uint64_t)*left);
	*left -= s->entry.want;
	if (elem < 0 || !call_data_is_arg(c, (unsigned)tt->arg) ||
	    !call_take_guess(c, (unsigned)tt->arg, (unsigned)elem, &s->entry))
		call_queue(c, &s->entry);
	return s;
}

void toctou_plan(struct toctou *tt, struct call *c)
{
	const struct arg *a;
	size_t left = tt->budget;
	uint64_t start = 0;
	unsigned i, n;
	int pf, lf;

	if (!tt->on || tt->planned || !c->arg[c->in.arg].filled)
		return;
	a = call_data_arg(c, (unsigned)c->in.arg);
	if (!a)
		return;	/* again after the next level: a msghdr's iovecs are not read yet */
	tt->planned = 1;
	if (c->in.how == WRITE_IF_WRITER && !umem_fd_writable(tt->tid, c->in.fd))
		return;
	n = a->type == ARG_ARRAY ? a->v.agg.got : 1;
	if (!n)
		return;	/* no readable array: nothing known to watch */
	if (tt->snaps_cap < n) {	/* no growing later: queued requests point in */
		tt->snaps = xrealloc(tt->snaps, n * sizeof(*tt->snaps));
		tt->snaps_cap = n;
	}
	tt->arg = c->in.arg;
	if (a->type == ARG_BUF) {
		if (a->v.buf.addr)
			add_snap(tt, c, -1, a->v.buf.addr, MIN(a->v.buf.len, c->in.len), 0, &left);
		return;
	}
	pf = call_payload_field(&a->v.agg);
	if (pf < 0)
		return;
	lf = a->v.agg.layout->fields[pf].len;
	for (i = 0; i < a->v.agg.got && start < RW_MAX; i++) {
		uint64_t base = call_field(c, &a->v.agg, i, (unsigned)pf);
		uint64_t len = call_field(c, &a->v.agg, i, (unsigned)lf);

		if (base && len)
			add_snap(tt, c, (int)i, base, len, start, &left);
		start += MIN(len, (uint64_t)RW_MAX - start);
	}
}

void toctou_entry(struct toctou *tt, pid_t tid)
{
	unsigned i;

	for (i = 0; i < tt->nsnaps; i++)
		if (tt->snaps[i].len > tt->snaps[i].entry.want)
			hash_rest(tid, &tt->snaps[i], 0);
}

/* Stretch @s's bytes the call consumed, of @done in all. */
static uint64_t consumed(const struct snap *s, uint64_t done)
{
	return s->start < done ? MIN(s->len, done - s->start) : 0;
}

/* Reads the array and the consumed copied bytes again, in one batch. */
static void reread(struct toctou *tt, struct call *c, pid_t tid, uint64_t done)
{
	const struct arg *a = call_data_arg(c, (unsigned)tt->arg);
	unsigned i;

	if (a->type == ARG_ARRAY) {
		memset(&tt->array_exit, 0, sizeof(tt->array_exit));
		tt->array_exit.addr = a->v.agg.raw.addr;
		tt->array_exit.len = tt->array_exit.want = a->v.agg.raw.got;
		call_queue(c, &tt->array_exit);
	}
	for (i = 0; i < tt->nsnaps; i++) {
		struct snap *s = &tt->snaps[i];

		s->exit.addr = s->addr;
		s->exit.len = s->len;
		s->exit.want = (size_t)MIN(consumed(s, done), (uint64_t)s->entry.want);
		call_queue(c, &s->exit);
	}
	call_read_queued(c, tid);
	for (i = 0; i < tt->nsnaps; i++) {
		struct snap *s = &tt->snaps[i];

		if (consumed(s, done) > s->entry.want)
			hash_rest(tid, s, 1);
	}
}

static struct change *add_change(struct toctou *tt, enum change_kind kind, int elem)
{
	struct change *ch = &tt->changes[tt->nchanges++];

	memset(ch, 0, sizeof(*ch));
	ch->kind = kind;
	ch->elem = elem;
	return ch;
}

/*
 * The first and last differing byte of @s's consumed copy.  Only bytes
 * read at both ends count: one that cannot be read at exit (unmapped
 * after the kernel took it, the tracee made non-dumpable or killed at
 * its exit stop) says nothing about what was written.
 */
static void compare_snap(struct toctou *tt, struct call *c, const struct snap *s, uint64_t done)
{
	const unsigned char *e = call_buf_data(c, &s->entry);
	const unsigned char *x = call_buf_data(c, &s->exit);
	size_t both = MIN(MIN(s->entry.got, s->exit.want), s->exit.got);
	size_t first = 0, last = both;
	struct change *ch;

	if (both && memcmp(e, x, both)) {	/* nothing to compare: maybe no arena at all */
		while (e[first] == x[first])
			first++;
		while (e[last - 1] == x[last - 1])
			last--;
		ch = add_change(tt, CHANGE_BYTES, s->elem);
		ch->first = first;
		ch->last = last - 1;
		ch->snap = s;
	}
	/* Hashes of different lengths were cut short by unreadable memory. */
	if (consumed(s, done) > s->entry.want && s->hashed[0] == s->hashed[1] &&
	    s->hash[0] != s->hash[1]) {
		ch = add_change(tt, CHANGE_HASH, s->elem);
		ch->first = s->entry.want;
		ch->last = s->len - 1;
	}
}

/* Element @i of the iovec array, as read at entry and at exit. */
static void compare_element(struct toctou *tt, struct call *c, const struct agg_arg *v, unsigned i)
{
	const struct layout *l = v->layout;
	size_t esize = l->size[c->arch], at = (size_t)i * esize;
	const unsigned char *old = call_elem(c, v, i);
	const unsigned char *new = call_buf_data(c, &tt->array_exit) + at;
	int pf = call_payload_field(v);
	struct change *ch;

	if (pf < 0 || at + esize > tt->array_exit.got || !memcmp(old, new, esize))
		return;
	ch = add_change(tt, CHANGE_ARRAY, (int)i);
	ch->old_base = field_value(l, (unsigned)pf, c->arch, old);
	ch->old_len = field_value(l, (unsigned)l->fields[pf].len, c->arch, old);
	ch->new_base = field_value(l, (unsigned)pf, c->arch, new);
	ch->new_len = field_value(l, (unsigned)l->fields[pf].len, c->arch, new);
}

static void compare(struct toctou *tt, struct call *c, uint64_t done)
{
	const struct arg *a = call_data_arg(c, (unsigned)tt->arg);
	unsigned i, k = 0, most = tt->nsnaps * 2;

	if (a->type == ARG_ARRAY)
		most += a->v.agg.got;
	if (tt->changes_cap < most) {
		tt->changes = xrealloc(tt->changes, most * sizeof(*tt->changes));
		tt->changes_cap = most;
	}
	if (a->type != ARG_ARRAY) {
		for (k = 0; k < tt->nsnaps; k++)
			compare_snap(tt, c, &tt->snaps[k], done);
		return;
	}
	/* Element by element: its iovec first, then its data. */
	for (i = 0; i < a->v.agg.got; i++) {
		compare_element(tt, c, &a->v.agg, i);
		while (k < tt->nsnaps && tt->snaps[k].elem == (int)i)
			compare_snap(tt, c, &tt->snaps[k++], done);
	}
}

/* Where the call put its data in the file, given the file now. */
static uint64_t write_offset(const struct call *c, const struct fd_info *fi, uint64_t size,
			     uint64_t done)
{
	enum write_how how = c->in.how;

	if (how == WRITE_APPEND || (how != WRITE_NOAPPEND && (fi->flags & O_APPEND)))
		return size >= done ? size - done : 0;	/* even pwrite appends there */
	if (c->in.pos >= 0)
		return (uint64_t)c->in.pos;
	/* the file position, moved past the data */
	return fi->pos >= done ? fi->pos - done : 0;
}

/*
 * Compares the copied bytes with the file's, @file: @n bytes read of
 * the @span asked for; bytes past @span were not read back.
 */
static enum landed classify(const struct toctou *tt, const struct call *c,
			    const unsigned char *file, size_t n, size_t span)
{
	unsigned long long only_entry = 0, only_exit = 0, neither = 0;
	unsigned k;
	size_t i;

	for (k = 0; k < tt->nsnaps; k++) {
		const struct snap *s = &tt->snaps[k];
		const unsigned char *e = call_buf_data(c, &s->entry);
		const unsigned char *x = call_buf_data(c, &s->exit);

		for (i = 0; i < s->exit.want; i++) {
			uint64_t o = s->start + i;
			int ie, ix;

			if (o >= span)
				break;
			if (o >= n) {
				neither++;
				continue;
			}
			if (i >= s->entry.got || i >= s->exit.got)
				continue;	/* unreadable: nothing to compare with */
			ie = file[o] == e[i];
			ix = file[o] == x[i];
			if (!ie && !ix)
				neither++;
			else if (!ix)
				only_entry++;
			else if (!ie)
				only_exit++;
		}
	}
	if (neither)
		return LANDED_NEITHER;
	if (only_entry && only_exit)
		return LANDED_MIXED;
	return only_exit ? LANDED_EXIT : LANDED_ENTRY;
}

/*
 * File systems a stopped tracee may be serving (FUSE), or that may stall
 * on the network: reading one back could block iotrace for good.
 */
static int remote_fs(const char *type)
{
	static const char *const prefixes[] = {
		"fuse", "nfs", "cifs", "smb", "9p", "ceph", "afs", "ncp", "glusterfs",
		"lustre", "davfs", "sshfs", "virtiofs", "orangefs", "pvfs2",
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(prefixes); i++)
		if (!strncmp(type, prefixes[i], strlen(prefixes[i])))
			return 1;
	return 0;
}

static void verify_failed(struct toctou *tt, int err)
{
	tt->landed = LANDED_UNKNOWN;
	tt->verify_errno = err;
}

static void verify_skipped(struct toctou *tt, const char *why, const char *what)
{
	tt->landed = LANDED_UNKNOWN;
	snprintf(tt->not_read, sizeof(tt->not_read), "%s%s", what, why);
}

/*
 * Opens what the call wrote to for reading back, without disturbing the
 * program: a duplicate of its own descriptor (no new open that would
 * break its lease, no moved offset); only a write-only descriptor needs
 * a new open, and gets none while a lease is held on the file.  Never
 * touches a file on a file system a stopped tracee may serve.  Returns
 * the fd, or -1 with tt->landed set (left unchecked: not a regular file).
 */
static int open_written(struct toctou *tt, int fd, pid_t tid, const struct fd_info *fi,
			uint64_t *size)
{
	char type[32];
	struct stat st;
	int f;

	if (fi->mnt_id && !umem_mount_fstype(tid, fi->mnt_id, type, sizeof(type)) &&
	    remote_fs(type)) {
		verify_skipped(tt, " file system", type);
		return -1;
	}
	f = umem_fd_dup(tid, fd);
	if (f >= 0) {
		if (fstat(f, &st) || !S_ISREG(st.st_mode)) {
			close(f);
			return -1;
		}
		*size = (uint64_t)st.st_size;
		if ((fi->flags & O_ACCMODE) != O_WRONLY)
			return f;
		close(f);
		if (umem_file_leased(st.st_dev, st.st_ino)) {
			verify_skipped(tt, "", "a lease is held on the file");
			return -1;
		}
	}
	/* Write-only, or no pidfd_getfd (Linux < 5.6): a new open file. */
	f = umem_file_open(tid, fd, size);
	if (f < 0 && errno)
		verify_failed(tt, errno);
	return f;
}

/* --toctou=verify: reads the copied part of the written range back from the file. */
static void check_landed(struct toctou *tt, struct call *c, pid_t tid, uint64_t done)
{
	static unsigned char *buf;
	static size_t buf_cap;
	struct fd_info fi;
	uint64_t size;
	size_t span = 0;
	ssize_t n;
	unsigned k;
	int f;

	for (k = 0; k < tt->nsnaps; k++)
		if (tt->snaps[k].exit.want)
			span = (size_t)(tt->snaps[k].start + tt->snaps[k].exit.want);
	/*
	 * The copies lie within the first tt->budget bytes unless elements
	 * the kernel seemed unable to read (a NULL iov_base) were rewritten
	 * meanwhile: never read back more than the user's budget.
	 */
	span = MIN(span, tt->budget);
	if (!span)	/* nothing copied (--toctou-bytes=0): nothing to compare */
		return;
	if (umem_fd_info(tid, c->in.fd, &fi)) {
		verify_failed(tt, EBADF);
		return;
	}
	f = open_written(tt, c->in.fd, tid, &fi, &size);
	if (f < 0)
		return;
	if (buf_cap < span) {	/* span <= the budget: the user's number */
		buf = xrealloc(buf, span);
		buf_cap = span;
	}
	n = umem_file_pread(f, buf, span, write_offset(c, &fi, size, done));
	if (n < 0)
		verify_failed(tt, errno);
	else
		tt->landed = classify(tt, c, buf, (size_t)n, span);
	close(f);
}

void toctou_exit(struct toctou *tt, struct call *c, pid_t tid, int verify)
{
	uint64_t done;

	if (tt->arg < 0 || c->error || c->rval <= 0)
		return;	/* nothing consumed: nothing to compare */
	done = (uint64_t)c->rval;
	reread(tt, c, tid, done);
	compare(tt, c, done);
	if (verify && c->in.fd >= 0)
		check_landed(tt, c, tid, done);
}

int toctou_has_news(const struct toctou *tt)
{
	return tt->nchanges || tt->landed != LANDED_UNCHECKED;
}

#define KEEP_SNAPS 64

void toctou_trim(struct toctou *tt)
{
	if (tt->snaps_cap > KEEP_SNAPS)
		toctou_release(tt);
}

void toctou_release(struct toctou *tt)
{
	free(tt->snaps);
	tt->snaps = NULL;
	tt->snaps_cap = 0;
	free(tt->changes);
	tt->changes = NULL;
	tt->changes_cap = 0;
}

const char *toctou_landed_name(int landed)
{
	static const char *const names[] = {
		[LANDED_UNCHECKED] = "unchecked",
		[LANDED_ENTRY] = "entry",
		[LANDED_EXIT] = "exit",
		[LANDED_MIXED] = "mixed",
		[LANDED_NEITHER] = "neither",
		[LANDED_UNKNOWN] = "unknown",
	};

	return landed >= 0 && (size_t)landed < ARRAY_SIZE(names) ? names[landed] : "?";
}
