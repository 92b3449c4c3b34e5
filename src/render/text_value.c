/*
 * The text renderer's values: arguments as strace prints them (buffers,
 * arrays and structs by their layouts, flags, offset pointers, fds with
 * their paths), results, and --toctou's comment.
 */
#include "config.h"
#include <string.h>
#include "config/options.h"
#include "policy/norm.h"
#include "render/quote.h"
#include "render/text.h"
#include "util/names.h"
#include "util/util.h"
#include "util/xlat.h"

void text_buf(struct strbuf *sb, const struct call *c, const struct buf_arg *b)
{
	if (!b->addr) {
		sb_addstr(sb, "NULL");
		return;
	}
	if (b->want && !b->got) {	/* not even the first byte: as strace */
		quote_hexaddr(sb, b->addr);
		return;
	}
	sb_addch(sb, '"');
	quote_bytes(sb, call_buf_data(c, b), b->got);
	sb_addch(sb, '"');
	if (b->got < b->want) {
		sb_addstr(sb, " /* unreadable from ");
		quote_hexaddr(sb, b->fault);
		sb_addstr(sb, " */");
	} else if (b->len > b->got) {
		sb_addstr(sb, "...");
	}
}

static void text_elem(struct strbuf *sb, const struct call *c, const struct agg_arg *v,
		      unsigned i);

/*
 * A pointer to structs, as strace prints iovec arrays: NULL; the address
 * when its size overflows or not even element 0 can be read; [] for none;
 * at most the elements to show, then "..." for more, or "... /" "* addr *" "/"
 * where a later element could not be read.  A pointer to one struct
 * prints as that struct, or its address when unreadable.
 */
static void render_agg(struct strbuf *sb, const struct call *c, const struct arg *a)
{
	const struct agg_arg *v = &a->v.agg;
	unsigned shown, i;

	if (!v->addr) {
		sb_addstr(sb, "NULL");
		return;
	}
	if (v->overflow || (v->want && !v->got) || (a->type == ARG_STRUCT && !v->got)) {
		quote_hexaddr(sb, v->addr);	/* not even element 0 */
		return;
	}
	if (a->type == ARG_STRUCT) {
		text_elem(sb, c, v, 0);
		return;
	}
	if (!v->count) {
		sb_addstr(sb, "[]");
		return;
	}
	shown = MIN(v->got, v->show);
	sb_addch(sb, '[');
	for (i = 0; i < shown; i++) {
		if (i)
			sb_addstr(sb, ", ");
		text_elem(sb, c, v, i);
	}
	if (shown)
		sb_addstr(sb, ", ");
	if (v->got < v->show) {
		sb_addstr(sb, "... /* ");
		quote_hexaddr(sb, v->addr + (uint64_t)v->got * v->layout->size[c->arch]);
		sb_addstr(sb, " */]");
	} else if (v->count > shown) {
		sb_addstr(sb, "...]");
	} else {
		sb->len -= 2;	/* no ", " after the last element */
		sb_addch(sb, ']');
	}
}

/* Element @i of @v: "{name=value, ...}", pointers followed where they were. */
static void text_elem(struct strbuf *sb, const struct call *c, const struct agg_arg *v,
		      unsigned i)
{
	const struct layout *l = v->layout;
	unsigned f, slot = 0;

	sb_addch(sb, '{');
	for (f = 0; f < l->nfields; f++) {
		const struct field *fd = &l->fields[f];
		uint64_t val = call_field(c, v, i, f);
		const struct buf_arg *b;
		const struct arg *n;

		if (f)
			sb_add(sb, fd->sep, fd->seplen);
		else
			sb_add(sb, fd->sep + 2, fd->seplen - 2u);
		switch (fd->kind) {
		case F_UINT:
			sb_addu(sb, val);
			break;
		case F_INT:
			sb_addi(sb, (int64_t)val);
			break;
		case F_ADDR:
			quote_addr(sb, val);
			break;
		case F_BYTES:
			if ((b = call_leaf(c, v, i, slot++)))
				text_buf(sb, c, b);
			else
				quote_addr(sb, val);
			break;
		case F_ARRAY:
		case F_PTR:
			if ((n = call_node(c, v, i, slot++)))
				render_agg(sb, c, n);
			else
				quote_addr(sb, val);
			break;
		}
	}
	sb_addch(sb, '}');
}

