/*
 * What fds name (-y, -P, --summary=files): fd and dirfd arguments at
 * entry, a new fd the call returns and fds inside structs (pipe's pair)
 * when they are read, each looked up in /proc as the call sees it; with
 * -yy a socket by its endpoints, a device with its numbers.
 */
#include "config.h"
#include <stdio.h>
#include <string.h>
#include "call/cmsg.h"
#include "config/options.h"
#include "memory/umem.h"
#include "policy/endpoints.h"
#include "policy/fdpath.h"

/* With -yy, what else an fd's name says: a socket's inode, a device's numbers. */
struct fd_kind {
	uint64_t ino;		/* a socket described by its endpoints */
	char device;		/* 'c', 'b' or 0 */
	unsigned major, minor;
};

/*
 * What fd @fd names, into @buf: its /proc link, or with -yy a socket's
 * endpoints (then @k->ino is the socket's inode); with -yy a file that
 * is a device says so in @k.
 */
static ssize_t fd_name(pid_t tid, int fd, char *buf, size_t size, struct fd_kind *k)
{
	ssize_t n = umem_fd_path(tid, fd, buf, size), d;
	unsigned long long i;
	char end;

	memset(k, 0, sizeof(*k));
	if (n <= 0 || opt.show_paths < 2)
		return n;
	if (buf[0] == '/') {	/* a file: a device prints as strace's </dev/null<char 1:3>> */
		k->device = umem_fd_device(tid, fd, &k->major, &k->minor);
		return n;
	}
	if (sscanf(buf, "socket:[%llu%c", &i, &end) != 2 || end != ']')
		return n;
	d = endpoints_text(tid, fd, i, buf, size);
	if (d <= 0)
		return n;	/* buf was not touched */
	k->ino = i;
	return d;
}

/* The path just kept in @p: a socket's -yy description, a device. */
static void described(struct fd_path *p, const struct fd_kind *k)
{
	p->described = k->ino != 0;
	p->ino = k->ino;
	p->device = k->device;
	p->major = k->major;
	p->minor = k->minor;
}

static void note_fd(struct call *c, int fd, pid_t tid, char *buf, size_t size)
{
	size_t len;
	ssize_t got;
	struct fd_kind k;
	unsigned had;

	if (call_noted_fd(c, fd, c->exiting, &len))
		return;
	got = fd_name(tid, fd, buf, size, &k);
	if (got <= 0)
		return;
	had = c->nnotes;
	call_note_fd(c, fd, c->exiting, buf, (size_t)got);
	if (c->nnotes > had)
		described(&c->notes[had].path, &k);
}

/* The fds SCM_RIGHTS messages pass: sent ones as at entry, received ones as at exit. */
static void note_cmsg_fds(struct call *c, const struct buf_arg *b, pid_t tid, char *buf,
			  size_t size)
{
	static int32_t fds[CMSG_FETCH_MAX / 4];
	struct cmsg_walk w;
	struct cmsg m;
	size_t k, n = 0;

	if (!b || !b->got || b->got < b->want)
		return;
	/* Noting a path may move the arena the messages are in: take the fds first. */
	cmsg_begin(&w, c->arch, call_buf_data(c, b), b->got);
	while (cmsg_next(&w, &m)) {
		if (m.level != SOL_SOCKET_LEVEL || m.type != SCM_RIGHTS_TYPE)
			continue;
		for (k = 0; k + 4 <= m.data_len && k / 4 < c->iov_show && n < CMSG_FETCH_MAX / 4; k += 4)
			memcpy(&fds[n++], m.data + k, 4);
	}
	for (k = 0; k < n; k++)
		note_fd(c, fds[k], tid, buf, size);
}

static void note_fields(struct call *c, const struct agg_arg *v, pid_t tid, char *buf, size_t size)
{
	const struct layout *l = v->layout;
	unsigned i, f, n = v->got < v->show ? v->got : v->show;

	for (f = 0; f < l->nfields; f++) {
		unsigned kind = l->fields[f].kind;

		for (i = 0; i < n && kind == F_FD; i++)
			note_fd(c, (int)(int64_t)call_field(c, v, i, f), tid, buf, size);
		for (i = 0; i < n && kind == F_CMSG; i++)
			note_cmsg_fds(c, call_leaf(c, v, i, layout_slot(l, f)), tid, buf, size);
	}
}

