#include "config.h"
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include "call/call.h"
#include "util/names.h"
#include "config/options.h"
#include "render/output.h"
#include "render/render.h"
#include "syscalls/syscalls.h"
#include "trace/tracee.h"
#include "util/util.h"
#include "util/xlat.h"
#include "memory/umem.h"
#include "policy/stack.h"
#include "policy/norm.h"
#include "render/json.h"
#include "policy/toctou.h"
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* One scratch line, reused: rendering allocates nothing in steady state. */
static struct strbuf line = STRBUF_INIT;

/* Closes another tracee's open line on @t's stream before @t prints. */
static void take_stream(struct tcb *t)
{
	struct outstream *s = t->out;
	struct tcb *owner = s->open_line;

	if (!owner || owner == t)
		return;
	out_write(s, " <unfinished ...>\n", 18);
	owner->flags |= TCB_LINE_CUT;
	s->open_line = NULL;
}

/* A pid as printed: itself, or its ordinal with --normalize. */
static unsigned pid_value(pid_t pid)
{
	return opt.normalize ? norm_pid(pid) : (unsigned)pid;
}

static void timestamp(struct strbuf *sb)
{
	static uint64_t last_ns;
	struct timespec ts;
	struct tm tm;
	uint64_t now, d;

	if (opt.timestamps == TS_RELATIVE) {
		now = now_ns();
		d = last_ns ? now - last_ns : 0;
		last_ns = now;
		sb_addf(sb, "%6llu.%06llu ", (unsigned long long)(d / 1000000000u),
			(unsigned long long)(d % 1000000000u / 1000));
		return;
	}
	clock_gettime(CLOCK_REALTIME, &ts);
	if (opt.timestamps == TS_EPOCH) {
		sb_addf(sb, "%lld.%06ld ", (long long)ts.tv_sec, ts.tv_nsec / 1000);
		return;
	}
	localtime_r(&ts.tv_sec, &tm);
	sb_addf(sb, "%02d:%02d:%02d", tm.tm_hour, tm.tm_min, tm.tm_sec);
	if (opt.timestamps == TS_MICRO)
		sb_addf(sb, ".%06ld", ts.tv_nsec / 1000);
	sb_addch(sb, ' ');
}

static void leader(struct strbuf *sb, const struct tcb *t)
{
	if (opt.per_process) {
		/* no pid column */
	} else if (t->out->is_file) {
		/* strace -f -o FILE marks every line with the pid. */
		if (opt.follow || tcb_count() > 1)
			sb_addf(sb, "%-5u ", pid_value(t->tid));
	} else if (tcb_count() > 1) {
		sb_addf(sb, "[pid %5u] ", pid_value(t->tid));
	}
	if (opt.timestamps)
		timestamp(sb);
}

static void begin_line(struct tcb *t)
{
	take_stream(t);
	sb_reset(&line);
	leader(&line, t);
}

static void emit(struct tcb *t)
{
	if (opt.summary == 1)
		return;	/* -c: nothing but the table */
	out_write(t->out, line.buf, line.len);
}

static int is_octal(unsigned char c)
{
	return c >= '0' && c <= '7';
}

static int needs_hex(const unsigned char *p, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char c = p[i];

		/* Printable or one of \t \n \v \f \r keeps the plain form. */
		if (c > 0x7e || (c < 0x20 && (c < '\t' || c > '\r')))
			return 1;
	}
	return 0;
}

static void quote_hex(struct strbuf *sb, const unsigned char *p, size_t len)
{
	static const char digits[] = "0123456789abcdef";
	size_t i;
	char *o;

	sb_grow(sb, len * 4);
	o = sb->buf + sb->len;
	for (i = 0; i < len; i++) {
		*o++ = '\\';
		*o++ = 'x';
		*o++ = digits[p[i] >> 4];
		*o++ = digits[p[i] & 15];
	}
	sb->len = (size_t)(o - sb->buf);
	sb->buf[sb->len] = '\0';
}

