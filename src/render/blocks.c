/* --normalize's per-thread blocks (see blocks.h). */
#include "config.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "policy/norm.h"
#include "render/blocks.h"
#include "render/quote.h"
#include "util/util.h"

#define BLOCK_MEM (16 * 1024)	/* bytes a block keeps in memory; the rest is spilled */

struct chunk {
	off_t off;
	size_t len;
};

struct block {
	pid_t tid, tgid;
	char *name, *proc;	/* lineage names, fixed at the thread's end */
	char *buf;
	size_t len;
	struct chunk *chunks;	/* spilled, in order */
	size_t nchunks, chunks_cap;
	struct block *next;
};

static struct block *blocks;
static size_t nblocks;
static size_t nwritten;	/* blocks written early: later ones still get a leader */

/* Where blocks go as soon as they can (blocks_set_output()), or NULL: at the end only. */
static void (*early_write)(void *ctx, const char *data, size_t len);
static void *early_ctx;
static int early_json, early_to_file;
static int spill_fd = -1;
static off_t spill_end;
static int finished;

/* The spill file: unlinked from the start, gone with iotrace. */
static int spill_file(void)
{
	const char *dir = getenv("TMPDIR") && *getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
	char path[4096];
	int fd;

	if (spill_fd >= 0)
		return spill_fd;
	fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
	if (fd < 0 && (size_t)snprintf(path, sizeof(path), "%s/iotrace-XXXXXX", dir) < sizeof(path)) {
		fd = mkostemp(path, O_CLOEXEC);
		if (fd >= 0)
			unlink(path);
	}
	if (fd < 0)
		die_errno("cannot make a temporary file in '%s' for --normalize's blocks", dir);
	spill_fd = fd;
	return fd;
}

static void spill(struct block *b)
{
	int fd = spill_file();
	size_t done = 0;

	while (done < b->len) {
		ssize_t n = pwrite(fd, b->buf + done, b->len - done, spill_end + (off_t)done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			die_errno("cannot write --normalize's blocks to a temporary file");
		done += (size_t)n;
	}
	if (b->nchunks == b->chunks_cap) {
		b->chunks_cap = b->chunks_cap ? 2 * b->chunks_cap : 8;
		b->chunks = xrealloc(b->chunks, b->chunks_cap * sizeof(*b->chunks));
	}
	b->chunks[b->nchunks].off = spill_end;
	b->chunks[b->nchunks++].len = b->len;
	spill_end += (off_t)b->len;
	b->len = 0;
}

struct block *block_new(pid_t tid, pid_t tgid)
{
	struct block *b = xcalloc(1, sizeof(*b));

	b->tid = tid;
	b->tgid = tgid ? tgid : tid;
	b->buf = xmalloc(BLOCK_MEM);
	b->next = blocks;
	blocks = b;
	nblocks++;
	return b;
}

void block_write(struct block *b, const char *data, size_t len)
{
	while (len) {
		size_t n = MIN(len, BLOCK_MEM - b->len);

		memcpy(b->buf + b->len, data, n);
		b->len += n;
		data += n;
		len -= n;
		if (b->len == BLOCK_MEM)
			spill(b);
	}
}

static char *name_of(pid_t tid)
{
	return xstrdup(quote_pid_str(tid));
}

static void fix_names(struct block *b);

/* Writes @len bytes of a block's lines, each led by @lead (text) or with @lead put in (JSON). */
struct writer {
	void (*write)(void *ctx, const char *data, size_t len);
	void *ctx;
	const char *lead;
	size_t lead_len;
	int json;
	int at_start;
};

static void put(struct writer *w, const char *p, size_t len)
{
	while (len) {
		const char *nl = memchr(p, '\n', len);
		size_t n = nl ? (size_t)(nl - p) + 1 : len;

		if (w->at_start && w->lead_len) {
			if (w->json && n >= 7 && !memcmp(p, "{\"v\":1,", 7)) {
				w->write(w->ctx, p, 7);	/* {"v":1, then "pid":...,"tid":..., */
				w->write(w->ctx, w->lead, w->lead_len);
				p += 7;
				n -= 7;
				len -= 7;
			} else if (!w->json) {
				w->write(w->ctx, w->lead, w->lead_len);
			}
		}
		w->write(w->ctx, p, n);
		w->at_start = nl != NULL;
		p += n;
		len -= n;
	}
}

static void write_block(struct block *b, struct writer *tpl, int to_file, int lead)
{
	char lead_buf[2 * NORM_NAME_SHOWN + 32], chunk[BLOCK_MEM];
	struct writer w = *tpl;
	int json = w.json;
	size_t i;

	fix_names(b);
	if (lead && json)
		snprintf(lead_buf, sizeof(lead_buf), "\"pid\":\"%s\",\"tid\":\"%s\",", b->proc, b->name);
	else if (lead && to_file)
		snprintf(lead_buf, sizeof(lead_buf), "%-5s ", b->name);
	else if (lead)
		snprintf(lead_buf, sizeof(lead_buf), "[pid %5s] ", b->name);
	else
		lead_buf[0] = '\0';
	w.lead = lead_buf;
	w.lead_len = strlen(lead_buf);
	w.at_start = 1;
	for (i = 0; i < b->nchunks; i++) {
		size_t done = 0;

		while (done < b->chunks[i].len) {
			ssize_t n = pread(spill_fd, chunk, MIN(sizeof(chunk), b->chunks[i].len - done),
					  b->chunks[i].off + (off_t)done);

			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0)
				die_errno("cannot read --normalize's blocks back");
			put(&w, chunk, (size_t)n);
			done += (size_t)n;
		}
	}
	put(&w, b->buf, b->len);
}

