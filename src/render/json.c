/*
 * --json: one JSON object per event (doc/json-schema.md, version 1).
 * It renders the same decoded calls as the text renderer; every byte of
 * tracee data is escaped so that any input gives valid JSON.
 */
#include "config.h"
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <arpa/inet.h>
#include <sys/socket.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include "call/cmsg.h"
#include "call/dirent.h"
#include "config/options.h"
#include "policy/norm.h"
#include "render/json.h"
#include "render/quote.h"
#include "render/sockaddr.h"
#include "render/sockopt.h"
#include "syscalls/syscalls.h"
#include "decoders/xlat_lists.h"
#include "util/names.h"
#include "util/strbuf.h"
#include "util/util.h"
#include "util/xlat.h"

#define JSON_VERSION 1
/* Integers above this lose precision in IEEE doubles: written as strings. */
#define SAFE_INT ((uint64_t)1 << 53)

static struct strbuf js = STRBUF_INIT;

/* --timeline's args name every fd's file, with -y or without. */
static int paths_always;

static int show_paths(void)
{
	return opt.show_paths || paths_always;
}

static void j_uint(uint64_t v)
{
	if (v > SAFE_INT) {
		sb_addch(&js, '"');
		sb_addu(&js, v);
		sb_addch(&js, '"');
	} else {
		sb_addu(&js, v);
	}
}

static void j_int(int64_t v)
{
	if (v > (int64_t)SAFE_INT || v < -(int64_t)SAFE_INT) {
		sb_addch(&js, '"');
		sb_addi(&js, v);
		sb_addch(&js, '"');
	} else {
		sb_addi(&js, v);
	}
}

/* Bytes as a JSON string: byte b is the character U+00bb, so any data is valid. */
static void j_bytes(const unsigned char *p, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i;

	sb_addch(&js, '"');
	for (i = 0; i < n; i++) {
		unsigned char c = p[i];

		if (c == '"' || c == '\\') {
			sb_addch(&js, '\\');
			sb_addch(&js, (char)c);
		} else if (c >= 0x20 && c < 0x7f) {
			sb_addch(&js, (char)c);
		} else {
			sb_addstr(&js, "\\u00");
			sb_addch(&js, hex[c >> 4]);
			sb_addch(&js, hex[c & 15]);
		}
	}
	sb_addch(&js, '"');
}

static void j_str(const char *s)
{
	j_bytes((const unsigned char *)s, strlen(s));
}

/* A pid: a number, or under --normalize its lineage name, a string ("1.2"). */
static void j_pid(pid_t pid)
{
	if (opt.normalize)
		j_str(quote_pid_str(pid));
	else
		sb_addi(&js, pid);
}

static void j_key(const char *k)
{
	if (js.len && js.buf[js.len - 1] != '{' && js.buf[js.len - 1] != '[')
		sb_addch(&js, ',');
	j_str(k);
	sb_addch(&js, ':');
}

/* A number, signed or not. */
static void j_number(uint64_t v, int is_signed)
{
	if (is_signed)
		j_int((int64_t)v);
	else
		j_uint(v);
}

/* A device number: {"major", "minor"}. */
static void j_dev(uint64_t dev)
{
	sb_addch(&js, '{');
	j_key("major");
	j_uint(major((dev_t)dev));
	j_key("minor");
	j_uint(minor((dev_t)dev));
	sb_addch(&js, '}');
}

static void j_addr(uint64_t a)
{
	if (!a) {
		sb_addstr(&js, "null");
	} else if (opt.normalize) {
		sb_addf(&js, "\"ADDR%u\"", norm_addr(a));
	} else {
		sb_addch(&js, '"');
		sb_addhex(&js, a);
		sb_addch(&js, '"');
	}
}


static void begin(const struct who *w, const char *type)
{
	sb_reset(&js);
	sb_addf(&js, "{\"v\":%d", JSON_VERSION);
	j_key("type");
	j_str(type);
	if (opt.normalize == NORM_BLOCKS && !opt.per_process) {
		norm_block(w->tid);	/* the block puts "pid" and "tid" in when it is written */
		return;
	}
	j_key("pid");
	j_pid(w->tgid ? w->tgid : w->tid);
	j_key("tid");
	j_pid(w->tid);
}

/*
 * -n, -i: a call's syscall number and where it was made (@site, as its
 * entry said), or the thread's (NULL: a signal, an end, a ring entry).
 */
static void j_where(const struct who *w, const struct call_site *site, int ip_known)
{
	if (opt.syscall_numbers) {
		j_key("nr");
		j_uint(site ? site->nr : w->last_nr);
	}
	if (opt.print_ip && ip_known) {
		j_key("ip");
		j_addr(site ? site->ip : w->last_ip);
	}
}

static void end(struct who *w)
{
	sb_addstr(&js, "}\n");
	if (opt.summary != 1)	/* -c: nothing but the table */
		out_write(w->out, js.buf, js.len);
}

static void j_buf(const struct call *c, const struct buf_arg *b)
{
	if (!b->addr) {
		sb_addstr(&js, "null");
		return;
	}
	sb_addch(&js, '{');
	j_key("addr");
	j_addr(b->addr);
	j_key("total");
	j_uint(b->len);
	j_key("shown");
	j_uint(b->want);
	j_key("readable");
	j_uint(b->got);
	j_key("data");
	if (b->want && !b->got)
		sb_addstr(&js, "null");
	else
		j_bytes(call_buf_data(c, b), b->got);
	if (b->got < b->want) {
		j_key("unreadable_from");
		j_addr(b->fault);
	}
	sb_addch(&js, '}');
}

static void j_elem(const struct call *c, const struct agg_arg *v, unsigned i);
static void j_inline(const struct call *c, const struct agg_arg *v, unsigned i, unsigned f);

/*
 * A pointer to structs: {"addr", "count", "elements", "truncated"}, with
 * "unreadable_from" where a later element could not be read; a pointer
 * to one struct: {"addr", its fields...} or {"addr", "unreadable": true}.
 */
/* A struct that could not be read: {"addr", "unreadable": true}. */
static void j_unreadable(uint64_t addr)
{
	sb_addch(&js, '{');
	j_key("addr");
	j_addr(addr);
	j_key("unreadable");
	sb_addstr(&js, "true}");
}

