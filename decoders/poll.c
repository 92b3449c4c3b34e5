/*
 * Waiting for fds to be ready: select and pselect6, poll and ppoll, epoll_create,
 * epoll_create1, epoll_ctl, epoll_wait, epoll_pwait and epoll_pwait2, as
 * strace prints them.
 */
#include "config.h"
#include "decoders/common.h"
#include "decoders/decoders.h"
#include "decoders/layouts.h"
#include "decoders/xlat_lists.h"

/* epoll_create(size): the size is a hint the kernel ignores (but for 0). */
void decode_epoll_create(struct call *c, const struct sc_event *ev)
{
	if (!ev->exiting)
		call_add_int(c, "size", (int)ev->args[0]);
}

void decode_epoll_create1(struct call *c, const struct sc_event *ev)
{
	if (!ev->exiting)
		call_add_flags(c, "flags", (uint32_t)ev->args[0], &xlat_epoll_flags);
}

#define EPOLL_CTL_DEL_OP 2

/*
 * epoll_ctl(epfd, op, fd, event): the event as given; EPOLL_CTL_DEL's,
 * which the kernel ignores, as its address, as strace prints it.
 */
void decode_epoll_ctl(struct call *c, const struct sc_event *ev)
{
	uint32_t op = (uint32_t)ev->args[1];

	if (ev->exiting)
		return;
	call_add_fd(c, "epfd", fd_arg(ev, 0));
	call_add_enum(c, "op", op, &xlat_epoll_ctl_ops);
	call_add_fd(c, "fd", fd_arg(ev, 2));
	if (op == EPOLL_CTL_DEL_OP)
		call_add_addr(c, "event", ptr_arg(ev, 3));
	else
		call_add_struct(c, "event", &epoll_event_layout, ptr_arg(ev, 3));
}

/*
 * epoll_wait(epfd, events, maxevents, timeout) and its kin: the events
 * the kernel wrote, as many as the result says; @kind 1 adds
 * epoll_pwait's signal mask and its size, 2 epoll_pwait2's too, its
 * timeout a struct timespec.
 */
static void wait_events(struct call *c, const struct sc_event *ev, int kind)
{
	if (ev->exiting) {
		if (ev->is_error)
			call_fill_addr(&c->arg[1], ptr_arg(ev, 1));
		else
			call_fill_array(c, &c->arg[1], &epoll_event_layout, ptr_arg(ev, 1),
					(uint64_t)ev->rval, 1, UINT64_MAX);
		return;
	}
	call_add_fd(c, "epfd", fd_arg(ev, 0));
	call_add_later(c, "events");
	call_add_int(c, "maxevents", (int)ev->args[2]);
	if (kind == 2)
		call_add_struct(c, "timeout", &timespec64_layout, ptr_arg(ev, 3));
	else
		call_add_int(c, "timeout", (int)ev->args[3]);
	if (!kind)
		return;
	call_add_sigset(c, "sigmask", ptr_arg(ev, 4), ptr_arg(ev, 5));
	call_add_uint(c, "sigsetsize", ptr_arg(ev, 5));
}

void decode_epoll_wait(struct call *c, const struct sc_event *ev)
{
	wait_events(c, ev, 0);
}

void decode_epoll_pwait(struct call *c, const struct sc_event *ev)
{
	wait_events(c, ev, 1);
}

void decode_epoll_pwait2(struct call *c, const struct sc_event *ev)
{
	wait_events(c, ev, 2);
}

/*
 * poll(fds, nfds, timeout) and ppoll(fds, nfds, tsp, sigmask,
 * sigsetsize): the fds as asked at entry; after the result, the ready
 * ones and their revents (" (Timeout)" for none), and for ppoll what is
 * left of its timeout.  @ts: ppoll's timespec layout, NULL for poll.
 */
