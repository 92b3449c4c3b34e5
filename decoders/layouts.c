/*
 * The kernel's structs, per arch: offsets and sizes as the uapi headers
 * lay them out for x86_64 and for i386 (pointers and longs are 4 bytes
 * there, and 64-bit fields only 4-byte aligned).  A struct argument adds
 * its layout here, nothing to the reader or the renderers.
 */
#include "config.h"
#include "decoders/flags.h"
#include "decoders/layouts.h"
#include "util/util.h"

/* Sizes and offsets: { x86_64, i386 }. */
#define AT(x64, x32) .off = { x64, x32 }
#define SIZE(x64, x32) .size = { x64, x32 }

enum { IOV_BASE, IOV_LEN };
static const struct field iovec_fields[] = {
	[IOV_BASE] = { FIELD("iov_base"), .kind = F_BYTES, .payload = 1, SIZE(8, 4), AT(0, 0),
		       .len = IOV_LEN },
	[IOV_LEN] = { FIELD("iov_len"), .kind = F_UINT, SIZE(8, 4), AT(8, 4), .len = -1 },
};
const struct layout iovec_layout = {
	.name = "iovec", .size = { 16, 8 }, .nfields = 2, .fields = iovec_fields,
};

/* open_how's mode prints with O_CREAT or O_TMPFILE in its flags, or when not 0. */
#define O_CREAT_BITS (0100 | 020000000)
enum { HOW_FLAGS, HOW_MODE, HOW_RESOLVE };
static const struct field open_how_fields[] = {
	[HOW_FLAGS] = { FIELD("flags"), .kind = F_FLAGS, SIZE(8, 8), AT(0, 0), .len = -1,
			.names = &xlat_open_mode },
	[HOW_MODE] = { FIELD("mode"), .kind = F_MODE, SIZE(8, 8), AT(8, 8), .len = -1,
		       .omit_zero = 1, .unless = HOW_FLAGS + 1, .unless_mask = O_CREAT_BITS },
	[HOW_RESOLVE] = { FIELD("resolve"), .kind = F_FLAGS, SIZE(8, 8), AT(16, 16), .len = -1,
			  .names = &xlat_resolve },
};
const struct layout open_how_layout = {
	.name = "open_how", .size = { 24, 24 }, .nfields = 3, .fields = open_how_fields,
	.extensible = 1,
};

/*
 * struct flock: off_t is a long, so i386's fcntl has a 16-byte one; the
 * flock64 of i386's fcntl64 has 64-bit offsets at 4-byte alignment.  On
 * x86_64 both are the same.  A lock being set prints without l_pid;
 * F_GETLK's answer with it.
 */
#define LOCK_FIELDS(s32, l32, p32, w32) \
	{ FIELD("l_type"), .kind = F_ENUM, SIZE(2, 2), AT(0, 0), .len = -1, \
	  .names = &xlat_lock_types }, \
	{ FIELD("l_whence"), .kind = F_ENUM, SIZE(2, 2), AT(2, 2), .len = -1, \
	  .names = &xlat_whence }, \
	{ FIELD("l_start"), .kind = F_INT, SIZE(8, w32), AT(8, s32), .len = -1 }, \
	{ FIELD("l_len"), .kind = F_INT, SIZE(8, w32), AT(16, l32), .len = -1 }, \
	{ FIELD("l_pid"), .kind = F_PID, SIZE(4, 4), AT(24, p32), .len = -1 }
static const struct field flock_fields[] = { LOCK_FIELDS(4, 8, 12, 4) };
static const struct field flock64_fields[] = { LOCK_FIELDS(4, 12, 20, 8) };
const struct layout flock_set_layout = {
	.name = "flock", .size = { 32, 16 }, .nfields = 4, .fields = flock_fields,
};
const struct layout flock_get_layout = {
	.name = "flock", .size = { 32, 16 }, .nfields = 5, .fields = flock_fields,
};
const struct layout flock64_set_layout = {
	.name = "flock64", .size = { 32, 24 }, .nfields = 4, .fields = flock64_fields,
};
const struct layout flock64_get_layout = {
	.name = "flock64", .size = { 32, 24 }, .nfields = 5, .fields = flock64_fields,
};

static const struct field owner_fields[] = {
	{ FIELD("type"), .kind = F_ENUM, SIZE(4, 4), AT(0, 0), .len = -1,
	  .names = &xlat_owner_types },
	{ FIELD("pid"), .kind = F_PID, SIZE(4, 4), AT(4, 4), .len = -1 },
};
const struct layout f_owner_ex_layout = {
	.name = "f_owner_ex", .size = { 8, 8 }, .nfields = 2, .fields = owner_fields,
};

/* Bare values: an int fd (pipe's pair), a 64-bit offset, a write-life hint. */
static const struct field fd_field[] = { { .kind = F_FD, SIZE(4, 4), AT(0, 0), .len = -1 } };
const struct layout fd_layout = { .name = "int", .size = { 4, 4 }, .nfields = 1, .fields = fd_field };

static const struct field loff_field[] = { { .kind = F_INT, SIZE(8, 8), AT(0, 0), .len = -1 } };
const struct layout loff_layout = {
	.name = "loff_t", .size = { 8, 8 }, .nfields = 1, .fields = loff_field,
};

static const struct field rw_hint_field[] = {
	{ .kind = F_ENUM, SIZE(8, 8), AT(0, 0), .len = -1, .names = &xlat_rw_hints },
};
const struct layout rw_hint_layout = {
	.name = "rw_hint", .size = { 8, 8 }, .nfields = 1, .fields = rw_hint_field,
};

/*
 * struct user_msghdr, alone (sendmsg, recvmsg) and as the msg_hdr that
 * opens struct mmsghdr (sendmmsg, recvmmsg): msg_name is a socket
 * address of msg_namelen bytes (which recvmsg rewrites), msg_iov the
 * payload, msg_control the control messages of msg_controllen bytes.
 */
enum { MSG_NAME, MSG_NAMELEN, MSG_IOV, MSG_IOVLEN, MSG_CONTROL, MSG_CONTROLLEN, MSG_FLAGS,
       MMSG_LEN };
#define MSGHDR_FIELDS(first, last, iov_limit) \
	[MSG_NAME] = { FIELD("msg_name"), .kind = F_SOCKADDR, SIZE(8, 4), AT(0, 0), \
		       .len = MSG_NAMELEN, first }, \
	[MSG_NAMELEN] = { FIELD("msg_namelen"), .kind = F_INT, SIZE(4, 4), AT(8, 4), .len = -1, \
			  .inout = 1 }, \
	[MSG_IOV] = { FIELD("msg_iov"), .kind = F_ARRAY, .payload = 1, SIZE(8, 4), AT(16, 8), \
		      .len = MSG_IOVLEN, .sub = &iovec_layout, .limit = iov_limit }, \
	[MSG_IOVLEN] = { FIELD("msg_iovlen"), .kind = F_UINT, SIZE(8, 4), AT(24, 12), .len = -1 }, \
	[MSG_CONTROL] = { FIELD("msg_control"), .kind = F_CMSG, SIZE(8, 4), AT(32, 16), \
			  .len = MSG_CONTROLLEN }, \
	[MSG_CONTROLLEN] = { FIELD("msg_controllen"), .kind = F_UINT, SIZE(8, 4), AT(40, 20), \
			     .len = -1 }, \
	[MSG_FLAGS] = { FIELD("msg_flags"), .kind = F_FLAGS, SIZE(4, 4), AT(48, 24), .len = -1, \
			.names = &xlat_msg_flags, last }