static void j_agg(const struct call *c, const struct arg *a)
{
	const struct agg_arg *v = &a->v.agg;
	struct agg_arg before;
	unsigned shown, i;

	if ((v->before_only || v->left_after) && v->addr) {
		/* as read at entry: a failed recvmsg's msg_namelen, recvmmsg's timeout */
		if (!call_before_view(c, v, &before)) {
			j_unreadable(v->addr);
			return;
		}
		v = &before;
	}
	shown = MIN(v->got, v->show);
	if (!v->addr) {
		sb_addstr(&js, "null");
		return;
	}
	if (a->type == ARG_STRUCT) {
		if (!v->got) {
			j_unreadable(v->addr);
			return;
		}
		j_elem(c, v, 0);
		return;
	}
	sb_addch(&js, '{');
	j_key("addr");
	j_addr(v->addr);
	j_key("count");
	j_uint(v->count);
	j_key("elements");
	if (v->overflow || (v->want && !v->got)) {
		sb_addstr(&js, "null");
	} else {
		sb_addch(&js, '[');
		for (i = 0; i < shown; i++) {
			if (i)
				sb_addch(&js, ',');
			j_elem(c, v, i);
		}
		sb_addch(&js, ']');
	}
	if (v->got < v->show && v->got) {
		j_key("unreadable_from");
		j_addr(v->addr + (uint64_t)v->got * v->layout->size[c->arch]);
	}
	j_key("truncated");
	sb_addstr(&js, v->count > shown && !(v->want && !v->got) ? "true" : "false");
	sb_addch(&js, '}');
}

static void j_path(const char *path, size_t len)
{
	struct strbuf name = STRBUF_INIT;

	file_name_raw(&name, path, len);
	j_bytes((const unsigned char *)name.buf, name.len);
	sb_release(&name);
}

struct j_names {
	unsigned n;
	uint64_t unnamed;	/* a field value without a name */
};

static void j_emit(const char *name, uint64_t field_val, void *ctx)
{
	struct j_names *o = ctx;

	if (!name) {
		o->unnamed = field_val;
		return;
	}
	if (o->n++)
		sb_addch(&js, ',');
	j_str(name);
}

/*
 * Flags: {"value", "names", "unknown"}: names in print order (a number
 * in shifted bits as "21<<MAP_HUGE_SHIFT"), and the bits without one.
 */
static void j_flags(uint64_t val, const struct xlat_list *l)
{
	struct j_names o = { 0, 0 };
	uint64_t left = val, shifted = 0;
	unsigned i;

	sb_addch(&js, '{');
	j_key("value");
	j_uint(val);
	j_key("names");
	sb_addch(&js, '[');
	if (val || l->field) {
		left = xlat_flags(l, val, j_emit, &o, &shifted) | o.unnamed;
	} else {
		const struct xlat_list *bits = l->bits ? l->bits : l;

		for (i = 0; i < bits->n; i++)
			if (!bits->items[i].val)
				j_str(bits->items[i].name);
	}
	if (shifted) {
		char buf[64];

		snprintf(buf, sizeof(buf), "%llu<<%s", (unsigned long long)shifted, l->shift_name);
		if (o.n++)
			sb_addch(&js, ',');
		j_str(buf);
	}
	sb_addch(&js, ']');
	j_key("unknown");
	j_uint(left);
	sb_addch(&js, '}');
}

/* A named value: {"value", "name"}, the name null when it has none. */
static void j_named(int64_t val, const char *name)
{
	sb_addch(&js, '{');
	j_key("value");
	j_int(val);
	j_key("name");
	if (name)
		j_str(name);
	else
		sb_addstr(&js, "null");
	sb_addch(&js, '}');
}

static void j_mode(uint64_t mode)
{
	sb_addf(&js, "\"%#03llo\"", (unsigned long long)mode);
}

/* An fd inside a struct: a number; with -y, {"fd", "path"} (path null when not open). */
static void j_fd(int64_t fd, const char *path, size_t len)
{
	if (!show_paths()) {
		j_int(fd);
		return;
	}
	sb_addch(&js, '{');
	j_key("fd");
	j_int(fd);
	j_key("path");
	if (path)
		j_path(path, len);
	else
		sb_addstr(&js, "null");
	sb_addch(&js, '}');
}

static void j_sockaddr_view(const struct sa_view *vp, uint64_t addr);

/* msg_name: as long as the kernel says, within what the caller's buffer held. */
static void j_field_sockaddr(const struct call *c, const struct agg_arg *v, unsigned i,
			     unsigned f, const struct buf_arg *b)
{
	struct sa_view view;

	sockaddr_view_field(c, v, i, f, b, &view);
	j_sockaddr_view(&view, b->addr);
}

/* One control message: cmsg_len, level and type by name, and "data" as decoded. */
static void j_cmsg(const struct call *c, const struct agg_arg *v, const struct cmsg *m)
{
	const char *path;
	uint32_t cred[3];
	size_t k, len;
	int32_t fd;

	sb_addch(&js, '{');
	j_key("cmsg_len");
	j_uint(m->len);
	j_key("cmsg_level");
	j_named(m->level, xlat_name(&xlat_socket_levels, (uint32_t)m->level));
	j_key("cmsg_type");
	j_named(m->type, m->level == SOL_SOCKET_LEVEL ? xlat_name(&xlat_scm_types, (uint32_t)m->type) :
		m->level == SOL_IP_LEVEL ? xlat_name(&xlat_ip_cmsg_types, (uint32_t)m->type) : NULL);
	if (m->level == SOL_SOCKET_LEVEL && m->type == SCM_RIGHTS_TYPE) {
		j_key("fds");
		sb_addch(&js, '[');
		for (k = 0; k + 4 <= m->data_len; k += 4) {
			memcpy(&fd, m->data + k, 4);
			if (k)
				sb_addch(&js, ',');
			len = 0;
			path = call_noted_fd(c, fd, v->at_exit, &len);
			j_fd(fd, path, len);
		}
		sb_addch(&js, ']');
	} else if (m->level == SOL_SOCKET_LEVEL && m->type == SCM_CREDENTIALS_TYPE &&
		   m->data_len >= sizeof(cred)) {
		memcpy(cred, m->data, sizeof(cred));
		j_key("pid");
		if (cred[0] > 0 && cred[0] <= INT32_MAX)
			j_pid((pid_t)cred[0]);
		else
			sb_addu(&js, cred[0]);
		j_key("uid");
		j_uint(cred[1]);
		j_key("gid");
		j_uint(cred[2]);
	} else {
		j_key("data");
		j_bytes(m->data, m->data_len);
	}
	sb_addch(&js, '}');
}

