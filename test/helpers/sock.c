/*
 * Socket calls with fixed data, for test/net.bats: the same calls on
 * x86_64 and i386 (built as sock32), made through syscall(2) so that
 * i386 uses the direct socket syscalls, not socketcall(2).
 * Modes:
 *   tcp    a listener, a client and the accepted socket over loopback
 *   udp    datagrams with addresses, one received cut short (MSG_TRUNC)
 *   unix   a socketpair, a named and an abstract address, an unnamed one
 *   names  families, types and protocols by name and by number
 *   bad    bad pointers and lengths in every argument
 *   msg    sendmsg/recvmsg with addresses, iovecs and ancillary data
 *          (SCM_RIGHTS, SCM_CREDENTIALS, an unknown type, MSG_CTRUNC);
 *          sendmmsg/recvmmsg over UDP with a timeout
 *   msgbad bad pointers and counts in every field of a msghdr
 *   opts   setsockopt and getsockopt: ints, structs and strings, values
 *          shorter and longer than their option's, unknown options and
 *          levels, bad pointers, lengths the kernel writes back
 *   mcast  multicast memberships: MCAST_JOIN_GROUP (IPv4 and IPv6 groups,
 *          a known interface and an unknown one), IPV6_ADD/DROP_MEMBERSHIP,
 *          PACKET_ADD/DROP_MEMBERSHIP (an unknown type, an address length
 *          past the field), each also too short; source-group requests;
 *          packet rings (tpacket_req, and a longer tpacket_req3)
 * A "mux-" prefix (i386) makes the same calls through socketcall(2);
 * muxbad gives socketcall an unreadable array and an unknown call;
 * sendrecv makes send(2) and recv(2), which exist only there.
 * Ports the kernel picks (32768 and up) differ from run to run.
 */
#define _GNU_SOURCE
#include <stddef.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <linux/if_packet.h>
#include <linux/netlink.h>
#include <linux/filter.h>
#include <netinet/tcp.h>

#define L(x) ((long)(x))

/* With a mode's "mux-" prefix, i386 makes every call through socketcall(2), as glibc does. */
static int mux;

#ifdef SYS_socketcall
static long socketcall_of(long nr)
{
	static const long map[][2] = {
		{ SYS_socket, 1 }, { SYS_bind, 2 }, { SYS_connect, 3 }, { SYS_listen, 4 },
		{ SYS_getsockname, 6 }, { SYS_getpeername, 7 }, { SYS_socketpair, 8 },
		{ SYS_sendto, 11 }, { SYS_recvfrom, 12 }, { SYS_shutdown, 13 }, { SYS_accept4, 18 },
		{ SYS_sendmsg, 16 }, { SYS_recvmsg, 17 }, { SYS_recvmmsg, 19 }, { SYS_sendmmsg, 20 },
		{ SYS_setsockopt, 14 }, { SYS_getsockopt, 15 },
	};
	unsigned i;

	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (map[i][0] == nr)
			return map[i][1];
	return -1;
}
#endif

static long sc(long nr, long a, long b, long c, long d, long e, long f)
{
#ifdef SYS_socketcall
	long args[6] = { a, b, c, d, e, f };

	if (mux && socketcall_of(nr) > 0)
		return syscall(SYS_socketcall, socketcall_of(nr), args);
#endif
	return syscall(nr, a, b, c, d, e, f);
}

static int sock(int family, int type, int proto)
{
	return (int)sc(SYS_socket, family, type, proto, 0, 0, 0);
}

static struct sockaddr_in loopback(unsigned port)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(port),
				 .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	return a;
}