static const struct field msghdr_fields[] = { MSGHDR_FIELDS(, , 0) };
const struct layout msghdr_layout = {
	.name = "msghdr", .size = { 56, 28 }, .nfields = 7, .fields = msghdr_fields,
};
static const struct field mmsghdr_fields[] = {
	MSGHDR_FIELDS(GROUP("msg_hdr"), .group_end = 1, MMSG_LEN + 1),
	[MMSG_LEN] = { FIELD("msg_len"), .kind = F_UINT, SIZE(4, 4), AT(56, 28), .len = -1 },
};
const struct layout mmsghdr_layout = {
	.name = "mmsghdr", .size = { 64, 32 }, .nfields = 8, .fields = mmsghdr_fields,
};

/* Socket options' values (setsockopt, getsockopt). */
static const struct field linger_fields[] = {
	{ FIELD("l_onoff"), .kind = F_INT, SIZE(4, 4), AT(0, 0), .len = -1 },
	{ FIELD("l_linger"), .kind = F_INT, SIZE(4, 4), AT(4, 4), .len = -1 },
};
const struct layout linger_layout = {
	.name = "linger", .size = { 8, 8 }, .nfields = 2, .fields = linger_fields,
};

/* SO_PEERCRED's: ids print signed, as strace prints a peer's (uid=-1: none). */
static const struct field ucred_fields[] = {
	{ FIELD("pid"), .kind = F_PID, SIZE(4, 4), AT(0, 0), .len = -1 },
	{ FIELD("uid"), .kind = F_INT, SIZE(4, 4), AT(4, 4), .len = -1 },
	{ FIELD("gid"), .kind = F_INT, SIZE(4, 4), AT(8, 8), .len = -1 },
};
const struct layout ucred_layout = {
	.name = "ucred", .size = { 12, 12 }, .nfields = 3, .fields = ucred_fields,
};

/* SO_ATTACH_FILTER's program: its length and where its instructions are. */
static const struct field sock_fprog_fields[] = {
	{ FIELD("len"), .kind = F_UINT, SIZE(2, 2), AT(0, 0), .len = -1 },
	{ FIELD("filter"), .kind = F_ADDR, SIZE(8, 4), AT(8, 4), .len = -1 },
};
const struct layout sock_fprog_layout = {
	.name = "sock_fprog", .size = { 16, 8 }, .nfields = 2, .fields = sock_fprog_fields,
};

static const struct field ip_mreq_fields[] = {
	{ FIELD("imr_multiaddr"), .kind = F_INADDR, SIZE(4, 4), AT(0, 0), .len = -1 },
	{ FIELD("imr_interface"), .kind = F_INADDR, SIZE(4, 4), AT(4, 4), .len = -1 },
};
const struct layout ip_mreq_layout = {
	.name = "ip_mreq", .size = { 8, 8 }, .nfields = 2, .fields = ip_mreq_fields,
};

static const struct field tpacket_stats_fields[] = {
	{ FIELD("tp_packets"), .kind = F_UINT, SIZE(4, 4), AT(0, 0), .len = -1 },
	{ FIELD("tp_drops"), .kind = F_UINT, SIZE(4, 4), AT(4, 4), .len = -1 },
};
const struct layout tpacket_stats_layout = {
	.name = "tpacket_stats", .size = { 8, 8 }, .nfields = 2, .fields = tpacket_stats_fields,
};

/* An int option whose values have names: the int's one bare field. */
static const struct field txrehash_field[] = {
	{ .kind = F_ENUM, SIZE(4, 4), AT(0, 0), .len = -1, .names = &xlat_sock_txrehash },
};
const struct layout txrehash_layout = {
	.name = "int", .size = { 4, 4 }, .nfields = 1, .fields = txrehash_field,
};

/*
 * struct stat as strace prints it: without -v the mode and the size (a
 * device's number instead), then "..."; with -v every field, dated.
 * Fields in print order, at their offsets.
 */
enum { ST_DEV, ST_INO, ST_MODE, ST_NLINK, ST_UID, ST_GID, ST_BLKSIZE, ST_BLOCKS, ST_RDEV, ST_SIZE,
       ST_ATIME, ST_ATIME_NSEC, ST_MTIME, ST_MTIME_NSEC, ST_CTIME, ST_CTIME_NSEC, ST_NFIELDS };

/* st_rdev for a character or block device, st_size for the rest (st_mode's type >> 12). */
#define ST_DEVICE (WHEN(2) | WHEN(6))
#define BY_TYPE(v) .when = ST_MODE + 1, .when_shift = 12, .when_values = (v)

/* A field's sizes and offsets, { x86_64, i386 } each, as one macro argument. */
#define SA(s64, s32, o64, o32) SIZE(s64, s32), AT(o64, o32)

#define STAT_FIELDS(dev, ino, mode, nlink, uid, gid, blksize, blocks, rdev, size, t)	\
	[ST_DEV] = { FIELD("st_dev"), .kind = F_DEV, dev, .len = -1, .verbose = 1 },	\
	[ST_INO] = { FIELD("st_ino"), .kind = F_UINT, ino, .len = -1, .verbose = 1 },	\
	[ST_MODE] = { FIELD("st_mode"), .kind = F_STMODE, mode, .len = -1 },		\
	[ST_NLINK] = { FIELD("st_nlink"), .kind = F_UINT, nlink, .len = -1, .verbose = 1 }, \
	[ST_UID] = { FIELD("st_uid"), .kind = F_UINT, uid, .len = -1, .verbose = 1 },	\
	[ST_GID] = { FIELD("st_gid"), .kind = F_UINT, gid, .len = -1, .verbose = 1 },	\
	[ST_BLKSIZE] = { FIELD("st_blksize"), .kind = F_UINT, blksize, .len = -1, .verbose = 1 }, \
	[ST_BLOCKS] = { FIELD("st_blocks"), .kind = F_UINT, blocks, .len = -1, .verbose = 1 }, \
	[ST_RDEV] = { FIELD("st_rdev"), .kind = F_DEV, rdev, .len = -1, BY_TYPE(ST_DEVICE) }, \
	[ST_SIZE] = { FIELD("st_size"), .kind = F_UINT, size, .len = -1, BY_TYPE(~ST_DEVICE) }, \
	[ST_ATIME] = { FIELD("st_atime"), .kind = F_TIME, t(0), .len = ST_ATIME_NSEC, .verbose = 1 }, \
	[ST_ATIME_NSEC] = { FIELD("st_atime_nsec"), .kind = F_UINT, t(1), .len = -1, .verbose = 1 }, \
	[ST_MTIME] = { FIELD("st_mtime"), .kind = F_TIME, t(2), .len = ST_MTIME_NSEC, .verbose = 1 }, \
	[ST_MTIME_NSEC] = { FIELD("st_mtime_nsec"), .kind = F_UINT, t(3), .len = -1, .verbose = 1 }, \
	[ST_CTIME] = { FIELD("st_ctime"), .kind = F_TIME, t(4), .len = ST_CTIME_NSEC, .verbose = 1 }, \
	[ST_CTIME_NSEC] = { FIELD("st_ctime_nsec"), .kind = F_UINT, t(5), .len = -1, .verbose = 1 }

