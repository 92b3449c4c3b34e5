/*
 * Socket options: setsockopt and getsockopt.  The level and the option
 * by name (each level has its own names), and the value by what the
 * option holds: an int ([1]), a struct (SO_LINGER's, SO_PEERCRED's,
 * SO_ATTACH_FILTER's program, IP_ADD_MEMBERSHIP's group), or bytes as a
 * string (TCP_CONGESTION's "cubic", any option not known to be more).
 * How long the value is decides the rest (render/sockopt.c): set, the
 * caller's length; got, the length the kernel wrote back.
 */
#include "config.h"
#include <sys/socket.h>
#include <netinet/in.h>
#include <linux/netlink.h>
#include <linux/if_packet.h>
#include "decoders/common.h"
#include "decoders/decoders.h"
#include "decoders/flags.h"
#include "decoders/layouts.h"
#include "util/util.h"
#include "util/xlat.h"

/* Levels and options the kernel's headers may lack (older build hosts). */
#ifndef SOL_TCP
#define SOL_TCP 6
#endif
#ifndef SOL_UDP
#define SOL_UDP 17
#endif
#ifndef SOL_NETLINK
#define SOL_NETLINK 270
#endif
#ifndef SOL_PACKET
#define SOL_PACKET 263
#endif
#ifndef SOL_TLS
#define SOL_TLS 282
#endif
#ifndef SO_TXREHASH
#define SO_TXREHASH 74
#endif
#ifndef SO_ATTACH_REUSEPORT_CBPF
#define SO_ATTACH_REUSEPORT_CBPF 51
#endif

/*
 * Each level's option names; where getsockopt and setsockopt give a
 * number different options (netfilter's calls), their own names first.
 */
static const struct {
	int level;
	const struct xlat_list *names, *set_names, *get_names;
} levels[] = {
	{ SOL_SOCKET, &xlat_sockopt_so, NULL, &xlat_sockopt_so_get },
	{ SOL_IP, &xlat_sockopt_ip, &xlat_sockopt_ip_set, &xlat_sockopt_ip_get },
	{ SOL_TCP, &xlat_sockopt_tcp, NULL, NULL },
	{ SOL_UDP, &xlat_sockopt_udp, NULL, NULL },
	{ SOL_IPV6, &xlat_sockopt_ipv6, &xlat_sockopt_ipv6_set, &xlat_sockopt_ipv6_get },
	{ SOL_NETLINK, &xlat_sockopt_netlink, NULL, NULL },
	{ SOL_PACKET, &xlat_sockopt_packet, NULL, NULL },
	{ SOL_TLS, &xlat_sockopt_tls, NULL, NULL },
};

/* fd, level and option name: a level without names of its options shows a number. */
static void fd_level_name(struct call *c, const struct sc_event *ev, int get)
{
	uint32_t level = (uint32_t)ev->args[1], name = (uint32_t)ev->args[2];
	const struct xlat_list *own;
	unsigned i;

	call_add_fd(c, "sockfd", fd_arg(ev, 0));
	call_add_enum(c, "level", level, &xlat_sockopt_levels);
	for (i = 0; i < ARRAY_SIZE(levels); i++) {
		if ((uint32_t)levels[i].level != level)
			continue;
		own = get ? levels[i].get_names : levels[i].set_names;
		call_add_enum(c, "optname", name, own && xlat_name(own, name) ? own : levels[i].names);
		return;
	}
	call_add_uint(c, "optname", name);
}

/*
 * What an option's value is, as far as iotrace decodes it; *@layout
 * gets a struct's.
 */