/* msg_control: {"addr", "messages": [...], "truncated"}; "unreadable" when it could not be read. */
static void j_cmsgs(const struct call *c, const struct agg_arg *v, const struct buf_arg *b)
{
	struct cmsg_walk w;
	struct cmsg m;
	unsigned n = 0;

	sb_addch(&js, '{');
	j_key("addr");
	j_addr(b->addr);
	if (b->got < b->want || !b->got) {
		j_key("unreadable");
		sb_addstr(&js, "true}");
		return;
	}
	j_key("messages");
	sb_addch(&js, '[');
	cmsg_begin(&w, c->arch, call_buf_data(c, b), b->got);
	while (cmsg_next(&w, &m)) {
		if (n++)
			sb_addch(&js, ',');
		j_cmsg(c, v, &m);
	}
	sb_addch(&js, ']');
	if (cmsg_left(&w)) {
		j_key("torn_bytes");
		j_uint(cmsg_left(&w));
	}
	j_key("truncated");
	sb_addstr(&js, b->len > b->got ? "true}" : "false}");
}

static void j_fdset_one(int fd, void *ctx)
{
	unsigned *n = ctx;

	sb_addf(&js, "%s%d", (*n)++ ? "," : "", fd);
}

/* select's fd set as its fds, [3,40]; null for NULL, its address when it cannot be shown. */
static void j_fdset(const struct call *c, const struct buf_arg *b)
{
	size_t start = js.len;
	unsigned n = 0;

	if (!b->addr) {
		sb_addstr(&js, "null");
		return;
	}
	sb_addch(&js, '[');
	if (!call_fdset_each(c, b, j_fdset_one, &n)) {
		js.len = start;
		j_addr(b->addr);
		return;
	}
	sb_addch(&js, ']');
}

/* A signal set as the signals' numbers, [10,15]; its address when it cannot be shown. */
static void j_sigset(const struct call *c, const struct buf_arg *b, uint64_t addr)
{
	uint64_t set = 0;
	unsigned sig, k = 0;

	if (!addr) {
		sb_addstr(&js, "null");
		return;
	}
	if (!b || b->len < 4 || b->len > SIGSET_BYTES || b->len % 4 || b->got < b->len) {
		j_addr(addr);
		return;
	}
	memcpy(&set, call_buf_data(c, b), (size_t)b->len);
	sb_addch(&js, '[');
	for (sig = 1; sig <= b->len * 8; sig++)
		if ((set >> (sig - 1)) & 1)
			sb_addf(&js, "%s%u", k++ ? "," : "", sig);
	sb_addch(&js, ']');
}

