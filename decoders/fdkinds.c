/*
 * Descriptors of other kinds than files, as strace prints them: eventfd
 * and eventfd2 (a counter), signalfd and signalfd4 (signals), timerfd_create,
 * timerfd_settime and timerfd_gettime (and i386's *_time64 forms: a timer),
 * inotify_init, inotify_init1, inotify_add_watch and inotify_rm_watch,
 * fanotify_init and fanotify_mark (file events), pidfd_open and
 * pidfd_getfd (a process, and a copy of one of its fds), userfaultfd and
 * memfd_secret.  Their fds are then read, written and polled as any
 * other's.
 */
#include "config.h"
#include "decoders/common.h"
#include "decoders/decoders.h"
#include "decoders/flags.h"

/* eventfd(initval): the kernel's unsigned int. */
void decode_eventfd(struct call *c, const struct sc_event *ev)
{
	if (!ev->exiting)
		call_add_uint(c, "initval", (uint32_t)ev->args[0]);
}

void decode_eventfd2(struct call *c, const struct sc_event *ev)
{
	decode_eventfd(c, ev);
	if (!ev->exiting)
		call_add_flags(c, "flags", (uint32_t)ev->args[1], &xlat_efd_flags);
}

/* signalfd(fd, mask, sizemask): -1 makes a new fd, another fd takes the new mask. */
void decode_signalfd(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting)
		return;
	call_add_fd(c, "fd", fd_arg(ev, 0));
	call_add_sigset(c, "mask", ptr_arg(ev, 1), ptr_arg(ev, 2));
	call_add_uint(c, "sizemask", ptr_arg(ev, 2));
}

void decode_signalfd4(struct call *c, const struct sc_event *ev)
{
	decode_signalfd(c, ev);
	if (!ev->exiting)
		call_add_flags(c, "flags", (uint32_t)ev->args[3], &xlat_sfd_flags);
}

void decode_timerfd_create(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting)
		return;
	call_add_enum(c, "clockid", (uint32_t)ev->args[0], &xlat_clocks);
	call_add_flags(c, "flags", (uint32_t)ev->args[1], &xlat_tfd_flags);
}

/*
 * A timer the kernel writes at exit (register @reg): the struct, NULL,
 * or its address when the call failed.
 */
static void timer_out(struct call *c, const struct sc_event *ev, unsigned reg,
		      const struct layout *l)
{
	uint64_t addr = ptr_arg(ev, reg);

	if (!ev->exiting) {
		call_add_later(c, reg == 1 ? "curr_value" : "old_value");
		return;
	}
	if (ev->is_error || !addr)
		call_fill_addr(&c->arg[reg], addr);
	else
		call_fill_struct(c, &c->arg[reg], l, addr);
}

/* timerfd_settime(fd, flags, new_value, old_value) */
static void settime(struct call *c, const struct sc_event *ev, const struct layout *l)
{
	if (!ev->exiting) {
		call_add_fd(c, "fd", fd_arg(ev, 0));
		call_add_flags(c, "flags", (uint32_t)ev->args[1], &xlat_tfd_flags);
		call_add_struct(c, "new_value", l, ptr_arg(ev, 2));
	}
	timer_out(c, ev, 3, l);
}

/* timerfd_gettime(fd, curr_value) */
static void gettime(struct call *c, const struct sc_event *ev, const struct layout *l)
{
	if (!ev->exiting)
		call_add_fd(c, "fd", fd_arg(ev, 0));
	timer_out(c, ev, 1, l);
}

void decode_timerfd_settime(struct call *c, const struct sc_event *ev)
{
	settime(c, ev, &itimerspec_layout);
}

void decode_timerfd_settime64(struct call *c, const struct sc_event *ev)
{
	settime(c, ev, &itimerspec64_layout);
}

void decode_timerfd_gettime(struct call *c, const struct sc_event *ev)
{
	gettime(c, ev, &itimerspec_layout);
}

void decode_timerfd_gettime64(struct call *c, const struct sc_event *ev)
{
	gettime(c, ev, &itimerspec64_layout);
}

void decode_inotify_init(struct call *c, const struct sc_event *ev)
{
	(void)c;
	(void)ev;
}

void decode_inotify_init1(struct call *c, const struct sc_event *ev)
{
	if (!ev->exiting)
		call_add_flags(c, "flags", (uint32_t)ev->args[0], &xlat_inotify_flags);
}

void decode_inotify_add_watch(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting)
		return;
	call_add_fd(c, "fd", fd_arg(ev, 0));
	call_add_str(c, "pathname", ptr_arg(ev, 1), STR_PATH);
	call_add_flags(c, "mask", (uint32_t)ev->args[2], &xlat_inotify_mask);
}

void decode_inotify_rm_watch(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting)
		return;
	call_add_fd(c, "fd", fd_arg(ev, 0));
	call_add_int(c, "wd", (int)ev->args[1]);
}

/* fanotify_init(flags, event_f_flags): the second is the open flags of the fds its events carry. */
void decode_fanotify_init(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting)
		return;
	call_add_flags(c, "flags", (uint32_t)ev->args[0], &xlat_fan_init_flags);
	call_add_flags(c, "event_f_flags", (uint32_t)ev->args[1], &xlat_open_mode);
}

/*
 * fanotify_mark(fanotify_fd, flags, mask, dirfd, pathname): the mask is
 * 64 bits, in two registers on i386; a dirfd of -1 is FAN_NOFD.
 */
void decode_fanotify_mark(struct call *c, const struct sc_event *ev)
{
	unsigned at = ev->arch == ARCH_I386 ? 4 : 3;

	if (ev->exiting)
		return;
	call_add_fd(c, "fanotify_fd", fd_arg(ev, 0));
	call_add_flags(c, "flags", (uint32_t)ev->args[1], &xlat_fan_mark_flags);
	call_add_flags(c, "mask", (uint64_t)offset_hilo(ev, 2), &xlat_fan_events);
	call_add_dirfd_none(c, "dirfd", fd_arg(ev, at), "FAN_NOFD");
	call_add_str(c, "pathname", ptr_arg(ev, at + 1), STR_PATH);
}

void decode_pidfd_open(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting)
		return;
	call_add_pid(c, "pid", (pid_t)ev->args[0]);
	call_add_flags(c, "flags", (uint32_t)ev->args[1], &xlat_pidfd_flags);
}

/* pidfd_getfd(pidfd, targetfd, flags): targetfd is an fd of the process pidfd refers to. */
void decode_pidfd_getfd(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting)
		return;
	call_add_fd(c, "pidfd", fd_arg(ev, 0));
	call_add_fd_of(c, "targetfd", fd_arg(ev, 1), 0);
	call_add_hex(c, "flags", (uint32_t)ev->args[2]);
}

void decode_userfaultfd(struct call *c, const struct sc_event *ev)
{
	if (!ev->exiting)
		call_add_flags(c, "flags", (uint32_t)ev->args[0], &xlat_uffd_flags);
}

void decode_memfd_secret(struct call *c, const struct sc_event *ev)
{
	if (!ev->exiting)
		call_add_flags(c, "flags", (uint32_t)ev->args[0], &xlat_memfd_secret_flags);
}
