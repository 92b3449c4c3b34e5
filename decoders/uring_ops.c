/*
 * io_uring's operations (the URING_OP rows): a submission entry decoded
 * like its syscall twin -- IORING_OP_WRITE as pwrite64, IORING_OP_READV
 * as preadv -- with the entry's own fields after the twin's arguments as
 * name=value, user_data last; and its completion: the fd, what a read
 * brought (cut to the result), user_data, the CQE's flags and the result.
 *
 * A ring operation's decoder is called once a line: ev->exiting is 0 for
 * the submission, 1 for the completion (a call of its own, ev->rval the
 * CQE's res).  Both describe ev->ring->sqe, which policy/rings.c read.
 */
#include "config.h"
#include "decoders/common.h"
#include "decoders/decoders.h"
#include "decoders/layouts.h"
#include "decoders/xlat_lists.h"
#include "syscalls/syscalls.h"
#include "util/util.h"

/* struct io_uring_sqe's fields: offsets of the kernel's uapi, the same on every arch. */
#define SQE_OPCODE 0
#define SQE_FLAGS 1
#define SQE_IOPRIO 2
#define SQE_FD 4
#define SQE_OFF 8
#define SQE_ADDR 16
#define SQE_LEN 24
#define SQE_OP_FLAGS 28
#define SQE_USER_DATA 32
#define SQE_BUF_INDEX 40
#define SQE_PERSONALITY 42
#define SQE_FILE_INDEX 44

#define IOSQE_FIXED_FILE 0x1
#define IOSQE_BUFFER_SELECT 0x20
/* A completion whose submission iotrace did not see: policy/rings.c's mark. */
#define UNSEEN_OPCODE 0xff
#define CQE_F_BUFFER 0x1
#define CQE_BUFFER_SHIFT 16


static uint64_t sqe_u64(const struct sc_event *ev, unsigned off)
{
	return get_le(ev->ring->sqe + off, 8);
}

static uint32_t sqe_u32(const struct sc_event *ev, unsigned off)
{
	return (uint32_t)get_le(ev->ring->sqe + off, 4);
}

static uint16_t sqe_u16(const struct sc_event *ev, unsigned off)
{
	return (uint16_t)get_le(ev->ring->sqe + off, 2);
}

static int is_fixed(const struct sc_event *ev)
{
	return (ev->ring->sqe[SQE_FLAGS] & IOSQE_FIXED_FILE) != 0;
}

/* The fd the entry names, -1 for a registered file's index (which names no fd of the process). */
static int sqe_fd(const struct sc_event *ev)
{
	return is_fixed(ev) ? -1 : (int)sqe_u32(ev, SQE_FD);
}

/*
 * The entry's file: an fd, or with IOSQE_FIXED_FILE an index into the
 * registered files, and the fd it was registered from when that is known
 * (fixed_file=0, fd=3).
 */
static void add_file(struct call *c, const struct sc_event *ev)
{
	if (!is_fixed(ev)) {
		call_add_fd(c, "fd", sqe_fd(ev));
		return;
	}
	call_add_uint(c, "fixed_file", sqe_u32(ev, SQE_FD));
	call_name_last(c);
	if (ev->ring->fixed_fd >= 0) {
		call_add_fd(c, "fd", ev->ring->fixed_fd);
		call_name_last(c);
	}
}

static void add_named_uint(struct call *c, const char *name, uint64_t v)
{
	call_add_uint(c, name, v);
	call_name_last(c);
}

static void add_named_hex(struct call *c, const char *name, uint64_t v)
{
	call_add_hex(c, name, v);
	call_name_last(c);
}

static void add_named_flags(struct call *c, const char *name, uint64_t v,
			    const struct xlat_list *names)
{
	call_add_flags(c, name, v, names);
	call_name_last(c);
}

/*
 * What every line ends with: a submission's IOSQE_* flags, ioprio and
 * personality when set; a completion's flags and buffer id; user_data.
 */
static void tail(struct call *c, const struct sc_event *ev)
{
	uint32_t cf = ev->ring->cqe_flags;

	if (!ev->exiting) {
		if (ev->ring->sqe[SQE_FLAGS])
			add_named_flags(c, "flags", ev->ring->sqe[SQE_FLAGS], &xlat_uring_sqe_flags);
		if (sqe_u16(ev, SQE_IOPRIO))
			add_named_hex(c, "ioprio", sqe_u16(ev, SQE_IOPRIO));
		if (sqe_u16(ev, SQE_PERSONALITY))
			add_named_uint(c, "personality", sqe_u16(ev, SQE_PERSONALITY));
	}
	call_add_cookie(c, "user_data", sqe_u64(ev, SQE_USER_DATA));
	call_name_last(c);
	if (ev->exiting && (cf & 0xffff))
		add_named_flags(c, "cqe_flags", cf & 0xffff, &xlat_uring_cqe_flags);
	if (ev->exiting && (cf & CQE_F_BUFFER))
		add_named_uint(c, "buf_id", cf >> CQE_BUFFER_SHIFT);
}

static int writes(const struct call *c)
{
	return syscall_fd_role(c->id, 0) == FD_DEST;
}

