/*
 * The decoded call: what decoders append, and the arena and pools that
 * hold what the reader fills in.  Nothing here reads the tracee.
 */
#include "config.h"
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include "call/call.h"
#include "util/util.h"

void call_begin(struct call *c, unsigned id, enum arch arch, size_t fetch_cap,
		unsigned iov_show)
{
	c->injected = INJECTED_NONE;
	c->injected_cut = 0;
	c->injected_sig = 0;
	c->delayed = 0;
	c->short_to = 0;
	c->id = id;
	c->arch = arch;
	c->nargs = 0;
	c->rval = 0;
	c->error = 0;
	c->done = 0;
	c->vanished = 0;
	c->late_data = 0;
	c->exiting = 0;
	c->not_io = 0;
	c->res_form = RES_LIST;
	c->res_names_always = 0;
	c->res_label = NULL;
	c->res_names = NULL;
	memset(&c->res_path, 0, sizeof(c->res_path));
	c->nnotes = 0;
	c->in.arg = -1;
	c->in.len = 0;
	c->in.fd = -1;
	c->in.pos = -1;
	c->in.how = WRITE_AT;
	c->out.arg = -1;
	c->out.len = 0;
	c->out.fd = -1;
	c->nclaims = 0;
	c->arena_len = 0;
	c->fetch_cap = fetch_cap;
	c->show_left = MAX(fetch_cap, (size_t)CALL_SHOW_BUDGET);
	c->iov_show = iov_show;
	c->nslots = 0;
	c->nleaves = 0;
	c->nnodes = 0;
}

static struct arg *add(struct call *c, const char *name, enum arg_type type)
{
	struct arg *a;

	/* Decoders are ours, so overflowing is a bug, not tracee input. */
	if (c->nargs >= CALL_ARGS_MAX)
		BUG("too many arguments for one call of %u", c->id);
	a = &c->arg[c->nargs++];
	memset(a, 0, sizeof(*a));
	a->name = name;
	a->type = type;
	a->filled = 1;
	return a;
}

void call_add_int(struct call *c, const char *name, int64_t v)
{
	add(c, name, ARG_INT)->v.i = v;
}

void call_add_uint(struct call *c, const char *name, uint64_t v)
{
	add(c, name, ARG_UINT)->v.u = v;
}

void call_add_fd(struct call *c, const char *name, int fd)
{
	struct arg *a = add(c, name, ARG_FD);

	a->v.i = fd;
	a->path.pending = fd >= 0;
}

void call_add_fd_of(struct call *c, const char *name, int fd, unsigned pidfd_idx)
{
	call_add_fd(c, name, fd);
	c->arg[c->nargs - 1].len_arg = (unsigned char)(pidfd_idx + 1);
}

void call_add_pid(struct call *c, const char *name, pid_t pid)
{
	add(c, name, ARG_PID)->v.i = pid;
}

void call_add_addr(struct call *c, const char *name, uint64_t addr)
{
	add(c, name, ARG_ADDR)->v.u = addr;
}

/* A buffer's shown bytes are charged to the call's budget when it is named. */
static void set_buf(struct call *c, struct arg *a, uint64_t addr, uint64_t len)
{
	struct buf_arg *b = &a->v.buf;

	a->type = ARG_BUF;
	a->filled = 1;
	memset(b, 0, sizeof(*b));
	b->addr = addr;
	b->len = len;
	b->want = addr ? (size_t)MIN(MIN(len, (uint64_t)c->fetch_cap), (uint64_t)c->show_left) : 0;
	c->show_left -= b->want;
	b->state = BUF_PENDING;
}

void call_add_buf(struct call *c, const char *name, uint64_t addr, uint64_t len)
{
	set_buf(c, add(c, name, ARG_BUF), addr, len);
}

struct arg *call_add_later(struct call *c, const char *name)
{
	struct arg *a = add(c, name, ARG_UINT);

	a->at_exit = 1;
	a->filled = 0;
	return a;
}

void call_fill_uint(struct arg *a, uint64_t v)
{
	a->type = ARG_UINT;
	a->v.u = v;
	a->filled = 1;
}

void call_fill_addr(struct arg *a, uint64_t addr)
{
	a->type = ARG_ADDR;
	a->v.u = addr;
	a->filled = 1;
}

