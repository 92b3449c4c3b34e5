/*
 * -yy: a socket named by its endpoints, as strace -yy names it, from
 * what the kernel's sock_diag says (memory/sockdiag.c).
 */
#include "config.h"
#include <stdio.h>
#include <string.h>
#include <arpa/inet.h>
#include <sys/socket.h>
#include "decoders/xlat_lists.h"
#include "memory/sockdiag.h"
#include "policy/endpoints.h"
#include "util/strbuf.h"
#include "util/xlat.h"

/* "127.0.0.1:80", "[::1]:80" */
static void inet_end(struct strbuf *sb, int family, const unsigned char *a, unsigned port)
{
	char ip[INET6_ADDRSTRLEN];

	if (!inet_ntop(family, a, ip, sizeof(ip)))
		snprintf(ip, sizeof(ip), "?");
	sb_addf(sb, family == AF_INET6 ? "[%s]:%u" : "%s:%u", ip, port);
}

/*
 * A name's bytes inside the description's quotes, escaped as strings
 * are: the quotes and backslash, \t \n \v \f \r, other bytes that are
 * not printable ASCII (and '>', which would end -y's brackets) in octal,
 * three digits only before an octal digit.
 */
static void quoted_name(struct strbuf *sb, const unsigned char *p, size_t n)
{
	static const char named[] = "tnvfr";
	size_t i;

	sb_addch(sb, '"');
	for (i = 0; i < n; i++) {
		unsigned char b = p[i];
		int digit_next = i + 1 < n && p[i + 1] >= '0' && p[i + 1] <= '7';

		if (b == '"' || b == '\\')
			sb_addf(sb, "\\%c", b);
		else if (b >= 0x20 && b < 0x7f && b != '>')
			sb_addch(sb, (char)b);
		else if (b >= '\t' && b <= '\r')
			sb_addf(sb, "\\%c", named[b - '\t']);
		else
			sb_addf(sb, digit_next ? "\\%03o" : "\\%o", b);
	}
	sb_addch(sb, '"');
}

/* A UNIX socket: "1234", "1234->1235", with ",\"/run/x\"" or ",@\"abstract\"". */
static void unix_ends(struct strbuf *sb, const struct sock_endpoints *e)
{
	size_t n = e->name_len;

	sb_addf(sb, "%llu", (unsigned long long)e->inode);
	if (e->peer)
		sb_addf(sb, "->%u", e->peer);
	if (!n)
		return;
	if (!e->name[0]) {	/* abstract: every byte of it, NULs too */
		sb_addstr(sb, ",@");
		quoted_name(sb, e->name + 1, n - 1);
		return;
	}
	sb_addch(sb, ',');
	quoted_name(sb, e->name, strnlen((const char *)e->name, n));
}

static void netlink_ends(struct strbuf *sb, const struct sock_endpoints *e)
{
	const char *name = xlat_name(&xlat_netlink_protocols, (uint64_t)e->nl_protocol);

	if (!e->portid) {	/* not bound: strace shows the inode */
		sb_addf(sb, "%llu", (unsigned long long)e->inode);
		return;
	}
	if (name && !strncmp(name, "NETLINK_", 8))
		sb_addf(sb, "%s:%u", name + 8, e->portid);
	else
		sb_addf(sb, "%d:%u", e->nl_protocol, e->portid);
}

ssize_t endpoints_text(pid_t tid, int fd, uint64_t ino, char *buf, size_t size)
{
	struct strbuf sb = STRBUF_INIT;
	struct sock_endpoints e;
	ssize_t n = -1;

	if (sockdiag_lookup(tid, fd, ino, &e) || (e.kind == SOCK_OTHER && !e.found))
		return -1;	/* a protocol diag does not answer for: socket:[ino], as strace */
	sb_addf(&sb, "%s:[", e.proto);
	if (!e.found) {
		sb_addf(&sb, "%llu", (unsigned long long)ino);
	} else if (e.kind == SOCK_INET) {
		inet_end(&sb, e.family, e.src, e.sport);
		if (e.dport) {
			sb_addstr(&sb, "->");
			inet_end(&sb, e.family, e.dst, e.dport);
		}
	} else if (e.kind == SOCK_UNIX) {
		unix_ends(&sb, &e);
	} else {
		netlink_ends(&sb, &e);
	}
	sb_addch(&sb, ']');
	if (sb.len < size) {
		memcpy(buf, sb.buf, sb.len + 1);
		n = (ssize_t)sb.len;
	}
	sb_release(&sb);
	return n;
}

void endpoints_closed(uint64_t ino)
{
	sockdiag_forget(ino);
}
