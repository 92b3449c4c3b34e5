#ifndef IOTRACE_LAYOUT_H
#define IOTRACE_LAYOUT_H

/*
 * The kernel's structs as data, per arch: where each field is, how wide,
 * and what it leads to.  Decoders name a layout for a struct argument
 * (decoders/layouts.c); the reader (call/fetch.c) follows its pointers
 * level by level without knowing the struct, and renderers print its
 * fields by name.
 */

#include <stdint.h>
#include <string.h>
#include "util/arch.h"

enum field_kind {
	F_UINT,		/* unsigned decimal */
	F_INT,		/* signed decimal */
	F_ADDR,		/* a pointer shown as an address */
	F_BYTES,	/* a pointer to bytes, as many as field .len says */
	F_ARRAY,	/* a pointer to as many .sub structs as field .len says */
	F_PTR,		/* a pointer to one .sub struct */
	F_FD,		/* a file descriptor (-y shows its file) */
	F_PID,		/* a process id (--normalize renumbers it) */
	F_ENUM,		/* a value named from .names */
	F_FLAGS,	/* bits named from .names */
	F_MODE,		/* a file mode, in octal */
	F_SOCKADDR,	/* a pointer to a socket address, as many bytes as field .len says */
	F_CMSG,		/* a pointer to control messages (cmsghdr...), as many bytes as .len says */
	F_HEX,		/* a number in hex (0 as 0): an iocb's aio_data */
	F_INADDR,	/* an IPv4 address, 4 bytes in network order: inet_addr("127.0.0.1") */
	F_STMODE,	/* a file's type and mode: S_IFREG|0644 */
	F_DEV,		/* a device number (the kernel's dev_t): makedev(0x8, 0x1) */
	F_TIME,		/* seconds since the epoch; -v dates it, with the nanoseconds of field .len */
	F_STXTIME,	/* statx's timestamp at the offset: {tv_sec=S, tv_nsec=N}, dated */
	F_URING_OP,	/* an io_uring opcode, by its operation's name: IORING_OP_WRITE */
	F_INLINE,	/* .sub structs in place from here, as many as field .len says (the struct's tail) */
	F_SIGSET,	/* a pointer to a signal set, as many bytes as field .len says: [USR1 TERM] */
	F_IFINDEX,	/* a network interface's index: if_nametoindex("lo") */
	F_IN6ADDR,	/* an IPv6 address in place (.size 16): inet_pton(AF_INET6, "::1", &name) */
	F_SOCKADDR_IN,	/* a socket address in place, .size bytes (a sockaddr_storage: 128) */
	F_HWADDR,	/* bytes in place (.size 8), as many as field .len says: 01:00:5e:00:00:fb */
	/*
	 * A timespec in place, tv_sec at the offset and tv_nsec after it, both
	 * .size wide: {tv_sec=S, tv_nsec=N}, dated when N is valid; a tv_nsec
	 * in .names (UTIME_NOW) prints as its name alone.
	 */
	F_UTIMESPEC,
	F_TIMEVAL,	/* a timeval in place, the same way: {tv_sec=S, tv_usec=U}, dated */
	F_FSID,		/* statfs' f_fsid, two ints in place: {val=[0x9ac54eb9, 0x8166bce0]} */
	F_SIG,		/* a signal number, by name: SIGUSR1 (0 as 0) */
	/*
	 * Bytes in place from here to the end of what was read, as many as
	 * field .len says (at most MAX_HANDLE_SZ): file_handle's f_handle,
	 * always in \x hex.
	 */
	F_HANDLE,
};

struct layout;
struct xlat_list;

struct field {
	const char *name;
	const char *sep;		/* ", name=": what a renderer writes before it */
	unsigned char seplen;
	unsigned char kind;		/* enum field_kind */
	unsigned char payload;		/* leads to the call's data (dumps, --toctou) */
	unsigned char size[ARCH_COUNT];	/* 1, 2, 4 or 8 bytes */
	unsigned short off[ARCH_COUNT];
	signed char len;		/* F_BYTES, F_ARRAY: the field that counts them, or LEN_OUTER */
	const struct layout *sub;	/* F_ARRAY, F_PTR */
	const struct xlat_list *names;	/* F_ENUM, F_FLAGS */
	/*
	 * Left out when 0, unless field number @unless - 1 (when set) has
	 * one of the @unless_mask bits: open_how's mode prints only with
	 * O_CREAT or O_TMPFILE, or when it is not 0.
	 */
	unsigned char omit_zero;
	unsigned char unless;
	uint64_t unless_mask;
	/*
	 * A value the call reads and the kernel rewrites (recvmsg's
	 * msg_namelen): "128 => 16" when the struct was also read at entry
	 * and the two differ.
	 */
	unsigned char inout;
	/*
	 * An F_ARRAY payload field: field number @limit - 1 of the same
	 * element bounds its payload, when the struct says so (recvmmsg's
	 * msg_len: what each message received).
	 */
	unsigned char limit;
	/*
	 * A struct embedded in this one starts at this field ("msg_hdr={"),
	 * and ends after the field with @group_end: mmsghdr holds a msghdr.
	 */
	const char *group;
	const char *group_sep;		/* ", msg_hdr=" */
	unsigned char group_end;
	/*
	 * Present only when field number @when - 1 of the same element has
	 * one of the values (below 64) whose bits @when_values sets: an
	 * iocb's aio_buf is bytes for IOCB_CMD_PWRITE, iovecs for PWRITEV.
	 * Several fields may share an offset, one for each meaning.
	 */
	unsigned char when;
	uint64_t when_values;
	/*
	 * With @when: the other field's value shifted right this much is
	 * what @when_values tests (st_mode's file type: st_rdev or st_size);
	 * or, with @when_bits, present when it has one of those bits
	 * (statx's times, by stx_mask).
	 */
	unsigned char when_shift;
	unsigned char when_bits;
	unsigned char when_not;		/* with @when: present when the value is NOT one of those */
	unsigned char verbose;		/* only with -v, in a layout that is .abbrev */
	unsigned char omit_neg;		/* left out when field number @omit_neg - 1 is negative (pollfd's events) */
	unsigned char no_data;		/* F_ARRAY: its elements' pointers print as addresses */
	unsigned char sign;		/* F_TIME: signed when narrower than 8 bytes (utimbuf's longs) */
};

