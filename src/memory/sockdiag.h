#ifndef IOTRACE_SOCKDIAG_H
#define IOTRACE_SOCKDIAG_H

/*
 * -yy: what a tracee's socket is bound and connected to, asked of the
 * kernel (NETLINK_SOCK_DIAG), never read from the tracee's memory.  The
 * protocol comes from the socket's "system.sockprotoname" attribute;
 * TCP, UDP and UDPLITE sockets (v4 and v6) are found in a dump of their
 * protocol's sockets, UNIX sockets by inode, NETLINK ones in a dump.
 */

#include <stdint.h>
#include <sys/types.h>

enum sock_kind {
	SOCK_OTHER,	/* a protocol diag does not answer for (or did not know) */
	SOCK_INET,	/* TCP, UDP, UDPLITE, v4 or v6 */
	SOCK_UNIX,
	SOCK_NETLINK,
};

#define SOCK_NAME_MAX 108	/* sun_path */

struct sock_endpoints {
	char proto[24];		/* the kernel's name: TCP, UDPv6, UNIX-STREAM, NETLINK */
	unsigned char kind;	/* enum sock_kind */
	unsigned char found;	/* the kernel's diag knew the socket */
	uint64_t inode;
	int family;		/* SOCK_INET: AF_INET or AF_INET6 */
	unsigned char src[16], dst[16];
	uint16_t sport, dport;	/* host order; dport 0: not connected */
	uint32_t peer;		/* SOCK_UNIX: the peer's inode, or 0 */
	unsigned char name[SOCK_NAME_MAX];	/* SOCK_UNIX: sun_path (abstract: a NUL first) */
	unsigned char name_len;
	int nl_protocol;	/* SOCK_NETLINK */
	uint32_t portid;
};

/*
 * What socket @inode, fd @fd of thread @tid, is: 0 and @e filled, or -1
 * when its protocol cannot be learned (the fd is gone).  A connected
 * stream socket's endpoints cannot change: they are cached by inode (a
 * bounded cache) until sockdiag_forget().
 */
int sockdiag_lookup(pid_t tid, int fd, uint64_t inode, struct sock_endpoints *e);

/* Socket @inode was closed: a later socket may get its inode. */
void sockdiag_forget(uint64_t inode);

#endif