static void j_field(const struct call *c, const struct agg_arg *v, unsigned i, unsigned f,
		    unsigned *slot)
{
	const struct field *fd = &v->layout->fields[f];
	uint64_t val = call_field(c, v, i, f);
	const struct buf_arg *b;
	const struct arg *n;
	const char *path;
	size_t len = 0;
	uint64_t was;

	switch (fd->kind) {
	case F_UINT:
	case F_INT:
		if (fd->inout && call_field_before(c, v, i, f, &was)) {	/* {"before", "after"} */
			sb_addch(&js, '{');
			j_key("before");
			j_number(was, fd->kind == F_INT);
			j_key("after");
			j_number(val, fd->kind == F_INT);
			sb_addch(&js, '}');
		} else {
			j_number(val, fd->kind == F_INT);
		}
		break;
	case F_ADDR:
		j_addr(val);
		break;
	case F_HEX:
		j_uint(val);
		break;
	case F_URING_OP: {	/* {"value", "name"} */
		unsigned id = syscall_uring_op((unsigned)val);

		j_named((int64_t)val, id != SC_IORING_OP_UNKNOWN ? syscall_def(id)->name : NULL);
		break;
	}
	case F_INLINE:
		j_inline(c, v, i, f);
		break;
	case F_SIGSET:	/* the signals' numbers */
		j_sigset(c, call_leaf(c, v, i, (*slot)++), val);
		break;
	case F_STMODE:	/* the number: its bits are the kernel's */
		j_uint(val);
		break;
	case F_DEV:
		j_dev(val);
		break;
	case F_HANDLE: {	/* the bytes, as a string; null when not all could be read */
		int more;
		long got = call_handle_bytes(c, v, i, f, &more);

		if (got < 0)
			sb_addstr(&js, "null");
		else
			j_bytes(call_elem(c, v, i) + fd->off[c->arch], (size_t)got);
		break;
	}
	case F_SIG:	/* {"value": 10, "name": "SIGUSR1"} */
		j_named((int32_t)val, val ? signal_name((int)val) : NULL);
		break;
	case F_FSID: {	/* {"val": [a, b]} */
		const unsigned char *p = call_elem(c, v, i) + fd->off[c->arch];

		sb_addstr(&js, "{\"val\":[");
		j_uint(tracee_word(p, 4));
		sb_addch(&js, ',');
		j_uint(tracee_word(p + 4, 4));
		sb_addstr(&js, "]}");
		break;
	}
	case F_TIME:	/* (4 bytes: i386's st_atime is unsigned, its utimbuf's times signed) */
		j_int(fd->size[c->arch] == 8 || !fd->sign ? (int64_t)val :
		      (int64_t)(int32_t)(uint32_t)val);
		break;
	case F_STXTIME: {
		uint32_t nsec;

		memcpy(&nsec, call_elem(c, v, i) + fd->off[c->arch] + 8, sizeof(nsec));
		sb_addch(&js, '{');
		j_key("tv_sec");
		j_int((int64_t)val);
		j_key("tv_nsec");
		j_uint(nsec);
		sb_addch(&js, '}');
		break;
	}
	case F_UTIMESPEC:	/* {"tv_sec": 1, "tv_nsec": 2}, and "name": "UTIME_NOW" for one */
	case F_TIMEVAL: {
		const unsigned char *p = call_elem(c, v, i) + fd->off[c->arch];
		unsigned size = fd->size[c->arch];
		uint64_t sec = tracee_word(p, size), frac = tracee_word(p + size, size);
		const char *name = fd->names ? xlat_name(fd->names, frac) : NULL;

		sb_addch(&js, '{');
		j_key("tv_sec");
		j_int(size < 8 ? (int64_t)(int32_t)sec : (int64_t)sec);
		j_key(fd->kind == F_TIMEVAL ? "tv_usec" : "tv_nsec");
		j_uint(frac);
		if (name) {
			j_key("name");
			j_str(name);
		}
		sb_addch(&js, '}');
		break;
	}
	case F_IFINDEX:	/* {"value": 1, "name": "lo"} */
		j_named((int64_t)val, ifindex_name((unsigned)val));
		break;
	case F_IN6ADDR: {	/* "ff02::fb" */
		char ip6[INET6_ADDRSTRLEN];

		inet_ntop(AF_INET6, call_elem(c, v, i) + fd->off[c->arch], ip6, sizeof(ip6));
		j_str(ip6);
		break;
	}
	case F_SOCKADDR_IN: {	/* as a socket address argument */
		struct sa_view view;

		sockaddr_view_bytes(call_elem(c, v, i) + fd->off[c->arch], fd->size[c->arch], &view);
		j_sockaddr_view(&view, 0);
		break;
	}
	case F_HWADDR: {	/* "01:00:5e:00:00:fb" */
		const unsigned char *p = call_elem(c, v, i) + fd->off[c->arch];
		size_t k, alen = (size_t)MIN(call_field(c, v, i, (unsigned)fd->len), (uint64_t)8), at = 0;
		char mac[3 * 8 + 1] = "";

		for (k = 0; k < alen; k++)
			at += (size_t)snprintf(mac + at, sizeof(mac) - at, k ? ":%02x" : "%02x", p[k]);
		j_str(mac);
		break;
	}
	case F_INADDR: {	/* "224.0.0.1" */
		char ip[INET_ADDRSTRLEN];

		inet_ntop(AF_INET, call_elem(c, v, i) + fd->off[c->arch], ip, sizeof(ip));
		j_str(ip);
		break;
	}
	case F_SOCKADDR:
		if ((b = call_leaf(c, v, i, (*slot)++)))
			j_field_sockaddr(c, v, i, f, b);
		else
			j_addr(val);
		break;
	case F_CMSG:
		if ((b = call_leaf(c, v, i, (*slot)++)))
			j_cmsgs(c, v, b);
		else
			j_addr(val);
		break;
	case F_BYTES:
		if ((b = call_leaf(c, v, i, (*slot)++)))
			j_buf(c, b);
		else
			j_addr(val);
		break;
	case F_ARRAY:
	case F_PTR:
		if ((n = call_node(c, v, i, (*slot)++)))
			j_agg(c, n);
		else
			j_addr(val);
		break;
	case F_FD:
		path = call_noted_fd(c, (int)(int64_t)val, v->at_exit, &len);
		j_fd((int64_t)val, path, len);
		break;
	case F_PID:	/* renumbered when a process; -1, 0, a group as they are */
		if ((pid_t)val > 0)
			j_pid((pid_t)val);
		else
			sb_addi(&js, (pid_t)val);
		break;
	case F_ENUM:
		j_named((int64_t)val, xlat_name(fd->names, val));
		break;
	case F_FLAGS:
		j_flags(val, fd->names);
		break;
	case F_MODE:
		j_mode(val);
		break;
	}
}

/*
 * Element @i of @v as an object of its fields (every field, even those
 * the text leaves out), pointers followed where they were; a bare one as
 * its value.  An extensible struct's bytes past ours, when not all zero:
 * "extra_bytes".
 */
/* An array in place at the end of element @i (F_INLINE): every one counted and read. */
static void j_inline(const struct call *c, const struct agg_arg *v, unsigned i, unsigned f)
{
	struct agg_arg e;
	unsigned k;

	call_inline_view(c, v, i, f, &e);
	sb_addch(&js, '[');
	for (k = 0; k < e.got; k++) {
		if (k)
			sb_addch(&js, ',');
		j_elem(c, &e, k);
	}
	sb_addch(&js, ']');
}

static void j_elem(const struct call *c, const struct agg_arg *v, unsigned i)
{
	const struct layout *l = v->layout;
	unsigned f, slot = 0;
	size_t ours = l->size[c->arch], k;

	if (layout_bare(l)) {
		j_field(c, v, i, 0, &slot);
		return;
	}
	sb_addch(&js, '{');
	if (v->one) {
		j_key("addr");
		j_addr(v->addr);
	}
	for (f = 0; f < l->nfields; f++) {
		const struct field *fd = &l->fields[f];
		int skip = call_group_skipped(c, v, i, f, &slot);

		if (skip >= 0) {	/* an embedded struct absent as a whole */
			f = (unsigned)skip;
			continue;
		}
		if (fd->group) {	/* an embedded struct: "msg_hdr":{...} */
			j_key(fd->group);
			sb_addch(&js, '{');
		}
		if (((v->before_only || v->inout_only) && !fd->inout) ||
		    !call_field_present(c, v, i, f)) {
			slot += field_follows(fd->kind);
		} else {
			j_key(fd->name);
			j_field(c, v, i, f, &slot);
		}
		if (fd->group_end)
			sb_addch(&js, '}');
	}
	if (v->layout->inline_tail) {
		/* the bytes past it are its F_INLINE array's */
	} else if (v->ext > ours && v->raw.got < v->ext) {
		j_key("extra_unreadable");
		sb_addstr(&js, "true");
	} else if (v->ext && v->raw.got > ours) {
		const unsigned char *p = call_buf_data(c, &v->raw) + ours;

		for (k = 0; k < v->raw.got - ours && !p[k]; k++)
			;
		if (k < v->raw.got - ours) {
			j_key("extra_bytes");
			j_bytes(p, v->raw.got - ours);
		}
	}
	sb_addch(&js, '}');
}