static void free_block(struct block *b)
{
	free(b->name);
	free(b->proc);
	free(b->buf);
	free(b->chunks);
	free(b);
}


/*
 * The first block in lineage order is written once its thread ended: a
 * thread still running is after it, and so is anything it creates
 * (N.k comes after N and all its blocks but N's later siblings, which
 * are after the first block too).  Then the next, and so on.
 */
/* A block's name: as fixed at its thread's end, or the running thread's now. */
static const char *current_name(const struct block *b)
{
	return b->name ? b->name : quote_pid_str(b->tid);
}

static void write_early(void)
{
	struct writer tpl = { early_write, early_ctx, NULL, 0, early_json, 1 };

	while (blocks) {
		struct block **p, **first = &blocks, *b;

		for (p = &blocks->next; *p; p = &(*p)->next)
			if (norm_name_cmp(current_name(*p), current_name(*first)) < 0)
				first = p;
		if (!(*first)->name)
			return;	/* still running */
		write_block(*first, &tpl, early_to_file, 1);
		b = *first;
		*first = b->next;
		free_block(b);
		nblocks--;
		nwritten++;
	}
}

void blocks_set_output(void (*write)(void *ctx, const char *data, size_t len), void *ctx,
		       int json, int to_file)
{
	early_write = write;
	early_ctx = ctx;
	early_json = json;
	early_to_file = to_file;
}

static void fix_names(struct block *b)
{
	if (!b->name) {
		b->name = name_of(b->tid);
		b->proc = name_of(b->tgid);
	}
}

void block_end(struct block *b)
{
	fix_names(b);
	if (early_write)
		write_early();
}

static int by_lineage(const void *x, const void *y)
{
	const struct block *a = *(struct block *const *)x, *b = *(struct block *const *)y;

	return norm_name_cmp(a->name, b->name);
}

void blocks_finish(void (*write)(void *ctx, const char *data, size_t len), void *ctx,
		   int json, int to_file, int lead_always)
{
	struct writer tpl = { write, ctx, NULL, 0, json, 1 };
	struct block **list, *b;
	size_t i = 0;

	if (finished++ || !nblocks)
		return;
	list = xmalloc(nblocks * sizeof(*list));
	for (b = blocks; b; b = b->next) {
		fix_names(b);
		list[i++] = b;
	}
	qsort(list, nblocks, sizeof(*list), by_lineage);
	for (i = 0; i < nblocks; i++)
		write_block(list[i], &tpl, to_file, nblocks > 1 || json || lead_always || nwritten);
	for (i = 0; i < nblocks; i++)
		free_block(list[i]);
	free(list);
	blocks = NULL;
	nblocks = 0;
	if (spill_fd >= 0)
		close(spill_fd);
	spill_fd = -1;
}