static void poll_with(struct call *c, const struct sc_event *ev, const struct layout *ts)
{
	uint64_t fds = ptr_arg(ev, 0), tsp = ptr_arg(ev, 2);
	uint32_t nfds = (uint32_t)ev->args[1];	/* the kernel's unsigned int */

	if (!ev->exiting) {
		call_add_array(c, "fds", &pollfd_layout, fds, nfds, 1, UINT64_MAX);
		call_add_uint(c, "nfds", nfds);
		if (!ts) {
			call_add_int(c, "timeout", (int)ev->args[2]);
		} else {
			call_add_rewritten(c, "tsp", ts, tsp, 1, 0);
			call_add_sigset(c, "sigmask", ptr_arg(ev, 3), ptr_arg(ev, 4));
			call_add_uint(c, "sigsetsize", ptr_arg(ev, 4));
		}
		call_after_result(call_add_later(c, "revents"));
		return;
	}
	if (ts) {
		call_fill_struct(c, &c->arg[2], ts, tsp);
		call_show_left(&c->arg[2]);
	}
	if (!ev->is_error) {
		call_fill_array(c, &c->arg[c->nargs - 1], &pollfd_revents_layout, fds, nfds, 1,
				UINT64_MAX);
		call_after_result(&c->arg[c->nargs - 1]);
	}
}

void decode_poll(struct call *c, const struct sc_event *ev)
{
	poll_with(c, ev, NULL);
}

void decode_ppoll(struct call *c, const struct sc_event *ev)
{
	poll_with(c, ev, &timespec_layout);
}

void decode_ppoll_time64(struct call *c, const struct sc_event *ev)
{
	poll_with(c, ev, &timespec64_layout);
}

/*
 * select(nfds, readfds, writefds, exceptfds, timeout) and pselect6(...,
 * sigmask): the sets as asked at entry; after the result the sets as
 * select left them, by strace's names, " (in [3], out [4], left {...})",
 * or " (Timeout)".  @ts: the timeout's layout; @sig: pselect6's
 * {sigmask, sigsetsize}.
 */
static const char *const set_names[] = { "in", "out", "except" };

static void select_with(struct call *c, const struct sc_event *ev, const struct layout *ts, int sig)
{
	int nfds = (int)ev->args[0];
	unsigned k, first = sig ? 6 : 5;

	if (!ev->exiting) {
		call_add_int(c, "nfds", nfds);
		call_add_fdset(c, "readfds", ptr_arg(ev, 1), nfds);
		call_add_fdset(c, "writefds", ptr_arg(ev, 2), nfds);
		call_add_fdset(c, "exceptfds", ptr_arg(ev, 3), nfds);
		call_add_rewritten(c, "timeout", ts, ptr_arg(ev, 4), 1, 0);
		if (sig)	/* struct { const sigset_t *ss; size_t ss_len; } */
			call_add_struct(c, "sigmask", &aio_sigset_layout, ptr_arg(ev, 5));
		for (k = 0; k < 3; k++)
			call_after_result(call_add_later(c, set_names[k]));
		return;
	}
	call_fill_struct(c, &c->arg[4], ts, ptr_arg(ev, 4));
	call_show_left(&c->arg[4]);
	if (ev->is_error)
		return;
	for (k = 0; k < 3; k++)
		call_fill_fdset(c, &c->arg[first + k], ptr_arg(ev, 1 + k), nfds);
}

/*
 * select: i386's number 82 is the old select, its five arguments in a
 * struct that libcs stopped using long ago: its address, as strace shows
 * it when it cannot read it.
 */
void decode_select(struct call *c, const struct sc_event *ev)
{
	if (ev->arch != ARCH_I386)
		select_with(c, ev, &timeval_layout, 0);
	else if (!ev->exiting)
		call_add_addr(c, "args", ptr_arg(ev, 0));
}

void decode_newselect(struct call *c, const struct sc_event *ev)
{
	select_with(c, ev, &timeval_layout, 0);
}

void decode_pselect6(struct call *c, const struct sc_event *ev)
{
	select_with(c, ev, &timespec_layout, 1);
}

void decode_pselect6_time64(struct call *c, const struct sc_event *ev)
{
	select_with(c, ev, &timespec64_layout, 1);
}