static void j_offptr(const struct offptr_arg *o)
{
	if (!o->addr) {
		sb_addstr(&js, "null");
		return;
	}
	sb_addch(&js, '{');
	j_key("addr");
	j_addr(o->addr);
	j_key("before");
	if (!o->old_ok)
		sb_addstr(&js, "null");
	else if (o->is_signed)
		j_int((int64_t)o->old);
	else
		j_uint(o->old);
	if (o->want_new) {
		j_key("after");
		if (!o->new_ok)
			sb_addstr(&js, "null");
		else if (o->is_signed)
			j_int((int64_t)o->new);
		else
			j_uint(o->new);
	}
	sb_addch(&js, '}');
}

/*
 * A string argument: a JSON string; null for NULL; {"addr", "unreadable":
 * true} when it cannot be read to its end; {"addr", "data", "truncated":
 * true} when it goes on past what is shown.
 */
static void j_str_arg(const struct call *c, const struct arg *a)
{
	int cut;
	long n = call_str_len(c, a, &cut);

	if (!a->v.buf.addr) {
		sb_addstr(&js, "null");
		return;
	}
	if (n >= 0 && !cut) {
		j_bytes(call_buf_data(c, &a->v.buf), (size_t)n);
		return;
	}
	sb_addch(&js, '{');
	j_key("addr");
	j_addr(a->v.buf.addr);
	if (n < 0) {
		j_key("unreadable");
		sb_addstr(&js, "true}");
		return;
	}
	j_key("data");
	j_bytes(call_buf_data(c, &a->v.buf), (size_t)n);
	j_key("truncated");
	sb_addstr(&js, "true}");
}

/* A socket address: its fields by name, {"addr"} when only the pointer prints, or null. */
static void j_sockaddr_view(const struct sa_view *vp, uint64_t addr)
{
	struct sa_view v = *vp;
	char ip[64];
	const unsigned char *path;
	size_t n;
	int abstract;

	if (v.form == SA_NULL) {
		sb_addstr(&js, "null");
		return;
	}
	sb_addch(&js, '{');
	if (v.form == SA_ADDR) {
		j_key("addr");
		j_addr(addr);
		sb_addch(&js, '}');
		return;
	}
	j_key("sa_family");
	j_named(v.family, xlat_name(&xlat_address_families, v.family));
	switch (v.form) {
	case SA_UNIX:
		sockaddr_unix_path(&v, &path, &n, &abstract);
		j_key(abstract ? "sun_path_abstract" : "sun_path");
		j_bytes(path, n);
		break;
	case SA_INET:
	case SA_INET6:
		sockaddr_ntop(&v, ip, sizeof(ip));
		j_key(v.form == SA_INET ? "sin_port" : "sin6_port");
		j_uint(sockaddr_port(&v));
		j_key(v.form == SA_INET ? "sin_addr" : "sin6_addr");
		j_str(ip);
		if (v.form == SA_INET)
			break;
		j_key("sin6_flowinfo");
		j_uint(sockaddr_be32(&v, 4));
		if (v.len >= 28) {
			j_key("sin6_scope_id");
			j_uint(sockaddr_u32(&v, 24));
		}
		break;
	case SA_NETLINK:
		j_key("nl_pid");
		j_int((int32_t)sockaddr_u32(&v, 4));
		j_key("nl_groups");
		j_uint(sockaddr_u32(&v, 8));
		break;
	case SA_RAW:
		j_key("sa_data");
		j_bytes(v.p + 2, v.len - 2);
		break;
	default:
		break;
	}
	sb_addch(&js, '}');
}

static void j_sockaddr(const struct call *c, const struct arg *a)
{
	struct sa_view v;

	sockaddr_view(c, a, &v);
	j_sockaddr_view(&v, a->v.buf.addr);
}

/*
 * A socket option's value: {"addr", "int"}, {"addr", "total", "ints"},
 * {"addr", "total", "data"}
 * (a string, or an int option's short value), {"addr", fields...} as far
 * as its bytes go, or the address alone (NULL, unreadable, too short, or
 * the call failed).
 */
static void j_sockopt(const struct call *c, const struct arg *a)
{
	struct so_view sv;
	struct agg_arg v;
	unsigned f, slot = 0;
	size_t k;
	int32_t i;

	sockopt_view(c, a, &sv);
	if (sv.form == SO_VIEW_NULL || sv.form == SO_VIEW_ADDR) {
		j_addr(a->v.buf.addr);
		return;
	}
	sb_addch(&js, '{');
	j_key("addr");
	j_addr(a->v.buf.addr);
	switch (sv.form) {
	case SO_VIEW_INT:
		memcpy(&i, sv.p, sizeof(i));
		j_key("int");
		if (sv.layout)	/* {"value", "name"} */
			j_named(i, xlat_name(sv.layout->fields[0].names, (uint32_t)i));
		else
			j_int(i);
		break;
	case SO_VIEW_INTS:
		j_key("total");
		j_uint(sv.len / 4);
		j_key("ints");
		sb_addch(&js, '[');
		for (k = 0; k < sv.n; k += 4) {
			memcpy(&i, sv.p + k, sizeof(i));
			sb_addstr(&js, k ? "," : "");
			j_int(i);
		}
		sb_addch(&js, ']');
		break;
	case SO_VIEW_STR:
	case SO_VIEW_HEX:
		j_key("total");
		j_uint(sv.len);
		j_key("data");
		j_bytes(sv.p, sv.n);
		break;
	case SO_VIEW_STRUCT:	/* the fields its bytes hold whole */
		memset(&v, 0, sizeof(v));
		v.layout = sv.layout;
		v.raw = a->v.buf;
		v.at_exit = (unsigned char)!!a->len_arg;
		for (f = 0; f < sv.layout->nfields; f++) {
			const struct field *fd = &sv.layout->fields[f];

			if (fd->off[c->arch] + fd->size[c->arch] > sv.n)
				break;
			j_key(fd->name);
			j_field(c, &v, 0, f, &slot);
		}
		break;
	default:
		break;
	}
	sb_addch(&js, '}');
}

