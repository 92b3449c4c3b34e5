/*
 * Socket endpoints from the kernel's sock_diag (see sockdiag.h).  One
 * NETLINK_SOCK_DIAG socket, opened when first needed; a request and its
 * answer never outlive one lookup, so a slow or odd answer costs that
 * lookup only (it then says the protocol alone).
 */
#include "config.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/xattr.h>
#include <netinet/in.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/netlink_diag.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include "memory/sockdiag.h"
#include "util/util.h"

#ifndef IPPROTO_UDPLITE
#define IPPROTO_UDPLITE 136
#endif

static int diag_fd = -1;
static unsigned seq;

/* Opens the diag socket; answers wait at most a second (the kernel answers at once). */
static int diag_socket(void)
{
	struct timeval tv = { 1, 0 };

	if (diag_fd >= 0)
		return diag_fd;
	diag_fd = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
	if (diag_fd >= 0)
		setsockopt(diag_fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	return diag_fd;
}

/* Called with each answer of a request; returns 1 when it was the socket looked for. */
typedef int (*diag_match)(struct nlmsghdr *h, struct sock_endpoints *e);

/*
 * Sends request @req of @len bytes and reads the answers (all of a
 * dump: the socket must be drained) until the kernel says done.
 */
static int diag_ask(void *req, size_t len, diag_match match, struct sock_endpoints *e)
{
	static unsigned char buf[32768] __attribute__((aligned(NLMSG_ALIGNTO)));
	struct sockaddr_nl kernel = { .nl_family = AF_NETLINK };
	struct nlmsghdr *r = req;
	int fd = diag_socket(), found = 0;
	ssize_t n;

	if (fd < 0)
		return 0;
	r->nlmsg_seq = ++seq;
	if (sendto(fd, req, len, 0, (struct sockaddr *)&kernel, sizeof(kernel)) < 0)
		return 0;
	for (;;) {
		size_t off = 0;

		n = recv(fd, buf, sizeof(buf), 0);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			goto broken;
		/* Each answer, as long as its header says and the bytes hold. */
		while (off + NLMSG_HDRLEN <= (size_t)n) {
			struct nlmsghdr *h = (struct nlmsghdr *)(buf + off);

			if (h->nlmsg_len < NLMSG_HDRLEN || h->nlmsg_len > (size_t)n - off)
				break;
			off += NLMSG_ALIGN(h->nlmsg_len);
			if (h->nlmsg_seq != seq)
				continue;	/* a late answer to an earlier request */
			if (h->nlmsg_type == NLMSG_DONE || h->nlmsg_type == NLMSG_ERROR)
				return found;
			if (!found)
				found = match(h, e);
			if (!(h->nlmsg_flags & NLM_F_MULTI))
				return found;
		}
	}
broken:
	/* A timeout or an error mid-dump: start again with a new socket. */
	close(fd);
	diag_fd = -1;
	return found;
}

static int match_inet(struct nlmsghdr *h, struct sock_endpoints *e)
{
	const struct inet_diag_msg *m = NLMSG_DATA(h);

	if (h->nlmsg_len < NLMSG_LENGTH(sizeof(*m)) || m->idiag_inode != e->inode)
		return 0;
	e->family = m->idiag_family;
	memcpy(e->src, m->id.idiag_src, 16);
	memcpy(e->dst, m->id.idiag_dst, 16);
	e->sport = ntohs(m->id.idiag_sport);
	e->dport = ntohs(m->id.idiag_dport);
	return 1;
}

static int ask_inet(struct sock_endpoints *e, int family, int protocol)
{
	struct {
		struct nlmsghdr h;
		struct inet_diag_req_v2 r;
	} req = {
		.h = { .nlmsg_len = sizeof(req), .nlmsg_type = SOCK_DIAG_BY_FAMILY,
		       .nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP },
		.r = { .sdiag_family = (uint8_t)family, .sdiag_protocol = (uint8_t)protocol,
		       .idiag_states = ~0U },
	};

	e->kind = SOCK_INET;
	return diag_ask(&req, sizeof(req), match_inet, e);
}

static int match_unix(struct nlmsghdr *h, struct sock_endpoints *e)
{
	struct unix_diag_msg *m = NLMSG_DATA(h);
	struct rtattr *a;
	int left;

	if (h->nlmsg_len < NLMSG_LENGTH(sizeof(*m)) || m->udiag_ino != e->inode)
		return 0;
	left = (int)(h->nlmsg_len - NLMSG_LENGTH(sizeof(*m)));
	for (a = (struct rtattr *)(m + 1); RTA_OK(a, left); a = RTA_NEXT(a, left)) {
		size_t n = RTA_PAYLOAD(a);

		if (a->rta_type == UNIX_DIAG_PEER && n >= 4)
			memcpy(&e->peer, RTA_DATA(a), 4);
		if (a->rta_type == UNIX_DIAG_NAME) {
			e->name_len = (unsigned char)MIN(n, sizeof(e->name));
			memcpy(e->name, RTA_DATA(a), e->name_len);
		}
	}
	return 1;
}

static int ask_unix(struct sock_endpoints *e)
{
	struct {
		struct nlmsghdr h;
		struct unix_diag_req r;
	} req = {
		.h = { .nlmsg_len = sizeof(req), .nlmsg_type = SOCK_DIAG_BY_FAMILY,
		       .nlmsg_flags = NLM_F_REQUEST },
		.r = { .sdiag_family = AF_UNIX, .udiag_states = ~0U, .udiag_ino = (uint32_t)e->inode,
		       .udiag_show = UDIAG_SHOW_NAME | UDIAG_SHOW_PEER,
		       .udiag_cookie = { ~0U, ~0U } },
	};

	e->kind = SOCK_UNIX;
	return diag_ask(&req, sizeof(req), match_unix, e);
}

static int match_netlink(struct nlmsghdr *h, struct sock_endpoints *e)
{
	const struct netlink_diag_msg *m = NLMSG_DATA(h);

	if (h->nlmsg_len < NLMSG_LENGTH(sizeof(*m)) || m->ndiag_ino != e->inode)
		return 0;
	e->nl_protocol = m->ndiag_protocol;
	e->portid = m->ndiag_portid;
	return 1;
}

static int ask_netlink(struct sock_endpoints *e)
{
	struct {
		struct nlmsghdr h;
		struct netlink_diag_req r;
	} req = {
		.h = { .nlmsg_len = sizeof(req), .nlmsg_type = SOCK_DIAG_BY_FAMILY,
		       .nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP },
		.r = { .sdiag_family = AF_NETLINK, .sdiag_protocol = NDIAG_PROTO_ALL,
		       .ndiag_cookie = { ~0U, ~0U } },
	};

	e->kind = SOCK_NETLINK;
	return diag_ask(&req, sizeof(req), match_netlink, e);
}

/* The kernel's protocol names diag answers for, and how to ask. */
static const struct {
	const char *name;
	int family, protocol;
} inet_protos[] = {
	{ "TCP", AF_INET, IPPROTO_TCP }, { "TCPv6", AF_INET6, IPPROTO_TCP },
	{ "UDP", AF_INET, IPPROTO_UDP }, { "UDPv6", AF_INET6, IPPROTO_UDP },
	{ "UDP-Lite", AF_INET, IPPROTO_UDPLITE }, { "UDPLITEv6", AF_INET6, IPPROTO_UDPLITE },
};

static int ask(struct sock_endpoints *e)
{
	unsigned i;

	for (i = 0; i < sizeof(inet_protos) / sizeof(inet_protos[0]); i++)
		if (!strcmp(e->proto, inet_protos[i].name))
			return ask_inet(e, inet_protos[i].family, inet_protos[i].protocol);
	if (!strcmp(e->proto, "UNIX") || !strcmp(e->proto, "UNIX-STREAM"))
		return ask_unix(e);
	if (!strcmp(e->proto, "NETLINK"))
		return ask_netlink(e);
	return 0;
}

/*
 * Connected stream sockets, whose endpoints are final, by inode.  A
 * ring: the oldest entry goes first, so a server that accepts without
 * end keeps at most this many.
 */
#define CACHE_MAX 1024
static struct sock_endpoints cache[CACHE_MAX];
static unsigned cache_next;

static int final(const struct sock_endpoints *e)
{
	if (!e->found)
		return 0;
	if (e->kind == SOCK_INET)
		return e->dport && (!strcmp(e->proto, "TCP") || !strcmp(e->proto, "TCPv6"));
	return e->kind == SOCK_UNIX && e->peer && !strcmp(e->proto, "UNIX-STREAM");
}

static struct sock_endpoints *cached(uint64_t inode)
{
	unsigned i;

	for (i = 0; i < CACHE_MAX; i++)
		if (cache[i].inode == inode && cache[i].found)
			return &cache[i];
	return NULL;
}

void sockdiag_forget(uint64_t inode)
{
	struct sock_endpoints *e = cached(inode);

	if (e)
		memset(e, 0, sizeof(*e));
}

int sockdiag_lookup(pid_t tid, int fd, uint64_t inode, struct sock_endpoints *e)
{
	const struct sock_endpoints *c = cached(inode);
	char link[64];
	ssize_t n;

	if (c) {
		*e = *c;
		return 0;
	}
	memset(e, 0, sizeof(*e));
	e->inode = inode;
	snprintf(link, sizeof(link), "/proc/%d/fd/%d", (int)tid, fd);
	n = getxattr(link, "system.sockprotoname", e->proto, sizeof(e->proto) - 1);
	if (n <= 0)
		return -1;
	e->proto[n] = '\0';
	e->found = (unsigned char)ask(e);
	if (final(e)) {
		cache[cache_next] = *e;
		cache_next = (cache_next + 1) % CACHE_MAX;
	}
	return 0;
}
