/*
 * POSIX message queues, as strace prints them: mq_open, mq_unlink,
 * mq_notify, mq_getsetattr, and the messages: mq_timedsend and
 * mq_timedreceive (and i386's *_time64 forms).  A message is data like a
 * write's or a read's: -e write= and -e read= dump it, --toctou watches
 * what is sent.
 */
#include "config.h"
#include "decoders/common.h"
#include "decoders/decoders.h"
#include "decoders/flags.h"

#define O_CREAT_BIT 0100

/* mq_open(name, oflag, mode, attr): the mode and attr only when it creates. */
void decode_mq_open(struct call *c, const struct sc_event *ev)
{
	uint32_t oflag = (uint32_t)ev->args[1];

	if (ev->exiting)
		return;
	call_add_str(c, "name", ptr_arg(ev, 0), STR_PATH);
	call_add_flags(c, "oflag", oflag, &xlat_open_mode);
	if (!(oflag & O_CREAT_BIT))
		return;
	call_add_mode(c, "mode", UMODE(ev->args[2]));
	call_add_struct(c, "attr", &mq_attr_layout, ptr_arg(ev, 3));
}

void decode_mq_unlink(struct call *c, const struct sc_event *ev)
{
	if (!ev->exiting)
		call_add_str(c, "name", ptr_arg(ev, 0), STR_PATH);
}

void decode_mq_notify(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting)
		return;
	call_add_fd(c, "mqdes", fd_arg(ev, 0));
	call_add_struct(c, "sevp", &sigevent_layout, ptr_arg(ev, 1));
}

/* mq_getsetattr(mqdes, newattr, oldattr): oldattr as the kernel wrote it. */
void decode_mq_getsetattr(struct call *c, const struct sc_event *ev)
{
	uint64_t old = ptr_arg(ev, 2);

	if (!ev->exiting) {
		call_add_fd(c, "mqdes", fd_arg(ev, 0));
		call_add_struct(c, "newattr", &mq_attr_named_layout, ptr_arg(ev, 1));
		call_add_later(c, "oldattr");
		return;
	}
	if (ev->is_error || !old)
		call_fill_addr(&c->arg[2], old);
	else
		call_fill_struct(c, &c->arg[2], &mq_attr_named_layout, old);
}

/* mq_timedsend(mqdes, msg_ptr, msg_len, msg_prio, abs_timeout) */
static void timedsend(struct call *c, const struct sc_event *ev, const struct layout *ts)
{
	uint64_t len = ptr_arg(ev, 2);

	if (ev->exiting)
		return;
	call_add_fd(c, "mqdes", fd_arg(ev, 0));
	call_add_buf(c, "msg_ptr", ptr_arg(ev, 1), len);
	call_add_uint(c, "msg_len", len);
	call_add_uint(c, "msg_prio", (uint32_t)ev->args[3]);
	call_add_struct(c, "abs_timeout", ts, ptr_arg(ev, 4));
	write_side_data(c, ev, 1, len, -1, WRITE_AT);
}

/*
 * mq_timedreceive(mqdes, msg_ptr, msg_len, msg_prio, abs_timeout): the
 * message (rval bytes) and its priority, known at exit.
 */
static void timedreceive(struct call *c, const struct sc_event *ev, const struct layout *ts)
{
	uint64_t msg = ptr_arg(ev, 1), prio = ptr_arg(ev, 3);

	if (!ev->exiting) {
		call_add_fd(c, "mqdes", fd_arg(ev, 0));
		call_add_later(c, "msg_ptr");
		call_add_uint(c, "msg_len", ptr_arg(ev, 2));
		call_add_later(c, "msg_prio");
		call_add_struct(c, "abs_timeout", ts, ptr_arg(ev, 4));
		return;
	}
	if (ev->is_error) {
		call_fill_addr(&c->arg[1], msg);
		call_fill_addr(&c->arg[3], prio);
		return;
	}
	call_fill_buf(c, &c->arg[1], msg, (uint64_t)ev->rval);
	if (prio)
		call_fill_whole(c, &c->arg[3], &uint_layout, prio, 1);
	else
		call_fill_addr(&c->arg[3], 0);
	read_side_data(c, ev, 1);
}

void decode_mq_timedsend(struct call *c, const struct sc_event *ev)
{
	timedsend(c, ev, &timespec_layout);
}

void decode_mq_timedsend_time64(struct call *c, const struct sc_event *ev)
{
	timedsend(c, ev, &timespec64_layout);
}

void decode_mq_timedreceive(struct call *c, const struct sc_event *ev)
{
	timedreceive(c, ev, &timespec_layout);
}

void decode_mq_timedreceive_time64(struct call *c, const struct sc_event *ev)
{
	timedreceive(c, ev, &timespec64_layout);
}
