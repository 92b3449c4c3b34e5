/*
 * The text renderer's values: arguments as strace prints them (buffers,
 * arrays and structs by their layouts, flags, offset pointers, fds with
 * their paths), results, and --toctou's comment.
 */
#include "config.h"
#include <stdio.h>
#include <string.h>
#include <arpa/inet.h>
#include <sys/socket.h>
#include <sys/sysmacros.h>
#include <time.h>
#include "config/options.h"
#include "policy/norm.h"
#include "call/cmsg.h"
#include "call/dirent.h"
#include "render/quote.h"
#include "render/sockaddr.h"
#include "render/sockopt.h"
#include "render/text.h"
#include "syscalls/syscalls.h"
#include "util/names.h"
#include "util/util.h"
#include "util/xlat.h"
#include "decoders/xlat_lists.h"

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
	/* strace's form of an xattr value: "ab" for "ab\0" (with -x, "\x61\x62\x00") */
	if (b->omit_nul && opt.xmode == XMODE_NONE && b->got && b->got == b->want &&
	    !call_buf_data(c, b)[b->got - 1]) {
		sb_addch(sb, '"');
		quote_bytes(sb, call_buf_data(c, b), b->got - 1);
		sb_addch(sb, '"');
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
static void inline_array(struct strbuf *sb, const struct call *c, const struct agg_arg *v,
			 unsigned i, unsigned f);

/* Field @f of element @i, sign-extended from its size. */
static int64_t field_signed(const struct call *c, const struct agg_arg *v, unsigned i, unsigned f)
{
	unsigned bits = 8u * v->layout->fields[f].size[c->arch];
	uint64_t x = call_field(c, v, i, f);

	return bits < 64 && (x >> (bits - 1)) & 1 ? (int64_t)(x | ~(((uint64_t)1 << bits) - 1)) :
						      (int64_t)x;
}

/*
 * strace builds poll's list of ready fds in a 1 KiB buffer: an element
 * that would end within this many bytes of it is not printed, "..." is.
 */
#define SPARSE_TEXT_MAX (1024 - 27)

/* An array whose elements with a 0 in field .skip_zero are left out: -s counts those printed. */
static void sparse_array(struct strbuf *sb, const struct call *c, const struct agg_arg *v)
{
	unsigned i, k = 0, f = v->layout->skip_zero - 1u;
	size_t start = sb->len, at;

	sb_addch(sb, '[');
	for (i = 0; i < v->got; i++) {
		if (!call_field(c, v, i, f))
			continue;
		if (k)
			sb_addstr(sb, ", ");
		at = sb->len;
		if (k < v->show)
			text_elem(sb, c, v, i);
		if (k == v->show || sb->len - start >= SPARSE_TEXT_MAX) {
			sb->len = at;
			sb_addstr(sb, "...");
			break;
		}
		k++;
	}
	sb_addch(sb, ']');
}

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
	struct agg_arg before;
	unsigned shown, i;

	if ((v->before_only || v->left_after) && v->addr) {
		/* as read at entry: a failed recvmsg's msg_namelen, recvmmsg's timeout */
		if (!call_before_view(c, v, &before)) {
			quote_hexaddr(sb, v->addr);
			return;
		}
		v = &before;
	}
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
	if (v->layout->skip_zero) {
		sparse_array(sb, c, v);
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

/* <path>, a device's <path<char 1:3>> or a socket's -yy endpoints, quoted already: <TCP:[127.0.0.1:80->...]>. */
static void fd_name(struct strbuf *sb, const struct call *c, const struct fd_path *p)
{
	const char *text = (const char *)c->arena + p->off;

	if (p->device) {	/* -yy: </dev/null<char 1:3>> */
		sb_addch(sb, '<');
		file_name_text(sb, text, p->len);
		sb_addf(sb, "<%s %u:%u>>", p->device == 'c' ? "char" : "block", p->major, p->minor);
		return;
	}
	if (!p->described) {
		fd_path(sb, text, p->len);
		return;
	}
	sb_addch(sb, '<');
	file_name_raw(sb, text, p->len);	/* inodes renumbered by --normalize */
	sb_addch(sb, '>');
}

/* A number as strace shows flags and unnamed values: 0, or hex. */
static void hex(struct strbuf *sb, uint64_t v)
{
	if (v)
		sb_addhex(sb, v);
	else
		sb_addch(sb, '0');
}

struct names_out {
	struct strbuf *sb;
	const struct xlat_list *l;
	unsigned n;
};

static void emit_name(const char *name, uint64_t field_val, void *ctx)
{
	struct names_out *o = ctx;

	if (o->n++)
		sb_addch(o->sb, '|');
	if (name) {
		sb_addstr(o->sb, name);
		return;
	}
	hex(o->sb, field_val);	/* a field value without a name */
	if (o->l->field->unknown) {
		sb_addstr(o->sb, " /* ");
		sb_addstr(o->sb, o->l->field->unknown);
		sb_addstr(o->sb, " */");
	}
}

/* The zero value's name in flags list @l (PROT_NONE), or NULL. */
static const char *zero_name(const struct xlat_list *l)
{
	const struct xlat_list *bits = l->bits ? l->bits : l;
	unsigned i;

	for (i = 0; i < bits->n; i++)
		if (!bits->items[i].val)
			return bits->items[i].name;
	return NULL;
}

/* Flags as names: "O_RDWR|O_CREAT|0x40000000", "21<<MAP_HUGE_SHIFT"; nothing named: "0x40 /" "* DN_??? *" "/". */
static void flag_names(struct strbuf *sb, uint64_t val, const struct xlat_list *l)
{
	struct names_out o = { sb, l, 0 };
	uint64_t left, shifted;

	if (!val && !l->field) {
		sb_addstr(sb, zero_name(l) ? zero_name(l) : "0");
		return;
	}
	left = xlat_flags(l, val, emit_name, &o, &shifted);
	if (!o.n && !shifted) {
		hex(sb, val);
		if (l->unknown) {	/* (some of strace's lists have no mark) */
			sb_addstr(sb, " /* ");
			sb_addstr(sb, l->unknown);
			sb_addstr(sb, " */");
		}
		return;
	}
	if (left) {
		if (o.n++)
			sb_addch(sb, '|');
		sb_addhex(sb, left);
	}
	if (shifted) {
		if (o.n++)
			sb_addch(sb, '|');
		sb_addf(sb, "%llu<<%s", (unsigned long long)shifted, l->shift_name);
	}
}

/* Whether flags @val print as a bare number whatever -X says (0 with no name for it). */
static int flags_plain_zero(uint64_t val, const struct xlat_list *l)
{
	return !val && !l->field && !zero_name(l);
}

/* Whether flags @val have any name in @l (else they print as "0x40 /" "* DN_??? *" "/"). */
static int flags_named(uint64_t val, const struct xlat_list *l)
{
	const struct xlat_list *bits = l->bits ? l->bits : l;
	unsigned i;

	if (l->field || (val & l->shift_mask) || !val)
		return 1;
	for (i = 0; i < bits->n; i++)
		if (bits->items[i].val && (val & bits->items[i].val) == bits->items[i].val)
			return 1;
	return 0;
}

static void text_enum(struct strbuf *sb, uint64_t val, const struct xlat_list *l);

void text_flags(struct strbuf *sb, uint64_t val, const struct xlat_list *l)
{
	if (l->split && (val & ~l->field_mask)) {	/* "SOCK_DGRAM|SOCK_CLOEXEC", "0x2|0x80000" */
		text_enum(sb, val & l->field_mask, l->field);
		sb_addch(sb, '|');
		text_flags(sb, val & ~l->field_mask, l->bits ? l->bits : l);
		return;
	}
	if (l->split) {
		text_enum(sb, val, l->field);
		return;
	}
	if (opt.xlat == XLAT_RAW || flags_plain_zero(val, l)) {
		hex(sb, val);
		return;
	}
	if (opt.xlat == XLAT_VERBOSE && flags_named(val, l)) {
		hex(sb, val);
		sb_addstr(sb, " /* ");
	}
	flag_names(sb, val, l);
	if (opt.xlat == XLAT_VERBOSE && flags_named(val, l))
		sb_addstr(sb, " */");
}

/* A value named from @l: the name, or hex with the list's mark for an unknown one. */
static void text_enum(struct strbuf *sb, uint64_t val, const struct xlat_list *l)
{
	const char *name = xlat_name(l, val);

	if (opt.xlat == XLAT_RAW) {
		hex(sb, val);
		return;
	}
	if (name && opt.xlat == XLAT_ABBREV) {
		sb_addstr(sb, name);
		return;
	}
	hex(sb, val);
	if (name || l->unknown) {	/* (some of strace's lists have no mark) */
		sb_addstr(sb, " /* ");
		sb_addstr(sb, name ? name : l->unknown);
		sb_addstr(sb, " */");
	}
}

/* A constant with a name of its own (AT_FDCWD, a signal) that -X shows or hides. */
static void named_number(struct strbuf *sb, int64_t v, const char *name)
{
	if (!name || opt.xlat == XLAT_RAW) {
		sb_addi(sb, v);
		return;
	}
	if (opt.xlat == XLAT_VERBOSE)
		sb_addf(sb, "%lld /* %s */", (long long)v, name);
	else
		sb_addstr(sb, name);
}

/* A pid field: renamed by --normalize when it is a process; -1, 0, a group as they are. */
static void pid_value(struct strbuf *sb, pid_t pid)
{
	if (pid > 0)
		sb_addstr(sb, quote_pid_str(pid));
	else
		sb_addi(sb, pid);
}

/* An fd and, with -y, what it names (@p NULL or empty: nothing known). */
static void fd_value(struct strbuf *sb, const struct call *c, int64_t fd, const struct fd_path *p)
{
	sb_addi(sb, fd);
	if (opt.show_paths && p && p->len)
		fd_name(sb, c, p);
}

/* An fd inside a struct: its file as noted when the struct was read. */
static void field_fd(struct strbuf *sb, const struct call *c, const struct agg_arg *v, int64_t fd)
{
	fd_value(sb, c, fd, call_noted_path(c, (int)fd, v->at_exit));
}

struct fdset_text {
	struct strbuf *sb;
	const struct call *c;
	int paths;	/* -y: at entry, as strace */
	unsigned n;
};

static void fdset_one(int fd, void *ctx)
{
	struct fdset_text *t = ctx;

	if (t->n++)
		sb_addch(t->sb, ' ');
	fd_value(t->sb, t->c, fd, t->paths ? call_noted_path(t->c, fd, 0) : NULL);
}

/* select's fd set as strace prints it: [3 40]; NULL; its address when it cannot be read. */
static void fdset_value(struct strbuf *sb, const struct call *c, const struct buf_arg *b, int paths)
{
	struct fdset_text t = { sb, c, paths, 0 };
	size_t start;

	if (!b->addr) {
		sb_addstr(sb, "NULL");
		return;
	}
	sb_addch(sb, '[');
	start = sb->len;
	if (!call_fdset_each(c, b, fdset_one, &t)) {
		sb->len = start - 1;
		quote_hexaddr(sb, b->addr);
		return;
	}
	sb_addch(sb, ']');
}

static void fdset_count(int fd, void *ctx)
{
	(void)fd;
	(*(unsigned *)ctx)++;
}

/* Whether fd set @a holds an fd, as select left it: " (in [3], ...)" names only those. */
static int fdset_has_any(const struct call *c, const struct arg *a)
{
	unsigned n = 0;

	return a->v.buf.addr && call_fdset_each(c, &a->v.buf, fdset_count, &n) && n;
}

/* Whether field @f of element @i is left out (open_how's mode when it says nothing). */
static int field_omitted(const struct call *c, const struct agg_arg *v, unsigned i, unsigned f)
{
	const struct field *fd = &v->layout->fields[f];

	if (fd->kind == F_CMSG)	/* no control messages: msg_control is not shown, as strace */
		return !call_field(c, v, i, (unsigned)fd->len);
	if (fd->omit_neg && field_signed(c, v, i, fd->omit_neg - 1u) < 0)
		return 1;

	if (!fd->omit_zero || call_field(c, v, i, f))
		return 0;
	return !fd->unless || !(call_field(c, v, i, fd->unless - 1u) & fd->unless_mask);
}

/* An io_uring opcode in decimal, or its operation's name, as -X says: IORING_OP_READV. */
static void uring_op_value(struct strbuf *sb, uint64_t op)
{
	unsigned id = syscall_uring_op((unsigned)op);
	const char *name = id != SC_IORING_OP_UNKNOWN ? syscall_def(id)->name : NULL;

	if (name && opt.xlat == XLAT_ABBREV) {
		sb_addstr(sb, name);
		return;
	}
	sb_addu(sb, op);
	if (opt.xlat != XLAT_RAW)
		sb_addf(sb, " /* %s */", name ? name : "IORING_OP_???");
}

/*
 * A signal set as strace prints one: [USR1 TERM] (names without SIG),
 * or ~[INT] for one with more than half the signals, by what is left
 * out; -X raw numbers, -X verbose both.  Its size is whole words of the
 * tracee's, up to the kernel's 8 bytes; another size, or unreadable
 * bytes, print its address.
 */
static void sigset_value(struct strbuf *sb, const struct call *c, const struct buf_arg *b,
			 uint64_t addr)
{
	unsigned word = c->arch == ARCH_I386 ? 4 : 8, nsig = (unsigned)b->len * 8, sig, k = 0;
	uint64_t set = 0;

	if (b->len < word || b->len > SIGSET_BYTES || b->len % word || b->got < b->len) {
		quote_addr(sb, addr);
		return;
	}
	memcpy(&set, call_buf_data(c, b), (size_t)b->len);	/* little-endian: the low signals */
	if ((unsigned)__builtin_popcountll(set) > nsig / 2) {
		sb_addch(sb, '~');
		set = ~set & (nsig == 64 ? UINT64_MAX : (((uint64_t)1 << nsig) - 1));
	}
	sb_addch(sb, '[');
	for (sig = 1; sig <= nsig; sig++) {
		const char *name = signal_name((int)sig);

		if (!((set >> (sig - 1)) & 1))
			continue;
		if (k++)
			sb_addch(sb, ' ');
		if (name && !strncmp(name, "SIG", 3))
			name += 3;
		if (opt.xlat == XLAT_ABBREV && name) {
			sb_addstr(sb, name);
			continue;
		}
		sb_addu(sb, sig);
		if (opt.xlat == XLAT_VERBOSE && name)
			sb_addf(sb, " /* %s */", name);
	}
	sb_addch(sb, ']');
}

/* A name followed by "|" (the setuid bits before a mode's permissions). */
static void emit_bar(const char *name, uint64_t field_val, void *ctx)
{
	(void)field_val;
	sb_addf(ctx, "%s|", name);
}

/*
 * A file's type and mode, as strace prints st_mode: S_IFREG|S_ISUID|0755;
 * -X raw 0100755; -X verbose both.
 */
static void stmode_value(struct strbuf *sb, uint64_t mode)
{
	const char *type = xlat_name(&xlat_file_types, mode & 0170000);
	uint64_t shifted;

	/* no such type (mknod's): as strace, the number alone */
	if (opt.xlat == XLAT_RAW || (!type && (mode & 0170000))) {
		sb_addf(sb, "%#llo", (unsigned long long)mode);
		return;
	}
	if (opt.xlat == XLAT_VERBOSE)
		sb_addf(sb, "%#llo /* ", (unsigned long long)mode);
	if (type)
		sb_addf(sb, "%s|", type);
	xlat_flags(&xlat_mode_bits, mode & 07000, emit_bar, sb, &shifted);
	sb_addf(sb, "%#03llo", (unsigned long long)(mode & 0777));
	if (opt.xlat == XLAT_VERBOSE)
		sb_addstr(sb, " */");
}

/* A device number: makedev(0x1, 0x3); -X raw 0x103; -X verbose both. */
static void dev_value(struct strbuf *sb, uint64_t dev)
{
	if (opt.xlat != XLAT_ABBREV) {
		hex(sb, dev);
		if (opt.xlat == XLAT_RAW)
			return;
		sb_addstr(sb, " /* ");
	}
	sb_addstr(sb, "makedev(");
	hex(sb, major((dev_t)dev));
	sb_addstr(sb, ", ");
	hex(sb, minor((dev_t)dev));
	sb_addch(sb, ')');
	if (opt.xlat == XLAT_VERBOSE)
		sb_addstr(sb, " */");
}

/*
 * " /" "* 2026-12-01T10:23:01.927484491+0000 *" "/": a time in the local
 * zone, its nanoseconds when not 0, as strace dates a file's times
 * (whatever -X says).
 */
/* The date of @sec, its fraction @frac of @digits digits shown when not 0. */
static void date_frac(struct strbuf *sb, int64_t sec, uint64_t frac, int digits)
{
	time_t t = (time_t)sec;
	struct tm tm;
	char buf[64], zone[16];

	if (!sec && !frac)	/* as strace: no date for the epoch itself */
		return;
	if (!localtime_r(&t, &tm) || !strftime(buf, sizeof(buf), "%FT%T", &tm) ||
	    !strftime(zone, sizeof(zone), "%z", &tm))
		return;
	sb_addf(sb, " /* %s", buf);
	if (frac)
		sb_addf(sb, ".%0*llu", digits, (unsigned long long)frac);
	sb_addf(sb, "%s */", zone);
}

static void date_comment(struct strbuf *sb, int64_t sec, uint64_t nsec)
{
	date_frac(sb, sec, nsec, 9);
}

/*
 * A timespec (@usec: a timeval) in place at @p, each half @size bytes:
 * {tv_sec=S, tv_nsec=N}, dated when N is a valid fraction of a second.
 * A tv_nsec named by @names (UTIME_NOW) prints as that name, as strace:
 * -X raw the struct alone, -X verbose the struct and the name.
 */
static void timespec_value(struct strbuf *sb, const unsigned char *p, unsigned size, int usec,
			   const struct xlat_list *names)
{
	uint64_t sec = tracee_word(p, size), frac = tracee_word(p + size, size);
	const char *name = names ? xlat_name(names, frac) : NULL;

	if (name && opt.xlat == XLAT_ABBREV) {
		sb_addstr(sb, name);
		return;
	}
	if (size < 8)
		sec = (uint64_t)(int64_t)(int32_t)sec;
	sb_addf(sb, "{tv_sec=%lld, %s=%llu}", (long long)sec, usec ? "tv_usec" : "tv_nsec",
		(unsigned long long)frac);
	if (name && opt.xlat == XLAT_VERBOSE)
		sb_addf(sb, " /* %s */", name);
	else if (!name && frac < (usec ? 1000000u : 1000000000u))
		date_frac(sb, (int64_t)sec, frac, usec ? 6 : 9);
}

static void text_sockaddr_view(struct strbuf *sb, const struct sa_view *v, uint64_t addr);
static void inaddr_value(struct strbuf *sb, const unsigned char *p);
static void ifindex_value(struct strbuf *sb, uint32_t index);
static void in6addr_value(struct strbuf *sb, const unsigned char *p, const char *name);
static void hwaddr_value(struct strbuf *sb, const unsigned char *p, size_t n);
static void text_sockaddr_view(struct strbuf *sb, const struct sa_view *v, uint64_t addr);
static void text_cmsgs(struct strbuf *sb, const struct call *c, const struct agg_arg *v,
		       const struct buf_arg *b);

/* A socket address a struct leads to (msg_name). */
static void field_sockaddr(struct strbuf *sb, const struct call *c, const struct agg_arg *v,
			   unsigned i, unsigned f, const struct buf_arg *b)
{
	struct sa_view view;

	sockaddr_view_field(c, v, i, f, b, &view);
	text_sockaddr_view(sb, &view, b->addr);
}

/* A number the call rewrote: "128 => 16", or the value alone when it did not change. */
static void inout_number(struct strbuf *sb, const struct call *c, const struct agg_arg *v,
			 unsigned i, unsigned f, uint64_t val)
{
	int is_signed = v->layout->fields[f].kind == F_INT;
	uint64_t was;

	if (call_field_before(c, v, i, f, &was) && was != val) {
		if (is_signed)
			sb_addi(sb, (int64_t)was);
		else
			sb_addu(sb, was);
		sb_addstr(sb, " => ");
	}
	if (is_signed)
		sb_addi(sb, (int64_t)val);
	else
		sb_addu(sb, val);
}

static void text_field(struct strbuf *sb, const struct call *c, const struct agg_arg *v,
			unsigned i, unsigned f, unsigned *slot)
{
	const struct field *fd = &v->layout->fields[f];
	uint64_t val = call_field(c, v, i, f);
	const struct buf_arg *b;
	const struct arg *n;

	switch (fd->kind) {
	case F_UINT:
		if (fd->inout)	/* name_to_handle_at's handle_bytes */
			inout_number(sb, c, v, i, f, val);
		else
			sb_addu(sb, val);
		break;
	case F_INT:
		if (fd->inout)
			inout_number(sb, c, v, i, f, val);
		else
			sb_addi(sb, (int64_t)val);
		break;
	case F_SOCKADDR:
		if ((b = call_leaf(c, v, i, (*slot)++)))
			field_sockaddr(sb, c, v, i, f, b);
		else
			quote_addr(sb, val);
		break;
	case F_CMSG:
		if ((b = call_leaf(c, v, i, (*slot)++)))
			text_cmsgs(sb, c, v, b);
		else
			quote_addr(sb, val);
		break;
	case F_ADDR:
		quote_addr(sb, val);
		break;
	case F_HEX:
		hex(sb, val);
		break;
	case F_INADDR:
		inaddr_value(sb, call_elem(c, v, i) + fd->off[c->arch]);
		break;
	case F_IFINDEX:
		ifindex_value(sb, (uint32_t)val);
		break;
	case F_IN6ADDR:
		in6addr_value(sb, call_elem(c, v, i) + fd->off[c->arch], fd->name);
		break;
	case F_SOCKADDR_IN: {
		struct sa_view view;

		sockaddr_view_bytes(call_elem(c, v, i) + fd->off[c->arch], fd->size[c->arch], &view);
		text_sockaddr_view(sb, &view, 0);
		break;
	}
	case F_HWADDR:
		hwaddr_value(sb, call_elem(c, v, i) + fd->off[c->arch],
			     (size_t)MIN(call_field(c, v, i, (unsigned)fd->len), (uint64_t)8));
		break;
	case F_STMODE:
		stmode_value(sb, val);
		break;
	case F_DEV:
		dev_value(sb, val);
		break;
	case F_SIG:
		named_number(sb, (int32_t)val, val ? signal_name((int)val) : NULL);
		break;
	case F_HANDLE: {	/* f_handle="\x1a\xc5...", "???" when not all could be read */
		int more;
		long k, len = call_handle_bytes(c, v, i, f, &more);
		const unsigned char *p = call_elem(c, v, i) + fd->off[c->arch];

		if (len < 0) {
			sb_addstr(sb, "???");
			break;
		}
		sb_addch(sb, '"');
		for (k = 0; k < len; k++)
			sb_addf(sb, "\\x%02x", p[k]);
		sb_addch(sb, '"');
		if (more)
			sb_addstr(sb, "...");
		break;
	}
	case F_FSID: {	/* {val=[0x9ac54eb9, 0x8166bce0]} */
		const unsigned char *p = call_elem(c, v, i) + fd->off[c->arch];

		sb_addstr(sb, "{val=[");
		hex(sb, tracee_word(p, 4));
		sb_addstr(sb, ", ");
		hex(sb, tracee_word(p + 4, 4));
		sb_addstr(sb, "]}");
		break;
	}
	case F_TIME: {	/* st_atime=1796120581 /" "* 2026-12-01T10:23:01.927484491+0000 *" "/ */
		int64_t t = fd->sign ? field_signed(c, v, i, f) : (int64_t)val;

		sb_addi(sb, t);
		date_comment(sb, t, fd->len >= 0 ? call_field(c, v, i, (unsigned)fd->len) : 0);
		break;
	}
	case F_URING_OP:
		uring_op_value(sb, val);
		break;
	case F_INLINE:
		inline_array(sb, c, v, i, f);
		break;
	case F_SIGSET:
		if ((b = call_leaf(c, v, i, (*slot)++)))
			sigset_value(sb, c, b, val);
		else
			quote_addr(sb, val);
		break;
	case F_UTIMESPEC:
	case F_TIMEVAL:
		timespec_value(sb, call_elem(c, v, i) + fd->off[c->arch], fd->size[c->arch],
			       fd->kind == F_TIMEVAL, fd->names);
		break;
	case F_STXTIME: {	/* struct statx_timestamp: tv_sec, then tv_nsec */
		uint32_t nsec;

		memcpy(&nsec, call_elem(c, v, i) + fd->off[c->arch] + 8, sizeof(nsec));
		sb_addf(sb, "{tv_sec=%lld, tv_nsec=%u}", (long long)(int64_t)val, nsec);
		date_comment(sb, (int64_t)val, nsec);
		break;
	}
	case F_BYTES:
		if ((b = call_leaf(c, v, i, (*slot)++)))
			text_buf(sb, c, b);
		else
			quote_addr(sb, val);
		break;
	case F_ARRAY:
	case F_PTR:
		if ((n = call_node(c, v, i, (*slot)++)))
			render_agg(sb, c, n);
		else
			quote_addr(sb, val);
		break;
	case F_FD:
		field_fd(sb, c, v, (int64_t)val);
		break;
	case F_PID:
		pid_value(sb, (pid_t)val);
		break;
	case F_ENUM:
		text_enum(sb, val, fd->names);
		break;
	case F_FLAGS:
		text_flags(sb, val, fd->names);
		break;
	case F_MODE:
		sb_addf(sb, "%#03llo", (unsigned long long)val);
		break;
	}
}

/*
 * The bytes an extensible struct's caller passed past our layout, when
 * not all zero: ", /" "* bytes 24..31 *" "/ "\x01..."" in hex, at most -s;
 * ", ???" when they could not all be read, as strace.
 */
static void ext_tail(struct strbuf *sb, const struct call *c, const struct agg_arg *v)
{
	size_t ours = v->layout->size[c->arch], n, k;
	const unsigned char *p = call_buf_data(c, &v->raw);

	if (v->layout->inline_tail)
		return;	/* the bytes past it are its F_INLINE array's */

	if (v->ext > ours && v->raw.got < v->ext) {
		sb_addstr(sb, ", ???");
		return;
	}
	if (!v->ext || v->raw.got <= ours)
		return;
	n = v->raw.got - ours;
	for (k = 0; k < n && !p[ours + k]; k++)
		;
	if (k == n)
		return;
	sb_addf(sb, ", /* bytes %zu..%zu */ \"", ours, v->raw.got - 1);
	for (k = 0; k < n && k < opt.max_strlen; k++)
		sb_addf(sb, "\\x%02x", p[ours + k]);
	sb_addch(sb, '"');
	if (n > opt.max_strlen)
		sb_addstr(sb, "...");
}

/*
 * An array in place at the end of element @i (field @f, F_INLINE): as
 * many of its .sub structs as field .len counts and were read, -s of
 * them, then "..." as for any array.
 */
static void inline_array(struct strbuf *sb, const struct call *c, const struct agg_arg *v,
			 unsigned i, unsigned f)
{
	struct agg_arg e;
	uint64_t count = call_inline_view(c, v, i, f, &e);
	unsigned k;

	sb_addch(sb, '[');
	for (k = 0; k < e.got && k < c->iov_show; k++) {
		if (k)
			sb_addstr(sb, ", ");
		text_elem(sb, c, &e, k);
	}
	if (count > k)
		sb_addstr(sb, k ? ", ..." : "...");
	sb_addch(sb, ']');
}

/* Element @i of @v: "{name=value, ...}", pointers followed where they were; a bare one as its value. */
static void text_elem(struct strbuf *sb, const struct call *c, const struct agg_arg *v,
		      unsigned i)
{
	const struct layout *l = v->layout;
	unsigned f, slot = 0, shown = 0;

	if (layout_bare(l)) {
		text_field(sb, c, v, i, 0, &slot);
		return;
	}
	if (l->tuple) {	/* [atime, mtime]: -s of them without -v, as any array */
		sb_addch(sb, '[');
		for (f = 0; f < l->nfields; f++) {
			if (f)
				sb_addstr(sb, ", ");
			if (f == opt.max_strlen && !opt.verbose) {
				sb_addstr(sb, "...");
				break;
			}
			text_field(sb, c, v, i, f, &slot);
		}
		sb_addch(sb, ']');
		return;
	}
	sb_addch(sb, '{');
	for (f = 0; f < l->nfields; f++) {
		const struct field *fd = &l->fields[f];
		int skip = call_group_skipped(c, v, i, f, &slot);

		if (skip >= 0) {	/* (sigevent's sigev_value, but for some sigev_notify) */
			f = (unsigned)skip;
			continue;
		}
		if (fd->group) {	/* an embedded struct opens: "msg_hdr={" */
			sb_addstr(sb, fd->group_sep + (shown ? 0 : 2));
			sb_addch(sb, '{');
			shown = 0;
		}
		if (v->before_only || v->inout_only ? !fd->inout : field_omitted(c, v, i, f) ||
		    !call_field_present(c, v, i, f) || (fd->verbose && !opt.verbose)) {
			slot += field_follows(fd->kind);
		} else {
			/* strace names an IPv6 address inside it: inet_pton(..., &name) */
			int bare = fd->kind == F_IN6ADDR && opt.xlat == XLAT_ABBREV;

			if (shown++)
				sb_add(sb, fd->sep, bare ? 2u : fd->seplen);
			else if (!bare)
				sb_add(sb, fd->sep + 2, fd->seplen - 2u);
			text_field(sb, c, v, i, f, &slot);
		}
		if (fd->group_end) {
			sb_addch(sb, '}');
			shown = 1;
		}
	}
	ext_tail(sb, c, v);
	if (l->abbrev && !opt.verbose)
		sb_addstr(sb, shown ? ", ..." : "...");
	sb_addch(sb, '}');
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
	if (o->want_new && !(o->inout && o->new_ok && o->new == o->old)) {
		sb_addstr(sb, " => ");
		if (o->new_ok)
			offset_value(sb, o, o->new);
		else
			sb_addch(sb, '?');
	}
	sb_addch(sb, ']');
}

static void quoted(struct strbuf *sb, const unsigned char *p, size_t n)
{
	sb_addch(sb, '"');
	quote_bytes(sb, p, n);
	sb_addch(sb, '"');
}

/*
 * A field of a socket address in network order: with -X abbrev as
 * strace's expression (htons(80)); with -X raw its bytes, "\x00\x50";
 * with -X verbose both, the expression as a comment.
 */
static void net_value(struct strbuf *sb, const unsigned char *p, size_t n, const char *expr)
{
	size_t i;

	if (opt.xlat == XLAT_ABBREV) {
		sb_addstr(sb, expr);
		return;
	}
	sb_addch(sb, '"');
	for (i = 0; i < n; i++)
		sb_addf(sb, "\\x%02x", p[i]);
	sb_addch(sb, '"');
	if (opt.xlat == XLAT_VERBOSE)
		sb_addf(sb, " /* %s */", expr);
}

static void net_field(struct strbuf *sb, const char *name, const unsigned char *p, size_t n,
		      const char *expr)
{
	sb_addf(sb, ", %s=", name);
	net_value(sb, p, n, expr);
}

/* An address in its text form, quoted as a string: each byte as \\xHH with -xx, as strace does. */
static void ip_quoted(char *dst, size_t size, const char *ip)
{
	size_t o = 1;

	if (opt.xmode != XMODE_ALL) {
		snprintf(dst, size, "\"%s\"", ip);
		return;
	}
	dst[0] = '"';
	for (; *ip && o + 6 < size; ip++)
		o += (size_t)snprintf(dst + o, size - o, "\\x%02x", (unsigned char)*ip);
	snprintf(dst + o, size - o, "\"");
}

/* An IPv4 address in a struct (ip_mreq's): inet_addr("224.0.0.1"), by -X as a socket address's. */
static void inaddr_value(struct strbuf *sb, const unsigned char *p)
{
	char ip[INET_ADDRSTRLEN], q[4 * INET_ADDRSTRLEN + 3], expr[sizeof(q) + 16];

	inet_ntop(AF_INET, p, ip, sizeof(ip));
	ip_quoted(q, sizeof(q), ip);
	snprintf(expr, sizeof(expr), "inet_addr(%s)", q);
	net_value(sb, p, 4, expr);
}

/* A network interface's index as strace names it: if_nametoindex("lo"); -X raw the number. */
static void ifindex_value(struct strbuf *sb, uint32_t index)
{
	const char *name = ifindex_name(index);

	if (!name || opt.xlat != XLAT_ABBREV) {
		sb_addu(sb, index);
		if (!name || opt.xlat == XLAT_RAW)
			return;
		sb_addstr(sb, " /* ");
	}
	sb_addstr(sb, "if_nametoindex(");
	quoted(sb, (const unsigned char *)name, strlen(name));
	sb_addch(sb, ')');
	if (opt.xlat == XLAT_VERBOSE)
		sb_addstr(sb, " */");
}

/*
 * An IPv6 address in a struct, strace's way: the field's name inside,
 * inet_pton(AF_INET6, "ff02::fb", &ipv6mr_multiaddr); -X raw its bytes.
 */
static void in6addr_value(struct strbuf *sb, const unsigned char *p, const char *name)
{
	char ip[INET6_ADDRSTRLEN], q[4 * INET6_ADDRSTRLEN + 3], expr[sizeof(q) + 32];

	inet_ntop(AF_INET6, p, ip, sizeof(ip));
	ip_quoted(q, sizeof(q), ip);
	if (opt.xlat == XLAT_ABBREV) {
		sb_addf(sb, "inet_pton(AF_INET6, %s, &%s)", q, name);
		return;
	}
	snprintf(expr, sizeof(expr), "inet_pton(AF_INET6, %s)", q);
	net_value(sb, p, 16, expr);
}

/* A hardware address: 01:00:5e:00:00:fb (nothing for none), -X raw its bytes. */
static void hwaddr_value(struct strbuf *sb, const unsigned char *p, size_t n)
{
	char expr[3 * 8 + 1] = "";
	size_t k, at = 0;

	for (k = 0; k < n; k++)
		at += (size_t)snprintf(expr + at, sizeof(expr) - at, k ? ":%02x" : "%02x", p[k]);
	if (!n && opt.xlat == XLAT_VERBOSE) {
		sb_addstr(sb, "\"\"");
		return;
	}
	net_value(sb, p, n, expr);
}

/* A socket address's fields after sa_family, by its family. */
static void sockaddr_fields(struct strbuf *sb, const struct sa_view *v)
{
	char ip[64], q[4 * 64 + 3], expr[sizeof(q) + 64];
	const unsigned char *path;
	size_t n;
	int abstract;

	switch (v->form) {
	case SA_UNIX:
		sockaddr_unix_path(v, &path, &n, &abstract);
		sb_addstr(sb, abstract ? ", sun_path=@" : ", sun_path=");
		quoted(sb, path, n);
		break;
	case SA_INET:
	case SA_INET6:
		sockaddr_ntop(v, ip, sizeof(ip));
		ip_quoted(q, sizeof(q), ip);
		snprintf(expr, sizeof(expr), "htons(%u)", sockaddr_port(v));
		net_field(sb, v->form == SA_INET ? "sin_port" : "sin6_port", v->p + 2, 2, expr);
		if (v->form == SA_INET) {
			snprintf(expr, sizeof(expr), "inet_addr(%s)", q);
			net_field(sb, "sin_addr", v->p + 4, 4, expr);
			break;
		}
		snprintf(expr, sizeof(expr), "htonl(%u)", sockaddr_be32(v, 4));
		net_field(sb, "sin6_flowinfo", v->p + 4, 4, expr);
		if (opt.xlat == XLAT_ABBREV) {	/* strace's own form: the field's name inside */
			sb_addf(sb, ", inet_pton(AF_INET6, %s, &sin6_addr)", q);
		} else {
			snprintf(expr, sizeof(expr), "inet_pton(AF_INET6, %s)", q);
			net_field(sb, "sin6_addr", v->p + 8, 16, expr);
		}
		if (v->len >= 28)
			sb_addf(sb, ", sin6_scope_id=%u", sockaddr_u32(v, 24));
		break;
	case SA_NETLINK:
		sb_addf(sb, ", nl_pid=%d, nl_groups=%#08x", (int)sockaddr_u32(v, 4),
			sockaddr_u32(v, 8));
		break;
	case SA_RAW:
		sb_addstr(sb, ", sa_data=");
		quoted(sb, v->p + 2, v->len - 2);
		break;
	default:
		break;
	}
}

/* A socket address: {sa_family=AF_INET, sin_port=...}, NULL, or its pointer. */
static void text_sockaddr_view(struct strbuf *sb, const struct sa_view *v, uint64_t addr)
{
	if (v->form == SA_NULL || v->form == SA_ADDR) {
		quote_addr(sb, addr);
		return;
	}
	sb_addstr(sb, "{sa_family=");
	text_enum(sb, v->family, &xlat_address_families);
	sockaddr_fields(sb, v);
	sb_addch(sb, '}');
}

static void text_sockaddr(struct strbuf *sb, const struct call *c, const struct arg *a)
{
	struct sa_view v;

	sockaddr_view(c, a, &v);
	text_sockaddr_view(sb, &v, a->v.buf.addr);
}

/* SCM_RIGHTS: the fds passed, -y naming them as they were at entry (sent) or exit (received). */
static void cmsg_fds(struct strbuf *sb, const struct call *c, const struct agg_arg *v,
		     const struct cmsg *m)
{
	size_t n = m->data_len / 4, k;
	int32_t fd;

	sb_addch(sb, '[');
	for (k = 0; k < n && k < c->iov_show; k++) {
		memcpy(&fd, m->data + 4 * k, 4);
		if (k)
			sb_addstr(sb, ", ");
		field_fd(sb, c, v, fd);
	}
	if (k < n)
		sb_addstr(sb, k ? ", ..." : "...");
	sb_addch(sb, ']');
}

/* One control message: its header, its type by level, and its data as far as we decode it. */
static void text_cmsg(struct strbuf *sb, const struct call *c, const struct agg_arg *v,
		      const struct cmsg *m)
{
	uint32_t cred[3];

	sb_addf(sb, "{cmsg_len=%llu, cmsg_level=", (unsigned long long)m->len);
	text_enum(sb, (uint32_t)m->level, &xlat_socket_levels);
	sb_addstr(sb, ", cmsg_type=");
	if (m->level == SOL_SOCKET_LEVEL)
		text_enum(sb, (uint32_t)m->type, &xlat_scm_types);
	else if (m->level == SOL_IP_LEVEL)
		text_enum(sb, (uint32_t)m->type, &xlat_ip_cmsg_types);
	else
		hex(sb, (uint32_t)m->type);
	if (m->level == SOL_SOCKET_LEVEL && m->type == SCM_RIGHTS_TYPE && m->data_len >= 4) {
		sb_addstr(sb, ", cmsg_data=");
		cmsg_fds(sb, c, v, m);
	} else if (m->level == SOL_SOCKET_LEVEL && m->type == SCM_CREDENTIALS_TYPE) {
		if (m->data_len >= sizeof(cred)) {
			memcpy(cred, m->data, sizeof(cred));
			sb_addstr(sb, ", cmsg_data={pid=");
			pid_value(sb, (pid_t)cred[0]);
			sb_addf(sb, ", uid=%u, gid=%u}", cred[1], cred[2]);
		}
	} else if (m->data_len) {	/* beyond strace: the data of the types it leaves out */
		sb_addstr(sb, ", cmsg_data=");
		quoted(sb, m->data, MIN(m->data_len, c->fetch_cap));
		if (m->data_len > c->fetch_cap)
			sb_addstr(sb, "...");
	}
	sb_addch(sb, '}');
}

/*
 * msg_control: its messages, ", ..." when there were more bytes than
 * read, ", ... /" "* addr *" "/" where bytes too few for a header are
 * left; the address when it could not all be read.
 */
static void text_cmsgs(struct strbuf *sb, const struct call *c, const struct agg_arg *v,
		       const struct buf_arg *b)
{
	struct cmsg_walk w;
	struct cmsg m;
	unsigned n = 0;

	if (b->got < b->want || !b->got) {
		quote_addr(sb, b->addr);
		return;
	}
	cmsg_begin(&w, c->arch, call_buf_data(c, b), b->got);
	sb_addch(sb, '[');
	while (cmsg_next(&w, &m)) {
		if (n++)
			sb_addstr(sb, ", ");
		text_cmsg(sb, c, v, &m);
	}
	if (cmsg_left(&w)) {
		sb_addstr(sb, n ? ", ... /* " : "... /* ");
		quote_hexaddr(sb, b->addr + b->got - cmsg_left(&w));
		sb_addstr(sb, " */");
	} else if (b->len > b->got) {
		sb_addstr(sb, n ? ", ..." : "...");
	}
	sb_addch(sb, ']');
}

/* A string argument: quoted up to its NUL, "..." when cut, its address when unreadable. */
static void text_str(struct strbuf *sb, const struct call *c, const struct arg *a)
{
	int cut;
	long n = call_str_len(c, a, &cut);

	if (n < 0) {
		quote_addr(sb, a->v.buf.addr);
		return;
	}
	sb_addch(sb, '"');
	quote_bytes(sb, call_buf_data(c, &a->v.buf), (size_t)n);
	sb_addch(sb, '"');
	if (cut)
		sb_addstr(sb, "...");
}

/* An int whose values have names (SO_TXREHASH's): decimal, its name or mark as -X says. */
static void named_int(struct strbuf *sb, int32_t v, const struct xlat_list *l)
{
	const char *name = xlat_name(l, (uint32_t)v);

	if (name && opt.xlat == XLAT_ABBREV) {
		sb_addstr(sb, name);
		return;
	}
	sb_addi(sb, v);
	if (opt.xlat != XLAT_RAW && (name || l->unknown))
		sb_addf(sb, " /* %s */", name ? name : l->unknown);
}

/* Bytes as \\xHH each, quoted: an int option's value shorter than an int. */
static void hex_quoted(struct strbuf *sb, const unsigned char *p, size_t n)
{
	size_t i;

	sb_addch(sb, '"');
	for (i = 0; i < n; i++)
		sb_addf(sb, "\\x%02x", p[i]);
	sb_addch(sb, '"');
}

/*
 * A struct option's value as far as its @n bytes go: the fields they
 * hold whole, then the bytes of one they hold in part, in hex
 * ("{l_onoff=1}", "{pid="\\x00\\x00"}"), as strace prints a short one.
 */
static void sockopt_struct(struct strbuf *sb, const struct call *c, const struct arg *a,
			   const struct so_view *sv)
{
	const struct layout *l = sv->layout;
	struct agg_arg v;
	unsigned f, slot = 0;

	memset(&v, 0, sizeof(v));
	v.layout = l;
	v.raw = a->v.buf;
	v.at_exit = (unsigned char)!!a->len_arg;
	sb_addch(sb, '{');
	for (f = 0; f < l->nfields; f++) {
		const struct field *fd = &l->fields[f];
		size_t off = fd->off[c->arch], size = fd->size[c->arch];

		if (off >= sv->n)
			break;
		if (fd->kind != F_IN6ADDR || opt.xlat != XLAT_ABBREV || off + size > sv->n)
			sb_add(sb, fd->sep + (f ? 0 : 2), fd->seplen - (f ? 0u : 2u));
		else if (f)	/* strace names an IPv6 address inside it: inet_pton(..., &name) */
			sb_addstr(sb, ", ");
		if (off + size > sv->n) {
			hex_quoted(sb, sv->p + off, sv->n - off);
			break;
		}
		text_field(sb, c, &v, 0, f, &slot);
	}
	sb_addch(sb, '}');
}

/*
 * A directory's entries as strace prints them: without -v their number,
 * "0x5557281102a0 /" "* 6 entries *" "/"; with -v each one,
 * [{d_ino=..., d_off=..., d_reclen=24, d_type=DT_DIR, d_name="."}, ...].
 */
static void text_dirents(struct strbuf *sb, const struct call *c, const struct arg *a)
{
	const struct buf_arg *b = &a->v.buf;
	const unsigned char *p = call_buf_data(c, b);
	struct dirent_walk w;
	struct dirent d;
	unsigned k = 0;

	if (!b->addr || (b->len && !b->got)) {
		quote_addr(sb, b->addr);
		return;
	}
	if (!opt.verbose) {
		quote_addr(sb, b->addr);
		sb_addf(sb, " /* %u entries */", dirent_count(p, b->got));
		return;
	}
	sb_addch(sb, '[');
	dirent_begin(&w, p, b->got);
	while (dirent_next(&w, &d)) {
		sb_addf(sb, "%s{d_ino=%llu, d_off=%lld, d_reclen=%u, d_type=", k++ ? ", " : "",
			(unsigned long long)d.ino, (long long)d.off, d.reclen);
		text_enum(sb, d.type, &xlat_dirent_types);
		sb_addstr(sb, ", d_name=");
		quoted(sb, d.name, d.name_len);
		sb_addch(sb, '}');
	}
	sb_addch(sb, ']');
}

/* A socket option's value: [1], "cubic", {l_onoff=1, l_linger=5}, or its address. */
static void text_sockopt(struct strbuf *sb, const struct call *c, const struct arg *a)
{
	struct so_view sv;
	size_t k;
	int32_t i;

	sockopt_view(c, a, &sv);
	switch (sv.form) {
	case SO_VIEW_NULL:
		sb_addstr(sb, "NULL");
		return;
	case SO_VIEW_ADDR:
		quote_addr(sb, a->v.buf.addr);
		return;
	case SO_VIEW_INT:
		memcpy(&i, sv.p, sizeof(i));
		sb_addch(sb, '[');
		if (sv.layout)
			named_int(sb, i, sv.layout->fields[0].names);
		else
			sb_addi(sb, i);
		sb_addch(sb, ']');
		return;
	case SO_VIEW_INTS:
		sb_addch(sb, '[');
		for (k = 0; k < sv.n; k += 4) {
			memcpy(&i, sv.p + k, sizeof(i));
			sb_addstr(sb, k ? ", " : "");
			sb_addi(sb, i);
		}
		sb_addstr(sb, sv.len / 4 > sv.n / 4 ? (sv.n ? ", ...]" : "...]") : "]");
		return;
	case SO_VIEW_STR:
		quoted(sb, sv.p, sv.n);
		if (sv.len > sv.n)
			sb_addstr(sb, "...");
		return;
	case SO_VIEW_HEX:
		hex_quoted(sb, sv.p, sv.n);
		if (sv.len > sv.n)
			sb_addstr(sb, "...");
		return;
	case SO_VIEW_STRUCT:
		sockopt_struct(sb, c, a, &sv);
		return;
	}
}

void text_arg(struct strbuf *sb, const struct call *c, const struct arg *a)
{
	switch (a->type) {
	case ARG_INT:
		sb_addi(sb, a->v.i);
		break;
	case ARG_PID:
		sb_addstr(sb, quote_pid_str((pid_t)a->v.i));
		if (opt.decode_pids && a->path.len)	/* -Y: 123<cat> */
			sb_addf(sb, "<%.*s>", (int)a->path.len, (const char *)c->arena + a->path.off);
		break;
	case ARG_FD:
		fd_value(sb, c, a->v.i, &a->path);
		break;
	case ARG_DIRFD:
		named_number(sb, a->v.i, a->v.i == AT_FDCWD_VAL ? "AT_FDCWD" :
					 a->v.i == -1 ? a->none_name : NULL);
		if (opt.show_paths && call_fd_path(c, a))
			fd_name(sb, c, &a->path);	/* -yy: a device's numbers too */
		break;
	case ARG_ENUM:
		text_enum(sb, a->v.flags.val, a->v.flags.names);
		break;
	case ARG_STR:
		text_str(sb, c, a);
		break;
	case ARG_MODE:
		sb_addf(sb, "%#03llo", (unsigned long long)a->v.u);
		break;
	case ARG_STMODE:
		stmode_value(sb, a->v.u);
		break;
	case ARG_DEV:
		dev_value(sb, a->v.u);
		break;
	case ARG_SIG:
		named_number(sb, a->v.i, a->v.i ? signal_name((int)a->v.i) : NULL);
		break;
	case ARG_HEX:
		hex(sb, a->v.u);
		break;
	case ARG_COOKIE:	/* a pointer moves with ASLR: --normalize numbers it */
		if (opt.normalize && a->v.u >= COOKIE_ADDR_MIN)
			quote_hexaddr(sb, a->v.u);
		else
			hex(sb, a->v.u);
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
		text_flags(sb, a->v.flags.val, a->v.flags.names);
		break;
	case ARG_OFFPTR:
		render_offptr(sb, &a->v.off);
		break;
	case ARG_SOCKADDR:
		text_sockaddr(sb, c, a);
		break;
	case ARG_SOCKOPT:
		text_sockopt(sb, c, a);
		break;
	case ARG_DIRENTS:
		text_dirents(sb, c, a);
		break;
	case ARG_SIGSET:
		if (a->v.buf.addr)
			sigset_value(sb, c, &a->v.buf, a->v.buf.addr);
		else
			sb_addstr(sb, "NULL");
		break;
	case ARG_FDSET:
		fdset_value(sb, c, &a->v.buf, !a->after_result);
		break;
	}
}

void text_args(struct strbuf *sb, const struct call *c, unsigned from, unsigned to)
{
	unsigned i;

	for (i = from; i < to; i++) {
		if (c->arg[i].after_result)
			continue;	/* after the result: detail_suffix() */
		if (i > from)
			sb_addstr(sb, ", ");
		if (c->arg[i].named) {
			sb_addstr(sb, c->arg[i].name);
			sb_addch(sb, '=');
		}
		text_arg(sb, c, &c->arg[i]);
	}
}

/* A successful result, as its kind says. */
static void result_value(struct strbuf *sb, const struct call *c)
{
	uint64_t v = arch_ulong(c->arch, (uint64_t)c->rval);
	const char *name;

	switch (c->res_form) {
	case RES_FLAGS:	/* "0x1 (flags FD_CLOEXEC)", "0 (flags O_RDONLY)" */
		hex(sb, v);
		if (!v && !c->res_names->field)
			return;
		sb_addf(sb, " (%s ", c->res_label);
		if (c->res_names_always)
			flag_names(sb, v, c->res_names);
		else
			text_flags(sb, v, c->res_names);
		sb_addch(sb, ')');
		return;
	case RES_NAMED:	/* "0x2 (F_UNLCK)" */
		hex(sb, v);
		if ((name = xlat_name(c->res_names, v)))
			sb_addf(sb, " (%s)", name);
		return;
	case RES_SIGNAL:	/* "10 (SIGUSR1)" */
		sb_addu(sb, v);
		if (v && (name = signal_name((int)v)))
			sb_addf(sb, " (%s)", name);
		return;
	case RES_PID:
		sb_addstr(sb, quote_pid_str((pid_t)v));
		return;
	}
	if (call_result_is_fd(c)) {
		fd_value(sb, c, (int64_t)v, &c->res_path);
		return;
	}
	if (syscall_def(c->id)->result == RESULT_ADDR) {
		if (v)
			quote_hexaddr(sb, v);
		else
			sb_addch(sb, '0');
		return;
	}
	sb_addi(sb, arch_long(c->arch, (uint64_t)c->rval));	/* signed, as strace (F_GETOWN's process group) */
}

/*
 * What is left of a timeout the call rewrote, "left {tv_sec=0,
 * tv_nsec=998000}", after @sep; whether there was one.
 */
static int left_text(struct strbuf *sb, const struct call *c, const char *sep)
{
	unsigned i;

	for (i = 0; i < c->nargs; i++) {
		const struct arg *a = &c->arg[i];

		if (a->type != ARG_STRUCT || !a->filled || !a->v.agg.left_after || !a->v.agg.addr)
			continue;
		sb_addstr(sb, sep);
		sb_addstr(sb, "left ");
		if (a->v.agg.got)
			text_elem(sb, c, &a->v.agg, 0);
		else
			quote_hexaddr(sb, a->v.agg.addr);
		return 1;
	}
	return 0;
}

/*
 * After a successful result: what the call says beside it, as strace,
 * " ([{fd=3, revents=POLLIN}], left {...})", " (Timeout)", or what is
 * left of a timeout alone, " (left {...})".
 */
static void detail_suffix(struct strbuf *sb, const struct call *c)
{
	size_t start = sb->len;
	unsigned i, n = 0;
	int after = 0;

	for (i = 0; i < c->nargs; i++)
		after |= c->arg[i].after_result && c->arg[i].filled;
	if (after && !c->rval) {
		sb_addstr(sb, " (Timeout)");
		return;
	}
	sb_addstr(sb, " (");
	for (i = 0; i < c->nargs; i++) {
		const struct arg *a = &c->arg[i];

		if (!a->after_result || !a->filled ||
		    (a->type == ARG_FDSET && !fdset_has_any(c, a)))
			continue;
		if (n++)
			sb_addstr(sb, ", ");
		if (a->type == ARG_FDSET) {	/* select's: "in [3 40]" */
			sb_addstr(sb, a->name);
			sb_addch(sb, ' ');
		}
		text_arg(sb, c, a);
	}
	n += (unsigned)left_text(sb, c, n ? ", " : "");
	if (n)
		sb_addch(sb, ')');
	else
		sb->len = start;
}

/*
 * " (INJECTED)" for a result given, as strace; what iotrace made really
 * happen says what: the count the call ran with, or the interruption.
 * signal= or delays alone leave the call as it was (its signal line
 * tells); delay_exit= adds " (DELAYED)", as strace.
 */
static void injected_suffix(struct strbuf *sb, const struct call *c)
{
	if (c->injected == INJECTED_TORN)
		sb_addf(sb, " (INJECTED: torn=%llu)", (unsigned long long)c->short_to);
	else if (c->injected_cut)
		sb_addf(sb, " (INJECTED: short=%llu)", (unsigned long long)c->short_to);
	else if (c->injected == INJECTED_EINTR)
		sb_addstr(sb, " (INJECTED: eintr)");
	else if (c->injected && c->injected != INJECTED_SIGNAL && c->injected != INJECTED_DELAY)
		sb_addstr(sb, " (INJECTED)");
	if (c->delayed)
		sb_addstr(sb, " (DELAYED)");
}

void text_result(struct strbuf *sb, const struct call *c)
{
	const char *name;

	if (c->vanished) {
		sb_addch(sb, '?');
		return;
	}
	if (c->injected == INJECTED_RETVAL) {	/* as strace: the word retval= gave, unsigned */
		sb_addf(sb, "%llu", (unsigned long long)arch_ulong(c->arch, (uint64_t)c->rval));
		injected_suffix(sb, c);
		return;
	}
	if (!c->error) {
		result_value(sb, c);
		detail_suffix(sb, c);
		injected_suffix(sb, c);
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
	injected_suffix(sb, c);
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
	sb_addstr(sb, call_data_arg(c, (unsigned)tt->arg)->name);
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

/* @n bytes kept of a change @len bytes long, quoted, "..." past -s or past what was kept. */
static void quote_kept(struct strbuf *sb, const unsigned char *p, unsigned n, uint64_t len)
{
	size_t shown = (size_t)MIN((uint64_t)n, (uint64_t)opt.max_strlen);

	sb_addch(sb, '"');
	quote_bytes(sb, p, shown);
	sb_addch(sb, '"');
	if (len > shown)
		sb_addstr(sb, "...");
}

void text_aio_toctou(struct strbuf *sb, const struct aio_found *f)
{
	unsigned i;

	sb_addstr(sb, " /* toctou: ");
	if (f->unwatched)	/* on io_submit's line */
		sb_addf(sb, "%u writes not watched (%u in flight a process are)", f->unwatched,
			AIO_WATCH_MAX);
	for (i = 0; i < f->n; i++) {
		const struct aio_change *ch = &f->c[i];

		if (i)
			sb_addstr(sb, "; ");
		sb_addf(sb, "event %u (aio_data=", ch->event);
		hex(sb, ch->aio_data);
		sb_addstr(sb, "): aio_buf");
		byte_range(sb, ch->first, ch->last);
		sb_addch(sb, ' ');
		quote_kept(sb, ch->before, ch->shown, ch->last - ch->first + 1);
		sb_addstr(sb, " => ");
		quote_kept(sb, ch->after, ch->shown, ch->last - ch->first + 1);
	}
	sb_addstr(sb, " */");
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
