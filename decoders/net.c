/*
 * Sockets: socket, socketpair, bind, connect, listen, accept, accept4,
 * shutdown, getsockname, getpeername (the endpoints); send, recv,
 * sendto, recvfrom, sendmsg, recvmsg, sendmmsg and recvmmsg (the data,
 * with addresses and control messages).
 */
#include "config.h"
#include <sys/socket.h>
#include "decoders/common.h"
#include "decoders/decoders.h"
#include "decoders/flags.h"
#include "decoders/layouts.h"
#include "util/util.h"
#include "util/xlat.h"

#define SOCK_TYPE_MASK 0xf
#define SOCK_FLAG_BITS (SOCK_NONBLOCK | SOCK_CLOEXEC)

/* socket(2)'s type: SOCK_STREAM|SOCK_CLOEXEC, or the whole value when a part has no name. */
static void add_sock_type(struct call *c, uint32_t type)
{
	if (xlat_name(&xlat_sock_types, type & SOCK_TYPE_MASK) &&
	    !(type & ~(uint32_t)(SOCK_TYPE_MASK | SOCK_FLAG_BITS)))
		call_add_flags(c, "type", type, &xlat_sock_type_flags);
	else
		call_add_enum(c, "type", type, &xlat_sock_types);
}

/* The protocol's names depend on the family; 0 is a name only where a list says so. */
static void add_protocol(struct call *c, int family, uint32_t protocol)
{
	switch (family) {
	case AF_INET:
	case AF_INET6:
		call_add_enum(c, "protocol", protocol, &xlat_inet_protocols);
		break;
	case AF_NETLINK:
		call_add_enum(c, "protocol", protocol, &xlat_netlink_protocols);
		break;
	default:
		call_add_int(c, "protocol", (int32_t)protocol);
	}
}

static void domain_type(struct call *c, const struct sc_event *ev)
{
	call_add_enum(c, "domain", (uint32_t)ev->args[0], &xlat_address_families);
	add_sock_type(c, (uint32_t)ev->args[1]);
}

void decode_socket(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting)
		return;
	domain_type(c, ev);
	add_protocol(c, (int)ev->args[0], (uint32_t)ev->args[2]);
}

/* socketpair's fds, known at exit: "[3, 4]", or the address if the call failed. */
void decode_socketpair(struct call *c, const struct sc_event *ev)
{
	uint64_t sv = ptr_arg(ev, 3);

	if (!ev->exiting) {
		domain_type(c, ev);
		call_add_int(c, "protocol", (int)ev->args[2]);	/* a number, as strace prints it */
		call_add_later(c, "sv");
	} else if (ev->is_error) {
		call_fill_addr(&c->arg[3], sv);
	} else {
		call_fill_array(c, &c->arg[3], &fd_layout, sv, 2, 1, UINT64_MAX);
	}
}

/* An address the caller passes with its length (an int: a negative one holds nothing). */
static void add_addr_in(struct call *c, const struct sc_event *ev, unsigned reg)
{
	int len = (int)ev->args[reg + 1];

	call_add_sockaddr(c, "addr", ptr_arg(ev, reg), len < 0 ? 0 : (uint64_t)len);
	call_add_int(c, "addrlen", len);
}

/* bind(2) and connect(2): fd, address, length. */
static void fd_addr(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting)
		return;
	call_add_fd(c, "sockfd", fd_arg(ev, 0));
	add_addr_in(c, ev, 1);
}

void decode_bind(struct call *c, const struct sc_event *ev)
{
	fd_addr(c, ev);
}

void decode_connect(struct call *c, const struct sc_event *ev)
{
	fd_addr(c, ev);
}

void decode_listen(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting)
		return;
	call_add_fd(c, "sockfd", fd_arg(ev, 0));
	call_add_int(c, "backlog", (int)ev->args[1]);
}

void decode_shutdown(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting)
		return;
	call_add_fd(c, "sockfd", fd_arg(ev, 0));
	call_add_enum(c, "how", (uint32_t)ev->args[1], &xlat_shutdown);
}

/*
 * An address the kernel writes into the caller's buffer (argument
 * @idx, register @reg), its length in and out through the socklen
 * pointer after it: a placeholder at entry, filled at exit.
 */