/* The six time words: x86_64's longs from 72, i386's from 32 (old stat) or 64 (stat64). */
#define STAT_T(k) SIZE(8, 4), AT(72 + 8 * (k), 32 + 4 * (k))
#define STAT64_T(k) SIZE(4, 4), AT(64 + 4 * (k), 64 + 4 * (k))

static const struct field stat_fields[] = {
	STAT_FIELDS(SA(8, 4, 0, 0), SA(8, 4, 8, 4), SA(4, 2, 24, 8),
		    SA(8, 2, 16, 10), SA(4, 2, 28, 12), SA(4, 2, 32, 14),
		    SA(8, 4, 56, 24), SA(8, 4, 64, 28), SA(8, 4, 40, 16),
		    SA(8, 4, 48, 20), STAT_T),
};
const struct layout stat_layout = {
	.name = "stat", .size = { 144, 64 }, .nfields = ST_NFIELDS, .fields = stat_fields,
	.abbrev = 1,
};

/* i386's alone (fstat64, fstatat64); x86_64's column repeats it. */
static const struct field stat64_fields[] = {
	STAT_FIELDS(SA(8, 8, 0, 0), SA(8, 8, 88, 88), SA(4, 4, 16, 16),
		    SA(4, 4, 20, 20), SA(4, 4, 24, 24), SA(4, 4, 28, 28),
		    SA(4, 4, 52, 52), SA(8, 8, 56, 56), SA(8, 8, 32, 32),
		    SA(8, 8, 44, 44), STAT64_T),
};
const struct layout stat64_layout = {
	.name = "stat64", .size = { 96, 96 }, .nfields = ST_NFIELDS, .fields = stat64_fields,
	.abbrev = 1,
};

/*
 * struct statx: without -v stx_mask, stx_attributes, stx_mode and
 * stx_size; with -v the rest, the times stx_mask says were filled.
 */
enum { STX_MASK };
#define STX(n, k, s, o) { FIELD(n), .kind = k, SIZE(s, s), AT(o, o), .len = -1, .verbose = 1 }
#define STX_IF(bits) .when = STX_MASK + 1, .when_bits = 1, .when_values = (bits)
static const struct field statx_fields[] = {
	[STX_MASK] = { FIELD("stx_mask"), .kind = F_FLAGS, SIZE(4, 4), AT(0, 0), .len = -1,
		       .names = &xlat_statx_mask },
	STX("stx_blksize", F_UINT, 4, 4),
	{ FIELD("stx_attributes"), .kind = F_FLAGS, SIZE(8, 8), AT(8, 8), .len = -1,
	  .names = &xlat_statx_attrs },
	STX("stx_nlink", F_UINT, 4, 16),
	STX("stx_uid", F_UINT, 4, 20),
	STX("stx_gid", F_UINT, 4, 24),
	{ FIELD("stx_mode"), .kind = F_STMODE, SIZE(2, 2), AT(28, 28), .len = -1 },
	STX("stx_ino", F_UINT, 8, 32),
	{ FIELD("stx_size"), .kind = F_UINT, SIZE(8, 8), AT(40, 40), .len = -1 },
	STX("stx_blocks", F_UINT, 8, 48),
	{ FIELD("stx_attributes_mask"), .kind = F_FLAGS, SIZE(8, 8), AT(56, 56), .len = -1,
	  .names = &xlat_statx_attrs, .verbose = 1 },
	{ FIELD("stx_atime"), .kind = F_STXTIME, SIZE(8, 8), AT(64, 64), .len = -1, .verbose = 1,
	  STX_IF(0x20) },
	{ FIELD("stx_btime"), .kind = F_STXTIME, SIZE(8, 8), AT(80, 80), .len = -1, .verbose = 1,
	  STX_IF(0x800) },
	{ FIELD("stx_ctime"), .kind = F_STXTIME, SIZE(8, 8), AT(96, 96), .len = -1, .verbose = 1,
	  STX_IF(0x80) },
	{ FIELD("stx_mtime"), .kind = F_STXTIME, SIZE(8, 8), AT(112, 112), .len = -1, .verbose = 1,
	  STX_IF(0x40) },
	STX("stx_rdev_major", F_UINT, 4, 128),
	STX("stx_rdev_minor", F_UINT, 4, 132),
	STX("stx_dev_major", F_UINT, 4, 136),
	STX("stx_dev_minor", F_UINT, 4, 140),
	{ FIELD("stx_mnt_id"), .kind = F_HEX, SIZE(8, 8), AT(144, 144), .len = -1, .verbose = 1,
	  STX_IF(0x1000) },
	{ FIELD("stx_dio_mem_align"), .kind = F_UINT, SIZE(4, 4), AT(152, 152), .len = -1,
	  .verbose = 1, STX_IF(0x2000) },
	{ FIELD("stx_dio_offset_align"), .kind = F_UINT, SIZE(4, 4), AT(156, 156), .len = -1,
	  .verbose = 1, STX_IF(0x2000) },
};
const struct layout statx_layout = {
	.name = "statx", .size = { 256, 256 }, .nfields = ARRAY_SIZE(statx_fields),
	.fields = statx_fields, .abbrev = 1,
};

enum { SIGSET_MASK, SIGSET_SIZE };
static const struct field aio_sigset_fields[] = {
	[SIGSET_MASK] = { FIELD("sigmask"), .kind = F_SIGSET, SIZE(8, 4), AT(0, 0), .len = SIGSET_SIZE },
	[SIGSET_SIZE] = { FIELD("sigsetsize"), .kind = F_UINT, SIZE(8, 4), AT(8, 4), .len = -1 },
};
const struct layout aio_sigset_layout = {
	.name = "__aio_sigset", .size = { 16, 8 }, .nfields = 2, .fields = aio_sigset_fields,
};

/* struct io_uring_probe_op, and struct io_uring_probe with its ops in place after 16 bytes. */
static const struct field uring_probe_op_fields[] = {
	{ FIELD("op"), .kind = F_URING_OP, SIZE(1, 1), AT(0, 0), .len = -1 },
	{ FIELD("flags"), .kind = F_FLAGS, SIZE(2, 2), AT(2, 2), .len = -1,
	  .names = &xlat_uring_op_flags },
};
static const struct layout uring_probe_op_layout = {
	.name = "io_uring_probe_op", .size = { 8, 8 }, .nfields = 2, .fields = uring_probe_op_fields,
};

enum { PROBE_LAST_OP, PROBE_OPS_LEN, PROBE_OPS };
static const struct field uring_probe_fields[] = {
	[PROBE_LAST_OP] = { FIELD("last_op"), .kind = F_URING_OP, SIZE(1, 1), AT(0, 0), .len = -1 },
	[PROBE_OPS_LEN] = { FIELD("ops_len"), .kind = F_UINT, SIZE(1, 1), AT(1, 1), .len = -1 },
	[PROBE_OPS] = { FIELD("ops"), .kind = F_INLINE, SIZE(1, 1), AT(16, 16), .len = PROBE_OPS_LEN,
			.sub = &uring_probe_op_layout },
};
const struct layout uring_probe_layout = {
	.name = "io_uring_probe", .size = { 16, 16 }, .nfields = 3, .fields = uring_probe_fields,
	.inline_tail = 1,
};