void call_fill_buf(struct call *c, struct arg *a, uint64_t addr, uint64_t len)
{
	set_buf(c, a, addr, len);
}

static void set_agg(struct call *c, struct arg *a, enum arg_type type,
		    const struct layout *layout, uint64_t addr, uint64_t count, int with_data,
		    uint64_t limit)
{
	struct agg_arg *v = &a->v.agg;
	uint64_t max = (c->arch == ARCH_I386 ? UINT32_MAX : UINT64_MAX) / layout->size[c->arch];
	struct buf_arg before = v->before;	/* read at entry: kept at exit */
	unsigned char has_before = a->type == type && v->has_before;

	a->type = type;
	a->filled = 1;
	memset(v, 0, sizeof(*v));
	v->before = before;
	v->has_before = has_before;
	v->layout = layout;
	v->addr = addr;
	v->count = count;
	v->limit = limit;
	v->with_data = (unsigned char)with_data;
	v->overflow = count > max;
	v->one = type == ARG_STRUCT;
	v->state = AGG_PENDING;
}

void call_add_array(struct call *c, const char *name, const struct layout *layout,
		    uint64_t addr, uint64_t count, int with_data, uint64_t limit)
{
	set_agg(c, add(c, name, ARG_ARRAY), ARG_ARRAY, layout, addr, count, with_data, limit);
}

void call_fill_array(struct call *c, struct arg *a, const struct layout *layout,
		     uint64_t addr, uint64_t count, int with_data, uint64_t limit)
{
	set_agg(c, a, ARG_ARRAY, layout, addr, count, with_data, limit);
}

void call_fill_whole(struct call *c, struct arg *a, const struct layout *layout,
		     uint64_t addr, uint64_t count)
{
	set_agg(c, a, ARG_ARRAY, layout, addr, count, 1, UINT64_MAX);
	a->v.agg.whole = 1;
}

void call_add_whole(struct call *c, const char *name, const struct layout *layout,
		    uint64_t addr, uint64_t count)
{
	call_fill_whole(c, add(c, name, ARG_ARRAY), layout, addr, count);
}

void call_add_struct(struct call *c, const char *name, const struct layout *layout,
		     uint64_t addr)
{
	set_agg(c, add(c, name, ARG_STRUCT), ARG_STRUCT, layout, addr, 1, 1, UINT64_MAX);
}

void call_add_struct_counted(struct call *c, const char *name, const struct layout *layout,
			     uint64_t addr, uint64_t count)
{
	call_add_struct(c, name, layout, addr);
	c->arg[c->nargs - 1].v.agg.outer = count;
}

void call_buf_omit_nul(struct arg *a)
{
	if (a->type == ARG_BUF)
		a->v.buf.omit_nul = 1;
}

void call_after_result(struct arg *a)
{
	a->after_result = 1;
	if (a->type == ARG_ARRAY)
		a->v.agg.read_all = 1;
}

void call_add_cookie(struct call *c, const char *name, uint64_t v)
{
	add(c, name, ARG_COOKIE)->v.u = v;
}

void call_name_last(struct call *c)
{
	if (c->nargs)
		c->arg[c->nargs - 1].named = 1;
}

void call_add_flags(struct call *c, const char *name, uint64_t val,
		    const struct xlat_list *names)
{
	struct arg *a = add(c, name, ARG_FLAGS);

	a->v.flags.val = val;
	a->v.flags.names = names;
}

void call_add_enum(struct call *c, const char *name, uint64_t val,
		   const struct xlat_list *names)
{
	struct arg *a = add(c, name, ARG_ENUM);

	a->v.flags.val = val;
	a->v.flags.names = names;
}

/*
 * A path is read as the kernel reads it, up to PATH_MAX bytes, and shown
 * whole; a name up to -s bytes and one more, to know whether it goes on.
 * Neither is charged to the budget for data: a path is bounded as it is.
 */
static void set_str(struct call *c, struct arg *a, uint64_t addr, enum str_kind kind)
{
	struct buf_arg *b = &a->v.buf;

	a->type = ARG_STR;
	a->filled = 1;
	memset(b, 0, sizeof(*b));
	a->str = (unsigned char)kind;
	b->addr = addr;
	b->want = addr ? (kind == STR_PATH ? PATH_MAX_BYTES : MIN(c->fetch_cap, (size_t)PATH_MAX_BYTES) + 1) : 0;
	b->len = b->want;
	b->state = BUF_PENDING;
}