/* The fds of a set, taken before noting any: noting a path may move the arena the set is in. */
struct set_fds {
	int fd[FD_NOTES_MAX];
	unsigned n;
};

static void take_set_fd(int fd, void *ctx)
{
	struct set_fds *s = ctx;

	if (s->n < FD_NOTES_MAX)
		s->fd[s->n++] = fd;
}

static void note_set_fds(struct call *c, const struct buf_arg *b, pid_t tid, char *buf,
			 size_t size)
{
	static struct set_fds s;
	unsigned k;

	s.n = 0;
	call_fdset_each(c, b, take_set_fd, &s);
	for (k = 0; k < s.n; k++)
		note_fd(c, s.fd[k], tid, buf, size);
}

/* Structs read now (at entry, or at exit) that hold fds; select's sets, at entry. */
static void struct_fds(struct call *c, pid_t tid, char *buf, size_t size)
{
	unsigned i;

	for (i = 0; i < c->nargs; i++) {
		const struct arg *a = &c->arg[i];

		if (a->type == ARG_FDSET && !c->exiting && !a->after_result && a->v.buf.addr)
			note_set_fds(c, &a->v.buf, tid, buf, size);

		if ((a->type == ARG_ARRAY || a->type == ARG_STRUCT) && a->filled &&
		    a->v.agg.state == AGG_DONE && a->v.agg.at_exit == c->exiting)
			note_fields(c, &a->v.agg, tid, buf, size);
	}
	for (i = 0; i < c->nnodes; i++)
		if (c->nodes[i].v.agg.at_exit == c->exiting)
			note_fields(c, &c->nodes[i].v.agg, tid, buf, size);
}

/*
 * The process an fd argument is in: the caller's, or for one of another
 * process (pidfd_getfd's targetfd) the one its pidfd argument refers to
 * (fdinfo's Pid:); 0, naming nothing, when that cannot be told.
 */
static pid_t fd_owner(const struct call *c, const struct arg *a, pid_t tid)
{
	struct fd_info fi;

	if (a->type != ARG_FD || !a->len_arg)
		return tid;
	if (umem_fd_info(tid, (int)c->arg[a->len_arg - 1].v.i, &fi) || fi.pid <= 0)
		return 0;
	return fi.pid;
}

void fdpath_resolve(struct call *c, pid_t tid)
{
	char buf[4096];
	unsigned i;
	ssize_t n;
	struct fd_kind k;

	for (i = 0; i < c->nargs; i++) {
		struct arg *a = &c->arg[i];

		if ((a->type != ARG_FD && a->type != ARG_DIRFD) || !a->filled || !a->path.pending)
			continue;
		a->path.pending = 0;
		n = fd_name(fd_owner(c, a, tid), (int)a->v.i, buf, sizeof(buf), &k);
		if (n <= 0)
			continue;
		call_set_fd_path(c, i, buf, (size_t)n);
		described(&c->arg[i].path, &k);
	}
	if (c->exiting && !c->error && !c->vanished && call_result_is_fd(c) && c->rval >= 0 &&
	    (n = fd_name(tid, (int)c->rval, buf, sizeof(buf), &k)) > 0) {
		call_set_result_path(c, buf, (size_t)n);
		described(&c->res_path, &k);
	}
	struct_fds(c, tid, buf, sizeof(buf));
}

void fdpath_pids(struct call *c)
{
	char comm[16];
	unsigned i;

	for (i = 0; i < c->nargs; i++)
		if (c->arg[i].type == ARG_PID && c->arg[i].filled && !c->arg[i].path.len &&
		    !umem_comm((pid_t)c->arg[i].v.i, comm, sizeof(comm)))
			call_set_fd_path(c, i, comm, strlen(comm));
}

void fdpath_closed(const struct call *c)
{
	unsigned i;

	for (i = 0; i < c->nargs; i++)
		if (c->arg[i].type == ARG_FD && c->arg[i].path.ino)
			endpoints_closed(c->arg[i].path.ino);
}