/* struct timespec: the arch's own (longs), and i386's 64-bit one of the *_time64 calls. */
/* (the fraction prints unsigned, as strace: an invalid -1 is 18446744073709551615) */
static const struct field timespec_fields[] = {
	{ FIELD("tv_sec"), .kind = F_INT, SIZE(8, 4), AT(0, 0), .len = -1 },
	{ FIELD("tv_nsec"), .kind = F_UINT, SIZE(8, 4), AT(8, 4), .len = -1 },
};
const struct layout timespec_layout = {
	.name = "timespec", .size = { 16, 8 }, .nfields = 2, .fields = timespec_fields,
};
/* struct timeval (select's timeout): the arch's longs. */
static const struct field timeval_fields[] = {
	{ FIELD("tv_sec"), .kind = F_INT, SIZE(8, 4), AT(0, 0), .len = -1 },
	{ FIELD("tv_usec"), .kind = F_UINT, SIZE(8, 4), AT(8, 4), .len = -1 },
};
const struct layout timeval_layout = {
	.name = "timeval", .size = { 16, 8 }, .nfields = 2, .fields = timeval_fields,
};
static const struct field timespec64_fields[] = {
	{ FIELD("tv_sec"), .kind = F_INT, SIZE(8, 8), AT(0, 0), .len = -1 },
	{ FIELD("tv_nsec"), .kind = F_UINT, SIZE(8, 8), AT(8, 8), .len = -1 },
};
const struct layout timespec64_layout = {
	.name = "timespec64", .size = { 16, 16 }, .nfields = 2, .fields = timespec64_fields,
};

/*
 * struct statfs: the arch's (longs), and i386's statfs64 (packed: 84
 * bytes, its numbers of blocks and files 64-bit).
 */
#define STATFS_FIELD(n, k, s64, s32, o64, o32) \
	{ FIELD(n), .kind = k, SIZE(s64, s32), AT(o64, o32), .len = -1 }
static const struct field statfs_fields[] = {
	{ FIELD("f_type"), .kind = F_ENUM, SIZE(8, 4), AT(0, 0), .len = -1, .names = &xlat_fs_magic },
	STATFS_FIELD("f_bsize", F_UINT, 8, 4, 8, 4),
	STATFS_FIELD("f_blocks", F_UINT, 8, 4, 16, 8),
	STATFS_FIELD("f_bfree", F_UINT, 8, 4, 24, 12),
	STATFS_FIELD("f_bavail", F_UINT, 8, 4, 32, 16),
	STATFS_FIELD("f_files", F_UINT, 8, 4, 40, 20),
	STATFS_FIELD("f_ffree", F_UINT, 8, 4, 48, 24),
	STATFS_FIELD("f_fsid", F_FSID, 8, 8, 56, 28),
	STATFS_FIELD("f_namelen", F_UINT, 8, 4, 64, 36),
	STATFS_FIELD("f_frsize", F_UINT, 8, 4, 72, 40),
	{ FIELD("f_flags"), .kind = F_FLAGS, SIZE(8, 4), AT(80, 44), .len = -1,
	  .names = &xlat_statfs_flags },
};
const struct layout statfs_layout = {
	.name = "statfs", .size = { 120, 64 }, .nfields = 11, .fields = statfs_fields,
};
static const struct field statfs64_fields[] = {	/* i386's alone (x86_64 has no statfs64) */
	{ FIELD("f_type"), .kind = F_ENUM, SIZE(4, 4), AT(0, 0), .len = -1, .names = &xlat_fs_magic },
	STATFS_FIELD("f_bsize", F_UINT, 4, 4, 4, 4),
	STATFS_FIELD("f_blocks", F_UINT, 8, 8, 8, 8),
	STATFS_FIELD("f_bfree", F_UINT, 8, 8, 16, 16),
	STATFS_FIELD("f_bavail", F_UINT, 8, 8, 24, 24),
	STATFS_FIELD("f_files", F_UINT, 8, 8, 32, 32),
	STATFS_FIELD("f_ffree", F_UINT, 8, 8, 40, 40),
	STATFS_FIELD("f_fsid", F_FSID, 8, 8, 48, 48),
	STATFS_FIELD("f_namelen", F_UINT, 4, 4, 56, 56),
	STATFS_FIELD("f_frsize", F_UINT, 4, 4, 60, 60),
	{ FIELD("f_flags"), .kind = F_FLAGS, SIZE(4, 4), AT(64, 64), .len = -1,
	  .names = &xlat_statfs_flags },
};
const struct layout statfs64_layout = {
	.name = "statfs64", .size = { 84, 84 }, .nfields = 11, .fields = statfs64_fields,
};

/*
 * struct file_handle (name_to_handle_at, open_by_handle_at): its size,
 * which name_to_handle_at rewrites, and the handle's bytes in place (the
 * decoders read MAX_HANDLE_SZ past the header).
 */
enum { FH_BYTES, FH_TYPE, FH_HANDLE };
static const struct field file_handle_fields[] = {
	[FH_BYTES] = { FIELD("handle_bytes"), .kind = F_UINT, SIZE(4, 4), AT(0, 0), .len = -1,
		       .inout = 1 },
	[FH_TYPE] = { FIELD("handle_type"), .kind = F_INT, SIZE(4, 4), AT(4, 4), .len = -1 },
	[FH_HANDLE] = { FIELD("f_handle"), .kind = F_HANDLE, SIZE(1, 1), AT(8, 8), .len = FH_BYTES },
};
const struct layout file_handle_layout = {
	.name = "file_handle", .size = { 8, 8 }, .nfields = 3, .fields = file_handle_fields,
	.inline_tail = 1,
};

/*
 * struct mq_attr: longs, then 4 reserved.  strace prints mq_open's
 * mq_flags as a number, mq_getsetattr's by name.
 */
#define MQ_ATTR_COUNTS								\
	{ FIELD("mq_maxmsg"), .kind = F_INT, SIZE(8, 4), AT(8, 4), .len = -1 },	\
	{ FIELD("mq_msgsize"), .kind = F_INT, SIZE(8, 4), AT(16, 8), .len = -1 },	\
	{ FIELD("mq_curmsgs"), .kind = F_INT, SIZE(8, 4), AT(24, 12), .len = -1 }
static const struct field mq_attr_fields[] = {
	{ FIELD("mq_flags"), .kind = F_HEX, SIZE(8, 4), AT(0, 0), .len = -1 },
	MQ_ATTR_COUNTS,
};
const struct layout mq_attr_layout = {
	.name = "mq_attr", .size = { 64, 32 }, .nfields = 4, .fields = mq_attr_fields,
};
static const struct field mq_attr_named_fields[] = {
	{ FIELD("mq_flags"), .kind = F_FLAGS, SIZE(8, 4), AT(0, 0), .len = -1,
	  .names = &xlat_mq_flags },
	MQ_ATTR_COUNTS,
};
const struct layout mq_attr_named_layout = {
	.name = "mq_attr", .size = { 64, 32 }, .nfields = 4, .fields = mq_attr_named_fields,
};