void quote_bytes(struct strbuf *sb, const unsigned char *p, size_t len)
{
	size_t i;
	char *o;

	if (opt.xmode == XMODE_ALL ||
	    (opt.xmode == XMODE_NONPRINT && needs_hex(p, len))) {
		quote_hex(sb, p, len);
		return;
	}
	sb_grow(sb, len * 4);	/* "\377" is the longest form */
	o = sb->buf + sb->len;
	for (i = 0; i < len; i++) {
		unsigned char c = p[i];

		switch (c) {
		case '"': *o++ = '\\'; *o++ = '"'; continue;
		case '\\': *o++ = '\\'; *o++ = '\\'; continue;
		case '\f': *o++ = '\\'; *o++ = 'f'; continue;
		case '\n': *o++ = '\\'; *o++ = 'n'; continue;
		case '\r': *o++ = '\\'; *o++ = 'r'; continue;
		case '\t': *o++ = '\\'; *o++ = 't'; continue;
		case '\v': *o++ = '\\'; *o++ = 'v'; continue;
		}
		if (c >= 0x20 && c <= 0x7e) {
			*o++ = (char)c;
			continue;
		}
		*o++ = '\\';
		/* A following digit would extend a short octal escape. */
		if (i + 1 < len && is_octal(p[i + 1])) {
			*o++ = (char)('0' + (c >> 6));
			*o++ = (char)('0' + ((c >> 3) & 7));
		} else {
			if (c >> 6)
				*o++ = (char)('0' + (c >> 6));
			if (c >> 3)
				*o++ = (char)('0' + ((c >> 3) & 7));
		}
		*o++ = (char)('0' + (c & 7));
	}
	sb->len = (size_t)(o - sb->buf);
	sb->buf[sb->len] = '\0';
}

/* A non-NULL address: hex, or with --normalize "ADDR" and its ordinal. */
static void hexaddr(struct strbuf *sb, uint64_t a)
{
	if (opt.normalize)
		sb_addf(sb, "ADDR%u", norm_addr(a));
	else
		sb_addhex(sb, a);
}

static void addr(struct strbuf *sb, uint64_t a)
{
	if (a)
		hexaddr(sb, a);
	else
		sb_addstr(sb, "NULL");
}

void render_buf(struct strbuf *sb, const struct call *c, const struct buf_arg *b)
{
	if (!b->addr) {
		sb_addstr(sb, "NULL");
		return;
	}
	if (b->want && !b->got) {	/* not even the first byte: as strace */
		hexaddr(sb, b->addr);
		return;
	}
	sb_addch(sb, '"');
	quote_bytes(sb, call_buf_data(c, b), b->got);
	sb_addch(sb, '"');
	if (b->got < b->want) {
		sb_addstr(sb, " /* unreadable from ");
		hexaddr(sb, b->fault);
		sb_addstr(sb, " */");
	} else if (b->len > b->got) {
		sb_addstr(sb, "...");
	}
}