/* The bytes a successful completion moved, 0 for an error. */
static uint64_t moved(const struct sc_event *ev)
{
	return !ev->is_error && ev->rval > 0 ? (uint64_t)ev->rval : 0;
}

/* ...into one buffer of the entry's len: never more (a forged CQE's res sizes nothing). */
static uint64_t moved_into(const struct sc_event *ev)
{
	uint64_t len = get_le(ev->ring->sqe + SQE_LEN, 4);

	return moved(ev) < len ? moved(ev) : len;
}

/* The kernel picks a read's buffer from a provided-buffer group: its address is not in the entry. */
static int selects_buffer(const struct sc_event *ev)
{
	return (ev->ring->sqe[SQE_FLAGS] & IOSQE_BUFFER_SELECT) != 0;
}

/*
 * The buffer of a one-buffer operation, after its file: at completion
 * what a read brought (cut to the result), at submission a write's data
 * (placed at @pos) or a read's address (a provided-buffer group's
 * number: buf_group=N).  Whether the line goes on.
 */
static int one_buffer(struct call *c, const struct sc_event *ev, int64_t pos)
{
	uint64_t addr = sqe_u64(ev, SQE_ADDR);
	uint32_t len = sqe_u32(ev, SQE_LEN);

	add_file(c, ev);
	if (ev->exiting) {
		if (!writes(c) && moved_into(ev) && !selects_buffer(ev)) {
			call_add_buf(c, "buf", addr, moved_into(ev));
			call_produces(c, c->nargs - 1, moved_into(ev), sqe_fd(ev));
		}
		tail(c, ev);
		return 0;
	}
	if (writes(c)) {
		call_add_buf(c, "buf", addr, len);
		call_consumes(c, c->nargs - 1, len, sqe_fd(ev), pos, WRITE_AT);
	} else if (selects_buffer(ev)) {
		add_named_uint(c, "buf_group", sqe_u16(ev, SQE_BUF_INDEX));
	} else {
		call_add_addr(c, "buf", addr);
	}
	call_add_uint(c, "len", len);
	return 1;
}

/*
 * READ, WRITE, READ_FIXED, WRITE_FIXED, READ_MULTISHOT: (fd, buf, len,
 * off) as pwrite64, rw_flags and the registered buffer's index named.
 * An offset of -1 means the file position, as for preadv2.
 */
void decode_uring_rw(struct call *c, const struct sc_event *ev)
{
	uint64_t off = sqe_u64(ev, SQE_OFF);
	uint32_t rwf = sqe_u32(ev, SQE_OP_FLAGS);

	if (!one_buffer(c, ev, (int64_t)off))
		return;
	call_add_int(c, "off", (int64_t)off);
	if (rwf)
		add_named_flags(c, "rw_flags", rwf, &xlat_rwf);
	if (c->id == SC_IORING_OP_READ_FIXED || c->id == SC_IORING_OP_WRITE_FIXED)
		add_named_uint(c, "buf_index", sqe_u16(ev, SQE_BUF_INDEX));
	tail(c, ev);
}

/* READV, WRITEV (and their _FIXED forms): (fd, iov, iovcnt, off) as pwritev2. */
void decode_uring_rwv(struct call *c, const struct sc_event *ev)
{
	uint64_t addr = sqe_u64(ev, SQE_ADDR), off = sqe_u64(ev, SQE_OFF);
	uint32_t n = sqe_u32(ev, SQE_LEN), rwf = sqe_u32(ev, SQE_OP_FLAGS);

	add_file(c, ev);
	if (ev->exiting) {
		if (!writes(c) && moved(ev)) {
			add_iov(c, "iov", addr, n, 1, moved(ev));
			call_produces(c, c->nargs - 1, moved(ev), sqe_fd(ev));
		}
		tail(c, ev);
		return;
	}
	add_iov(c, "iov", addr, n, writes(c), UINT64_MAX);
	if (writes(c))
		call_consumes(c, c->nargs - 1, UINT64_MAX, sqe_fd(ev), (int64_t)off, WRITE_AT);
	call_add_uint(c, "iovcnt", n);
	call_add_int(c, "off", (int64_t)off);
	if (rwf)
		add_named_flags(c, "rw_flags", rwf, &xlat_rwf);
	tail(c, ev);
}

/* SEND, RECV, SEND_ZC: (fd, buf, len, flags) as send and recv. */
void decode_uring_sendrecv(struct call *c, const struct sc_event *ev)
{
	if (!one_buffer(c, ev, -1))
		return;
	call_add_flags(c, "flags", sqe_u32(ev, SQE_OP_FLAGS), &xlat_msg_flags);
	tail(c, ev);
}

/*
 * SENDMSG, RECVMSG, SENDMSG_ZC: (fd, msg, flags) as sendmsg and recvmsg:
 * a sent message with its data at submission, a received one at its
 * completion, its data cut to the result.
 */
