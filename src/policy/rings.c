/*
 * io_uring's rings, followed per process (see rings.h).
 *
 * The rings are the tracee's memory: iotrace reads them while it holds a
 * thread, never writes them, and trusts nothing in them.  Indexes are
 * cut to the ring's size, entries are copied before they are decoded,
 * and what a process keeps in flight is bounded (the oldest submission
 * is forgotten first).  Where the rings are comes from io_uring_setup's
 * answer and the process's mappings of the ring fd, found in
 * /proc/PID/maps by the ring's anon inode (or, with IORING_SETUP_NO_MMAP,
 * from the addresses the program gave).
 */
#include "config.h"
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "decoders/decoders.h"
#include "memory/umem.h"
#include "policy/rings.h"
#include "util/util.h"

/* struct io_uring_params, as the kernel's uapi lays it out. */
#define P_SQ_ENTRIES 0
#define P_CQ_ENTRIES 4
#define P_FLAGS 8
#define P_FEATURES 20
#define P_SQ_OFF 40
#define P_CQ_OFF 80
#define P_SIZE 120
/* ...and its io_sqring_offsets and io_cqring_offsets. */
#define SQ_HEAD 0
#define SQ_TAIL 4
#define SQ_ARRAY 24
#define SQ_USER_ADDR 32
#define CQ_HEAD 0
#define CQ_TAIL 4
#define CQ_CQES 20
#define CQ_USER_ADDR 32

#define SETUP_SQPOLL 0x2
#define SETUP_SQE128 0x400
#define SETUP_CQE32 0x800
#define SETUP_NO_MMAP 0x4000
#define SETUP_NO_SQARRAY 0x10000
#define FEAT_SINGLE_MMAP 0x1
#define ENTER_REGISTERED_RING 0x10

#define OFF_SQ_RING 0x0ULL
#define OFF_CQ_RING 0x8000000ULL
#define OFF_SQES 0x10000000ULL

#define RING_ENTRIES_MAX 32768	/* IORING_MAX_ENTRIES; a CQ may be twice that */
#define LINES_MAX 1024		/* lines one stop shows of one ring; the rest is said */
#define SPEC 8			/* entries read with the indexes, on the guess they are next */
#define INFLIGHT_MAX 4096	/* submissions remembered a ring, oldest forgotten first */
#define LOCATE_TRIES 16		/* stops that look for a ring's mappings before its first enter */

struct inflight {
	unsigned char sqe[SQE_SIZE];
	uint64_t user_data;
	uint64_t ns;		/* when iotrace saw it submitted */
	uint64_t seq;		/* iotrace's number for it */
	struct report *watch;	/* --toctou: its submission's report, owned */
	unsigned char live;
};

/* A group of provided buffers (IORING_OP_PROVIDE_BUFFERS): buffer bid0 + k at base + k * len. */
struct group {
	uint64_t base;
	uint32_t len, nbufs, bid0;
	uint16_t bgid;
	unsigned char used;
};
#define GROUPS_MAX 16	/* groups a ring remembers; past them, the data is not shown */
#define FILES_MAX 64	/* registered files a ring names by fd; past them, by index alone */

struct ring {
	pid_t tgid;
	int fd;
	uint32_t flags, features;
	uint32_t sq_entries, cq_entries;
	uint32_t sq_head, sq_tail, sq_array;	/* offsets in the SQ ring */
	uint32_t cq_head, cq_tail, cq_cqes;	/* offsets in the CQ ring */
	uint64_t sq_user_addr, cq_user_addr;
	uint64_t sq_ring, cq_ring, sqes;	/* where they are mapped; 0: not found */
	uint32_t sq_seen;	/* the tail up to which submissions were shown */
	uint32_t cq_seen;	/* iotrace's completion cursor: programs reap without a syscall */
	unsigned char said_sqpoll, said_unmapped, said_registered, said_select, said_cmd;
	unsigned said;		/* enum said */
	unsigned char tries;	/* stops that looked for the mappings */
	int reg_index;		/* its index among the registered ring fds, or -1 */
	struct inflight *fl;	/* a circle of INFLIGHT_MAX, fl_old the oldest */
	unsigned fl_old, fl_n;
	unsigned nwatch;	/* records with a watch */
	struct group groups[GROUPS_MAX];
	int files[FILES_MAX];	/* the registered files' fds, -1 for none */
	unsigned nfiles;
	unsigned char said_watch;
	unsigned char adopted;	/* enum adopted: set up before iotrace followed the process */
	unsigned char unsure;	/* enum unsure: what adopting it could not tell yet */
	unsigned char cq_tries;	/* looks that could not tell CQE32 */
	uint64_t ino;		/* its anon inode, once known: processes that share it share the ring */
	struct ring *next;
};

static struct ring *rings;

static uint32_t get32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t get64(const unsigned char *p)
{
	return get32(p) | (uint64_t)get32(p + 4) << 32;
}

static unsigned sqe_size(const struct ring *g)
{
	return g->flags & SETUP_SQE128 ? 128 : 64;
}

static unsigned cqe_size(const struct ring *g)
{
	return g->flags & SETUP_CQE32 ? 32 : 16;
}

static uint64_t next_seq = 1;

/*
 * A watched submission's report is shared: by its record (then by the
 * completion line the record hands it to) and by its submission line,
 * which another thread's stop can outlive; the last to let go frees it.
 */
struct watch {
	struct report r;
	unsigned refs;
};

static void watch_unref(struct report *r)
{
	struct watch *w = (struct watch *)((char *)r - offsetof(struct watch, r));

	if (--w->refs)
		return;
	report_release(&w->r);
	free(w);
}

static void unwatch(struct ring *g, struct inflight *f)
{
	if (!f->watch)
		return;
	watch_unref(f->watch);
	f->watch = NULL;
	g->nwatch--;
}

static void drop(struct ring *g)
{
	unsigned i;

	for (i = 0; i < g->fl_n; i++)
		unwatch(g, &g->fl[(g->fl_old + i) % INFLIGHT_MAX]);
	free(g->fl);
	free(g);
}

static struct ring **slot_of(pid_t tgid, int fd)
{
	struct ring **p;