/* The names of the bits of @val, "|"-joined; returns the bits left unnamed. */
static uint64_t flag_names(struct strbuf *sb, uint64_t val, const struct xlat_list *l)
{
	uint64_t left = val;
	unsigned i;

	for (i = 0; i < l->n; i++) {
		uint64_t bit = l->items[i].val;

		if (!bit || (val & bit) != bit)
			continue;
		if (left != val)
			sb_addch(sb, '|');
		sb_addstr(sb, l->items[i].name);
		left &= ~bit;
	}
	return left;
}

static void render_flags(struct strbuf *sb, const struct flags_arg *f)
{
	uint64_t left;

	if (!f->val || opt.xlat == XLAT_RAW) {
		if (f->val)
			sb_addhex(sb, f->val);
		else
			sb_addch(sb, '0');
		return;
	}
	if (opt.xlat == XLAT_VERBOSE) {
		sb_addhex(sb, f->val);
		sb_addstr(sb, " /* ");
	}
	left = flag_names(sb, f->val, f->names);
	if (left == f->val) {	/* no known bit */
		if (opt.xlat != XLAT_VERBOSE) {
			sb_addhex(sb, f->val);
			sb_addstr(sb, " /* ");
		}
		sb_addstr(sb, f->names->unknown);
		sb_addstr(sb, " */");
		return;
	}
	if (left) {
		sb_addch(sb, '|');
		sb_addhex(sb, left);
	}
	if (opt.xlat == XLAT_VERBOSE)
		sb_addstr(sb, " */");
}

static void offset_value(struct strbuf *sb, const struct offptr_arg *o, uint64_t v)
{
	if (o->is_signed)
		sb_addi(sb, (int64_t)v);
	else
		sb_addu(sb, v);
}

/* NULL, the address when unreadable, [old], or [old => new] after a transfer. */
static void render_offptr(struct strbuf *sb, const struct offptr_arg *o)
{
	if (!o->addr || !o->old_ok) {
		quote_addr(sb, o->addr);
		return;
	}
	sb_addch(sb, '[');
	offset_value(sb, o, o->old);
	if (o->want_new) {
		sb_addstr(sb, " => ");
		if (o->new_ok)
			offset_value(sb, o, o->new);
		else
			sb_addch(sb, '?');
	}
	sb_addch(sb, ']');
}

#define DELETED " (deleted)"

/* <path>, and a deleted file's mark outside the brackets, as strace: <x>(deleted). */
static void fd_path(struct strbuf *sb, const char *path, size_t len)
{
	size_t mark = strlen(DELETED);
	int deleted = len > mark && !memcmp(path + len - mark, DELETED, mark);

	sb_addch(sb, '<');
	file_name_text(sb, path, deleted ? len - mark : len);
	sb_addch(sb, '>');
	if (deleted)
		sb_addstr(sb, "(deleted)");
}

void text_arg(struct strbuf *sb, const struct call *c, const struct arg *a)
{
	switch (a->type) {
	case ARG_INT:
		sb_addi(sb, a->v.i);
		break;
	case ARG_PID:
		sb_addu(sb, quote_pid((pid_t)a->v.i));
		break;
	case ARG_FD:
		sb_addi(sb, a->v.i);
		if (opt.show_paths && call_fd_path(c, a))
			fd_path(sb, call_fd_path(c, a), a->path.len);
		break;
	case ARG_UINT:
		sb_addu(sb, a->v.u);
		break;
	case ARG_ADDR:
		quote_addr(sb, a->v.u);
		break;
	case ARG_BUF:
		text_buf(sb, c, &a->v.buf);
		break;
	case ARG_ARRAY:
	case ARG_STRUCT:
		render_agg(sb, c, a);
		break;
	case ARG_FLAGS:
		render_flags(sb, &a->v.flags);
		break;
	case ARG_OFFPTR:
		render_offptr(sb, &a->v.off);
		break;
	}
}

void text_args(struct strbuf *sb, const struct call *c, unsigned from, unsigned to)
{
	unsigned i;

	for (i = from; i < to; i++) {
		if (i > from)
			sb_addstr(sb, ", ");
		text_arg(sb, c, &c->arg[i]);
	}
}