/*
 * An F_ARRAY's .len when no field counts it: the call does, beside the
 * struct (io_uring_files_update's fds, counted by io_uring_register's
 * nr_args), given by call_add_struct_counted().
 */
#define LEN_OUTER (-2)

/* A value's bit in a field's .when_values. */
#define WHEN(v) ((uint64_t)1 << (v))

/* A field that opens an embedded struct named @g, for a designated initializer. */
#define GROUP(g) .group = g, .group_sep = ", " g "="

/* A field's name and the text before its value, for a designated initializer. */
#define FIELD(n) .name = n, .sep = ", " n "=", .seplen = sizeof(", " n "=") - 1

struct layout {
	const char *name;
	unsigned short size[ARCH_COUNT];
	unsigned char nfields;
	const struct field *fields;
	/*
	 * The caller passes the struct's size, and a larger one may carry
	 * fields from newer kernels (openat2's open_how): bytes past ours
	 * print when not all zero.
	 */
	unsigned char extensible;
	/* Without -v, its fields not marked .verbose, then "...": struct stat's {st_mode=..., st_size=..., ...}. */
	unsigned char abbrev;
	/* Ends in an F_INLINE array: the bytes read past its size are that array's, not a newer kernel's. */
	unsigned char inline_tail;
	/*
	 * An array element whose field number @skip_zero - 1 is 0 is not
	 * printed, nor counted against -s (poll's revents: the ready fds).
	 */
	unsigned char skip_zero;
	/*
	 * Its fields print as a list, without their names: utimensat's
	 * [atime, mtime] (JSON still names them).
	 */
	unsigned char tuple;
};

/* A layout of one unnamed field prints as its bare value: [3, 4], not [{fd=3}, ...]. */
static inline int layout_bare(const struct layout *l)
{
	return l->nfields == 1 && !l->fields[0].name;
}

/*
 * The last field of the embedded struct that field @f opens (its
 * .group_end); @f when it opens none.
 */
static inline unsigned layout_group_end(const struct layout *l, unsigned f)
{
	unsigned e = f;

	if (!l->fields[f].group)
		return f;
	while (e + 1 < l->nfields && !l->fields[e].group_end)
		e++;
	return e;
}

/* Whether field kind @k is a pointer the reader follows. */
static inline int field_follows(unsigned k)
{
	return k == F_BYTES || k == F_ARRAY || k == F_PTR || k == F_SOCKADDR || k == F_CMSG ||
	       k == F_SIGSET;
}

/* Whether field kind @k leads to bytes (a leaf), rather than to structs (a node). */
static inline int field_leaf(unsigned k)
{
	return k == F_BYTES || k == F_SOCKADDR || k == F_CMSG || k == F_SIGSET;
}

/* Field @f of the struct whose bytes are at @p, as the tracee (@a) wrote it. */
static inline uint64_t field_value(const struct layout *l, unsigned f, enum arch a,
				   const unsigned char *p)
{
	const struct field *fd = &l->fields[f];
	const unsigned char *q = p + fd->off[a];
	uint64_t v;

	switch (fd->size[a]) {	/* x86 is little-endian, and takes unaligned loads */
	case 8: { uint64_t x; memcpy(&x, q, 8); v = x; break; }
	case 4: { uint32_t x; memcpy(&x, q, 4); v = x; break; }
	case 2: { uint16_t x; memcpy(&x, q, 2); v = x; break; }
	default: v = *q; break;
	}
	if ((fd->kind == F_INT || fd->kind == F_FD || fd->kind == F_PID) && fd->size[a] < 8 &&
	    (v >> (8 * fd->size[a] - 1)) & 1)
		v |= ~(uint64_t)0 << (8 * fd->size[a]);
	return v;
}

/* How many fields of @l the reader follows: the pointer slots of one element. */
static inline unsigned layout_pointers(const struct layout *l)
{
	unsigned f, n = 0;

	for (f = 0; f < l->nfields; f++)
		n += field_follows(l->fields[f].kind);
	return n;
}

/* The slot of field @f among @l's followed fields. */
static inline unsigned layout_slot(const struct layout *l, unsigned f)
{
	unsigned i, n = 0;

	for (i = 0; i < f; i++)
		n += field_follows(l->fields[i].kind);
	return n;
}

#endif