	for (p = &rings; *p; p = &(*p)->next)
		if ((*p)->tgid == tgid && (*p)->fd == fd)
			return p;
	return p;
}

static int is_pow2(uint32_t v)
{
	return v && !(v & (v - 1));
}

/* The sizes and offsets of params @p; whether they are ones the kernel would answer. */
static int take_params(struct ring *g, const unsigned char *p)
{
	g->sq_entries = get32(p + P_SQ_ENTRIES);
	g->cq_entries = get32(p + P_CQ_ENTRIES);
	g->sq_head = get32(p + P_SQ_OFF + SQ_HEAD);
	g->sq_tail = get32(p + P_SQ_OFF + SQ_TAIL);
	g->sq_array = get32(p + P_SQ_OFF + SQ_ARRAY);
	g->sq_user_addr = get64(p + P_SQ_OFF + SQ_USER_ADDR);
	g->cq_head = get32(p + P_CQ_OFF + CQ_HEAD);
	g->cq_tail = get32(p + P_CQ_OFF + CQ_TAIL);
	g->cq_cqes = get32(p + P_CQ_OFF + CQ_CQES);
	g->cq_user_addr = get64(p + P_CQ_OFF + CQ_USER_ADDR);
	g->sq_ring = g->cq_ring = g->sqes = 0;	/* mapped anew */
	g->tries = 0;
	return is_pow2(g->sq_entries) && is_pow2(g->cq_entries) &&
	       g->sq_entries <= RING_ENTRIES_MAX && g->cq_entries <= 2 * RING_ENTRIES_MAX;
}

void rings_files(pid_t tgid, int fd, const unsigned char *fds, size_t len)
{
	struct ring *g = *slot_of(tgid, fd);
	size_t i;

	if (!g)
		return;
	g->nfiles = (unsigned)MIN(len / 4, (size_t)FILES_MAX);
	for (i = 0; i < g->nfiles; i++)
		g->files[i] = (int)get32(fds + 4 * i);
}

/*
 * Fixed files @off to @off + @n - 1 of @g are now the first @nread of
 * @fds, then ones iotrace does not know (-1: shown by index alone).
 * IORING_REGISTER_FILES_SKIP (-2) leaves one as it was.
 */
static void slots_changed(struct ring *g, uint64_t off, const unsigned char *fds, size_t nread,
			  uint64_t n)
{
	uint64_t k;

	for (k = 0; k < n && off + k < FILES_MAX; k++) {
		int v = k < nread ? (int)get32(fds + 4 * k) : -1;

		if (v == -2)
			continue;
		while (g->nfiles <= off + k)
			g->files[g->nfiles++] = -1;
		g->files[off + k] = v;
	}
}

void rings_files_update(pid_t tgid, int fd, uint32_t off, const unsigned char *fds, size_t nread,
			uint64_t n)
{
	struct ring *g = *slot_of(tgid, fd);

	if (g)
		slots_changed(g, off, fds, nread, n);
}

void rings_registered(pid_t tgid, const unsigned char *updates, size_t len, int unregister)
{
	size_t i;

	/* struct io_uring_rsrc_update: offset (the index), resv, data (the ring fd) */
	for (i = 0; i + 16 <= len; i += 16) {
		uint32_t index = get32(updates + i);
		int fd = (int)get32(updates + i + 8);
		struct ring *g;

		for (g = rings; g; g = g->next) {
			if (g->tgid != tgid)
				continue;
			if (g->reg_index == (int)index)
				g->reg_index = -1;	/* the index is another ring's now, or none's */
			if (!unregister && g->fd == fd && index < 16)
				g->reg_index = (int)index;
		}
	}
}

void rings_resized(pid_t tgid, int fd, const unsigned char *p, size_t len)
{
	struct ring **at = slot_of(tgid, fd), *g = *at;

	if (!g)
		return;
	if (len < P_SIZE || !take_params(g, p)) {	/* not an answer: forget the ring */
		*at = g->next;
		drop(g);
	}
}

void rings_created(pid_t tgid, int fd, const unsigned char *p, size_t len)
{
	struct ring **at = slot_of(tgid, fd), *g;

	if (*at) {	/* the fd was closed and reused: a new ring */
		g = *at;
		*at = g->next;
		drop(g);
	}
	if (len < P_SIZE)
		return;
	g = xcalloc(1, sizeof(*g));
	g->tgid = tgid;
	g->fd = fd;
	g->flags = get32(p + P_FLAGS);
	g->features = get32(p + P_FEATURES);
	/* The kernel answered this: sizes it never gives mean the words were not its. */
	if (!take_params(g, p)) {
		free(g);
		return;
	}
	g->fl = xcalloc(INFLIGHT_MAX, sizeof(*g->fl));
	g->reg_index = -1;
	g->next = rings;
	rings = g;
}

int rings_in(pid_t tgid)
{
	const struct ring *g;

	for (g = rings; g; g = g->next)
		if (g->tgid == tgid)
			return 1;
	return 0;
}

void rings_forget(pid_t tgid)
{
	struct ring **p = &rings, *g;

	while ((g = *p)) {
		if (g->tgid == tgid) {
			*p = g->next;
			drop(g);
		} else {
			p = &g->next;
		}
	}
}

/* What a ring's notes have said already: each once a ring. */
enum said {
	SAID_LIE = 1 << 0, SAID_INDEX = 1 << 1, SAID_SQ_UNREADABLE = 1 << 2,
	SAID_SQE_UNREADABLE = 1 << 3, SAID_SQ_MANY = 1 << 4, SAID_OVERWRITTEN = 1 << 5,
	SAID_CQ_MANY = 1 << 6, SAID_CQE_UNREADABLE = 1 << 7,
};

static void note(struct ring_lines *out, int fd, const char *what)
{
	if (out->nnotes == RING_NOTES)
		return;
	snprintf(out->note[out->nnotes++], RING_NOTE_LEN, "[ io_uring fd %d: %s ]", fd, what);
}

/* A ring mapped twice (old rings a resize left mapped) cannot tell which is live: UINT64_MAX. */
static void set_once(uint64_t *where, uint64_t start)
{
	*where = *where ? UINT64_MAX : start;
}