void call_add_str(struct call *c, const char *name, uint64_t addr, enum str_kind kind)
{
	set_str(c, add(c, name, ARG_STR), addr, kind);
}

void call_fill_str(struct call *c, struct arg *a, uint64_t addr, enum str_kind kind)
{
	set_str(c, a, addr, kind);
}

long call_str_len(const struct call *c, const struct arg *a, int *cut)
{
	const struct buf_arg *b = &a->v.buf;
	const unsigned char *p, *nul;

	*cut = 0;
	if (!b->addr || b->state != BUF_DONE)
		return -1;
	p = call_buf_data(c, b);
	nul = memchr(p, '\0', b->got);
	if (nul)
		return nul - p;
	if (b->got < b->want)	/* unreadable before its end: as strace, the address */
		return -1;
	*cut = 1;
	return (long)b->want - 1;
}

void call_add_dirfd(struct call *c, const char *name, int fd)
{
	struct arg *a = add(c, name, ARG_DIRFD);

	a->v.i = fd;
	a->path.pending = fd >= 0 || fd == AT_FDCWD_VAL;
}

void call_add_stmode(struct call *c, const char *name, uint64_t mode)
{
	add(c, name, ARG_STMODE)->v.u = mode;
}

void call_add_dev(struct call *c, const char *name, uint64_t dev)
{
	add(c, name, ARG_DEV)->v.u = dev;
}

void call_add_dirfd_none(struct call *c, const char *name, int fd, const char *none)
{
	call_add_dirfd(c, name, fd);
	c->arg[c->nargs - 1].none_name = none;
}

void call_add_mode(struct call *c, const char *name, uint64_t mode)
{
	add(c, name, ARG_MODE)->v.u = mode;
}

void call_add_sig(struct call *c, const char *name, int sig)
{
	add(c, name, ARG_SIG)->v.i = sig;
}

void call_add_hex(struct call *c, const char *name, uint64_t v)
{
	add(c, name, ARG_HEX)->v.u = v;
}

void call_add_struct_sized(struct call *c, const char *name, const struct layout *layout,
			   uint64_t addr, uint64_t size)
{
	struct arg *a = add(c, name, ARG_STRUCT);

	set_agg(c, a, ARG_STRUCT, layout, addr, 1, 1, UINT64_MAX);
	if (size < layout->size[c->arch]) {
		a->type = ARG_ADDR;	/* too small to be one: strace shows the address */
		a->v.u = addr;
		return;
	}
	a->v.agg.ext = (unsigned short)MIN(size, (uint64_t)PATH_MAX_BYTES);
}

void call_fill_struct(struct call *c, struct arg *a, const struct layout *layout,
		      uint64_t addr)
{
	set_agg(c, a, ARG_STRUCT, layout, addr, 1, 1, UINT64_MAX);
}

void call_fill_struct_sized(struct call *c, struct arg *a, const struct layout *layout,
			    uint64_t addr, uint64_t size)
{
	set_agg(c, a, ARG_STRUCT, layout, addr, 1, 1, UINT64_MAX);
	/* read past the struct's own size by at least a byte: an F_INLINE field's word is there */
	a->v.agg.ext = (unsigned short)MIN(MAX(size, (uint64_t)layout->size[c->arch] + 8),
					   (uint64_t)PATH_MAX_BYTES);
}

void call_fill_struct_limit(struct call *c, struct arg *a, const struct layout *layout,
			    uint64_t addr, uint64_t limit)
{
	set_agg(c, a, ARG_STRUCT, layout, addr, 1, 1, limit);
}

void call_show_left(struct arg *a)
{
	a->v.agg.left_after = 1;
}

void call_not_io(struct call *c)
{
	c->not_io = 1;
}

void call_result_fd(struct call *c)
{
	c->res_form = RES_FD;
}

void call_result_flags(struct call *c, const char *label, const struct xlat_list *names,
		       int names_always)
{
	c->res_form = RES_FLAGS;
	c->res_label = label;
	c->res_names = names;
	c->res_names_always = (unsigned char)names_always;
}