static void tcp(void)
{
	struct sockaddr_in a = loopback(0);
	struct sockaddr_storage ss;
	socklen_t al = sizeof(a), sl = sizeof(ss);
	char buf[64];
	int l, c, s;

	l = sock(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	sc(SYS_bind, l, L(&a), sizeof(a), 0, 0, 0);
	sc(SYS_listen, l, 5, 0, 0, 0, 0);
	sc(SYS_getsockname, l, L(&a), L(&al), 0, 0, 0);
	c = sock(AF_INET, SOCK_STREAM, IPPROTO_TCP);
	sc(SYS_connect, c, L(&a), sizeof(a), 0, 0, 0);
	s = (int)sc(SYS_accept4, l, L(&ss), L(&sl), SOCK_NONBLOCK, 0, 0);
	sc(SYS_sendto, c, L("hello\n\1\377"), 8, MSG_NOSIGNAL, 0, 0);
	sl = sizeof(ss);
	sc(SYS_recvfrom, s, L(buf), sizeof(buf), 0, L(&ss), L(&sl));	/* no address on TCP: [16 => 0] */
	sl = sizeof(ss);
	sc(SYS_getpeername, s, L(&ss), L(&sl), 0, 0, 0);
	sc(SYS_shutdown, c, SHUT_WR, 0, 0, 0, 0);
	sc(SYS_recvfrom, s, L(buf), sizeof(buf), MSG_DONTWAIT, 0, 0);	/* end of file */
#ifdef SYS_accept
	sc(SYS_accept, 99, 0, 0, 0, 0, 0);	/* x86_64 only: i386 has accept4 alone */
#endif
	close(s);
	close(c);
	close(l);
}

static void udp(void)
{
	struct sockaddr_in a = loopback(0);
	struct sockaddr_storage ss;
	socklen_t al = sizeof(a), sl = sizeof(ss);
	char buf[8];
	int u = sock(AF_INET, SOCK_DGRAM, 0);

	sc(SYS_bind, u, L(&a), sizeof(a), 0, 0, 0);
	sc(SYS_getsockname, u, L(&a), L(&al), 0, 0, 0);
	sc(SYS_sendto, u, L("datagram"), 8, 0, L(&a), sizeof(a));
	sc(SYS_sendto, u, L("two"), 3, MSG_DONTWAIT | MSG_CONFIRM, L(&a), sizeof(a));
	sc(SYS_recvfrom, u, L(buf), 3, MSG_TRUNC, L(&ss), L(&sl));	/* = 8, 3 bytes shown */
	sc(SYS_recvfrom, u, L(buf), sizeof(buf), 0, 0, 0);
	close(u);
}

static void unix_names(void)
{
	struct sockaddr_un path = { .sun_family = AF_UNIX, .sun_path = "sock\"1" };
	struct sockaddr_un abstract = { .sun_family = AF_UNIX };
	struct sockaddr_storage ss;
	socklen_t sl;
	int sv[2], x, y;

	sc(SYS_socketpair, AF_UNIX, SOCK_STREAM, 0, L(sv), 0, 0);
	sc(SYS_socketpair, AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, L(sv), 0, 0);
	sc(SYS_socketpair, AF_INET, SOCK_STREAM, 0, L(sv), 0, 0);	/* EOPNOTSUPP */
	sc(SYS_socketpair, AF_UNIX, SOCK_STREAM, 0, 8, 0, 0);		/* EFAULT */
	unlink("sock\"1");
	x = sock(AF_UNIX, SOCK_STREAM, 0);
	sc(SYS_bind, x, L(&path), sizeof(path), 0, 0, 0);
	sc(SYS_bind, x, L(&path), offsetof(struct sockaddr_un, sun_path), 0, 0, 0);
	sl = sizeof(ss);
	sc(SYS_getsockname, x, L(&ss), L(&sl), 0, 0, 0);
	memcpy(abstract.sun_path, "\0iotrace\0test\n", 14);
	y = sock(AF_UNIX, SOCK_DGRAM, 0);
	sc(SYS_bind, y, L(&abstract), offsetof(struct sockaddr_un, sun_path) + 14, 0, 0, 0);
	sl = sizeof(ss);
	sc(SYS_getsockname, y, L(&ss), L(&sl), 0, 0, 0);
	sc(SYS_sendto, y, L("to self"), 7, 0, L(&abstract), offsetof(struct sockaddr_un, sun_path) + 14);
	sl = sizeof(ss);
	sc(SYS_recvfrom, y, L(ss.__ss_padding), 16, 0, L(&ss), L(&sl));
	sc(SYS_connect, x, L(&path), sizeof(path), 0, 0, 0);	/* not listening */
	unlink("sock\"1");
}

static void names(void)
{
	struct sockaddr_nl nl = { .nl_family = AF_NETLINK, .nl_groups = 1 };
	struct sockaddr_in6 a6 = { .sin6_family = AF_INET6, .sin6_port = htons(9),
				   .sin6_flowinfo = htonl(7), .sin6_addr = IN6ADDR_LOOPBACK_INIT };
	struct sockaddr_in a = loopback(9);
	struct sockaddr odd = { .sa_family = 99, .sa_data = "ab\1" };
	int n, s6, c;

	n = sock(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
	sc(SYS_bind, n, L(&nl), sizeof(nl), 0, 0, 0);
	sock(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
	s6 = sock(AF_INET6, SOCK_DGRAM | SOCK_NONBLOCK, IPPROTO_UDP);
	sc(SYS_connect, s6, L(&a6), sizeof(a6), 0, 0, 0);
	sc(SYS_connect, s6, L(&a6), 24, 0, 0, 0);	/* without sin6_scope_id */
	sock(AF_INET, SOCK_DGRAM, 200);	/* no such protocol, root or not */
	sock(1234, 77, 5);
	sock(AF_INET, 0x4000f, 0);
	c = sock(AF_INET, SOCK_DGRAM, 0);
	sc(SYS_bind, c, L(&odd), sizeof(odd), 0, 0, 0);
	sc(SYS_connect, c, L(&a), 3, 0, 0, 0);		/* too short for sin_port */
	sc(SYS_shutdown, c, 7, 0, 0, 0, 0);
	sc(SYS_shutdown, c, SHUT_RDWR, 0, 0, 0, 0);
	sc(SYS_listen, 99, -1, 0, 0, 0, 0);
	sc(SYS_accept4, 99, 0, 0, 0x1234, 0, 0);
	sc(SYS_accept4, 99, 0, 0, SOCK_CLOEXEC | 0x1, 0, 0);
	sc(SYS_sendto, c, L("x"), 1, 0x80000000 | MSG_MORE | 0x100000, 0, 0);
}

/* Hostile input: no length or pointer the tracee passes may size or crash anything. */
static void bad(void)
{
	long page = sysconf(_SC_PAGESIZE);
	char *two = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	struct sockaddr_in a = loopback(9);
	struct sockaddr_storage ss;
	socklen_t sl = sizeof(ss);
	int c = sock(AF_INET, SOCK_DGRAM, 0);

	munmap(two + page, page);
	memcpy(two + page - 8, &a, 8);	/* half an address, then an unmapped page */
	sc(SYS_connect, c, 8, 16, 0, 0, 0);
	sc(SYS_connect, c, L(two + page - 8), 16, 0, 0, 0);
	sc(SYS_connect, c, L(&a), 0, 0, 0, 0);
	sc(SYS_connect, c, L(&a), -1, 0, 0, 0);
	sc(SYS_connect, c, L(&a), 0x7fffffff, 0, 0, 0);
	sc(SYS_getsockname, c, L(&ss), 0, 0, 0, 0);
	sc(SYS_getsockname, c, 8, L(&sl), 0, 0, 0);
	sc(SYS_getsockname, c, L(&ss), 8, 0, 0, 0);
	sl = 1;
	sc(SYS_getsockname, c, L(&ss), L(&sl), 0, 0, 0);	/* [1 => 16] */
	sl = 0xffffffff;
	sc(SYS_getsockname, c, L(&ss), L(&sl), 0, 0, 0);	/* EINVAL */
	memcpy(two + page - 4, &sl, 4);
	sc(SYS_getsockname, c, L(&ss), L(two + page - 2), 0, 0, 0);
	sc(SYS_sendto, c, 8, 100, 0, L(&a), sizeof(a));
	sc(SYS_sendto, c, L(two + page - 4), 100, 0, L(&a), sizeof(a));
	sc(SYS_recvfrom, c, 8, 0x7fffffff, MSG_DONTWAIT, 8, 8);
	sc(SYS_recvfrom, c, L(&ss), sizeof(ss), MSG_DONTWAIT, L(&ss), 8);
}

/* A control buffer of up to 3 messages; @n bytes of it used. */
union ctl {
	struct cmsghdr align;
	unsigned char b[256];
};

static struct cmsghdr *add_cmsg(union ctl *u, size_t *n, int level, int type, const void *data,
				size_t len)
{
	struct cmsghdr *h = (struct cmsghdr *)(u->b + *n);

	h->cmsg_len = CMSG_LEN(len);
	h->cmsg_level = level;
	h->cmsg_type = type;
	memcpy(CMSG_DATA(h), data, len);
	*n += CMSG_SPACE(len);
	return h;
}

static void msg_unix(void)
{
	struct ucred cred = { .pid = 1, .uid = 0, .gid = 0 };
	int sv[2], fds[2], one = 1;
	char a[8], b[8];
	struct iovec iov[2] = { { "ab\n", 3 }, { "cdef", 4 } }, in[2] = { { a, 2 }, { b, sizeof(b) } };
	union ctl ctl, rctl;
	size_t n = 0;
	struct msghdr m = { .msg_iov = iov, .msg_iovlen = 2, .msg_control = ctl.b };

	memset(&ctl, 0, sizeof(ctl));
	fds[0] = open("passed", O_RDWR | O_CREAT | O_TRUNC, 0600);
	fds[1] = fds[0];
	sc(SYS_socketpair, AF_UNIX, SOCK_DGRAM, 0, L(sv), 0, 0);
	setsockopt(sv[1], SOL_SOCKET, SO_PASSCRED, &one, sizeof(one));
	add_cmsg(&ctl, &n, SOL_SOCKET, SCM_RIGHTS, fds, sizeof(fds));
	m.msg_controllen = n;
	sc(SYS_sendmsg, sv[0], L(&m), MSG_DONTWAIT | MSG_NOSIGNAL, 0, 0, 0);
	cred.pid = getpid();
	n = 0;
	add_cmsg(&ctl, &n, SOL_SOCKET, SCM_RIGHTS, fds, sizeof(fds));
	add_cmsg(&ctl, &n, SOL_SOCKET, SCM_CREDENTIALS, &cred, sizeof(cred));
	m.msg_controllen = n;
	sc(SYS_sendmsg, sv[0], L(&m), 0, 0, 0, 0);
	memset(&m, 0, sizeof(m));
	m.msg_iov = in;
	m.msg_iovlen = 2;
	m.msg_control = rctl.b;
	m.msg_controllen = sizeof(rctl.b);
	sc(SYS_recvmsg, sv[1], L(&m), MSG_CMSG_CLOEXEC, 0, 0, 0);
	m.msg_iov = iov;	/* no ancillary data: no msg_control */
	m.msg_control = NULL;
	m.msg_controllen = 0;
	sc(SYS_sendmsg, sv[0], L(&m), 0, 0, 0, 0);
	sc(SYS_sendmsg, sv[0], L(&m), 0, 0, 0, 0);
	m.msg_iov = in;
	m.msg_iovlen = 1;
	sc(SYS_recvmsg, sv[1], L(&m), MSG_TRUNC, 0, 0, 0);	/* the datagram's length */
	m.msg_control = rctl.b;
	m.msg_controllen = 4;	/* too short for credentials: MSG_CTRUNC */
	sc(SYS_recvmsg, sv[1], L(&m), MSG_DONTWAIT, 0, 0, 0);
	sc(SYS_recvmsg, sv[1], L(&m), MSG_DONTWAIT, 0, 0, 0);
	sc(SYS_recvmsg, sv[1], L(&m), MSG_DONTWAIT, 0, 0, 0);	/* EAGAIN */
	close(sv[0]);
	close(sv[1]);
	/* A stream pair: fds and credentials pass with the bytes. */
	sc(SYS_socketpair, AF_UNIX, SOCK_STREAM, 0, L(sv), 0, 0);
	setsockopt(sv[1], SOL_SOCKET, SO_PASSCRED, &one, sizeof(one));
	memset(&m, 0, sizeof(m));
	n = 0;
	add_cmsg(&ctl, &n, SOL_SOCKET, SCM_RIGHTS, fds, sizeof(fds));
	add_cmsg(&ctl, &n, SOL_SOCKET, SCM_CREDENTIALS, &cred, sizeof(cred));
	m.msg_iov = iov;
	m.msg_iovlen = 2;
	m.msg_control = ctl.b;
	m.msg_controllen = n;
	sc(SYS_sendmsg, sv[0], L(&m), 0, 0, 0, 0);
	m.msg_iov = in;
	m.msg_control = rctl.b;
	m.msg_controllen = sizeof(rctl.b);
	sc(SYS_recvmsg, sv[1], L(&m), 0, 0, 0, 0);
	close(sv[0]);
	close(sv[1]);
}

static void msg_udp(void)
{
	struct sockaddr_in a = loopback(0);
	struct sockaddr_storage from[3];
	socklen_t al = sizeof(a);
	char r[3][8];
	struct iovec out[3] = { { "one", 3 }, { "two", 3 }, { "three", 5 } };
	struct iovec in[3] = { { r[0], 8 }, { r[1], 8 }, { r[2], 2 } };
	struct mmsghdr mm[3], rm[3];
	struct timespec t = { 0, 1000000 };
	struct msghdr m = { .msg_name = &a, .msg_namelen = sizeof(a), .msg_iov = out, .msg_iovlen = 1 };
	int u = sock(AF_INET, SOCK_DGRAM, 0), i;

	sc(SYS_bind, u, L(&a), sizeof(a), 0, 0, 0);
	sc(SYS_getsockname, u, L(&a), L(&al), 0, 0, 0);
	sc(SYS_sendmsg, u, L(&m), MSG_DONTWAIT, 0, 0, 0);
	memset(&m, 0, sizeof(m));
	m.msg_name = &from[0];
	m.msg_namelen = sizeof(from[0]);
	m.msg_iov = in;
	m.msg_iovlen = 1;
	sc(SYS_recvmsg, u, L(&m), 0, 0, 0, 0);
	memset(mm, 0, sizeof(mm));
	memset(rm, 0, sizeof(rm));
	for (i = 0; i < 3; i++) {
		mm[i].msg_hdr.msg_name = &a;
		mm[i].msg_hdr.msg_namelen = sizeof(a);
		mm[i].msg_hdr.msg_iov = &out[i];
		mm[i].msg_hdr.msg_iovlen = 1;
		rm[i].msg_hdr.msg_name = &from[i];
		rm[i].msg_hdr.msg_namelen = sizeof(from[i]);
		rm[i].msg_hdr.msg_iov = &in[i];
		rm[i].msg_hdr.msg_iovlen = 1;
	}
	sc(SYS_sendmmsg, u, L(mm), 3, 0, 0, 0);
	sc(SYS_recvmmsg, u, L(rm), 3, MSG_WAITFORONE, 0, 0);
	sc(SYS_sendmmsg, u, L(mm), 1, 0, 0, 0);
	sc(SYS_recvmmsg, u, L(rm), 2, MSG_WAITFORONE, L(&t), 0);
	sc(SYS_recvmmsg, u, L(rm), 3, MSG_DONTWAIT, 0, 0);	/* EAGAIN */
#ifdef SYS_recvmmsg_time64
	{
		long long t64[2] = { 1, 2 };	/* i386's 64-bit timespec */

		sc(SYS_recvmmsg_time64, u, L(rm), 1, MSG_DONTWAIT, L(t64), 0);
	}
#endif
	sc(SYS_sendmmsg, u, L(mm), 0, 0, 0, 0);
	close(u);
}

/* Hostile msghdrs: every field unreadable, huge or lying; nothing may be sized by them. */
#define HUGE_COUNT ((size_t)-1 / 4096 + 1)	/* 2^52, or 2^20 on i386: far past UIO_MAXIOV */
static void msg_bad(void)
{
	long page = sysconf(_SC_PAGESIZE);
	char *two = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	struct sockaddr_in a = loopback(9);
	struct iovec iov = { "x", 1 };
	union ctl ctl;
	struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1 }, *edge;
	struct mmsghdr mm = { .msg_hdr = { .msg_iov = &iov, .msg_iovlen = 1 } };
	struct cmsghdr *h;
	size_t n = 0;
	int u = sock(AF_INET, SOCK_DGRAM, 0), fds[300];

	munmap(two + page, page);
	memset(&ctl, 0, sizeof(ctl));
	sc(SYS_sendmsg, u, 8, 0, 0, 0, 0);		/* the msghdr unreadable */
	edge = (struct msghdr *)(two + page - 8);	/* half of it readable */
	sc(SYS_sendmsg, u, L(edge), 0, 0, 0, 0);
	m.msg_iov = (struct iovec *)8;
	sc(SYS_sendmsg, u, L(&m), 0, 0, 0, 0);
	m.msg_iovlen = HUGE_COUNT;			/* EMSGSIZE; one iovec, then an unmapped page */
	m.msg_iov = (struct iovec *)(two + page) - 1;
	*m.msg_iov = iov;
	sc(SYS_sendmsg, u, L(&m), 0, 0, 0, 0);
	m.msg_iov = &iov;
	m.msg_iovlen = 1;
	m.msg_name = (void *)8;
	m.msg_namelen = sizeof(a);
	sc(SYS_sendmsg, u, L(&m), 0, 0, 0, 0);
	m.msg_name = two + page - 4;			/* half an address */
	sc(SYS_sendmsg, u, L(&m), 0, 0, 0, 0);
	m.msg_name = &a;
	m.msg_namelen = 0x7fffffff;
	sc(SYS_sendmsg, u, L(&m), 0, 0, 0, 0);
	m.msg_namelen = sizeof(a);
	m.msg_control = (void *)8;
	m.msg_controllen = 64;
	sc(SYS_sendmsg, u, L(&m), 0, 0, 0, 0);
	m.msg_control = ctl.b;
	m.msg_controllen = HUGE_COUNT;
	sc(SYS_sendmsg, u, L(&m), 0, 0, 0, 0);
	h = add_cmsg(&ctl, &n, SOL_SOCKET, SCM_RIGHTS, "\0\0\0\0", 4);
	h->cmsg_len = 1000;				/* past the buffer */
	m.msg_controllen = n;
	sc(SYS_sendmsg, u, L(&m), 0, 0, 0, 0);
	h->cmsg_len = 5;				/* too short for its own header */
	m.msg_controllen = n + 3;
	sc(SYS_sendmsg, u, L(&m), 0, 0, 0, 0);
	h->cmsg_len = CMSG_LEN(4);
	m.msg_controllen = n + 3;			/* torn bytes after the message */
	sc(SYS_sendmsg, u, L(&m), 0, 0, 0, 0);
	memset(fds, 0, sizeof(fds));
	n = 0;
	m.msg_control = two + page - CMSG_SPACE(sizeof(fds)) - 8;
	add_cmsg((union ctl *)m.msg_control, &n, SOL_SOCKET, SCM_RIGHTS, fds, sizeof(fds));
	m.msg_controllen = n;				/* more fds than a kernel takes */
	sc(SYS_sendmsg, u, L(&m), 0, 0, 0, 0);
	n = 0;				/* types strace shows no data of: iotrace shows it */
	m.msg_control = ctl.b;
	add_cmsg(&ctl, &n, SOL_IP, 99, "\1\2\3", 3);
	add_cmsg(&ctl, &n, 999, 5, "\377", 1);
	m.msg_controllen = n;
	sc(SYS_sendmsg, u, L(&m), 0, 0, 0, 0);
	sc(SYS_recvmsg, u, 8, MSG_DONTWAIT, 0, 0, 0);
	sc(SYS_recvmsg, u, L(edge), MSG_DONTWAIT, 0, 0, 0);
	sc(SYS_sendmmsg, u, 8, 1 << 20, 0, 0, 0);
	sc(SYS_recvmmsg, u, L(&mm), 1, MSG_DONTWAIT, 8, 0);
	sc(SYS_recvmmsg, u, 8, 0xffffffff, MSG_DONTWAIT, 0, 0);
	close(u);
}

#ifdef SYS_socketcall
/* send(2) and recv(2), which have no syscall of their own: socketcall's SYS_SEND, SYS_RECV. */
static void send_recv(void)
{
	char buf[8];
	long sv[2] = { 0, 0 }, a[4];
	int p[2];

	a[0] = AF_UNIX, a[1] = SOCK_STREAM, a[2] = 0, a[3] = L(p);
	syscall(SYS_socketcall, 8, a);
	sv[0] = p[0], sv[1] = p[1];
	a[0] = sv[0], a[1] = L("hi\n"), a[2] = 3, a[3] = MSG_NOSIGNAL;
	syscall(SYS_socketcall, 9, a);
	a[0] = sv[1], a[1] = L(buf), a[2] = sizeof(buf), a[3] = 0;
	syscall(SYS_socketcall, 10, a);
	a[3] = MSG_DONTWAIT;	/* EAGAIN */
	syscall(SYS_socketcall, 10, a);
	a[0] = sv[0], a[1] = 8, a[2] = 3, a[3] = 0;	/* EFAULT */
	syscall(SYS_socketcall, 9, a);
}
#endif

static long set_opt(int fd, int level, int name, const void *val, int len)
{
	return sc(SYS_setsockopt, fd, level, name, L(val), len, 0);
}

/* getsockopt with a buffer of @len bytes: the kernel says how many it wrote. */
static long get_opt(int fd, int level, int name, void *val, socklen_t len)
{
	return sc(SYS_getsockopt, fd, level, name, L(val), L(&len), 0);
}

/* Socket options: each form of value, at its length and shorter and longer. */
static void opts(void)
{
	int t = sock(AF_INET, SOCK_STREAM, 0), u = sock(AF_INET, SOCK_DGRAM, 0);
	int nl = sock(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE), sv[2], one = 1, v = 0;
	long long big = 7;
	struct linger lg = { 1, 5 };
	long tv[2] = { 2, 500 };	/* SO_RCVTIMEO_OLD's timeval: longs */
	struct ip_mreq mr = { { htonl(0xe0000001) }, { htonl(INADDR_LOOPBACK) } };
	struct sock_filter accept_all = BPF_STMT(BPF_RET | BPF_K, 0xffff);
	struct sock_fprog prog = { 1, &accept_all };
	char buf[64];

	memset(buf, 'x', sizeof(buf));
	sc(SYS_socketpair, AF_UNIX, SOCK_STREAM, 0, L(sv), 0, 0);
	set_opt(t, SOL_SOCKET, SO_REUSEADDR, &one, 4);
	set_opt(t, SOL_SOCKET, SO_REUSEADDR, &big, 8);	/* the int in its first 4 bytes */
	set_opt(t, SOL_SOCKET, SO_REUSEADDR, &one, 2);	/* too short: the address */
	set_opt(t, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg));
	set_opt(t, SOL_SOCKET, SO_LINGER, &lg, 4);
	set_opt(t, SOL_SOCKET, SO_RCVTIMEO_OLD, tv, sizeof(tv));	/* not decoded: its bytes */
	set_opt(t, SOL_SOCKET, SO_TXREHASH, &one, 4);	/* an int with names */
	set_opt(t, SOL_TCP, TCP_NODELAY, &one, 4);
	set_opt(t, SOL_TCP, TCP_CONGESTION, "reno\0\1\377", 7);
	set_opt(t, SOL_IP, IP_TOS, &one, 4);
	set_opt(t, SOL_SOCKET, 0x999, &one, 4);		/* an unknown option, an unknown level */
	set_opt(t, 0x777, 1, &one, 4);
	set_opt(t, SOL_SOCKET, 0x999, buf, -1);		/* a negative length */
	set_opt(t, SOL_SOCKET, SO_REUSEADDR, (void *)8, 4);
	set_opt(t, SOL_SOCKET, SO_REUSEADDR, NULL, 0);
	set_opt(99, SOL_SOCKET, SO_REUSEADDR, &one, 4);
	set_opt(u, SOL_IP, IP_ADD_MEMBERSHIP, &mr, sizeof(mr));
	set_opt(u, SOL_SOCKET, SO_ATTACH_FILTER, &prog, sizeof(prog));
	set_opt(u, SOL_SOCKET, SO_ATTACH_FILTER, &prog, 4);
	set_opt(nl, SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, &one, 4);

	get_opt(t, SOL_SOCKET, SO_TYPE, &v, 4);
	get_opt(t, SOL_SOCKET, SO_ERROR, &v, 4);
	get_opt(t, SOL_SOCKET, SO_REUSEADDR, &big, 8);	/* [8 => 4] */
	get_opt(t, SOL_SOCKET, SO_REUSEADDR, &v, 2);	/* an int's first bytes, in hex */
	get_opt(t, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg));
	get_opt(t, SOL_SOCKET, SO_LINGER, &lg, 4);	/* the fields the bytes hold */
	get_opt(t, SOL_SOCKET, SO_LINGER, &lg, 6);
	get_opt(t, SOL_SOCKET, SO_TXREHASH, &v, 4);
	get_opt(t, SOL_SOCKET, SO_RCVTIMEO_OLD, tv, sizeof(tv));
	get_opt(t, SOL_TCP, TCP_NODELAY, buf, sizeof(buf));
	get_opt(t, SOL_IP, IP_OPTIONS, buf, sizeof(buf));	/* none written: the address */
	get_opt(sv[0], SOL_SOCKET, SO_PEERCRED, buf, sizeof(buf));
	get_opt(nl, SOL_NETLINK, NETLINK_LIST_MEMBERSHIPS, buf, 8);
	get_opt(nl, SOL_NETLINK, NETLINK_LIST_MEMBERSHIPS, buf, 2);
	get_opt(t, SOL_SOCKET, SO_REUSEADDR, (void *)8, 4);
	sc(SYS_getsockopt, t, SOL_SOCKET, SO_REUSEADDR, L(&v), 0, 0);
	sc(SYS_getsockopt, t, SOL_SOCKET, SO_REUSEADDR, L(&v), 8, 0);
	get_opt(t, 0x777, 1, &v, 4);
}