static void addr_out_entry(struct call *c, const struct sc_event *ev, unsigned reg)
{
	call_add_later(c, "addr");
	call_add_socklen(c, "addrlen", ptr_arg(ev, reg + 1));
}

static void addr_out_exit(struct call *c, const struct sc_event *ev, unsigned idx,
			  unsigned reg)
{
	const struct offptr_arg *len = &c->arg[idx + 1].v.off;
	uint64_t addr = ptr_arg(ev, reg);

	if (ev->is_error || !len->addr || !len->old_ok || (int64_t)len->old < 0) {
		call_fill_addr(&c->arg[idx], addr);
		return;
	}
	call_offptr_moved(c, idx + 1);
	call_fill_sockaddr(c, &c->arg[idx], addr, len->old, idx + 1);
}

/* accept, accept4, getsockname, getpeername: fd, then the address the kernel gives. */
static void fd_addr_out(struct call *c, const struct sc_event *ev)
{
	if (!ev->exiting) {
		call_add_fd(c, "sockfd", fd_arg(ev, 0));
		addr_out_entry(c, ev, 1);
	} else {
		addr_out_exit(c, ev, 1, 1);
	}
}

void decode_accept(struct call *c, const struct sc_event *ev)
{
	fd_addr_out(c, ev);
}

void decode_accept4(struct call *c, const struct sc_event *ev)
{
	fd_addr_out(c, ev);
	if (!ev->exiting)
		call_add_flags(c, "flags", (uint32_t)ev->args[3], &xlat_sock_flags);
}

void decode_getsockname(struct call *c, const struct sc_event *ev)
{
	fd_addr_out(c, ev);
}

void decode_getpeername(struct call *c, const struct sc_event *ev)
{
	fd_addr_out(c, ev);
}

/* send's and sendto's first four: fd, buf, len, flags; the data consumed as a write's. */
static void send_data(struct call *c, const struct sc_event *ev)
{
	uint64_t len = arch_ulong(ev->arch, ev->args[2]);

	call_add_fd(c, "sockfd", fd_arg(ev, 0));
	call_add_buf(c, "buf", ptr_arg(ev, 1), len);
	call_add_uint(c, "len", len);
	call_add_flags(c, "flags", (uint32_t)ev->args[3], &xlat_msg_flags);
	write_side_data(c, ev, 1, len, -1, WRITE_AT);
}

/* sendto(fd, buf, len, flags, dest_addr, addrlen): a write with an address. */
void decode_sendto(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting)
		return;
	send_data(c, ev);
	add_addr_in(c, ev, 4);
}

/* send(fd, buf, len, flags): i386's socketcall(2) only. */
void decode_send(struct call *c, const struct sc_event *ev)
{
	if (!ev->exiting)
		send_data(c, ev);
}

/*
 * recv's and recvfrom's first four: fd, buf (known at exit), len, flags.
 * With MSG_TRUNC the result is the datagram's length, which may be more
 * than the buffer holds: it shows what the buffer holds.  Returns
 * whether the call succeeded.
 */
static int recv_data(struct call *c, const struct sc_event *ev)
{
	uint64_t buf = ptr_arg(ev, 1), len = arch_ulong(ev->arch, ev->args[2]), got;

	if (!ev->exiting) {
		call_add_fd(c, "sockfd", fd_arg(ev, 0));
		call_add_later(c, "buf");
		call_add_uint(c, "len", len);
		call_add_flags(c, "flags", (uint32_t)ev->args[3], &xlat_msg_flags);
		return 0;
	}
	if (ev->is_error) {
		call_fill_addr(&c->arg[1], buf);
		return 0;
	}
	got = MIN((uint64_t)ev->rval, len);
	call_fill_buf(c, &c->arg[1], buf, got);
	if (got)
		call_produces(c, 1, got, fd_arg(ev, 0));
	return 1;
}

/* recvfrom(fd, buf, len, flags, src_addr, addrlen): a read with an address. */
void decode_recvfrom(struct call *c, const struct sc_event *ev)
{
	int ok = recv_data(c, ev);

	if (!ev->exiting)
		addr_out_entry(c, ev, 4);
	else if (ok)
		addr_out_exit(c, ev, 4, 4);
	else if (ev->is_error)
		call_fill_addr(&c->arg[4], ptr_arg(ev, 4));
}