void call_result_named(struct call *c, const struct xlat_list *names)
{
	c->res_form = RES_NAMED;
	c->res_names = names;
}

void call_result_signal(struct call *c)
{
	c->res_form = RES_SIGNAL;
}

void call_result_pid(struct call *c)
{
	c->res_form = RES_PID;
}

int call_result_is_fd(const struct call *c)
{
	return c->res_form == RES_FD ||
	       (c->res_form == RES_LIST && syscall_def(c->id)->result == RESULT_FD);
}

/* A copy of @path in the arena, NUL-terminated, for an fd_path. */
static void keep_path(struct call *c, struct fd_path *p, const char *path, size_t len)
{
	p->off = call_arena_take(c, len + 1);
	p->len = (unsigned short)MIN(len, (size_t)USHRT_MAX);
	p->described = 0;
	p->device = 0;
	p->ino = 0;
	memcpy(c->arena + p->off, path, len);
	c->arena[p->off + len] = '\0';
}

void call_note_fd(struct call *c, int fd, int at_exit, const char *path, size_t len)
{
	struct fd_note *n;

	if (c->nnotes == FD_NOTES_MAX)
		return;
	if (c->nnotes == c->notes_cap) {
		c->notes_cap = c->notes_cap ? c->notes_cap * 2 : 8;
		c->notes = xrealloc(c->notes, c->notes_cap * sizeof(*c->notes));
	}
	n = &c->notes[c->nnotes++];
	n->fd = fd;
	n->at_exit = (unsigned char)at_exit;
	keep_path(c, &n->path, path, len);
}

const struct fd_path *call_noted_path(const struct call *c, int fd, int at_exit)
{
	unsigned i;

	for (i = 0; i < c->nnotes; i++)
		if (c->notes[i].fd == fd && c->notes[i].at_exit == at_exit)
			return &c->notes[i].path;
	return NULL;
}

const char *call_noted_fd(const struct call *c, int fd, int at_exit, size_t *len)
{
	const struct fd_path *p = call_noted_path(c, fd, at_exit);

	if (!p)
		return NULL;
	*len = p->len;
	return (const char *)c->arena + p->off;
}

void call_set_result_path(struct call *c, const char *path, size_t len)
{
	keep_path(c, &c->res_path, path, len);
}

void call_add_offptr(struct call *c, const char *name, uint64_t addr,
		     unsigned size, int is_signed)
{
	struct arg *a = add(c, name, ARG_OFFPTR);
	struct offptr_arg *o = &a->v.off;

	a->at_exit = 1;	/* "[old => new]" is one token, printed when known */
	o->addr = addr;
	o->size = (unsigned char)size;
	o->is_signed = (unsigned char)is_signed;
	o->reading = addr ? 1 : 0;
}

void call_add_socklen(struct call *c, const char *name, uint64_t addr)
{
	call_add_offptr(c, name, addr, 4, 1);	/* socklen_t, printed as an int */
	c->arg[c->nargs - 1].v.off.inout = 1;
}

static void set_sockaddr(struct arg *a, uint64_t addr, uint64_t len, unsigned len_arg)
{
	struct buf_arg *b = &a->v.buf;

	a->type = ARG_SOCKADDR;
	a->filled = 1;
	a->len_arg = (unsigned char)len_arg;
	memset(b, 0, sizeof(*b));
	b->addr = addr;
	b->len = len;
	b->want = addr ? (size_t)MIN(len, (uint64_t)SOCKADDR_MAX) : 0;
	b->state = BUF_PENDING;
}

void call_add_sigset(struct call *c, const char *name, uint64_t addr, uint64_t size)
{
	struct arg *a = add(c, name, ARG_SIGSET);
	struct buf_arg *b = &a->v.buf;

	b->addr = addr;
	b->len = size;
	b->want = addr && size <= SIGSET_BYTES ? (size_t)size : 0;
	b->state = BUF_PENDING;
}