static void mapped(uint64_t start, uint64_t end, uint64_t off, void *ctx)
{
	struct ring *g = ctx;

	(void)end;
	if (off == OFF_SQ_RING)
		set_once(&g->sq_ring, start);
	else if (off == OFF_CQ_RING)
		set_once(&g->cq_ring, start);
	else if (off == OFF_SQES)
		set_once(&g->sqes, start);
}

/*
 * Finds the rings in the process's memory; whether they are all known.
 * Not found: said once when @say (at an io_uring_enter, when they must
 * be mapped), else tried again later.
 */
static int locate(struct ring *g, struct ring_lines *out, int say)
{
	uint64_t ino;

	if (g->sq_ring && g->cq_ring && g->sqes)
		return 1;
	if (g->flags & SETUP_NO_MMAP) {
		/* The program's own memory: the rings at cq_off's address, the SQEs at sq_off's. */
		g->sq_ring = g->cq_ring = g->cq_user_addr;
		g->sqes = g->sq_user_addr;
		g->ino = umem_fd_ino(g->tgid, g->fd);
	} else if ((ino = umem_fd_ino(g->tgid, g->fd))) {
		g->ino = ino;
		g->sq_ring = g->cq_ring = g->sqes = 0;
		umem_ring_maps(g->tgid, ino, mapped, g);
		if (g->sq_ring && !g->cq_ring && (g->features & FEAT_SINGLE_MMAP))
			g->cq_ring = g->sq_ring;	/* one mapping holds both rings */
	}
	if (g->sq_ring == UINT64_MAX || g->cq_ring == UINT64_MAX || g->sqes == UINT64_MAX) {
		g->sq_ring = g->cq_ring = g->sqes = 0;
		if (say && !g->said_unmapped++)
			note(out, g->fd, "its rings are mapped more than once: iotrace cannot tell "
			     "which are live, entries not shown");
		return 0;
	}
	if (g->sq_ring && g->cq_ring && g->sqes)
		return 1;
	g->sq_ring = g->cq_ring = g->sqes = 0;
	if (say && !g->said_unmapped++)
		note(out, g->fd,
		     "its rings are not mapped where iotrace can find them: entries not shown");
	return 0;
}

/* Note @what about ring @g, unless said already (@bit). */
static void note_once(struct ring_lines *out, struct ring *g, unsigned bit, const char *what)
{
	if (g->said & bit)
		return;
	g->said |= bit;
	note(out, g->fd, what);
}

/* The next line's report in @out, begun for operation @id. */
static struct report *next_line(struct ring_lines *out, enum ring_line_kind kind)
{
	struct report *r;

	if (out->n == out->cap) {
		unsigned cap = out->cap ? out->cap * 2 : 8;

		out->r = xrealloc(out->r, cap * sizeof(*out->r));
		memset(out->r + out->cap, 0, (cap - out->cap) * sizeof(*out->r));
		out->kind = xrealloc(out->kind, cap * sizeof(*out->kind));
		out->hidden = xrealloc(out->hidden, cap * sizeof(*out->hidden));
		out->ns = xrealloc(out->ns, cap * sizeof(*out->ns));
		out->seq = xrealloc(out->seq, cap * sizeof(*out->seq));
		out->watch = xrealloc(out->watch, cap * sizeof(*out->watch));
		out->cap = cap;
	}
	r = &out->r[out->n];
	out->kind[out->n] = (unsigned char)kind;
	out->hidden[out->n] = 0;
	out->ns[out->n] = 0;
	out->seq[out->n] = 0;
	out->watch[out->n] = NULL;
	out->n++;
	report_begin(r);
	return r;
}

#define IOSQE_FIXED_FILE 0x1

/* A fixed file's fd as registered, or -1. */
static int fixed_fd(const struct ring *g, const unsigned char *sqe)
{
	uint32_t k = get32(sqe + 4);

	return (sqe[1] & IOSQE_FIXED_FILE) && k < g->nfiles ? g->files[k] : -1;
}

static void decode(struct report *r, const unsigned char *sqe, const struct ring_entry *e,
		   struct sc_event *ev, size_t fetch_cap, unsigned iov_show)
{
	unsigned id = syscall_uring_op(sqe[0]);

	call_begin(&r->call, id, ev->arch, fetch_cap, iov_show);
	ev->id = id;
	ev->ring = e;
	if (ev->exiting) {
		call_set_result(&r->call, ev);
		r->call.exiting = 1;	/* a completion: what it produced, as at a syscall's exit */
	}
	decoder_of(id)(&r->call, ev);
}

/* Remembers a submission until its completion; the oldest goes when the circle is full. */
static uint64_t remember(struct ring *g, const unsigned char *sqe, uint64_t ns)
{
	struct inflight *f;

	if (g->fl_n == INFLIGHT_MAX) {
		unwatch(g, &g->fl[g->fl_old]);
		g->fl_old = (g->fl_old + 1) % INFLIGHT_MAX;
		g->fl_n--;
	}
	f = &g->fl[(g->fl_old + g->fl_n++) % INFLIGHT_MAX];
	memcpy(f->sqe, sqe, SQE_SIZE);
	f->user_data = get64(sqe + 32);
	f->ns = ns;
	f->seq = next_seq++;
	f->watch = NULL;
	f->live = 1;
	return f->seq;
}

/*
 * The oldest live submission with @user_data, copied to @out; it stays
 * live for a multishot's next CQE.  Whether there was one.
 */
static int match(struct ring *g, uint64_t user_data, int more, struct inflight *out)
{
	unsigned i;
	int found = 0;

	for (i = 0; i < g->fl_n && !found; i++) {
		struct inflight *f = &g->fl[(g->fl_old + i) % INFLIGHT_MAX];

		if (f->live && f->user_data == user_data) {
			*out = *f;
			f->live = (unsigned char)more;
			found = 1;
			if (!more && f->watch) {	/* the completion owns it now */
				f->watch = NULL;
				g->nwatch--;
			} else {
				out->watch = NULL;
			}
		}
	}
	while (g->fl_n && !g->fl[g->fl_old].live) {	/* completed ones at the old end go */
		unwatch(g, &g->fl[g->fl_old]);
		g->fl_old = (g->fl_old + 1) % INFLIGHT_MAX;
		g->fl_n--;
	}
	return found;
}