/*
 * struct sigevent (mq_notify): its value when not 0 (as strace), a
 * thread's function and attributes or a thread id as sigev_notify says.
 */
enum { SEV_INT, SEV_PTR, SEV_SIGNO, SEV_SIGNO_RAW, SEV_NOTIFY };
#define SEV_WHEN(v) .when = SEV_NOTIFY + 1, .when_values = (v)
#define SEV_KNOWN (WHEN(0) | WHEN(1) | WHEN(2) | WHEN(4))	/* SIGEV_SIGNAL ... SIGEV_THREAD_ID */
static const struct field sigevent_fields[] = {
	[SEV_INT] = { FIELD("sival_int"), .kind = F_INT, SIZE(4, 4), AT(0, 0), .len = -1,
		      GROUP("sigev_value"), .when = SEV_PTR + 1, .when_bits = 1,
		      .when_values = ~(uint64_t)0 },
	[SEV_PTR] = { FIELD("sival_ptr"), .kind = F_ADDR, SIZE(8, 4), AT(0, 0), .len = -1,
		      .group_end = 1 },
	/* a signal by name, but for a sigev_notify strace does not know: a number */
	[SEV_SIGNO] = { FIELD("sigev_signo"), .kind = F_SIG, SIZE(4, 4), AT(8, 4), .len = -1,
			SEV_WHEN(SEV_KNOWN) },
	{ FIELD("sigev_signo"), .kind = F_INT, SIZE(4, 4), AT(8, 4), .len = -1,
	  SEV_WHEN(SEV_KNOWN), .when_not = 1 },
	[SEV_NOTIFY] = { FIELD("sigev_notify"), .kind = F_ENUM, SIZE(4, 4), AT(12, 8), .len = -1,
			 .names = &xlat_sigev_notify },
	{ FIELD("sigev_notify_function"), .kind = F_ADDR, SIZE(8, 4), AT(16, 12), .len = -1,
	  SEV_WHEN(WHEN(2)) },
	{ FIELD("sigev_notify_attributes"), .kind = F_ADDR, SIZE(8, 4), AT(24, 16), .len = -1,
	  SEV_WHEN(WHEN(2)) },
	{ FIELD("sigev_notify_thread_id"), .kind = F_INT, SIZE(4, 4), AT(16, 12), .len = -1,
	  SEV_WHEN(WHEN(4)) },
};
const struct layout sigevent_layout = {
	.name = "sigevent", .size = { 64, 64 }, .nfields = 8, .fields = sigevent_fields,
};

/* A bare unsigned int the kernel writes (mq_timedreceive's priority): [3]. */
static const struct field uint_field[] = { { .kind = F_UINT, SIZE(4, 4), AT(0, 0), .len = -1 } };
const struct layout uint_layout = { .name = "unsigned int", .size = { 4, 4 }, .nfields = 1, .fields = uint_field };

/*
 * struct itimerspec (timerfd_settime, timerfd_gettime): two timespecs,
 * the arch's own or, for i386's *_time64 calls, 64-bit ones.
 */
#define ITIMERSPEC_FIELDS(w32, o32)						\
	{ FIELD("tv_sec"), .kind = F_INT, SIZE(8, w32), AT(0, 0), .len = -1,		\
	  GROUP("it_interval") },							\
	{ FIELD("tv_nsec"), .kind = F_UINT, SIZE(8, w32), AT(8, o32), .len = -1,	\
	  .group_end = 1 },								\
	{ FIELD("tv_sec"), .kind = F_INT, SIZE(8, w32), AT(16, 2 * (o32)), .len = -1,	\
	  GROUP("it_value") },								\
	{ FIELD("tv_nsec"), .kind = F_UINT, SIZE(8, w32), AT(24, 3 * (o32)), .len = -1,	\
	  .group_end = 1 }
static const struct field itimerspec_fields[] = { ITIMERSPEC_FIELDS(4, 4) };
const struct layout itimerspec_layout = {
	.name = "itimerspec", .size = { 32, 16 }, .nfields = 4, .fields = itimerspec_fields,
};
static const struct field itimerspec64_fields[] = { ITIMERSPEC_FIELDS(8, 8) };
const struct layout itimerspec64_layout = {
	.name = "itimerspec64", .size = { 32, 32 }, .nfields = 4, .fields = itimerspec64_fields,
};

/*
 * The times utimensat sets: two timespecs, the arch's own or, for i386's
 * utimensat_time64, 64-bit ones; utimes' and futimesat's two timevals;
 * utime's utimbuf.
 */
static const struct field utimespec_fields[] = {
	{ FIELD("atime"), .kind = F_UTIMESPEC, SIZE(8, 4), AT(0, 0), .len = -1,
	  .names = &xlat_utime_nsec },
	{ FIELD("mtime"), .kind = F_UTIMESPEC, SIZE(8, 4), AT(16, 8), .len = -1,
	  .names = &xlat_utime_nsec },
};
const struct layout utimespec_layout = {
	.name = "timespec[2]", .size = { 32, 16 }, .nfields = 2, .fields = utimespec_fields,
	.tuple = 1,
};
static const struct field utimespec64_fields[] = {
	{ FIELD("atime"), .kind = F_UTIMESPEC, SIZE(8, 8), AT(0, 0), .len = -1,
	  .names = &xlat_utime_nsec },
	{ FIELD("mtime"), .kind = F_UTIMESPEC, SIZE(8, 8), AT(16, 16), .len = -1,
	  .names = &xlat_utime_nsec },
};
const struct layout utimespec64_layout = {
	.name = "timespec64[2]", .size = { 32, 32 }, .nfields = 2, .fields = utimespec64_fields,
	.tuple = 1,
};
static const struct field utimeval_fields[] = {
	{ FIELD("atime"), .kind = F_TIMEVAL, SIZE(8, 4), AT(0, 0), .len = -1 },
	{ FIELD("mtime"), .kind = F_TIMEVAL, SIZE(8, 4), AT(16, 8), .len = -1 },
};
const struct layout utimeval_layout = {
	.name = "timeval[2]", .size = { 32, 16 }, .nfields = 2, .fields = utimeval_fields,
	.tuple = 1,
};
static const struct field utimbuf_fields[] = {
	{ FIELD("actime"), .kind = F_TIME, SIZE(8, 4), AT(0, 0), .len = -1, .sign = 1 },
	{ FIELD("modtime"), .kind = F_TIME, SIZE(8, 4), AT(8, 4), .len = -1, .sign = 1 },
};
const struct layout utimbuf_layout = {
	.name = "utimbuf", .size = { 16, 8 }, .nfields = 2, .fields = utimbuf_fields,
};

/*
 * struct iocb (Linux AIO), the same on both arches: aio_buf is the data
 * of a write, the iovecs of a vectored call (their data too when it
 * writes), an address for a read (nothing is there yet).
 */
enum { CB_DATA, CB_KEY, CB_RW_FLAGS, CB_OPCODE, CB_REQPRIO, CB_FILDES, CB_BUF_DATA, CB_BUF_IOV,
       CB_BUF_RIOV, CB_BUF_ADDR, CB_NBYTES, CB_OFFSET, CB_FLAGS, CB_RESFD };