/* -yy: a device beside its path, "fd_device": {"type": "char", "major": 1, "minor": 3}. */
static void j_device(const char *name, const struct fd_path *p)
{
	char key[64];

	if (!p->device)
		return;
	snprintf(key, sizeof(key), "%s_device", name);
	j_key(key);
	sb_addch(&js, '{');
	j_key("type");
	j_str(p->device == 'c' ? "char" : "block");
	j_key("major");
	j_uint(p->major);
	j_key("minor");
	j_uint(p->minor);
	sb_addch(&js, '}');
}

/* A directory's entries: {"addr", "count", "entries": [{"d_ino", ..., "d_name"}]}, every one read. */
static void j_dirents(const struct call *c, const struct arg *a)
{
	const struct buf_arg *b = &a->v.buf;
	struct dirent_walk w;
	struct dirent d;
	unsigned k = 0;

	if (!b->addr || (b->len && !b->got)) {
		j_addr(b->addr);
		return;
	}
	sb_addch(&js, '{');
	j_key("addr");
	j_addr(b->addr);
	j_key("count");
	j_uint(dirent_count(call_buf_data(c, b), b->got));
	j_key("entries");
	sb_addch(&js, '[');
	dirent_begin(&w, call_buf_data(c, b), b->got);
	while (dirent_next(&w, &d)) {
		sb_addstr(&js, k++ ? ",{" : "{");
		j_key("d_ino");
		j_uint(d.ino);
		j_key("d_off");
		j_int(d.off);
		j_key("d_reclen");
		j_uint(d.reclen);
		j_key("d_type");
		j_named(d.type, xlat_name(&xlat_dirent_types, d.type));
		j_key("d_name");
		j_bytes(d.name, d.name_len);
		sb_addch(&js, '}');
	}
	sb_addstr(&js, "]}");
}

static void j_arg(const struct call *c, const struct arg *a)
{
	char key[64];

	j_key(a->name);
	switch (a->type) {
	case ARG_INT:
		j_int(a->v.i);
		break;
	case ARG_FD:
	case ARG_DIRFD:
		j_int(a->v.i);
		break;
	case ARG_ENUM:
		j_named((int64_t)a->v.flags.val, xlat_name(a->v.flags.names, a->v.flags.val));
		break;
	case ARG_STR:
		j_str_arg(c, a);
		break;
	case ARG_MODE:
		j_mode(a->v.u);
		break;
	case ARG_STMODE:	/* the number: its bits are the kernel's */
		j_uint(a->v.u);
		break;
	case ARG_DEV:
		j_dev(a->v.u);
		break;
	case ARG_SIG:
		j_named(a->v.i, a->v.i ? signal_name((int)a->v.i) : NULL);
		break;
	case ARG_HEX:
		j_uint(a->v.u);
		break;
	case ARG_COOKIE:	/* as in text: --normalize numbers one that looks like a pointer */
		if (opt.normalize && a->v.u >= COOKIE_ADDR_MIN)
			j_addr(a->v.u);
		else
			j_uint(a->v.u);
		break;
	case ARG_PID:
		j_pid((pid_t)a->v.i);
		break;
	case ARG_UINT:
		if (a->filled)
			j_uint(a->v.u);
		else	/* known at exit, which never came */
			sb_addstr(&js, "null");
		break;
	case ARG_ADDR:
		j_addr(a->v.u);
		break;
	case ARG_BUF:
		j_buf(c, &a->v.buf);
		break;
	case ARG_ARRAY:
	case ARG_STRUCT:
		j_agg(c, a);
		break;
	case ARG_FLAGS:
		j_flags(a->v.flags.val, a->v.flags.names);
		break;
	case ARG_OFFPTR:
		j_offptr(&a->v.off);
		break;
	case ARG_SOCKADDR:
		j_sockaddr(c, a);
		break;
	case ARG_SOCKOPT:
		j_sockopt(c, a);
		break;
	case ARG_DIRENTS:
		j_dirents(c, a);
		break;
	case ARG_SIGSET:
		j_sigset(c, &a->v.buf, a->v.buf.addr);
		break;
	case ARG_FDSET:
		j_fdset(c, &a->v.buf);
		break;
	}
	if ((a->type == ARG_FD || a->type == ARG_DIRFD) && show_paths() && call_fd_path(c, a)) {
		snprintf(key, sizeof(key), "%s_path", a->name);
		j_key(key);
		j_path(call_fd_path(c, a), a->path.len);
		j_device(a->name, &a->path);
	}
}

/* Bytes [first, last] of a copy (all read: see compare_snap()), at most -s of them. */
static void j_range(const struct call *c, const struct buf_arg *b, uint64_t first, uint64_t last)
{
	j_bytes(call_buf_data(c, b) + first, (size_t)MIN(last - first + 1, (uint64_t)opt.max_strlen));
}

static void j_iovec(uint64_t base, uint64_t len)
{
	sb_addch(&js, '{');
	j_key("iov_base");
	j_addr(base);
	j_key("iov_len");
	j_uint(len);
	sb_addch(&js, '}');
}

static void j_change(const struct call *c, const struct toctou *tt, const struct change *ch)
{
	static const char *const kinds[] = {
		[CHANGE_BYTES] = "bytes", [CHANGE_HASH] = "hash", [CHANGE_ARRAY] = "array",
	};

	sb_addch(&js, '{');
	j_key("kind");
	j_str(kinds[ch->kind]);
	j_key("arg");
	j_str(call_data_arg(c, (unsigned)tt->arg)->name);
	j_key("element");
	if (ch->elem >= 0)
		sb_addi(&js, ch->elem);
	else
		sb_addstr(&js, "null");
	if (ch->kind == CHANGE_ARRAY) {
		j_key("before");
		j_iovec(ch->old_base, ch->old_len);
		j_key("after");
		j_iovec(ch->new_base, ch->new_len);
	} else {
		j_key("first");
		j_uint(ch->first);
		j_key("last");
		j_uint(ch->last);
	}
	if (ch->kind == CHANGE_BYTES) {
		j_key("before");
		j_range(c, &ch->snap->entry, ch->first, ch->last);
		j_key("after");
		j_range(c, &ch->snap->exit, ch->first, ch->last);
	}
	sb_addch(&js, '}');
}

