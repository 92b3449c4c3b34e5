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
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "call/call.h"
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

void toctou_entry(struct call *c, pid_t tid)
{
	unsigned i;

	for (i = 0; i < c->tt.nsnaps; i++)
		if (c->tt.snaps[i].len > c->tt.snaps[i].entry.want)
			hash_rest(tid, &c->tt.snaps[i], 0);
}

/* Stretch @s's bytes the call consumed, of @done in all. */
static uint64_t consumed(const struct snap *s, uint64_t done)
{
	return s->start < done ? MIN(s->len, done - s->start) : 0;
}

/* Reads the array and the consumed copied bytes again, in one batch. */
static void reread(struct call *c, pid_t tid, uint64_t done)
{
	struct toctou *tt = &c->tt;
	const struct arg *a = &c->arg[tt->arg];
	unsigned i;

	if (a->type == ARG_IOV) {
		memset(&tt->array_exit, 0, sizeof(tt->array_exit));
		tt->array_exit.addr = a->v.iov.raw.addr;
		tt->array_exit.len = tt->array_exit.want = a->v.iov.raw.got;
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
static void compare_snap(struct call *c, const struct snap *s, uint64_t done)
{
	const unsigned char *e = call_buf_data(c, &s->entry);
	const unsigned char *x = call_buf_data(c, &s->exit);
	size_t both = MIN(MIN(s->entry.got, s->exit.want), s->exit.got);
	size_t first = 0, last = both;
	struct change *ch;

	if (memcmp(e, x, both)) {
		while (e[first] == x[first])
			first++;
		while (e[last - 1] == x[last - 1])
			last--;
		ch = add_change(&c->tt, CHANGE_BYTES, s->elem);
		ch->first = first;
		ch->last = last - 1;
		ch->snap = s;
	}
	/* Hashes of different lengths were cut short by unreadable memory. */
	if (consumed(s, done) > s->entry.want && s->hashed[0] == s->hashed[1] &&
	    s->hash[0] != s->hash[1]) {
		ch = add_change(&c->tt, CHANGE_HASH, s->elem);
		ch->first = s->entry.want;
		ch->last = s->len - 1;
	}
}

/* Element @i of the iovec array, as read at entry and at exit. */
static void compare_element(struct call *c, const struct iov_arg *v, unsigned i)
{
	unsigned word = c->arch == ARCH_I386 ? 4 : 8;
	size_t at = (size_t)i * 2 * word;
	const unsigned char *old = c->arena + v->raw.off + at;
	const unsigned char *new = call_buf_data(c, &c->tt.array_exit) + at;
	struct change *ch;

	if (at + 2 * word > c->tt.array_exit.got || !memcmp(old, new, 2 * word))
		return;
	ch = add_change(&c->tt, CHANGE_ARRAY, (int)i);
	ch->old_base = tracee_word(old, word);
	ch->old_len = tracee_word(old + word, word);
	ch->new_base = tracee_word(new, word);
	ch->new_len = tracee_word(new + word, word);
}

static void compare(struct call *c, uint64_t done)
{
	struct toctou *tt = &c->tt;
	const struct arg *a = &c->arg[tt->arg];
	unsigned i, k = 0, most = tt->nsnaps * 2;

	if (a->type == ARG_IOV)
		most += a->v.iov.got;
	if (tt->changes_cap < most) {
		tt->changes = xrealloc(tt->changes, most * sizeof(*tt->changes));
		tt->changes_cap = most;
	}
	if (a->type != ARG_IOV) {
		for (k = 0; k < tt->nsnaps; k++)
			compare_snap(c, &tt->snaps[k], done);
		return;
	}
	/* Element by element: its iovec first, then its data. */
	for (i = 0; i < a->v.iov.got; i++) {
		compare_element(c, &a->v.iov, i);
		while (k < tt->nsnaps && tt->snaps[k].elem == (int)i)
			compare_snap(c, &tt->snaps[k++], done);
	}
}

/* Where the call put its data in the file, given the file now. */
static uint64_t write_offset(const struct call *c, const struct fd_info *fi, uint64_t size,
			     uint64_t done)
{
	const struct toctou *tt = &c->tt;

	if (tt->how == WRITE_APPEND || (tt->how != WRITE_NOAPPEND && (fi->flags & O_APPEND)))
		return size >= done ? size - done : 0;	/* even pwrite appends there */
	if (tt->pos >= 0)
		return (uint64_t)tt->pos;
	/* the file position, moved past the data */
	return fi->pos >= done ? fi->pos - done : 0;
}

/*
 * Compares the copied bytes with the file's, @file: @n bytes read of
 * the @span asked for; bytes past @span were not read back.
 */
static enum landed classify(const struct call *c, const unsigned char *file, size_t n,
			    size_t span)
{
	unsigned long long only_entry = 0, only_exit = 0, neither = 0;
	unsigned k;
	size_t i;

	for (k = 0; k < c->tt.nsnaps; k++) {
		const struct snap *s = &c->tt.snaps[k];
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
static int open_written(struct toctou *tt, pid_t tid, const struct fd_info *fi, uint64_t *size)
{
	char type[32];
	struct stat st;
	int f;

	if (fi->mnt_id && !umem_mount_fstype(tid, fi->mnt_id, type, sizeof(type)) &&
	    remote_fs(type)) {
		verify_skipped(tt, " file system", type);
		return -1;
	}
	f = umem_fd_dup(tid, tt->fd);
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
	f = umem_file_open(tid, tt->fd, size);
	if (f < 0 && errno)
		verify_failed(tt, errno);
	return f;
}

/* --toctou=verify: reads the copied part of the written range back from the file. */
static void check_landed(struct call *c, pid_t tid, uint64_t done)
{
	static unsigned char *buf;
	static size_t buf_cap;
	struct toctou *tt = &c->tt;
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
	if (umem_fd_info(tid, tt->fd, &fi)) {
		verify_failed(tt, EBADF);
		return;
	}
	f = open_written(tt, tid, &fi, &size);
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
		tt->landed = classify(c, buf, (size_t)n, span);
	close(f);
}

void toctou_exit(struct call *c, pid_t tid, int verify)
{
	uint64_t done;

	if (c->tt.arg < 0 || c->error || c->rval <= 0)
		return;	/* nothing consumed: nothing to compare */
	done = (uint64_t)c->rval;
	reread(c, tid, done);
	compare(c, done);
	if (verify && c->tt.fd >= 0)
		check_landed(c, tid, done);
}

int toctou_has_news(const struct call *c)
{
	return c->tt.nchanges || c->tt.landed != LANDED_UNCHECKED;
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