#define AIO_PREAD 0
#define AIO_PWRITE 1
#define AIO_PREADV 7
#define AIO_PWRITEV 8
#define IOCB_FLAG_RESFD_BIT 1
#define IOCB_HEAD \
	[CB_DATA] = { FIELD("aio_data"), .kind = F_HEX, SIZE(8, 8), AT(0, 0), .len = -1 }, \
	[CB_KEY] = { FIELD("aio_key"), .kind = F_UINT, SIZE(4, 4), AT(8, 8), .len = -1, \
		     .omit_zero = 1 }, \
	[CB_RW_FLAGS] = { FIELD("aio_rw_flags"), .kind = F_FLAGS, SIZE(4, 4), AT(12, 12), .len = -1, \
			  .names = &xlat_rwf, .omit_zero = 1 }, \
	[CB_OPCODE] = { FIELD("aio_lio_opcode"), .kind = F_ENUM, SIZE(2, 2), AT(16, 16), .len = -1, \
			.names = &xlat_aio_cmds }, \
	[CB_REQPRIO] = { FIELD("aio_reqprio"), .kind = F_INT, SIZE(2, 2), AT(18, 18), .len = -1, \
			 .omit_zero = 1 }, \
	[CB_FILDES] = { FIELD("aio_fildes"), .kind = F_FD, SIZE(4, 4), AT(20, 20), .len = -1 }
static const struct field iocb_fields[] = {
	IOCB_HEAD,
	[CB_BUF_DATA] = { FIELD("aio_buf"), .kind = F_BYTES, .payload = 1, SIZE(8, 8), AT(24, 24),
			  .len = CB_NBYTES, .when = CB_OPCODE + 1, .when_values = WHEN(AIO_PWRITE) },
	[CB_BUF_IOV] = { FIELD("aio_buf"), .kind = F_ARRAY, .payload = 1, SIZE(8, 8), AT(24, 24),
			 .len = CB_NBYTES, .sub = &iovec_layout, .when = CB_OPCODE + 1,
			 .when_values = WHEN(AIO_PWRITEV) },
	[CB_BUF_RIOV] = { FIELD("aio_buf"), .kind = F_ARRAY, SIZE(8, 8), AT(24, 24), .len = CB_NBYTES,
			  .sub = &iovec_layout, .no_data = 1, .when = CB_OPCODE + 1,
			  .when_values = WHEN(AIO_PREADV) },
	[CB_BUF_ADDR] = { FIELD("aio_buf"), .kind = F_ADDR, SIZE(8, 8), AT(24, 24), .len = -1,
			  .when = CB_OPCODE + 1, .when_values = WHEN(AIO_PREAD) },
	[CB_NBYTES] = { FIELD("aio_nbytes"), .kind = F_UINT, SIZE(8, 8), AT(32, 32), .len = -1,
			.when = CB_OPCODE + 1, .when_values = WHEN(AIO_PREAD) | WHEN(AIO_PWRITE) },
	[CB_OFFSET] = { FIELD("aio_offset"), .kind = F_INT, SIZE(8, 8), AT(40, 40), .len = -1,
			.when = CB_OPCODE + 1, .when_values = WHEN(AIO_PREAD) | WHEN(AIO_PWRITE) |
			WHEN(AIO_PREADV) | WHEN(AIO_PWRITEV) },
	[CB_FLAGS] = { FIELD("aio_flags"), .kind = F_FLAGS, SIZE(4, 4), AT(56, 56), .len = -1,
		       .names = &xlat_iocb_flags, .omit_zero = 1 },
	[CB_RESFD] = { FIELD("aio_resfd"), .kind = F_FD, SIZE(4, 4), AT(60, 60), .len = -1,
		       .omit_zero = 1, .unless = CB_FLAGS + 1, .unless_mask = IOCB_FLAG_RESFD_BIT },
};
const struct layout iocb_layout = {
	.name = "iocb", .size = { 64, 64 }, .nfields = 14, .fields = iocb_fields,
};
/* io_cancel's iocb: strace shows its head only. */
static const struct field iocb_head_fields[] = { IOCB_HEAD };
const struct layout iocb_head_layout = {
	.name = "iocb", .size = { 64, 64 }, .nfields = 6, .fields = iocb_head_fields,
};
/* io_submit's array of pointers to iocbs (a long each). */
static const struct field iocb_ptr_field[] = {
	{ .kind = F_PTR, SIZE(8, 4), AT(0, 0), .len = -1, .sub = &iocb_layout },
};
const struct layout iocb_ptr_layout = {
	.name = "iocb *", .size = { 8, 4 }, .nfields = 1, .fields = iocb_ptr_field,
};

/*
 * What a completed read brought, seen through its iocb (io_event.obj):
 * the opcode, and a read's buffer or iovecs with their data, cut to the
 * event's res, and its offset; other opcodes show the opcode alone.
 */
enum { DONE_OPCODE, DONE_BUF, DONE_IOV, DONE_NBYTES, DONE_OFFSET };
static const struct field iocb_done_fields[] = {
	[DONE_OPCODE] = { FIELD("aio_lio_opcode"), .kind = F_ENUM, SIZE(2, 2), AT(16, 16), .len = -1,
			  .names = &xlat_aio_cmds },
	[DONE_BUF] = { FIELD("aio_buf"), .kind = F_BYTES, .payload = 1, SIZE(8, 8), AT(24, 24),
		       .len = DONE_NBYTES, .when = DONE_OPCODE + 1, .when_values = WHEN(AIO_PREAD) },
	[DONE_IOV] = { FIELD("aio_buf"), .kind = F_ARRAY, .payload = 1, SIZE(8, 8), AT(24, 24),
		       .len = DONE_NBYTES, .sub = &iovec_layout, .when = DONE_OPCODE + 1,
		       .when_values = WHEN(AIO_PREADV) },
	[DONE_NBYTES] = { FIELD("aio_nbytes"), .kind = F_UINT, SIZE(8, 8), AT(32, 32), .len = -1,
			  .when = DONE_OPCODE + 1, .when_values = 0 /* a length, not shown */ },
	[DONE_OFFSET] = { FIELD("aio_offset"), .kind = F_INT, SIZE(8, 8), AT(40, 40), .len = -1,
			  .when = DONE_OPCODE + 1,
			  .when_values = WHEN(AIO_PREAD) | WHEN(AIO_PREADV) },
};
static const struct layout iocb_done_layout = {
	.name = "iocb", .size = { 64, 64 }, .nfields = 5, .fields = iocb_done_fields,
};

/*
 * struct io_event as strace prints it, then (iotrace's own) the iocb it
 * completes, "iocb={aio_lio_opcode=IOCB_CMD_PREAD, aio_buf="..."}": what
 * a read brought, which strace never shows.
 */