void call_fill_fdset(struct call *c, struct arg *a, uint64_t addr, int nfds)
{
	struct buf_arg *b = &a->v.buf;
	unsigned wbits = c->arch == ARCH_I386 ? 32 : 64;
	uint64_t bits = nfds > 0 && nfds <= FDSET_FDS_MAX ? (uint64_t)nfds : 0;

	a->type = ARG_FDSET;
	a->filled = 1;
	memset(b, 0, sizeof(*b));
	b->addr = addr;
	b->len = (uint64_t)(int64_t)nfds;	/* the fds the set covers (negative: none), not its bytes */
	b->want = addr && bits ? (size_t)((bits + wbits - 1) / wbits * (wbits / 8)) : 0;
	b->state = BUF_PENDING;
}

void call_add_fdset(struct call *c, const char *name, uint64_t addr, int nfds)
{
	struct arg *a = add(c, name, ARG_FDSET);

	call_fill_fdset(c, a, addr, nfds);
}

/*
 * Whether fd set @b can be shown: read whole.  Its fds, the bits below
 * the fds it covers (at most FDSET_FDS_MAX), go to @fn in order.
 */
int call_fdset_each(const struct call *c, const struct buf_arg *b,
		      void (*fn)(int fd, void *ctx), void *ctx)
{
	const unsigned char *p;
	uint64_t n, fd;

	if ((int64_t)b->len < 0 || b->len > FDSET_FDS_MAX || b->got < b->want)
		return 0;
	n = MIN(b->len, (uint64_t)b->got * 8);
	p = call_buf_data(c, b);
	for (fd = 0; fd < n; fd++)	/* little-endian words: bit k of byte k / 8 */
		if ((p[fd / 8] >> (fd % 8)) & 1)
			fn((int)fd, ctx);
	return 1;
}

void call_add_sockaddr(struct call *c, const char *name, uint64_t addr, uint64_t len)
{
	set_sockaddr(add(c, name, ARG_SOCKADDR), addr, len, 0);
}

void call_fill_sockaddr(struct call *c, struct arg *a, uint64_t addr, uint64_t cap,
			unsigned len_idx)
{
	(void)c;
	set_sockaddr(a, addr, cap, len_idx + 1);
}

/*
 * An option's int or struct form needs its first bytes whatever -s says;
 * a string form shows -s of them, within the call's budget.
 */
static void set_sockopt(struct call *c, struct arg *a, uint64_t addr, uint64_t len,
			enum sockopt_form form, const struct layout *layout, unsigned len_arg)
{
	struct buf_arg *b = &a->v.buf;
	size_t shown = MIN(c->fetch_cap, c->show_left);

	if (form == SOCKOPT_INTS)	/* -s counts its ints, not their bytes */
		shown = MIN(MIN(c->fetch_cap, (size_t)IOV_FETCH_MAX) * 4, c->show_left);
	a->type = ARG_SOCKOPT;
	a->filled = 1;
	a->len_arg = (unsigned char)len_arg;
	a->sockopt = (unsigned char)form;
	a->layout = layout;
	memset(b, 0, sizeof(*b));
	b->addr = addr;
	b->len = len;
	b->want = addr && form != SOCKOPT_ADDR ?
		(size_t)MIN(len, (uint64_t)MAX(MAX(shown, (size_t)SOCKOPT_FIXED_MAX),
					       layout ? (size_t)layout->size[c->arch] : 0)) : 0;
	c->show_left -= MIN(b->want, c->show_left);
	b->state = BUF_PENDING;
}

void call_add_sockopt(struct call *c, const char *name, uint64_t addr, uint64_t len,
		      enum sockopt_form form, const struct layout *layout)
{
	set_sockopt(c, add(c, name, ARG_SOCKOPT), addr, len, form, layout, 0);
}

void call_fill_sockopt(struct call *c, struct arg *a, uint64_t addr, unsigned len_idx,
		       enum sockopt_form form, const struct layout *layout)
{
	const struct offptr_arg *o = &c->arg[len_idx].v.off;
	/* the kernel writes no more than the caller said it could take */
	uint64_t cap = o->addr && o->old_ok && (int64_t)o->old > 0 ? o->old : 0;

	set_sockopt(c, a, addr, cap, form, layout, len_idx + 1);
}