/*
 * "aio_toctou": the AIO writes this call reaped whose data changed since
 * io_submit, [{"event", "aio_data", "first", "last", "before", "after"}],
 * the bytes from "first", at most AIO_SHOW_MAX of them.
 */
static void j_aio_toctou(const struct aio_found *f)
{
	unsigned i;

	j_key("aio_toctou");
	sb_addch(&js, '[');
	for (i = 0; i < f->n; i++) {
		const struct aio_change *ch = &f->c[i];

		sb_addstr(&js, i ? ",{" : "{");
		j_key("event");
		j_uint(ch->event);
		j_key("aio_data");
		j_uint(ch->aio_data);
		j_key("first");
		j_uint(ch->first);
		j_key("last");
		j_uint(ch->last);
		j_key("before");
		j_bytes(ch->before, ch->shown);
		j_key("after");
		j_bytes(ch->after, ch->shown);
		sb_addch(&js, '}');
	}
	sb_addch(&js, ']');
}

/* "toctou": every change (not only -s of them), and the verify outcome. */
static void j_toctou(const struct call *c, const struct toctou *tt)
{
	unsigned i;

	j_key("toctou");
	sb_addch(&js, '{');
	j_key("changes");
	sb_addch(&js, '[');
	for (i = 0; i < tt->nchanges; i++) {
		if (i)
			sb_addch(&js, ',');
		j_change(c, tt, &tt->changes[i]);
	}
	sb_addch(&js, ']');
	if (tt->landed != LANDED_UNCHECKED) {
		j_key("landed");
		j_str(toctou_landed_name(tt->landed));
	}
	if (tt->landed == LANDED_UNKNOWN && tt->not_read[0]) {
		j_key("not_read_back");
		j_str(tt->not_read);
	} else if (tt->landed == LANDED_UNKNOWN) {
		j_key("verify_error");
		if (errno_name(tt->verify_errno))
			j_str(errno_name(tt->verify_errno));
		else
			sb_addi(&js, tt->verify_errno);
	}
	sb_addch(&js, '}');
}

/* The time the line would start with (-t, -tt, -ttt, -r), without spaces. */
static void j_time(void)
{
	struct strbuf ts = STRBUF_INIT;
	size_t start = 0;

	quote_timestamp(&ts);
	while (ts.len && ts.buf[ts.len - 1] == ' ')
		ts.buf[--ts.len] = '\0';
	while (start < ts.len && ts.buf[start] == ' ')
		start++;
	j_key("time");
	j_str(ts.buf + start);
	sb_release(&ts);
}

static void j_stack(const struct stack *st)
{
	unsigned i;

	j_key("stack");
	sb_addch(&js, '[');
	for (i = 0; i < st->n; i++) {
		if (i)
			sb_addch(&js, ',');
		sb_addch(&js, '{');
		j_key("binary");
		if (st->frames[i].binary)
			j_str(st->frames[i].binary);
		else
			sb_addstr(&js, "null");
		j_key("symbol");
		j_str(st->frames[i].symbol);
		j_key("offset");
		j_uint(st->frames[i].file_off);
		sb_addch(&js, '}');
	}
	sb_addch(&js, ']');
	if (st->note) {
		j_key("stack_note");
		j_str(st->note == STACK_I386 ? "i386 tracee: not unwound" : "unwinder failed");
	}
}

/*
 * A successful result: a number (an address as a string, as addresses
 * are), and what the text shows beside it: "result_path" (-y),
 * "result_flags", "result_name".
 */
static void j_result(const struct call *c)
{
	uint64_t v = arch_ulong(c->arch, (uint64_t)c->rval);
	const char *name = NULL;

	if (c->res_form == RES_PID) {
		j_pid((pid_t)v);
		return;
	}
	if (c->res_form == RES_LIST && syscall_def(c->id)->result == RESULT_ADDR)
		j_addr(v);
	else if (c->res_form == RES_LIST)
		j_int(arch_long(c->arch, (uint64_t)c->rval));
	else
		j_uint(v);
	if (call_result_is_fd(c) && show_paths() && call_result_path(c)) {
		j_key("result_path");
		j_path(call_result_path(c), c->res_path.len);
		j_device("result", &c->res_path);
	}
	if (c->res_form == RES_FLAGS) {
		j_key("result_flags");
		j_flags(v, c->res_names);
		return;
	}
	if (c->res_form != RES_NAMED && c->res_form != RES_SIGNAL)
		return;
	if (c->res_form == RES_NAMED)
		name = xlat_name(c->res_names, v);
	else if (v)
		name = signal_name((int)v);
	j_key("result_name");
	if (name)
		j_str(name);
	else
		sb_addstr(&js, "null");
}

/*
 * What -e inject= did: "injected" names it; "injected_short" is the
 * count the call ran with, "injected_signal" the signal sent as it began.
 */
static void j_injected(const struct call *c)
{
	static const char *const kinds[] = {
		[INJECTED_ERROR] = "error", [INJECTED_RETVAL] = "retval",
		[INJECTED_SHORT] = "short", [INJECTED_DISK_FULL] = "enospc-after",
		[INJECTED_EINTR] = "eintr", [INJECTED_TORN] = "torn",
		[INJECTED_SIGNAL] = "signal", [INJECTED_DELAY] = "delay",
	};

	j_key("injected");
	j_str(c->injected < sizeof(kinds) / sizeof(kinds[0]) && kinds[c->injected]
	      ? kinds[c->injected] : "?");
	if (c->injected_cut || c->injected == INJECTED_TORN) {
		j_key("injected_short");
		j_uint(c->short_to);
	}
	if (c->delayed && c->injected != INJECTED_DELAY) {	/* a delay beside another fault */
		j_key("injected_delayed");
		sb_addstr(&js, "true");
	}
	if (c->injected_sig && signal_name(c->injected_sig)) {
		j_key("injected_signal");
		j_str(signal_name(c->injected_sig));
	}
}