/*
 * Reads what @n requests ask, of @tid; the bytes that could not be read
 * are zero, and an entry in them decodes as what it is: garbage.
 */
static void read_all(pid_t tid, struct umem_req *req, unsigned n)
{
	unsigned i;

	umem_read(tid, req, n);
	for (i = 0; i < n; i++)
		if (req[i].got < req[i].len)
			memset((char *)req[i].dst + req[i].got, 0, req[i].len - req[i].got);
}

static struct ring *ring_of(pid_t tgid, int fd)
{
	return *slot_of(tgid, fd);
}

#define IOSQE_BUFFER_SELECT 0x20
#define OP_PROVIDE_BUFFERS 31
#define OP_URING_CMD 46
#define CQE_F_BUFFER 0x1

static struct group *group_of(struct ring *g, uint16_t bgid)
{
	unsigned i;

	for (i = 0; i < GROUPS_MAX; i++)
		if (g->groups[i].used && g->groups[i].bgid == bgid)
			return &g->groups[i];
	return NULL;
}

/* PROVIDE_BUFFERS: where the group's buffers are, for the reads that pick them. */
static void provided(struct ring *g, const unsigned char *sqe)
{
	uint16_t bgid = (uint16_t)(sqe[40] | sqe[41] << 8);
	struct group *b = group_of(g, bgid);
	unsigned i;

	for (i = 0; !b && i < GROUPS_MAX; i++)
		if (!g->groups[i].used)
			b = &g->groups[i];
	if (!b)
		return;
	b->used = 1;
	b->bgid = bgid;
	b->base = get64(sqe + 16);
	b->len = get32(sqe + 24);
	b->nbufs = get32(sqe + 4);
	b->bid0 = (uint32_t)get64(sqe + 8);
}

/*
 * A completion of a read whose buffer the kernel picked (IORING_CQE_F_BUFFER
 * names it): the entry as the kernel ran it, @sqe's addr that buffer's,
 * when its group is known.
 */
static void picked(struct ring *g, unsigned char *sqe, uint32_t cqe_flags)
{
	uint32_t bid = cqe_flags >> 16;
	struct group *b;
	uint64_t addr;
	unsigned k;

	if (!(sqe[1] & IOSQE_BUFFER_SELECT) || !(cqe_flags & CQE_F_BUFFER))
		return;
	b = group_of(g, (uint16_t)(sqe[40] | sqe[41] << 8));
	if (!b || bid - b->bid0 >= b->nbufs)
		return;
	addr = b->base + (uint64_t)(bid - b->bid0) * b->len;
	for (k = 0; k < 8; k++)
		sqe[16 + k] = (unsigned char)(addr >> (8 * k));
	sqe[1] &= (unsigned char)~IOSQE_BUFFER_SELECT;
}

#define OP_ACCEPT 13
#define OP_OPENAT 18
#define OP_CLOSE 19
#define OP_FILES_UPDATE 20
#define OP_OPENAT2 28
#define OP_SOCKET 45
#define FILE_INDEX_ALLOC 0xffffffffu

/*
 * A completion that changed the fixed-file table: a direct descriptor
 * opened (it has no fd number: shown by index alone) or closed, or
 * IORING_OP_FILES_UPDATE's slots (from an array iotrace does not read).
 */
static void direct(struct ring *g, const unsigned char *sqe, int32_t res)
{
	uint32_t index = get32(sqe + 44);	/* file_index: the slot + 1, or ALLOC */

	if (res < 0)
		return;
	switch (sqe[0]) {
	case OP_ACCEPT: case OP_OPENAT: case OP_OPENAT2: case OP_SOCKET:
		if (index)
			slots_changed(g, index == FILE_INDEX_ALLOC ? (uint64_t)res : index - 1ULL,
				      NULL, 0, 1);
		break;
	case OP_CLOSE:
		if (index)
			slots_changed(g, index - 1ULL, NULL, 0, 1);
		break;
	case OP_FILES_UPDATE:
		slots_changed(g, get64(sqe + 8), NULL, 0, (uint64_t)res);
		break;
	}
}

/* What an entry carries that iotrace does not show: said once a ring. */
static void unseen(struct ring_lines *out, struct ring *g, const unsigned char *sqe)
{
	if (sqe[0] == OP_PROVIDE_BUFFERS)
		provided(g, sqe);
	if ((sqe[1] & IOSQE_BUFFER_SELECT) && !group_of(g, (uint16_t)(sqe[40] | sqe[41] << 8)) &&
	    !g->said_select++)
		note(out, g->fd, "IOSQE_BUFFER_SELECT from a provided-buffer ring or group iotrace "
		     "has not seen: the data a read brings is not shown");
	if (sqe[0] == OP_URING_CMD && !g->said_cmd++)
		note(out, g->fd, "IORING_OP_URING_CMD: a driver's command, its payload not decoded");
}

/*
 * The submissions of ring @g since the last look: from the kernel's head
 * (or, when the kernel left some shown ones on the ring, from where the
 * last look ended) to the program's tail.  With SQPOLL the kernel's
 * thread may have taken them already: from where the last look ended.
 */