void call_fill_dirents(struct call *c, struct arg *a, uint64_t addr, uint64_t len)
{
	struct buf_arg *b = &a->v.buf;

	(void)c;
	a->type = ARG_DIRENTS;
	a->filled = 1;
	memset(b, 0, sizeof(*b));
	b->addr = addr;
	b->len = len;
	/* all of them, whatever -s says: the line counts them */
	b->want = addr ? (size_t)MIN(len, (uint64_t)DIRENTS_FETCH_MAX) : 0;
	b->state = BUF_PENDING;
}

void call_offptr_moved(struct call *c, unsigned idx)
{
	struct offptr_arg *o = &c->arg[idx].v.off;

	if (c->arg[idx].type != ARG_OFFPTR || !o->addr || !o->old_ok)
		return;
	o->want_new = 1;
	o->reading = 2;
}

void call_consumes(struct call *c, unsigned idx, uint64_t len, int fd, int64_t pos,
		   enum write_how how)
{
	c->in.arg = (int)idx;
	c->in.len = len;
	c->in.fd = fd;
	c->in.pos = pos;
	c->in.how = how;
}

void call_produces(struct call *c, unsigned idx, uint64_t len, int fd)
{
	c->out.arg = (int)idx;
	c->out.len = len;
	c->out.fd = fd;
}

void call_late_data(struct call *c)
{
	c->late_data = 1;
}

void call_claim(struct call *c, unsigned idx, uint64_t bytes)
{
	if (c->nclaims == CALL_CLAIMS)
		BUG("more than %d claims on call %u", CALL_CLAIMS, c->id);
	c->claims[c->nclaims].arg = (int)idx;
	c->claims[c->nclaims].bytes = bytes;
	c->nclaims++;
	if (c->arg[idx].type == ARG_ARRAY || c->arg[idx].type == ARG_STRUCT)
		c->arg[idx].v.agg.read_all = 1;	/* a struct's: its payload array's */
}

size_t call_arena_take(struct call *c, size_t n)
{
	size_t off = c->arena_len;

	if (c->arena_cap - c->arena_len < n) {
		size_t cap = c->arena_cap ? c->arena_cap : 256;

		while (cap - c->arena_len < n)
			cap *= 2;
		c->arena = xrealloc(c->arena, cap);
		c->arena_cap = cap;
	}
	c->arena_len += n;
	return off;
}

void call_set_fd_path(struct call *c, unsigned idx, const char *path, size_t len)
{
	keep_path(c, &c->arg[idx].path, path, len);
}

unsigned call_entry_args(const struct call *c)
{
	unsigned i;

	for (i = 0; i < c->nargs; i++)
		if (c->arg[i].at_exit)
			break;
	return i;
}

struct arg *call_add_rewritten(struct call *c, const char *name, const struct layout *layout,
			       uint64_t addr, uint64_t count, int array)
{
	enum arg_type type = array ? ARG_ARRAY : ARG_STRUCT;
	struct arg *a = add(c, name, type);
	struct agg_arg *v = &a->v.agg;
	/* -s cuts arrays; a struct is shown whole at any -s, so its entry copy is too. */
	uint64_t n = array ? MIN(count, (uint64_t)c->iov_show) : 1;

	set_agg(c, a, type, layout, addr, array ? count : 1, 1, UINT64_MAX);
	a->filled = 0;
	a->at_exit = 1;
	if (!addr || !n || v->overflow)
		return a;
	v->has_before = 1;
	v->before.addr = addr;
	v->before.len = v->before.want = (size_t)n * layout->size[c->arch];
	v->before.state = BUF_PENDING;
	return a;
}

void call_fill_inout_only(struct arg *a)
{
	a->v.agg.inout_only = 1;
}

void call_fill_before_only(struct arg *a)
{
	a->filled = 1;
	a->v.agg.before_only = 1;
	a->v.agg.state = AGG_DONE;
	a->v.agg.parsed = 1;
}

void call_elem_limits(struct arg *a)
{
	a->v.agg.elem_limit = 1;
}

int call_payload_array_field(const struct layout *l)
{
	unsigned f;

	for (f = 0; f < l->nfields; f++)
		if (l->fields[f].kind == F_ARRAY && l->fields[f].payload)
			return (int)f;
	return -1;
}