static enum sockopt_form option_form(uint32_t level, uint32_t name, int get,
				     const struct layout **layout)
{
	*layout = NULL;
	switch (level) {
	case SOL_SOCKET:
		if (name == SO_LINGER || (get && name == SO_PEERCRED)) {
			*layout = name == SO_LINGER ? &linger_layout : &ucred_layout;
			return SOCKOPT_STRUCT;
		}
		if (!get && (name == SO_ATTACH_FILTER || name == SO_ATTACH_REUSEPORT_CBPF)) {
			*layout = &sock_fprog_layout;
			return SOCKOPT_STRUCT;
		}
		if (name == SO_TXREHASH) {
			*layout = &txrehash_layout;
			return SOCKOPT_INT;
		}
		/* SO_ERROR cannot be set: a value set for it is any option's */
		if (xlat_name(&xlat_sockopt_so_int, name) && (get || name != SO_ERROR))
			return SOCKOPT_INT;
		return SOCKOPT_ANY;
	case SOL_IP:
		if (!get && (name == IP_ADD_MEMBERSHIP || name == IP_DROP_MEMBERSHIP)) {
			*layout = &ip_mreq_layout;
			return SOCKOPT_STRUCT;
		}
		if (!get && (name == MCAST_JOIN_GROUP || name == MCAST_LEAVE_GROUP)) {
			*layout = &group_req_layout;
			return SOCKOPT_STRUCT;
		}
		return SOCKOPT_ANY;
	case SOL_IPV6:
		if (!get && (name == IPV6_ADD_MEMBERSHIP || name == IPV6_DROP_MEMBERSHIP ||
			     name == IPV6_JOIN_ANYCAST || name == IPV6_LEAVE_ANYCAST)) {
			*layout = &ipv6_mreq_layout;
			return SOCKOPT_STRUCT;
		}
		if (!get && (name == MCAST_JOIN_GROUP || name == MCAST_LEAVE_GROUP)) {
			*layout = &group_req_layout;
			return SOCKOPT_STRUCT;
		}
		return SOCKOPT_ANY;
	case SOL_PACKET:
		if (get && name == PACKET_STATISTICS) {
			*layout = &tpacket_stats_layout;
			return SOCKOPT_STRUCT;
		}
		if (!get && (name == PACKET_ADD_MEMBERSHIP || name == PACKET_DROP_MEMBERSHIP)) {
			*layout = &packet_mreq_layout;
			return SOCKOPT_STRUCT;
		}
		if (!get && (name == PACKET_RX_RING || name == PACKET_TX_RING)) {
			*layout = &tpacket_req_layout;	/* TPACKET_V3's tpacket_req3: its address */
			return SOCKOPT_STRUCT;
		}
		return SOCKOPT_ANY;
	case SOL_NETLINK:	/* the groups joined: a bitmap in ints */
		return get && name == NETLINK_LIST_MEMBERSHIPS ? SOCKOPT_INTS : SOCKOPT_INT;
	}
	return SOCKOPT_ANY;
}

/*
 * setsockopt(fd, level, optname, optval, optlen): the value as long as
 * the caller says; too short for its option's int or struct, the address.
 */
void decode_setsockopt(struct call *c, const struct sc_event *ev)
{
	uint32_t level = (uint32_t)ev->args[1], name = (uint32_t)ev->args[2];
	int len = (int)ev->args[4];
	const struct layout *layout;
	enum sockopt_form form = option_form(level, name, 0, &layout);
	uint64_t need = form == SOCKOPT_INT ? 4 : form == SOCKOPT_STRUCT ? layout->size[ev->arch] : 0;

	if (ev->exiting)
		return;
	fd_level_name(c, ev, 0);
	/* SO_ATTACH_FILTER's program, a ring's request: only as long as the struct, as strace */
	if (len < 0 || (uint64_t)len < need ||
	    ((layout == &sock_fprog_layout || layout == &tpacket_req_layout) && (uint64_t)len != need))
		form = form == SOCKOPT_ANY ? form : SOCKOPT_ADDR;
	call_add_sockopt(c, "optval", arch_ulong(ev->arch, ev->args[3]), (uint32_t)len, form,
			 layout);
	call_add_int(c, "optlen", len);
}

/*
 * getsockopt(fd, level, optname, optval, optlen): the value as long as
 * the kernel wrote it, and the length before and after ([64 => 4]);
 * when the call failed, the value's address.
 */
void decode_getsockopt(struct call *c, const struct sc_event *ev)
{
	uint32_t level = (uint32_t)ev->args[1], name = (uint32_t)ev->args[2];
	uint64_t val = arch_ulong(ev->arch, ev->args[3]);
	const struct layout *layout;
	enum sockopt_form form;

	if (!ev->exiting) {
		fd_level_name(c, ev, 1);
		call_add_later(c, "optval");
		call_add_socklen(c, "optlen", arch_ulong(ev->arch, ev->args[4]));
		return;
	}
	if (ev->is_error) {
		call_fill_addr(&c->arg[3], val);
		return;
	}
	form = option_form(level, name, 1, &layout);
	call_offptr_moved(c, 4);
	call_fill_sockopt(c, &c->arg[3], val, 4, form, layout);
}