enum { EV_DATA, EV_OBJ, EV_RES, EV_RES2, EV_IOCB };
static const struct field io_event_fields[] = {
	[EV_DATA] = { FIELD("data"), .kind = F_HEX, SIZE(8, 8), AT(0, 0), .len = -1 },
	[EV_OBJ] = { FIELD("obj"), .kind = F_ADDR, SIZE(8, 8), AT(8, 8), .len = -1 },
	[EV_RES] = { FIELD("res"), .kind = F_INT, SIZE(8, 8), AT(16, 16), .len = -1 },
	[EV_RES2] = { FIELD("res2"), .kind = F_INT, SIZE(8, 8), AT(24, 24), .len = -1 },
	[EV_IOCB] = { FIELD("iocb"), .kind = F_PTR, .payload = 1, SIZE(8, 8), AT(8, 8), .len = -1,
		      .sub = &iocb_done_layout, .limit = EV_RES + 1 },
};
const struct layout io_event_layout = {
	.name = "io_event", .size = { 32, 32 }, .nfields = 5, .fields = io_event_fields,
};
/* io_cancel's: the event alone, as strace prints it. */
const struct layout io_event_head_layout = {
	.name = "io_event", .size = { 32, 32 }, .nfields = 4, .fields = io_event_fields,
};

/* An aio_context_t (an unsigned long): io_setup's answer. */
static const struct field aio_ctx_field[] = { { .kind = F_ADDR, SIZE(8, 4), AT(0, 0), .len = -1 } };
const struct layout aio_ctx_layout = {
	.name = "aio_context_t", .size = { 8, 4 }, .nfields = 1, .fields = aio_ctx_field,
};

/*
 * struct io_uring_params, in strace's order: what the caller sets, then
 * what the kernel answers (sizes, features, where the rings' fields are).
 */
#define IORING_SETUP_ATTACH_WQ_BIT 0x20
#define U32(name, at) { FIELD(name), .kind = F_UINT, SIZE(4, 4), AT(at, at), .len = -1 }
enum { UP_FLAGS, UP_CPU, UP_IDLE, UP_WQ };
#define URING_PARAMS_HEAD \
	[UP_FLAGS] = { FIELD("flags"), .kind = F_FLAGS, SIZE(4, 4), AT(8, 8), .len = -1, \
		       .names = &xlat_uring_setup_flags }, \
	[UP_CPU] = U32("sq_thread_cpu", 12), \
	[UP_IDLE] = U32("sq_thread_idle", 16), \
	[UP_WQ] = { FIELD("wq_fd"), .kind = F_FD, SIZE(4, 4), AT(24, 24), .len = -1, .omit_zero = 1, \
		    .unless = UP_FLAGS + 1, .unless_mask = IORING_SETUP_ATTACH_WQ_BIT }
static const struct field uring_params_head_fields[] = { URING_PARAMS_HEAD };
const struct layout uring_params_head_layout = {
	.name = "io_uring_params", .size = { 120, 120 }, .nfields = 4,
	.fields = uring_params_head_fields,
};
static const struct field uring_params_fields[] = {
	URING_PARAMS_HEAD,
	U32("sq_entries", 0),
	U32("cq_entries", 4),
	{ FIELD("features"), .kind = F_FLAGS, SIZE(4, 4), AT(20, 20), .len = -1,
	  .names = &xlat_uring_features },
	{ FIELD("head"), .kind = F_UINT, SIZE(4, 4), AT(40, 40), .len = -1, GROUP("sq_off") },
	U32("tail", 44), U32("ring_mask", 48), U32("ring_entries", 52), U32("flags", 56),
	U32("dropped", 60),
	{ FIELD("array"), .kind = F_UINT, SIZE(4, 4), AT(64, 64), .len = -1, .group_end = 1 },
	{ FIELD("head"), .kind = F_UINT, SIZE(4, 4), AT(80, 80), .len = -1, GROUP("cq_off") },
	U32("tail", 84), U32("ring_mask", 88), U32("ring_entries", 92), U32("overflow", 96),
	U32("cqes", 100),
	{ FIELD("flags"), .kind = F_UINT, SIZE(4, 4), AT(104, 104), .len = -1, .group_end = 1 },
};
const struct layout uring_params_layout = {
	.name = "io_uring_params", .size = { 120, 120 }, .nfields = 21,
	.fields = uring_params_fields,
};

/*
 * struct io_uring_rsrc_update (IORING_REGISTER_RING_FDS): the index
 * asked for (or -1U: the kernel picks it and writes it back) and the ring fd.
 */
static const struct field rsrc_update_fields[] = {
	{ FIELD("offset"), .kind = F_UINT, SIZE(4, 4), AT(0, 0), .len = -1 },
	{ FIELD("data"), .kind = F_FD, SIZE(8, 8), AT(8, 8), .len = -1 },
};
const struct layout rsrc_update_layout = {
	.name = "io_uring_rsrc_update", .size = { 16, 16 }, .nfields = 2, .fields = rsrc_update_fields,
};

/*
 * struct epoll_event: its events, and its data as both views of the
 * union strace prints, {u32=3, u64=3}.  Packed on x86_64: 12 bytes on
 * both arches.
 */
static const struct field epoll_event_fields[] = {
	{ FIELD("events"), .kind = F_FLAGS, SIZE(4, 4), AT(0, 0), .len = -1,
	  .names = &xlat_epoll_events },
	{ FIELD("u32"), .kind = F_UINT, SIZE(4, 4), AT(4, 4), .len = -1, GROUP("data") },
	{ FIELD("u64"), .kind = F_UINT, SIZE(8, 8), AT(4, 4), .len = -1, .group_end = 1 },
};
const struct layout epoll_event_layout = {
	.name = "epoll_event", .size = { 12, 12 }, .nfields = 3, .fields = epoll_event_fields,
};

/*
 * struct pollfd as poll's entry shows it, {fd=3, events=POLLIN} ({fd=-1}
 * alone: the kernel skips it), and as its result shows it, only the
 * elements with revents, {fd=3, revents=POLLIN}.
 */
enum { PFD_FD, PFD_EVENTS };
static const struct field pollfd_fields[] = {
	[PFD_FD] = { FIELD("fd"), .kind = F_FD, SIZE(4, 4), AT(0, 0), .len = -1 },
	[PFD_EVENTS] = { FIELD("events"), .kind = F_FLAGS, SIZE(2, 2), AT(4, 4), .len = -1,
			 .names = &xlat_poll_events, .omit_neg = PFD_FD + 1 },
};
const struct layout pollfd_layout = {
	.name = "pollfd", .size = { 8, 8 }, .nfields = 2, .fields = pollfd_fields,
};
enum { PFD_REVENTS = 1 };
static const struct field pollfd_revents_fields[] = {	/* as strace: -y names no fd here */
	[PFD_FD] = { FIELD("fd"), .kind = F_INT, SIZE(4, 4), AT(0, 0), .len = -1 },
	[PFD_REVENTS] = { FIELD("revents"), .kind = F_FLAGS, SIZE(2, 2), AT(6, 6), .len = -1,
			  .names = &xlat_poll_events },
};
const struct layout pollfd_revents_layout = {
	.name = "pollfd", .size = { 8, 8 }, .nfields = 2, .fields = pollfd_revents_fields,
	.skip_zero = PFD_REVENTS + 1,
};

/*
 * Multicast memberships (setsockopt): struct group_req (MCAST_JOIN_GROUP,
 * its sockaddr_storage aligned as a pointer), struct ipv6_mreq
 * (IPV6_ADD_MEMBERSHIP), struct packet_mreq (PACKET_ADD_MEMBERSHIP).
 */