static void mcast(void)
{
	int u = sock(AF_INET, SOCK_DGRAM, 0), u6 = sock(AF_INET6, SOCK_DGRAM, 0);
	int pk = sock(AF_PACKET, SOCK_RAW, 0);	/* fails without CAP_NET_RAW: so be it */
	struct group_req g4, g6;
	struct group_source_req gs;
	struct ipv6_mreq m6;
	struct packet_mreq pm = { .mr_ifindex = 1, .mr_type = PACKET_MR_PROMISC };
	struct tpacket_req req = { 4096, 4, 2048, 8 };
	struct tpacket_req3 req3 = { 4096, 4, 2048, 8, 60, 0, 0 };
	struct sockaddr_in *a4 = (struct sockaddr_in *)&g4.gr_group;
	struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)&g6.gr_group;

	memset(&g4, 0, sizeof(g4));
	memset(&g6, 0, sizeof(g6));
	memset(&gs, 0, sizeof(gs));
	memset(&m6, 0, sizeof(m6));
	g4.gr_interface = 1;	/* lo */
	a4->sin_family = AF_INET;
	a4->sin_addr.s_addr = htonl(0xe00000fc);
	set_opt(u, SOL_IP, MCAST_JOIN_GROUP, &g4, sizeof(g4));
	set_opt(u, SOL_IP, MCAST_LEAVE_GROUP, &g4, sizeof(g4));
	set_opt(u, SOL_IP, MCAST_JOIN_GROUP, &g4, 10);	/* too short: the address */
	g6.gr_interface = 99999;	/* no such interface: its number */
	a6->sin6_family = AF_INET6;
	inet_pton(AF_INET6, "ff02::1", &a6->sin6_addr);
	set_opt(u6, SOL_IPV6, MCAST_JOIN_GROUP, &g6, sizeof(g6));
	inet_pton(AF_INET6, "ff02::fb", &m6.ipv6mr_multiaddr);
	m6.ipv6mr_interface = 1;
	set_opt(u6, SOL_IPV6, IPV6_ADD_MEMBERSHIP, &m6, sizeof(m6));
	set_opt(u6, SOL_IPV6, IPV6_DROP_MEMBERSHIP, &m6, sizeof(m6));
	set_opt(u6, SOL_IPV6, IPV6_ADD_MEMBERSHIP, &m6, 10);
	/*
	 * No address first: strace 6.1 prints the last address it formatted
	 * for a later one without (a stale buffer); iotrace prints none.
	 */
	set_opt(pk, SOL_PACKET, PACKET_ADD_MEMBERSHIP, &pm, sizeof(pm));
	pm.mr_type = PACKET_MR_MULTICAST;
	pm.mr_alen = 6;
	memcpy(pm.mr_address, "\1\0\x5e\0\0\xfb", 6);
	set_opt(pk, SOL_PACKET, PACKET_ADD_MEMBERSHIP, &pm, sizeof(pm));
	pm.mr_type = 9;
	pm.mr_alen = 20;
	set_opt(pk, SOL_PACKET, PACKET_DROP_MEMBERSHIP, &pm, sizeof(pm));
	set_opt(pk, SOL_PACKET, PACKET_ADD_MEMBERSHIP, &pm, 8);
	gs.gsr_interface = 1;	/* not decoded (as strace 6.1): its bytes */
	set_opt(u, SOL_IP, MCAST_JOIN_SOURCE_GROUP, &gs, sizeof(gs));
	set_opt(pk, SOL_PACKET, PACKET_RX_RING, &req, sizeof(req));
	set_opt(pk, SOL_PACKET, PACKET_TX_RING, &req3, sizeof(req3));	/* its address */
	set_opt(pk, SOL_PACKET, PACKET_RX_RING, &req, 8);
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";

	syscall(SYS_close_range, 3, ~0U, 0);	/* the fds the test runner left open: fds start at 3 */
	if (!strncmp(mode, "mux-", 4)) {
		mux = 1;
		mode += 4;
	}
#ifdef SYS_socketcall
	if (!strcmp(mode, "muxbad")) {	/* socketcall's own hostile input */
		syscall(SYS_socketcall, 1, 8L);
		syscall(SYS_socketcall, 99, 8L);
		return 0;
	}
	if (!strcmp(mode, "sendrecv")) {	/* send and recv: socketcall(2) only */
		send_recv();
		return 0;
	}
#endif

	if (!strcmp(mode, "tcp"))
		tcp();
	else if (!strcmp(mode, "udp"))
		udp();
	else if (!strcmp(mode, "unix"))
		unix_names();
	else if (!strcmp(mode, "names"))
		names();
	else if (!strcmp(mode, "bad"))
		bad();
	else if (!strcmp(mode, "msg"))
		msg_unix(), msg_udp();
	else if (!strcmp(mode, "msgbad"))
		msg_bad();
	else if (!strcmp(mode, "opts"))
		opts();
	else if (!strcmp(mode, "mcast"))
		mcast();
	else
		return fprintf(stderr, "usage: sock tcp|udp|unix|names|bad|msg|msgbad|opts|mcast\n"), 2;
	return 0;
}