static void submissions(struct ring_lines *out, struct ring *g, pid_t tid, enum arch arch,
			size_t fetch_cap, unsigned iov_show)
{
	static unsigned char sqes[SPEC * 128], sqe[128];
	uint32_t idx[2], array[SPEC], head, tail, n, i, spec_at, mask;
	struct umem_req req[4];
	struct sc_event ev;
	unsigned nreq = 0, esz, got_spec, got_array = 0;
	int fd = g->fd;

	if ((g->flags & SETUP_SQPOLL) && !g->said_sqpoll++)
		note(out, fd, "IORING_SETUP_SQPOLL: a kernel thread takes "
		     "submissions without a syscall; iotrace shows those it finds at the "
		     "program's stops, the trace may be incomplete");
	mask = g->sq_entries - 1;
	esz = sqe_size(g);
	/* The indexes, and on the guess the new entries start where the last ones ended, them. */
	spec_at = g->sq_seen & mask;
	req[nreq++] = (struct umem_req){ .addr = g->sq_ring + g->sq_head, .len = 4, .dst = &idx[0] };
	req[nreq++] = (struct umem_req){ .addr = g->sq_ring + g->sq_tail, .len = 4, .dst = &idx[1] };
	if (!(g->flags & SETUP_NO_SQARRAY))
		req[nreq++] = (struct umem_req){ .addr = g->sq_ring + g->sq_array + 4ULL * spec_at,
			.len = 4 * MIN(SPEC, g->sq_entries - spec_at), .dst = array };
	req[nreq++] = (struct umem_req){ .addr = g->sqes + (uint64_t)esz * spec_at,
		.len = esz * MIN(SPEC, g->sq_entries - spec_at), .dst = sqes };
	read_all(tid, req, nreq);
	if (req[0].got < 4 || req[1].got < 4) {
		note_once(out, g, SAID_SQ_UNREADABLE,
			  "its SQ ring cannot be read (unmapped?): submissions not shown");
		return;
	}
	got_spec = (unsigned)(req[nreq - 1].got / esz);	/* entries read whole */
	if (!(g->flags & SETUP_NO_SQARRAY))
		got_array = (unsigned)(req[2].got / 4);
	head = idx[0];
	tail = idx[1];
	/* Shown already (the kernel left them on the ring): from where the last look ended. */
	if (tail - g->sq_seen <= tail - head)
		head = g->sq_seen;
	if ((g->flags & SETUP_SQPOLL) && tail - g->sq_seen <= g->sq_entries)
		head = g->sq_seen;	/* taken by the kernel's thread since, maybe */
	n = tail - head;
	if (n > g->sq_entries) {
		note_once(out, g, SAID_LIE, "the SQ ring's tail is past its head by more "
			  "than its entries: not a ring the kernel would take");
		g->sq_seen = tail;
		return;
	}
	memset(&ev, 0, sizeof(ev));
	ev.tid = tid;
	ev.arch = arch;	/* the entries are the same on both arches, what they point to is not */
	for (i = 0; i < n && i < LINES_MAX; i++) {
		uint32_t pos = (head + i) & mask, at, k = pos - spec_at;
		const unsigned char *e = NULL;
		struct umem_req r1 = { .len = 4, .dst = &at };
		struct ring_entry re = { 0 };

		if (g->flags & SETUP_NO_SQARRAY) {
			at = pos;
		} else if (k < got_array) {
			at = array[k];
		} else {
			r1.addr = g->sq_ring + g->sq_array + 4ULL * pos;
			read_all(tid, &r1, 1);
			if (r1.got < 4) {
				note_once(out, g, SAID_SQE_UNREADABLE,
					  "a submission entry cannot be read (unmapped?): not shown");
				continue;
			}
		}
		if (at >= g->sq_entries) {
			note_once(out, g, SAID_INDEX,
				  "an SQ array index past the ring: the kernel drops that entry");
			continue;
		}
		k = at - spec_at;
		if (k < got_spec) {
			e = sqes + (size_t)esz * k;
		} else {
			struct umem_req r2 = { .addr = g->sqes + (uint64_t)esz * at, .len = SQE_SIZE,
					       .dst = sqe };

			read_all(tid, &r2, 1);
			if (r2.got < SQE_SIZE) {
				note_once(out, g, SAID_SQE_UNREADABLE,
					  "a submission entry cannot be read (unmapped?): not shown");
				continue;
			}
			e = sqe;
		}
		re.sqe = e;
		re.fixed_fd = fixed_fd(g, e);
		unseen(out, g, e);
		decode(next_line(out, RING_SQE), e, &re, &ev, fetch_cap, iov_show);
		out->seq[out->n - 1] = remember(g, e, now_ns());
	}
	if (n > LINES_MAX)
		note_once(out, g, SAID_SQ_MANY, "more submissions than iotrace shows at once: "
			  "the rest are not shown");
	g->sq_seen = tail;
}

/*
 * A ring set up before iotrace followed the process (an attached
 * process's, a forked child's, an exec'd program's inherited fd) is read
 * from /proc: its sizes and pending entries from fdinfo, its mappings
 * from maps, and its offsets from struct io_rings as the kernel lays it
 * out (what io_uring_setup's sq_off and cq_off have described since 5.1),
 * checked against the masks and sizes the ring itself holds.
 */
#define R_MASKS 16	/* sq_ring_mask, cq_ring_mask, sq_ring_entries, cq_ring_entries */
#define R_CQES 64
#define PAGE_UP(v) (((uint64_t)(v) + 4095) & ~(uint64_t)4095)
#define CQ_TRIES 16	/* looks at new completions that may tell CQE32 */

enum adopted { ADOPTED = 1, ADOPTED_SAID = 2, ADOPTED_ALIEN = 4 };
enum unsure { UNSURE_SQE128 = 1, UNSURE_SQARRAY = 2, UNSURE_CQE32 = 4 };

/* Where the SQ array starts: after the CQEs, cache-line aligned. */
static uint32_t array_at(uint32_t cq_entries, uint32_t flags)
{
	uint64_t end = R_CQES + (uint64_t)cq_entries * (flags & SETUP_CQE32 ? 32 : 16);

	return (uint32_t)((end + 63) & ~(uint64_t)63);
}

/* The offsets io_uring_setup would have answered for @g's flags. */
static void adopted_layout(struct ring *g)
{
	g->sq_head = 0;
	g->sq_tail = 4;
	g->cq_head = 8;
	g->cq_tail = 12;
	g->cq_cqes = R_CQES;
	g->sq_array = g->flags & SETUP_NO_SQARRAY ? 0 : array_at(g->cq_entries, g->flags);
}

/* A ring's mappings with their lengths: [0] the SQ ring, [1] the CQ ring, [2] the SQEs. */
struct found {
	uint64_t at[3], len[3];
};

static void found_map(uint64_t start, uint64_t end, uint64_t off, void *ctx)
{
	struct found *f = ctx;
	int k = off == OFF_SQ_RING ? 0 : off == OFF_CQ_RING ? 1 : off == OFF_SQES ? 2 : -1;

	if (k >= 0) {
		f->at[k] = start;
		f->len[k] = end - start;
	}
}