void decode_uring_msg(struct call *c, const struct sc_event *ev)
{
	uint64_t msg = sqe_u64(ev, SQE_ADDR);

	add_file(c, ev);
	if (ev->exiting) {
		if (!writes(c) && !ev->is_error) {
			call_fill_struct_limit(c, call_add_later(c, "msg"), &msghdr_layout, msg, moved(ev));
			if (moved(ev))
				call_produces(c, c->nargs - 1, moved(ev), sqe_fd(ev));
		}
		tail(c, ev);
		return;
	}
	if (writes(c)) {
		call_add_struct(c, "msg", &msghdr_layout, msg);
		call_consumes(c, c->nargs - 1, UINT64_MAX, sqe_fd(ev), -1, WRITE_AT);
	} else {
		call_add_addr(c, "msg", msg);
	}
	call_add_flags(c, "flags", sqe_u32(ev, SQE_OP_FLAGS), &xlat_msg_flags);
	tail(c, ev);
}

/* FSYNC: (fd), IORING_FSYNC_DATASYNC named. */
void decode_uring_fsync(struct call *c, const struct sc_event *ev)
{
	add_file(c, ev);
	if (!ev->exiting && sqe_u32(ev, SQE_OP_FLAGS))
		add_named_flags(c, "fsync_flags", sqe_u32(ev, SQE_OP_FLAGS), &xlat_uring_fsync_flags);
	tail(c, ev);
}

/* OPENAT: (dirfd, pathname, flags, mode) as openat; its completion is the new fd. */
void decode_uring_openat(struct call *c, const struct sc_event *ev)
{
	uint32_t flags = sqe_u32(ev, SQE_OP_FLAGS);

	if (!ev->exiting) {
		call_add_dirfd(c, "dirfd", (int)sqe_u32(ev, SQE_FD));
		call_add_str(c, "pathname", sqe_u64(ev, SQE_ADDR), STR_PATH);
		call_add_flags(c, "flags", flags, &xlat_open_mode);	/* as openat(2) */
		if (flags & CREATES)
			call_add_mode(c, "mode", UMODE(sqe_u32(ev, SQE_LEN)));
		if (sqe_u32(ev, SQE_FILE_INDEX))	/* into the registered files: index + 1 */
			add_named_uint(c, "file_index", sqe_u32(ev, SQE_FILE_INDEX) - 1);
	} else if (sqe_u32(ev, SQE_FILE_INDEX)) {
		c->res_form = RES_LIST;	/* a registered file's index, not an fd */
	} else {
		call_result_fd(c);
	}
	tail(c, ev);
}

/* CLOSE: (fd), or the registered file's index it closes. */
void decode_uring_close(struct call *c, const struct sc_event *ev)
{
	if (sqe_u32(ev, SQE_FILE_INDEX))
		add_named_uint(c, "file_index", sqe_u32(ev, SQE_FILE_INDEX) - 1);
	else
		add_file(c, ev);
	tail(c, ev);
}

/*
 * PROVIDE_BUFFERS (nbufs buffers of len bytes from addr, ids from bid on,
 * into group bgid) and REMOVE_BUFFERS (nbufs from group bgid), by name.
 */
void decode_uring_buffers(struct call *c, const struct sc_event *ev)
{
	if (!ev->exiting) {
		add_named_uint(c, "nbufs", sqe_u32(ev, SQE_FD));
		if (c->id == SC_IORING_OP_PROVIDE_BUFFERS) {
			add_named_hex(c, "addr", sqe_u64(ev, SQE_ADDR));
			add_named_uint(c, "len", sqe_u32(ev, SQE_LEN));
			add_named_uint(c, "bid", sqe_u64(ev, SQE_OFF));
		}
		add_named_uint(c, "bgid", sqe_u16(ev, SQE_BUF_INDEX));
	}
	tail(c, ev);
}

void decode_uring_nop(struct call *c, const struct sc_event *ev)
{
	tail(c, ev);
}

/*
 * Every other operation: its fd and the entry's generic fields as they
 * are (off, addr, len, op_flags, when set); the opcode of one this list
 * does not know.
 */
void decode_uring_other(struct call *c, const struct sc_event *ev)
{
	if (c->id == SC_IORING_OP_UNKNOWN && ev->ring->sqe[SQE_OPCODE] != UNSEEN_OPCODE)
		add_named_uint(c, "opcode", ev->ring->sqe[SQE_OPCODE]);
	if (syscall_def(c->id)->fds[0] || is_fixed(ev))
		add_file(c, ev);
	if (!ev->exiting) {
		if (sqe_u64(ev, SQE_OFF))
			add_named_hex(c, "off", sqe_u64(ev, SQE_OFF));
		if (sqe_u64(ev, SQE_ADDR))
			add_named_hex(c, "addr", sqe_u64(ev, SQE_ADDR));
		if (sqe_u32(ev, SQE_LEN))
			add_named_uint(c, "len", sqe_u32(ev, SQE_LEN));
		if (sqe_u32(ev, SQE_OP_FLAGS))
			add_named_hex(c, "op_flags", sqe_u32(ev, SQE_OP_FLAGS));
	} else if (syscall_def(c->id)->result == RESULT_FD && !sqe_u32(ev, SQE_FILE_INDEX)) {
		call_result_fd(c);
	}
	tail(c, ev);
}