static void render_iov(struct strbuf *sb, const struct call *c, const struct iov_arg *v)
{
	unsigned esize = c->arch == ARCH_I386 ? 8 : 16;
	unsigned shown, i;

	if (!v->addr) {
		sb_addstr(sb, "NULL");
		return;
	}
	if (v->overflow || (v->want && !v->got)) {	/* not even element 0 */
		hexaddr(sb, v->addr);
		return;
	}
	if (!v->count) {
		sb_addstr(sb, "[]");
		return;
	}
	shown = MIN(v->got, v->show);
	sb_addch(sb, '[');
	for (i = 0; i < shown; i++) {
		const struct iov_elem *e = call_iov_elem(c, v, i);

		if (i)
			sb_addstr(sb, ", ");
		sb_addstr(sb, "{iov_base=");
		if (v->with_data)
			render_buf(sb, c, &e->data);
		else
			addr(sb, e->base);
		sb_addstr(sb, ", iov_len=");
		sb_addu(sb, e->len);
		sb_addch(sb, '}');
	}
	if (shown)
		sb_addstr(sb, ", ");
	if (v->got < v->show) {
		sb_addstr(sb, "... /* ");
		hexaddr(sb, v->addr + (uint64_t)v->got * esize);
		sb_addstr(sb, " */]");
	} else if (v->count > shown) {
		sb_addstr(sb, "...]");
	} else {
		sb->len -= 2;	/* no ", " after the last element */
		sb_addch(sb, ']');
	}
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
		addr(sb, o->addr);
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

void file_name_raw(struct strbuf *sb, const char *path, size_t len)
{
	const char *br = memchr(path, '[', len);
	char *end;
	unsigned long long ino;

	/* Only pseudo-files ("pipe:[1234]", "socket:[5678]") carry an inode: a path never does. */
	if (opt.normalize && len && path[0] != '/' && br && path[len - 1] == ']' &&
	    (ino = strtoull(br + 1, &end, 10), end == path + len - 1)) {
		sb_add(sb, path, (size_t)(br - path) + 1);
		sb_addf(sb, "%u]", norm_inode(ino));
	} else {
		sb_add(sb, path, len);
	}
}

void render_file_name(struct strbuf *sb, const char *path, size_t len)
{
	struct strbuf raw = STRBUF_INIT;

	file_name_raw(&raw, path, len);
	quote_bytes(sb, (const unsigned char *)raw.buf, raw.len);
	sb_release(&raw);
}

#define DELETED " (deleted)"

/* <path>, and a deleted file's mark outside the brackets, as strace: <x>(deleted). */
static void fd_path(struct strbuf *sb, const char *path, size_t len)
{
	size_t mark = strlen(DELETED);
	int deleted = len > mark && !memcmp(path + len - mark, DELETED, mark);

	sb_addch(sb, '<');
	render_file_name(sb, path, deleted ? len - mark : len);
	sb_addch(sb, '>');
	if (deleted)
		sb_addstr(sb, "(deleted)");
}

static void render_arg(struct strbuf *sb, const struct call *c, const struct arg *a)
{
	switch (a->type) {
	case ARG_INT:
		sb_addi(sb, a->v.i);
		break;
	case ARG_PID:
		sb_addu(sb, pid_value((pid_t)a->v.i));
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
		addr(sb, a->v.u);
		break;
	case ARG_BUF:
		render_buf(sb, c, &a->v.buf);
		break;
	case ARG_IOV:
		render_iov(sb, c, &a->v.iov);
		break;
	case ARG_FLAGS:
		render_flags(sb, &a->v.flags);
		break;
	case ARG_OFFPTR:
		render_offptr(sb, &a->v.off);
		break;
	}
}

static void render_args(struct strbuf *sb, const struct call *c, unsigned from, unsigned to)
{
	unsigned i;

	for (i = from; i < to; i++) {
		if (i > from)
			sb_addstr(sb, ", ");
		render_arg(sb, c, &c->arg[i]);
	}
}

void render_entry(struct tcb *t)
{
	if (opt.json)
		return;	/* JSON renders the whole call at its exit */
	const struct call *c = &t->call;
	unsigned n = call_entry_args(c);

	begin_line(t);
	sb_addstr(&line, syscall_def(c->id)->name);
	sb_addch(&line, '(');
	render_args(&line, c, 0, n);
	if (n && n < c->nargs)
		sb_addstr(&line, ", ");
	t->col = line.len;
	emit(t);
	t->flags |= TCB_LINE_OPEN;
	t->flags &= ~TCB_LINE_CUT;
	t->out->open_line = t;
}

/* Starts the exit part: on the open line, or as "<... NAME resumed>". */
static size_t resume_line(struct tcb *t)
{
	if (t->out->open_line == t && !(t->flags & TCB_LINE_CUT)) {
		sb_reset(&line);
		return t->col;
	}
	begin_line(t);
	sb_addstr(&line, "<... ");
	sb_addstr(&line, syscall_def(t->call.id)->name);
	sb_addstr(&line, " resumed>");
	return 0;
}

static void pad_to_result(size_t col)
{
	if (col < opt.align)
		sb_pad(&line, opt.align - col);
	else
		sb_addch(&line, ' ');
	sb_addstr(&line, "= ");
}

static void end_line(struct tcb *t)
{
	sb_addch(&line, '\n');
	emit(t);
	t->flags &= ~(TCB_LINE_OPEN | TCB_LINE_CUT);
	if (t->out->open_line == t)
		t->out->open_line = NULL;
}

static void render_result(struct strbuf *sb, const struct call *c, enum arch arch)
{
	const char *name;

	if (c->vanished) {
		sb_addch(sb, '?');
		return;
	}
	if (!c->error) {
		sb_addu(sb, arch_ulong(arch, (uint64_t)c->rval));
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
	addr(sb, base);
	sb_addstr(sb, ", iov_len=");
	sb_addu(sb, len);
	sb_addch(sb, '}');
}

static void render_change(struct strbuf *sb, const struct call *c, const struct change *ch)
{
	sb_addstr(sb, c->arg[c->tt.arg].name);
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

/* " /" "* toctou: CHANGE, ...; landed: WHICH *" "/" after the result. */
static void render_toctou(struct strbuf *sb, const struct call *c)
{
	const struct toctou *tt = &c->tt;
	unsigned i, shown = MIN(tt->nchanges, c->iov_show);

	sb_addstr(sb, " /* toctou: ");
	for (i = 0; i < shown; i++) {
		if (i)
			sb_addstr(sb, ", ");
		render_change(sb, c, &tt->changes[i]);
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

/* Dumps are streamed in chunks this big: their length comes from the tracee. */
#define DUMP_CHUNK (64 * 1024)

/* Offset digits: 5, or as many as the dump's last offset needs. */
static unsigned dump_width(uint64_t len)
{
	unsigned w = 5;

	while (w < 16 && ((len - 1) >> (4 * w)))
		w++;
	return w;
}

/*
 * " | 00010  36 37 ...  ... |" lines, written straight into the line
 * buffer: dumps can be megabytes, so no per-character calls here.
 */
static void dump_lines(const unsigned char *p, size_t n, uint64_t off, unsigned width)
{
	static const char digits[] = "0123456789abcdef";
	size_t i, k;

	sb_grow(&line, (n / 16 + 1) * (3 + width + 2 + 16 * 3 + 2 + 16 + 3));
	for (i = 0; i < n; i += 16) {
		size_t cnt = MIN((size_t)16, n - i);
		char *o = line.buf + line.len;
		uint64_t at = off + i;

		memcpy(o, " | ", 3);
		o += 3;
		for (k = 0; k < width; k++)
			o[width - 1 - k] = digits[(at >> (4 * k)) & 15];
		o += width;
		*o++ = ' ';
		*o++ = ' ';
		for (k = 0; k < 16; k++) {
			if (k < cnt) {
				*o++ = digits[p[i + k] >> 4];
				*o++ = digits[p[i + k] & 15];
				*o++ = ' ';
			} else {
				memcpy(o, "   ", 3);
				o += 3;
			}
			if (k == 7)
				*o++ = ' ';
		}
		*o++ = ' ';
		for (k = 0; k < 16; k++) {
			unsigned char ch = k < cnt ? p[i + k] : ' ';

			*o++ = ch >= 0x20 && ch <= 0x7e ? (char)ch : '.';
		}
		memcpy(o, " |\n", 3);
		o += 3;
		line.len = (size_t)(o - line.buf);
	}
	line.buf[line.len] = '\0';
}

/* Dumps @len bytes at @addr of @t; where memory ends, says how much is not shown. */
static void dump_range(struct tcb *t, uint64_t addr, uint64_t len)
{
	static unsigned char chunk[DUMP_CHUNK];
	unsigned width;
	uint64_t off = 0;

	if (!len)
		return;
	width = dump_width(len);
	while (off < len) {
		struct umem_req r;

		r.addr = addr + off;
		r.len = (size_t)MIN(len - off, (uint64_t)DUMP_CHUNK);
		r.dst = chunk;
		umem_read(t->tid, &r, 1);
		sb_reset(&line);
		dump_lines(chunk, r.got, off, width);
		off += r.got;
		if (r.got < r.len) {
			sb_addstr(&line, " | <unreadable from ");
			hexaddr(&line, r.fault);
			sb_addf(&line, ": %llu bytes not shown>\n", (unsigned long long)(len - off));
		}
		emit(t);
		if (r.got < r.len)
			return;
	}
}

/* A dump already read (call_fetch's dump_segs): the lines, and where reading stopped. */
static void dump_fetched(const struct call *c, const struct buf_arg *b)
{
	if (!b->len)
		return;
	dump_lines(call_buf_data(c, b), b->got, 0, dump_width(b->len));
	if (b->got < b->len) {
		sb_addstr(&line, " | <unreadable from ");
		hexaddr(&line, b->fault);
		sb_addf(&line, ": %llu bytes not shown>\n", (unsigned long long)(b->len - b->got));
	}
}

/* Prints a dump of at most CALL_DUMP_PREFETCH bytes that call_fetch() read. */
static void render_fetched_dump(struct tcb *t)
{
	const struct call *c = &t->call;
	unsigned i;

	if (c->arg[c->dump_arg].type == ARG_BUF) {
		if (c->ndump_segs) {
			sb_reset(&line);
			dump_fetched(c, &c->dump_segs[0]);
			emit(t);
		}
		return;
	}
	for (i = 0; i < c->ndump_segs; i++) {
		sb_reset(&line);
		sb_addf(&line, " * %llu bytes in buffer %u\n",
			(unsigned long long)c->dump_segs[i].len, i);
		dump_fetched(c, &c->dump_segs[i]);
		emit(t);
	}
}

static void render_dump(struct tcb *t)
{
	const struct call *c = &t->call;
	const struct arg *a = &c->arg[c->dump_arg];
	const struct iov_arg *v = &a->v.iov;
	uint64_t left = c->dump_len;
	unsigned i;

	if (c->dump_ready) {
		render_fetched_dump(t);
		return;
	}
	/* Past CALL_DUMP_PREFETCH: streamed from the tracee, which waits meanwhile. */
	if (a->type == ARG_BUF) {
		if (a->v.buf.addr)
			dump_range(t, a->v.buf.addr, c->dump_len);
		return;
	}
	if (a->type != ARG_IOV)
		return;
	for (i = 0; i < v->got && left; i++) {
		const struct iov_elem *e = call_iov_elem(c, v, i);
		uint64_t n = MIN(e->len, left);

		sb_reset(&line);
		sb_addf(&line, " * %llu bytes in buffer %u\n", (unsigned long long)n, i);
		emit(t);
		dump_range(t, e->base, n);
		left -= n;
	}
}

/*
 * Binary paths and symbol names come from the tracee's files: printable
 * ASCII stays as it is (they are meant to be read), anything else is
 * escaped in octal, whatever -x says.
 */
static void add_escaped_name(struct strbuf *sb, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c >= 0x20 && c <= 0x7e && c != '\\')
			sb_addch(sb, (char)c);
		else
			sb_addf(sb, "\\%03o", c);
	}
}

/* " > binary(symbol+0xoff) [0xfile_offset]" per frame. */
static void render_stack(struct tcb *t)
{
	const struct call *c = &t->call;
	unsigned i;

	sb_reset(&line);
	if (c->stack_note == STACK_I386)
		sb_addstr(&line, " > [no stack trace: libunwind cannot unwind a 32-bit tracee from the 64-bit iotrace]\n");
	else if (c->stack_note == STACK_FAILED)
		sb_addstr(&line, " > [no stack trace: the unwinder could not start]\n");
	for (i = 0; i < c->nframes; i++) {
		const struct frame *f = &c->frames[i];

		sb_addstr(&line, " > ");
		add_escaped_name(&line, f->binary ? f->binary : "?");
		sb_addch(&line, '(');
		add_escaped_name(&line, f->symbol);
		sb_addstr(&line, ") [");
		sb_addhex(&line, f->file_off);
		sb_addstr(&line, "]\n");
	}
	emit(t);
}

static void render_exit_json(struct tcb *t)
{
	struct strbuf ts = STRBUF_INIT;

	if (opt.timestamps) {
		timestamp(&ts);
		while (ts.len && ts.buf[ts.len - 1] == ' ')
			ts.buf[--ts.len] = '\0';
		while (ts.len && ts.buf[0] == ' ') {
			memmove(ts.buf, ts.buf + 1, ts.len);
			ts.len--;
		}
	}
	json_call(t, opt.timestamps ? ts.buf : NULL);
	sb_release(&ts);
}

void render_exit(struct tcb *t)
{
	const struct call *c = &t->call;
	size_t base;

	if (opt.json) {
		if (opt.summary != 1)
			render_exit_json(t);
		return;
	}
	base = resume_line(t);

	render_args(&line, c, call_entry_args(c), c->nargs);
	sb_addch(&line, ')');
	pad_to_result(base + line.len);
	render_result(&line, c, t->ev.arch);
	if (toctou_has_news(c))
		render_toctou(&line, c);
	if (opt.durations)
		sb_addf(&line, " <%llu.%06llu>", (unsigned long long)(c->duration_ns / 1000000000u),
			(unsigned long long)(c->duration_ns % 1000000000u / 1000));
	end_line(t);
	if (c->dump_arg >= 0)
		render_dump(t);
	if (c->nframes || c->stack_note)
		render_stack(t);
}

void render_vanished(struct tcb *t)
{
	size_t base;

	if (!(t->flags & TCB_LINE_OPEN))
		return;
	base = resume_line(t);
	sb_addstr(&line, " <unfinished ...>)");
	pad_to_result(base + line.len);
	sb_addch(&line, '?');
	end_line(t);
}

static void sig(struct strbuf *sb, int signo)
{
	const char *name = signal_name(signo);

	if (name)
		sb_addstr(sb, name);
	else
		sb_addi(sb, signo);
}

static void pid_uid(struct strbuf *sb, const siginfo_t *si)
{
	sb_addf(sb, ", si_pid=%u, si_uid=%u", pid_value(si->si_pid), (unsigned)si->si_uid);
}

static void sigval(struct strbuf *sb, const siginfo_t *si)
{
	sb_addf(sb, ", si_int=%d, si_ptr=", si->si_int);
	addr(sb, (uintptr_t)si->si_ptr);
}

/*
 * A child's CPU time in clock ticks, with strace's comment in seconds
 * when not 0: "si_utime=5 /" "* 0.05 s *" "/".  It varies from run to
 * run: --normalize prints 0.
 */
static void cpu_time(struct strbuf *sb, const char *name, clock_t ticks)
{
	static long hz;
	unsigned long long t = opt.normalize || ticks < 0 ? 0 : (unsigned long long)ticks;

	if (!hz)
		hz = sysconf(_SC_CLK_TCK) > 0 ? sysconf(_SC_CLK_TCK) : 100;
	sb_addstr(sb, name);
	sb_addu(sb, t);
	if (t)
		sb_addf(sb, " /* %llu.%02llu s */", t / (unsigned long long)hz,
			t % (unsigned long long)hz * 100 / (unsigned long long)hz);
}

static void siginfo_fields(struct strbuf *sb, const siginfo_t *si)
{
	const char *code = sicode_name(si->si_signo, si->si_code);

	sb_addstr(sb, "si_signo=");
	sig(sb, si->si_signo);
	sb_addstr(sb, ", si_code=");
	if (code)
		sb_addstr(sb, code);
	else
		sb_addi(sb, si->si_code);
	switch (si->si_code) {
	case SI_USER:
	case SI_TKILL:
		pid_uid(sb, si);
		return;
	case SI_QUEUE:
	case SI_MESGQ:
		pid_uid(sb, si);
		sigval(sb, si);
		return;
	case SI_TIMER:
		sb_addf(sb, ", si_timerid=%#x, si_overrun=%d", (unsigned)si->si_timerid,
			si->si_overrun);
		sigval(sb, si);
		return;
	}
	if (si->si_code <= 0 || si->si_code == SI_KERNEL)
		return;
	switch (si->si_signo) {
	case SIGCHLD:
		pid_uid(sb, si);
		sb_addstr(sb, ", si_status=");
		if (si->si_code == CLD_EXITED)
			sb_addi(sb, si->si_status);
		else
			sig(sb, si->si_status);
		cpu_time(sb, ", si_utime=", si->si_utime);
		cpu_time(sb, ", si_stime=", si->si_stime);
		break;
	case SIGILL: case SIGFPE: case SIGSEGV: case SIGBUS: case SIGTRAP:
		sb_addstr(sb, ", si_addr=");
		addr(sb, (uintptr_t)si->si_addr);
		break;
	case SIGIO:
		sb_addf(sb, ", si_band=%ld, si_fd=%d", (long)si->si_band, si->si_fd);
		break;
	case SIGSYS:
		sb_addstr(sb, ", si_call_addr=");
		addr(sb, (uintptr_t)si->si_call_addr);
		sb_addf(sb, ", si_syscall=%d, si_arch=%#x", si->si_syscall, si->si_arch);
		break;
	}
}

void render_signal(struct tcb *t, const siginfo_t *si)
{
	if (opt.json) {
		if (opt.summary != 1)
			json_signal(t, si);
		return;
	}
	begin_line(t);
	sb_addstr(&line, "--- ");
	sig(&line, si->si_signo);
	sb_addstr(&line, " {");
	siginfo_fields(&line, si);
	sb_addstr(&line, "} ---\n");
	emit(t);
}

void render_stopped(struct tcb *t, int signo)
{
	if (opt.json) {
		if (opt.summary != 1)
			json_stopped(t, signo);
		return;
	}
	begin_line(t);
	sb_addstr(&line, "--- stopped by ");
	sig(&line, signo);
	sb_addstr(&line, " ---\n");
	emit(t);
}

void render_death(struct tcb *t, int status)
{
	if (opt.json) {
		if (opt.summary != 1)
			json_death(t, status);
		return;
	}
	render_vanished(t);
	begin_line(t);
	if (WIFEXITED(status)) {
		sb_addf(&line, "+++ exited with %d +++\n", WEXITSTATUS(status));
	} else {
		sb_addstr(&line, "+++ killed by ");
		sig(&line, WTERMSIG(status));
		sb_addstr(&line, WCOREDUMP(status) ? " (core dumped) +++\n" : " +++\n");
	}
	emit(t);
}

void render_note(struct tcb *t, const char *text)
{
	if (opt.json) {
		if (opt.summary != 1)
			json_note(t, text);
		return;
	}
	begin_line(t);
	sb_addstr(&line, text);
	sb_addch(&line, '\n');
	emit(t);
}