/* Whether the SQ array at @addr holds an index: the kernel zeroes it, programs fill it. */
static int array_used(pid_t tgid, uint64_t addr, uint32_t entries)
{
	static uint32_t a[1024];
	struct umem_req r = { .addr = addr, .len = 4 * MIN(entries, 1024u), .dst = a };
	size_t i;

	umem_read(tgid, &r, 1);
	for (i = 0; i < r.got / 4; i++)
		if (a[i])
			return 1;
	return 0;
}

/*
 * The setup flags that change the layout, from what the kernel lists and
 * the lengths the program mapped (a mapping cannot outgrow the kernel's
 * allocation, and must hold what the program uses); what neither tells
 * is taken as the default and marked @unsure.
 */
static uint32_t infer(pid_t tgid, const struct umem_uring *u, const struct found *f,
		      unsigned char *unsure)
{
	uint64_t sq = u->sq_mask + 1ULL, cq = u->cq_mask + 1ULL;
	uint64_t cq_len = f->len[1] ? f->len[1] : f->len[0];	/* the mapping with the CQEs */
	uint32_t flags = u->sq_thread != -1 ? SETUP_SQPOLL : 0;

	*unsure = 0;
	if (u->cqes_listed)
		flags |= u->cqe32 ? SETUP_CQE32 : 0;
	else if (cq_len > PAGE_UP(array_at((uint32_t)cq, 0) + 4 * sq))
		flags |= SETUP_CQE32;
	else if (cq_len >= R_CQES + 32 * cq)
		*unsure |= UNSURE_CQE32;
	if (u->sqes_listed)
		flags |= u->sqe128 ? SETUP_SQE128 : 0;
	else if (f->len[2] > PAGE_UP(64 * sq))
		flags |= SETUP_SQE128;
	else if (f->len[2] >= 128 * sq)
		*unsure |= UNSURE_SQE128;
	if (u->sqes_pending) {
		flags |= u->sqes_listed ? 0 : SETUP_NO_SQARRAY;	/* the kernel lists through the array */
	} else if (f->len[0] < array_at((uint32_t)cq, flags) + 4 * sq) {
		flags |= SETUP_NO_SQARRAY;	/* the array is not mapped: not used */
	} else if (!array_used(tgid, f->at[0] + array_at((uint32_t)cq, flags), (uint32_t)sq)) {
		flags |= SETUP_NO_SQARRAY;
		*unsure |= UNSURE_SQARRAY;
	}
	return flags;
}

/* Whether the ring at @f holds the masks and sizes fdinfo gave: the layout is the one assumed. */
static int layout_checks(pid_t tgid, const struct umem_uring *u, const struct found *f)
{
	uint32_t w[4];
	struct umem_req r = { .addr = f->at[0] + R_MASKS, .len = sizeof(w), .dst = w };

	return f->at[0] && umem_read(tgid, &r, 1) == 1 && r.got == sizeof(w) &&
	       w[0] == u->sq_mask && w[1] == u->cq_mask && w[2] == u->sq_mask + 1 &&
	       w[3] == u->cq_mask + 1;
}

/* A ring of another process with anon inode @ino, whose layout iotrace knows: the same ring. */
static struct ring *twin_of(uint64_t ino, pid_t tgid)
{
	struct ring *g;

	for (g = rings; g; g = g->next)
		if (g->ino == ino && g->tgid != tgid && !(g->adopted & ADOPTED_ALIEN) &&
		    !(g->flags & SETUP_NO_MMAP))
			return g;
	return NULL;
}

/* Ring @fd of @tgid is @from's (a forked child's, a passed fd's): followed as it is. */
static struct ring *inherit(const struct ring *from, pid_t tgid, int fd, const struct umem_uring *u)
{
	struct ring *g = xcalloc(1, sizeof(*g));

	g->tgid = tgid;
	g->fd = fd;
	g->ino = from->ino;
	g->flags = from->flags;
	g->features = from->features;
	g->unsure = from->unsure;
	g->sq_entries = from->sq_entries;
	g->cq_entries = from->cq_entries;
	g->sq_head = from->sq_head;
	g->sq_tail = from->sq_tail;
	g->sq_array = from->sq_array;
	g->cq_head = from->cq_head;
	g->cq_tail = from->cq_tail;
	g->cq_cqes = from->cq_cqes;
	memcpy(g->groups, from->groups, sizeof(g->groups));
	memcpy(g->files, from->files, sizeof(g->files));
	g->nfiles = from->nfiles;
	g->sq_seen = u->sq_head;
	g->cq_seen = u->cq_tail;
	g->fl = xcalloc(INFLIGHT_MAX, sizeof(*g->fl));
	g->reg_index = -1;	/* registered ring fds are a task's own */
	g->next = rings;
	rings = g;
	return g;
}

/* Follows ring @fd of @tgid from now on, if it is one; NULL if not. */
static struct ring *adopt(pid_t tgid, int fd)
{
	unsigned char p[P_SIZE];
	struct umem_uring u;
	struct found f;
	struct ring *g;

	if (umem_uring_info(tgid, fd, &u))
		return NULL;
	if ((g = twin_of(u.ino, tgid)))
		return inherit(g, tgid, fd, &u);
	memset(&f, 0, sizeof(f));
	umem_ring_maps(tgid, u.ino, found_map, &f);
	memset(p, 0, sizeof(p));
	memcpy(p + P_SQ_ENTRIES, &(uint32_t){ u.sq_mask + 1 }, 4);
	memcpy(p + P_CQ_ENTRIES, &(uint32_t){ u.cq_mask + 1 }, 4);
	memcpy(p + P_FEATURES, &(uint32_t){ FEAT_SINGLE_MMAP }, 4);
	rings_created(tgid, fd, p, sizeof(p));
	g = ring_of(tgid, fd);
	if (!g)
		return NULL;	/* sizes no ring has */
	g->adopted = ADOPTED;
	g->ino = u.ino;
	if (!layout_checks(tgid, &u, &f)) {
		g->adopted |= ADOPTED_ALIEN;
		return g;
	}
	g->flags = infer(tgid, &u, &f, &g->unsure);
	adopted_layout(g);
	g->sq_seen = u.sq_head;
	g->cq_seen = u.cq_tail;	/* what completed before is not this trace's */
	return g;
}