const struct arg *call_data_arg(const struct call *c, unsigned idx)
{
	const struct arg *a = &c->arg[idx];
	const struct agg_arg *v = &a->v.agg;
	const struct arg *n;
	int f;

	if (a->type != ARG_STRUCT)
		return a;
	if (!v->parsed)
		return NULL;
	f = call_payload_array_field(v->layout);
	if (f < 0 || !v->got || !(n = call_node(c, v, 0, layout_slot(v->layout, (unsigned)f))))
		return a;
	return n->v.agg.parsed ? n : NULL;
}

uint64_t call_bytes_landed(const struct call *c, uint64_t n)
{
	const struct arg *a;
	uint64_t room = 0;
	unsigned k, len;
	int pf;

	if (c->out.arg < 0 || !(a = call_data_arg(c, (unsigned)c->out.arg)))
		return n;
	n = MIN(n, c->out.len);
	if (a->type != ARG_ARRAY || (pf = call_payload_field(&a->v.agg)) < 0 ||
	    a->v.agg.got < a->v.agg.count)
		return n;
	len = (unsigned)a->v.agg.layout->fields[pf].len;
	for (k = 0; k < a->v.agg.got && room < n; k++)
		room += MIN(call_field(c, &a->v.agg, k, len), n - room);
	return room;
}

uint64_t call_inline_view(const struct call *c, const struct agg_arg *v, unsigned i, unsigned f,
			  struct agg_arg *out)
{
	const struct field *fd = &v->layout->fields[f];
	size_t at = (size_t)i * v->layout->size[c->arch] + fd->off[c->arch];
	size_t esize = fd->sub->size[c->arch];
	uint64_t count = call_field(c, v, i, (unsigned)fd->len);

	memset(out, 0, sizeof(*out));
	out->layout = fd->sub;
	out->raw = v->raw;
	out->raw.off += at;
	out->at_exit = v->at_exit;
	out->got = out->show = v->raw.got > at ?
		(unsigned)MIN(count, (uint64_t)((v->raw.got - at) / esize)) : 0;
	return count;
}

uint64_t call_msgs_bytes(const struct call *c, unsigned idx)
{
	const struct agg_arg *v = &c->arg[idx].v.agg;
	uint64_t sum = 0;
	unsigned f, k;

	if (idx >= c->nargs || c->arg[idx].type != ARG_ARRAY)
		return 0;
	for (f = 0; f < v->layout->nfields; f++)
		if (v->layout->fields[f].kind == F_ARRAY && v->layout->fields[f].limit)
			break;
	if (f == v->layout->nfields)
		return 0;
	for (k = 0; k < v->got; k++)
		sum += call_field(c, v, k, v->layout->fields[f].limit - 1u);
	return sum;
}

int call_payload_field(const struct agg_arg *agg)
{
	unsigned f;

	for (f = 0; f < agg->layout->nfields; f++)
		if (agg->layout->fields[f].kind == F_BYTES && agg->layout->fields[f].payload)
			return (int)f;
	return -1;
}

void call_set_result(struct call *c, const struct sc_event *ev)
{
	c->done = 1;
	c->rval = ev->rval;
	c->error = ev->is_error ? (int)-ev->rval : 0;
}

/* Buffers a thread keeps from call to call; larger ones are given back. */
#define KEEP_ARENA (16 * 1024)
#define KEEP_ELEMS 64

#define TRIM(ptr, cap, n) \
	do { \
		if ((cap) > (n)) { \
			free(ptr); \
			(ptr) = NULL; \
			(cap) = 0; \
		} \
	} while (0)

void call_trim(struct call *c)
{
	TRIM(c->arena, c->arena_cap, KEEP_ARENA);
	TRIM(c->slots, c->slots_cap, KEEP_ELEMS);
	TRIM(c->leaves, c->leaves_cap, KEEP_ELEMS);
	TRIM(c->nodes, c->nodes_cap, KEEP_ELEMS);
	TRIM(c->notes, c->notes_cap, KEEP_ELEMS);
}

void call_release(struct call *c)
{
	TRIM(c->arena, c->arena_cap, 0);
	TRIM(c->slots, c->slots_cap, 0);
	TRIM(c->leaves, c->leaves_cap, 0);
	TRIM(c->nodes, c->nodes_cap, 0);
	TRIM(c->notes, c->notes_cap, 0);
}