void text_result(struct strbuf *sb, const struct call *c)
{
	const char *name;

	if (c->vanished) {
		sb_addch(sb, '?');
		return;
	}
	if (!c->error) {
		sb_addu(sb, arch_ulong(c->arch, (uint64_t)c->rval));
		return;
	}
	name = errno_name(c->error);
	switch (c->error) {
	case 512: case 513: case 514: case 516:	/* ERESTART*: never seen by the tracee */
		sb_addstr(sb, "? ");
		break;
	default:
		sb_addstr(sb, "-1 ");
	}
	if (name)
		sb_addf(sb, "%s (%s)", name, errno_text(c->error));
	else
		sb_addf(sb, "(errno %d)", c->error);
}

/* "[first..last]", or "[first]" for one byte. */
static void byte_range(struct strbuf *sb, uint64_t first, uint64_t last)
{
	sb_addch(sb, '[');
	sb_addu(sb, first);
	if (last != first) {
		sb_addstr(sb, "..");
		sb_addu(sb, last);
	}
	sb_addch(sb, ']');
}

/* Bytes [first, last] of a copy (all read: see compare_snap()), within -s. */
static void quote_range(struct strbuf *sb, const struct call *c, const struct buf_arg *b,
			uint64_t first, uint64_t last)
{
	uint64_t n = last - first + 1;

	sb_addch(sb, '"');
	quote_bytes(sb, call_buf_data(c, b) + first, (size_t)MIN(n, (uint64_t)opt.max_strlen));
	sb_addch(sb, '"');
	if (n > opt.max_strlen)
		sb_addstr(sb, "...");
}

static void iovec_value(struct strbuf *sb, uint64_t base, uint64_t len)
{
	sb_addstr(sb, "{iov_base=");
	quote_addr(sb, base);
	sb_addstr(sb, ", iov_len=");
	sb_addu(sb, len);
	sb_addch(sb, '}');
}

static void render_change(struct strbuf *sb, const struct call *c, const struct toctou *tt,
			  const struct change *ch)
{
	sb_addstr(sb, c->arg[tt->arg].name);
	if (ch->elem >= 0)
		sb_addf(sb, "[%d]", ch->elem);
	switch (ch->kind) {
	case CHANGE_BYTES:
		byte_range(sb, ch->first, ch->last);
		sb_addch(sb, ' ');
		quote_range(sb, c, &ch->snap->entry, ch->first, ch->last);
		sb_addstr(sb, " => ");
		quote_range(sb, c, &ch->snap->exit, ch->first, ch->last);
		break;
	case CHANGE_HASH:
		byte_range(sb, ch->first, ch->last);
		sb_addstr(sb, " changed (past --toctou-bytes: compared by hash)");
		break;
	case CHANGE_ARRAY:
		sb_addch(sb, ' ');
		iovec_value(sb, ch->old_base, ch->old_len);
		sb_addstr(sb, " => ");
		iovec_value(sb, ch->new_base, ch->new_len);
		break;
	}
}

void text_toctou(struct strbuf *sb, const struct call *c, const struct toctou *tt)
{
	unsigned i, shown = MIN(tt->nchanges, c->iov_show);

	sb_addstr(sb, " /* toctou: ");
	for (i = 0; i < shown; i++) {
		if (i)
			sb_addstr(sb, ", ");
		render_change(sb, c, tt, &tt->changes[i]);
	}
	if (shown < tt->nchanges)
		sb_addstr(sb, shown ? ", ..." : "...");
	if (!tt->nchanges)
		sb_addstr(sb, "unchanged");
	if (tt->landed != LANDED_UNCHECKED) {
		sb_addstr(sb, "; landed: ");
		sb_addstr(sb, toctou_landed_name(tt->landed));
		if (tt->landed == LANDED_UNKNOWN && tt->not_read[0]) {
			sb_addstr(sb, " (not read back: ");
			quote_bytes(sb, (const unsigned char *)tt->not_read, strlen(tt->not_read));
			sb_addch(sb, ')');
		} else if (tt->landed == LANDED_UNKNOWN) {
			sb_addf(sb, " (read back failed: %s)", errno_text(tt->verify_errno));
		}
	}
	sb_addstr(sb, " */");
}