/* What adopting @g could not tell, told by the entries the kernel lists now; said when not. */
static void resolve(struct ring *g, struct ring_lines *out, unsigned what)
{
	struct umem_uring u;

	if (!(g->unsure & what) || umem_uring_info(g->tgid, g->fd, &u))
		return;
	if ((what & UNSURE_CQE32) && u.cqes_listed) {
		g->flags |= u.cqe32 ? SETUP_CQE32 : 0;
		g->unsure &= (unsigned char)~UNSURE_CQE32;
	} else if ((what & UNSURE_CQE32) && ++g->cq_tries == CQ_TRIES) {
		g->unsure &= (unsigned char)~UNSURE_CQE32;
		note(out, g->fd, "set up before iotrace followed it, in a ring too small to tell "
		     "CQE32 from its mappings: completions read as 16-byte entries");
	}
	if ((what & (UNSURE_SQE128 | UNSURE_SQARRAY)) && u.sqes_pending) {
		if (u.sqes_listed)
			g->flags = (g->flags & ~(uint32_t)SETUP_SQE128) |
				   (u.sqe128 ? SETUP_SQE128 : 0);
		else if (g->unsure & UNSURE_SQE128)	/* NO_SQARRAY: the kernel lists none */
			note(out, g->fd, "set up before iotrace followed it, with NO_SQARRAY in a "
			     "ring too small to tell SQE128 from its mappings: entries read as "
			     "64-byte ones");
		if (g->unsure & UNSURE_SQARRAY)
			g->flags = (g->flags & ~(uint32_t)SETUP_NO_SQARRAY) |
				   (u.sqes_listed ? 0 : SETUP_NO_SQARRAY);
		g->unsure &= (unsigned char)~(UNSURE_SQE128 | UNSURE_SQARRAY);
	}
	adopted_layout(g);
}

/* Whether adopted ring @g can be read; said once. */
static int adopted_usable(struct ring *g, struct ring_lines *out)
{
	if (!g->adopted || (g->adopted & ADOPTED_SAID))
		return !(g->adopted & ADOPTED_ALIEN);
	g->adopted |= ADOPTED_SAID;
	if (g->adopted & ADOPTED_ALIEN) {
		note(out, g->fd, "set up before iotrace followed it, and its layout cannot be "
		     "found in /proc (IORING_SETUP_NO_MMAP, or a kernel iotrace does not know): "
		     "entries not shown");
		return 0;
	}
	note(out, g->fd, "set up before iotrace followed it: entries shown from here on");
	return 1;
}

static void adopt_fd(int fd, void *ctx)
{
	pid_t tgid = *(pid_t *)ctx;

	if (!ring_of(tgid, fd))
		adopt(tgid, fd);
}

void rings_attached(pid_t tgid)
{
	umem_each_fd(tgid, adopt_fd, &tgid);
}

void rings_submissions(struct ring_lines *out, pid_t tid, enum arch arch, pid_t tgid, int fd,
		       unsigned flags, size_t fetch_cap, unsigned iov_show)
{
	struct ring *g;

	if (flags & ENTER_REGISTERED_RING) {
		/* @fd indexes the registered ring fds: the ring registered there. */
		for (g = rings; g && !(g->tgid == tgid && g->reg_index == fd); g = g->next)
			;
		if (!g) {
			for (g = rings; g && g->tgid != tgid; g = g->next)
				;
			if (g && !g->said_registered++)
				note(out, fd, "entered through a registered ring index iotrace did not "
				     "see registered (this fd number is that index): entries not shown");
			return;
		}
	} else if (!(g = ring_of(tgid, fd))) {
		g = adopt(tgid, fd);	/* set up before iotrace followed the process */
	}
	if (!g || !adopted_usable(g, out) || !locate(g, out, 1))
		return;
	resolve(g, out, UNSURE_SQE128 | UNSURE_SQARRAY);
	submissions(out, g, tid, arch, fetch_cap, iov_show);
}

/*
 * A ring processes share (a fork's, a passed fd's) has one CQ: a
 * completion is shown once, at the first stop of any of them that sees
 * it, matched to the submission whichever of them made.
 */
static int match_twins(struct ring *g, uint64_t user_data, int more, struct inflight *out)
{
	struct ring *h;

	if (match(g, user_data, more, out))
		return 1;
	for (h = rings; h && g->ino; h = h->next)
		if (h != g && h->ino == g->ino && match(h, user_data, more, out))
			return 1;
	return 0;
}

/* @g's completions from @from to @tail were shown: its twins need not show them. */
static void twins_seen(const struct ring *g, uint32_t from, uint32_t tail)
{
	struct ring *h;

	for (h = rings; h && g->ino; h = h->next)
		if (h != g && h->ino == g->ino && tail - h->cq_seen <= tail - from)
			h->cq_seen = tail;
}