/* recv(fd, buf, len, flags): i386's socketcall(2) only. */
void decode_recv(struct call *c, const struct sc_event *ev)
{
	recv_data(c, ev);
}

/* sendmsg(fd, msg, flags): the msghdr, its iovecs' data consumed as writev's. */
void decode_sendmsg(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting)
		return;
	call_add_fd(c, "sockfd", fd_arg(ev, 0));
	call_add_struct(c, "msg", &msghdr_layout, ptr_arg(ev, 1));
	call_add_flags(c, "flags", (uint32_t)ev->args[2], &xlat_msg_flags);
	write_side_data(c, ev, 1, UINT64_MAX, -1, WRITE_AT);
}

/*
 * recvmsg(fd, msg, flags): the msghdr as the kernel left it, the data
 * cut to the result, msg_namelen before and after; a failed call shows
 * msg_namelen alone, as strace.
 */
void decode_recvmsg(struct call *c, const struct sc_event *ev)
{
	uint64_t msg = ptr_arg(ev, 1);

	if (!ev->exiting) {
		call_add_fd(c, "sockfd", fd_arg(ev, 0));
		call_add_rewritten(c, "msg", &msghdr_layout, msg, 1, 0);
		call_add_flags(c, "flags", (uint32_t)ev->args[2], &xlat_msg_flags);
		return;
	}
	if (ev->is_error) {
		call_fill_before_only(&c->arg[1]);
		return;
	}
	call_fill_struct_limit(c, &c->arg[1], &msghdr_layout, msg, (uint64_t)ev->rval);
	read_side_data(c, ev, 1);
}

/*
 * sendmmsg(fd, msgvec, vlen, flags): the messages sent (the result
 * counts them), each with the msg_len the kernel wrote, read at exit.
 */
void decode_sendmmsg(struct call *c, const struct sc_event *ev)
{
	uint64_t vec = ptr_arg(ev, 1);

	if (!ev->exiting) {
		call_add_fd(c, "sockfd", fd_arg(ev, 0));
		call_add_later(c, "msgvec");
		call_add_uint(c, "vlen", (uint32_t)ev->args[2]);
		call_add_flags(c, "flags", (uint32_t)ev->args[3], &xlat_msg_flags);
		return;
	}
	if (ev->is_error) {
		call_fill_addr(&c->arg[1], vec);
		return;
	}
	call_fill_array(c, &c->arg[1], &mmsghdr_layout, vec, (uint64_t)ev->rval, 1, UINT64_MAX);
	call_elem_limits(&c->arg[1]);
	write_side_data(c, ev, 1, UINT64_MAX, -1, WRITE_AT);	/* each message's msg_len */
}

/*
 * recvmmsg(fd, msgvec, vlen, flags, timeout): the messages received,
 * each one's data cut to its msg_len; the timeout as passed, and what
 * is left of it after the result.
 */
static void recvmmsg_with(struct call *c, const struct sc_event *ev, const struct layout *ts)
{
	uint64_t vec = ptr_arg(ev, 1), timeout = ptr_arg(ev, 4);

	if (!ev->exiting) {
		call_add_fd(c, "sockfd", fd_arg(ev, 0));
		call_add_rewritten(c, "msgvec", &mmsghdr_layout, vec, (uint32_t)ev->args[2], 1);
		call_add_uint(c, "vlen", (uint32_t)ev->args[2]);
		call_add_flags(c, "flags", (uint32_t)ev->args[3], &xlat_msg_flags);
		call_add_rewritten(c, "timeout", ts, timeout, 1, 0);
		return;
	}
	call_fill_struct(c, &c->arg[4], ts, timeout);
	call_show_left(&c->arg[4]);
	if (ev->is_error) {
		call_fill_addr(&c->arg[1], vec);
		return;
	}
	call_fill_array(c, &c->arg[1], &mmsghdr_layout, vec, (uint64_t)ev->rval, 1, UINT64_MAX);
	call_elem_limits(&c->arg[1]);
	call_produces(c, 1, UINT64_MAX, fd_arg(ev, 0));	/* each message's msg_len */
}

void decode_recvmmsg(struct call *c, const struct sc_event *ev)
{
	recvmmsg_with(c, ev, &timespec_layout);
}

void decode_recvmmsg_time64(struct call *c, const struct sc_event *ev)
{
	recvmmsg_with(c, ev, &timespec64_layout);
}