/* What is left of a timeout the call rewrote (recvmmsg): "left". */
static void j_left(const struct call *c)
{
	unsigned i;

	for (i = 0; i < c->nargs; i++) {
		const struct arg *a = &c->arg[i];

		if (a->type != ARG_STRUCT || !a->filled || !a->v.agg.left_after || !a->v.agg.addr)
			continue;
		j_key("left");
		if (a->v.agg.got)
			j_elem(c, &a->v.agg, 0);
		else
			sb_addstr(&js, "null");
	}
}

/* The name and the arguments, as an object of their names. */
static void j_name_args(const struct call *c)
{
	unsigned i;

	if (opt.timestamps)
		j_time();
	j_key("name");
	j_str(syscall_def(c->id)->name);
	j_key("args");
	sb_addch(&js, '{');
	for (i = 0; i < c->nargs; i++)
		j_arg(c, &c->arg[i]);
	sb_addch(&js, '}');
}

static void j_error(const struct call *c)
{
	sb_addstr(&js, "-1");
	j_key("errno");
	sb_addi(&js, c->error);
	j_key("error");
	if (errno_name(c->error))
		j_str(errno_name(c->error));
	else
		sb_addstr(&js, "null");
}

/*
 * An io_uring entry: type "sqe" or "cqe", the operation's name and its
 * fields as arguments (user_data among them: it links the two), and a
 * completion's result.
 */
static void json_ring(struct who *w, const struct report *r, int completion,
		      const struct report *sub, uint64_t ns)
{
	const struct call *c = &r->call;

	begin(w, completion ? "cqe" : "sqe");
	j_where(w, NULL, 1);
	j_name_args(c);
	if (completion) {
		j_key("result");
		if (c->error)
			j_error(c);
		else
			j_result(c);
		if (sub && toctou_has_news(&sub->tt))
			j_toctou(&sub->call, &sub->tt);
		if (opt.durations) {
			j_key("duration_us");
			j_uint(ns / 1000);
		}
	}
	end(w);
}

void json_call_args(struct strbuf *out, const struct call *c)
{
	unsigned i;

	sb_reset(&js);
	paths_always = 1;
	sb_addch(&js, '{');
	for (i = 0; i < c->nargs; i++)
		j_arg(c, &c->arg[i]);
	if (c->done && !c->vanished) {
		j_key("result");
		if (c->error)
			j_error(c);
		else
			j_result(c);
	}
	sb_addch(&js, '}');
	paths_always = 0;
	sb_add(out, js.buf, js.len);
}

/* A call is one object, printed whole once its result is known (or never will be). */
static void json_whole(struct who *w, const struct report *r)
{
	const struct call *c = &r->call;

	begin(w, "syscall");
	j_where(w, r->site.set ? &r->site : NULL, 1);
	j_name_args(c);
	j_key("result");
	if (c->vanished) {
		sb_addstr(&js, "null");
	} else if (c->error) {
		j_error(c);
	} else {
		j_result(c);
		j_left(c);
	}
	if (c->injected)
		j_injected(c);
	if (toctou_has_news(&r->tt))
		j_toctou(c, &r->tt);
	if (r->aio.n)
		j_aio_toctou(&r->aio);
	if (r->aio.unwatched) {
		j_key("aio_toctou_unwatched");
		j_uint(r->aio.unwatched);
	}
	if (opt.durations) {
		j_key("duration_us");
		j_uint(r->duration_ns / 1000);
	}
	if (r->stack.n || r->stack.note)
		j_stack(&r->stack);
	end(w);
}

/* JSON has no split lines: entry prints nothing, exit the whole call. */
static void json_entry(struct who *w, const struct report *r)
{
	(void)w;
	(void)r;
}

static void json_vanished(struct who *w, const struct report *r)
{
	(void)w;
	(void)r;
}

static void j_signame(int sig)
{
	if (signal_name(sig))
		j_str(signal_name(sig));
	else
		sb_addi(&js, sig);
}

static void json_signal(struct who *t, const siginfo_t *si)
{
	const char *code = sicode_name(si->si_signo, si->si_code);

	begin(t, "signal");
	j_where(t, NULL, 1);
	j_key("signal");
	j_signame(si->si_signo);
	j_key("code");
	if (code)
		j_str(code);
	else
		sb_addi(&js, si->si_code);
	if ((si->si_code <= 0 && si->si_code != SI_TIMER) || si->si_signo == SIGCHLD) {	/* who sent it */
		j_key("si_pid");
		j_pid(si->si_pid);
		j_key("si_uid");
		sb_addu(&js, si->si_uid);
	}
	if (si->si_signo == SIGCHLD && si->si_code > 0) {
		j_key("si_status");
		sb_addi(&js, si->si_status);
	}
	if ((si->si_signo == SIGSEGV || si->si_signo == SIGBUS || si->si_signo == SIGILL ||
	     si->si_signo == SIGFPE) && si->si_code > 0) {
		j_key("si_addr");
		j_addr((uintptr_t)si->si_addr);
	}
	end(t);
}

static void json_stopped(struct who *t, int sig)
{
	begin(t, "stopped");
	j_key("signal");
	j_signame(sig);
	end(t);
}

static void json_death(struct who *t, int status)
{
	if (WIFEXITED(status)) {
		begin(t, "exited");
		j_where(t, NULL, 0);
		j_key("status");
		sb_addi(&js, WEXITSTATUS(status));
	} else {
		begin(t, "killed");
		j_where(t, NULL, 0);
		j_key("signal");
		j_signame(WTERMSIG(status));
		j_key("core_dumped");
		sb_addstr(&js, WCOREDUMP(status) ? "true" : "false");
	}
	end(t);
}

static void json_note(struct who *t, const char *text)
{
	begin(t, "note");
	j_key("text");
	j_str(text);
	end(t);
}

const struct renderer json_renderer = {
	.entry = json_entry,
	.exit = json_whole,
	.whole = json_whole,
	.vanished = json_vanished,
	.ring = json_ring,
	.signal = json_signal,
	.stopped = json_stopped,
	.death = json_death,
	.note = json_note,
};