static const struct field group_req_fields[] = {
	{ FIELD("gr_interface"), .kind = F_IFINDEX, SIZE(4, 4), AT(0, 0), .len = -1 },
	{ FIELD("gr_group"), .kind = F_SOCKADDR_IN, SIZE(128, 128), AT(8, 4), .len = -1 },
};
const struct layout group_req_layout = {
	.name = "group_req", .size = { 136, 132 }, .nfields = 2, .fields = group_req_fields,
};
static const struct field ipv6_mreq_fields[] = {
	{ FIELD("ipv6mr_multiaddr"), .kind = F_IN6ADDR, SIZE(16, 16), AT(0, 0), .len = -1 },
	{ FIELD("ipv6mr_interface"), .kind = F_IFINDEX, SIZE(4, 4), AT(16, 16), .len = -1 },
};
const struct layout ipv6_mreq_layout = {
	.name = "ipv6_mreq", .size = { 20, 20 }, .nfields = 2, .fields = ipv6_mreq_fields,
};
enum { PMR_IFINDEX, PMR_TYPE, PMR_ALEN, PMR_ADDRESS };
static const struct field packet_mreq_fields[] = {
	[PMR_IFINDEX] = { FIELD("mr_ifindex"), .kind = F_IFINDEX, SIZE(4, 4), AT(0, 0), .len = -1 },
	[PMR_TYPE] = { FIELD("mr_type"), .kind = F_ENUM, SIZE(2, 2), AT(4, 4), .len = -1,
		       .names = &xlat_packet_mr_types },
	[PMR_ALEN] = { FIELD("mr_alen"), .kind = F_UINT, SIZE(2, 2), AT(6, 6), .len = -1 },
	[PMR_ADDRESS] = { FIELD("mr_address"), .kind = F_HWADDR, SIZE(8, 8), AT(8, 8),
			  .len = PMR_ALEN },
};
const struct layout packet_mreq_layout = {
	.name = "packet_mreq", .size = { 16, 16 }, .nfields = 4, .fields = packet_mreq_fields,
};

/* struct tpacket_req (PACKET_RX_RING, PACKET_TX_RING), as strace prints one of exactly its size. */
static const struct field tpacket_req_fields[] = {
	U32("tp_block_size", 0), U32("tp_block_nr", 4), U32("tp_frame_size", 8),
	U32("tp_frame_nr", 12),
};
const struct layout tpacket_req_layout = {
	.name = "tpacket_req", .size = { 16, 16 }, .nfields = 4, .fields = tpacket_req_fields,
};

/* A resource's tag, in hex: [0x7, 0x8]. */
static const struct field tag_field[] = { { .kind = F_HEX, SIZE(8, 8), AT(0, 0), .len = -1 } };
static const struct layout tag_layout = {
	.name = "__u64", .size = { 8, 8 }, .nfields = 1, .fields = tag_field,
};

/* struct io_uring_files_update (IORING_REGISTER_FILES_UPDATE): nr_args counts its fds. */
static const struct field files_update_fields[] = {
	{ FIELD("offset"), .kind = F_UINT, SIZE(4, 4), AT(0, 0), .len = -1 },
	{ FIELD("resv"), .kind = F_HEX, SIZE(4, 4), AT(4, 4), .len = -1, .omit_zero = 1 },
	{ FIELD("fds"), .kind = F_ARRAY, SIZE(8, 8), AT(8, 8), .len = LEN_OUTER, .sub = &fd_layout },
};
const struct layout files_update_layout = {
	.name = "io_uring_files_update", .size = { 16, 16 }, .nfields = 3,
	.fields = files_update_fields,
};

/*
 * struct io_uring_rsrc_register (IORING_REGISTER_FILES2, BUFFERS2) and
 * io_uring_rsrc_update2 (..._FILES_UPDATE2, BUFFERS_UPDATE): nr counts
 * the data, fds or buffers (their addresses: the kernel keeps them), and
 * the tags.
 */
#define RSRC_DATA(at, count) \
	{ FIELD("data"), .kind = F_ARRAY, SIZE(8, 8), AT(at, at), .len = count, .sub = &fd_layout }
#define RSRC_BUFS(at, count) \
	{ FIELD("data"), .kind = F_ARRAY, SIZE(8, 8), AT(at, at), .len = count, \
	  .sub = &iovec_layout, .no_data = 1 }
#define RSRC_TAGS(at, count) \
	{ FIELD("tags"), .kind = F_ARRAY, SIZE(8, 8), AT(at, at), .len = count, .sub = &tag_layout }
enum { REG_NR, REG_FLAGS, REG_RESV2, REG_DATA, REG_TAGS };
#define RSRC_REGISTER(data) \
	[REG_NR] = U32("nr", 0), \
	[REG_FLAGS] = { FIELD("flags"), .kind = F_FLAGS, SIZE(4, 4), AT(4, 4), .len = -1, \
			.names = &xlat_uring_rsrc_flags }, \
	[REG_RESV2] = { FIELD("resv2"), .kind = F_HEX, SIZE(8, 8), AT(8, 8), .len = -1, \
			.omit_zero = 1 }, \
	[REG_DATA] = data(16, REG_NR), \
	[REG_TAGS] = RSRC_TAGS(24, REG_NR)
static const struct field rsrc_register_files_fields[] = { RSRC_REGISTER(RSRC_DATA) };
static const struct field rsrc_register_bufs_fields[] = { RSRC_REGISTER(RSRC_BUFS) };
const struct layout rsrc_register_files_layout = {
	.name = "io_uring_rsrc_register", .size = { 32, 32 }, .nfields = 5,
	.fields = rsrc_register_files_fields,
};
const struct layout rsrc_register_bufs_layout = {
	.name = "io_uring_rsrc_register", .size = { 32, 32 }, .nfields = 5,
	.fields = rsrc_register_bufs_fields,
};

enum { UPD_OFFSET, UPD_RESV, UPD_DATA, UPD_TAGS, UPD_NR, UPD_RESV2 };
#define RSRC_UPDATE2(data) \
	[UPD_OFFSET] = U32("offset", 0), \
	[UPD_RESV] = { FIELD("resv"), .kind = F_HEX, SIZE(4, 4), AT(4, 4), .len = -1, \
		       .omit_zero = 1 }, \
	[UPD_DATA] = data(8, UPD_NR), \
	[UPD_TAGS] = RSRC_TAGS(16, UPD_NR), \
	[UPD_NR] = U32("nr", 24), \
	[UPD_RESV2] = { FIELD("resv2"), .kind = F_HEX, SIZE(4, 4), AT(28, 28), .len = -1, \
			.omit_zero = 1 }
static const struct field rsrc_update2_files_fields[] = { RSRC_UPDATE2(RSRC_DATA) };
static const struct field rsrc_update2_bufs_fields[] = { RSRC_UPDATE2(RSRC_BUFS) };
const struct layout rsrc_update2_files_layout = {
	.name = "io_uring_rsrc_update2", .size = { 32, 32 }, .nfields = 6,
	.fields = rsrc_update2_files_fields,
};
const struct layout rsrc_update2_bufs_layout = {
	.name = "io_uring_rsrc_update2", .size = { 32, 32 }, .nfields = 6,
	.fields = rsrc_update2_bufs_fields,
};