/* The completions of one ring since the last look. */
static void completions(struct ring_lines *out, struct ring *g, pid_t tid, enum arch arch,
			size_t fetch_cap, unsigned iov_show)
{
	static unsigned char cqes[SPEC * 32], cqe[32];
	uint32_t tail, n, i, mask = g->cq_entries - 1, spec_at = g->cq_seen & mask;
	unsigned esz = cqe_size(g);
	struct umem_req req[2] = {
		{ .addr = g->cq_ring + g->cq_tail, .len = 4, .dst = &tail },
		{ .addr = g->cq_ring + g->cq_cqes + (uint64_t)esz * spec_at,
		  .len = esz * MIN(SPEC, g->cq_entries - spec_at), .dst = cqes },
	};
	struct sc_event ev;

	read_all(tid, req, 2);
	if (req[0].got < 4)
		return;	/* unmapped since: nothing to see */
	n = tail - g->cq_seen;
	if (!n)
		return;
	if (n > g->cq_entries) {
		/* The kernel has reused slots since: the oldest are gone, or the tail lies. */
		note_once(out, g, SAID_OVERWRITTEN, "completions were reaped and overwritten "
			  "before iotrace could see them");
		g->cq_seen = tail - g->cq_entries;
		n = g->cq_entries;
		spec_at = g->cq_seen & mask;
		req[1].addr = g->cq_ring + g->cq_cqes + (uint64_t)esz * spec_at;
		req[1].len = esz * MIN(SPEC, g->cq_entries - spec_at);
		read_all(tid, &req[1], 1);
	}
	memset(&ev, 0, sizeof(ev));
	ev.tid = tid;
	ev.arch = arch;
	ev.exiting = 1;
	for (i = 0; i < n && i < LINES_MAX; i++) {
		uint32_t pos = (g->cq_seen + i) & mask, k = pos - spec_at;
		static unsigned char unknown[SQE_SIZE];
		const unsigned char *c;
		struct ring_entry re = { 0 };
		struct inflight fl;
		int seen;
		uint64_t ud;
		int32_t res;

		if (k < req[1].got / esz) {
			c = cqes + (size_t)esz * k;
		} else {
			struct umem_req r = { .addr = g->cq_ring + g->cq_cqes + (uint64_t)esz * pos,
					      .len = 16, .dst = cqe };

			read_all(tid, &r, 1);
			if (r.got < 16) {
				note_once(out, g, SAID_CQE_UNREADABLE,
					  "a completion entry cannot be read (unmapped?): not shown");
				break;
			}
			c = cqe;
		}
		ud = get64(c);
		res = (int32_t)get32(c + 8);
		re.cqe_flags = get32(c + 12);
		/* IORING_CQE_F_MORE: more to come for that submission */
		seen = match_twins(g, ud, (re.cqe_flags & 0x2) != 0, &fl);
		re.fixed_fd = -1;
		if (seen) {
			direct(g, fl.sqe, res);
			picked(g, fl.sqe, re.cqe_flags);
			re.sqe = fl.sqe;
			re.fixed_fd = fixed_fd(g, fl.sqe);
		} else {
			/* Submitted where iotrace could not see it: only what the CQE says. */
			memset(unknown, 0, sizeof(unknown));
			unknown[0] = 0xff;
			memcpy(unknown + 32, c, 8);
			re.sqe = unknown;
		}
		ev.rval = res;
		ev.is_error = res < 0 && res >= -4095;
		decode(next_line(out, RING_CQE), re.sqe, &re, &ev, fetch_cap, iov_show);
		out->ns[out->n - 1] = seen ? now_ns() - fl.ns : 0;
		out->watch[out->n - 1] = seen ? fl.watch : NULL;
	}
	if (n > LINES_MAX)
		note_once(out, g, SAID_CQ_MANY, "more completions than iotrace shows at once: "
			  "the rest are not shown");
	twins_seen(g, g->cq_seen, tail);
	g->cq_seen = tail;
}

/* An adopted ring's new completions may tell CQE32: the kernel lists them while unreaped. */
static void new_cqes(struct ring *g, struct ring_lines *out, pid_t tid)
{
	uint32_t tail;
	struct umem_req r = { .addr = g->cq_ring + g->cq_tail, .len = 4, .dst = &tail };

	if (umem_read(tid, &r, 1) == 1 && r.got == 4 && tail != g->cq_seen)
		resolve(g, out, UNSURE_CQE32);
}

void rings_completions(struct ring_lines *out, pid_t tid, enum arch arch, pid_t tgid,
		       size_t fetch_cap, unsigned iov_show)
{
	struct ring *g;

	for (g = rings; g; g = g->next) {
		if (g->tgid != tgid)
			continue;
		/*
		 * Programs map the rings right after io_uring_setup: the first
		 * stops find them (an SQPOLL program may never enter).
		 */
		if (!g->sq_ring && g->tries < LOCATE_TRIES) {
			g->tries++;
			locate(g, out, 0);
		}
		if (!g->sq_ring || (g->adopted & ADOPTED_ALIEN))
			continue;
		if (g->unsure & UNSURE_CQE32)
			new_cqes(g, out, tid);
		if (g->flags & SETUP_SQPOLL)	/* submitted without a syscall */
			submissions(out, g, tid, arch, fetch_cap, iov_show);
		completions(out, g, tid, arch, fetch_cap, iov_show);
	}
}

int rings_watch(struct ring_lines *out, unsigned i, pid_t tgid)
{
	struct watch *w;
	struct ring *g;
	unsigned k;

	for (g = rings; g; g = g->next) {
		if (g->tgid != tgid)
			continue;
		for (k = 0; k < g->fl_n; k++) {
			struct inflight *f = &g->fl[(g->fl_old + k) % INFLIGHT_MAX];

			if (f->seq != out->seq[i])
				continue;
			if (!f->live)	/* completed already (SQPOLL): nothing to compare later */
				return 0;
			if (g->nwatch == RING_WATCH_MAX) {
				if (!g->said_watch++)
					note(out, g->fd, "more writes in flight than --toctou watches: "
					     "the rest are not watched");
				return 0;
			}
			w = xmalloc(sizeof(*w));
			w->r = out->r[i];	/* its memory moves with it */
			w->refs = 2;	/* the record's, the submission line's */
			memset(&out->r[i], 0, sizeof(out->r[i]));
			f->watch = &w->r;
			out->watch[i] = &w->r;
			g->nwatch++;
			return 1;
		}
	}
	return 0;
}

/* Lines let go of the watches they hold (a completion holds its record's). */
static void release_watches(struct ring_lines *out)
{
	unsigned i;

	for (i = 0; i < out->n; i++) {
		if (out->watch[i])
			watch_unref(out->watch[i]);
		out->watch[i] = NULL;
	}
}

void rings_lines_clear(struct ring_lines *out)
{
	unsigned i;

	release_watches(out);
	for (i = 0; i < out->n; i++)
		report_trim(&out->r[i]);
	out->n = 0;
	out->nnotes = 0;
}

void rings_lines_release(struct ring_lines *out)
{
	unsigned i;

	release_watches(out);
	for (i = 0; i < out->cap; i++)
		report_release(&out->r[i]);
	free(out->r);
	free(out->kind);
	free(out->hidden);
	free(out->ns);
	free(out->seq);
	free(out->watch);
	memset(out, 0, sizeof(*out));
}
