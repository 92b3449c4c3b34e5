/* readv, writev, preadv, pwritev, preadv2, pwritev2: iovec arrays. */
#include "config.h"
#include "decoders/common.h"
#include "decoders/decoders.h"
#include "decoders/flags.h"

enum vec_kind {
	VEC_PLAIN,	/* fd, iov, iovcnt */
	VEC_POS,	/* + pos_l, pos_h */
	VEC_POS_FLAGS,	/* + pos_l, pos_h, flags */
};

/* The arguments after the array: count, offset (pos_l/pos_h), RWF_* flags. */
static void tail_args(struct call *c, const struct sc_event *ev, enum vec_kind kind)
{
	call_add_uint(c, "iovcnt", arch_ulong(ev->arch, ev->args[2]));
	if (kind >= VEC_POS)
		call_add_int(c, "pos", offset_hilo(ev, 3));
	if (kind == VEC_POS_FLAGS)	/* rwf_t is an int: high register bits do not count */
		call_add_flags(c, "flags", (uint32_t)ev->args[5], &xlat_rwf);
}

/* RWF_APPEND and RWF_NOAPPEND decide where pwritev2's data lands. */
static enum write_how rwf_placement(uint32_t flags)
{
	if (flags & RWF_APPEND_BIT)
		return WRITE_APPEND;
	return flags & RWF_NOAPPEND_BIT ? WRITE_NOAPPEND : WRITE_AT;
}

static void vec_write(struct call *c, const struct sc_event *ev, enum vec_kind kind)
{
	if (ev->exiting)
		return;
	call_add_fd(c, "fd", fd_arg(ev, 0));
	add_iov(c, "iov", arch_ulong(ev->arch, ev->args[1]),
		     arch_ulong(ev->arch, ev->args[2]), 1, UINT64_MAX);
	tail_args(c, ev, kind);
	/* every element, in full */
	write_side_data(c, ev, 1, UINT64_MAX, kind >= VEC_POS ? offset_hilo(ev, 3) : -1,
			kind == VEC_POS_FLAGS ? rwf_placement((uint32_t)ev->args[5]) : WRITE_AT);
}

/* Data is known at exit: spread over the elements up to the result. */
static void vec_read(struct call *c, const struct sc_event *ev, enum vec_kind kind)
{
	uint64_t iov = arch_ulong(ev->arch, ev->args[1]);
	uint64_t count = arch_ulong(ev->arch, ev->args[2]);

	if (!ev->exiting) {
		call_add_fd(c, "fd", fd_arg(ev, 0));
		call_add_later(c, "iov");
		tail_args(c, ev, kind);
		return;
	}
	if (ev->is_error) {
		fill_iov(c, &c->arg[1], iov, count, 0, 0);
		return;
	}
	fill_iov(c, &c->arg[1], iov, count, 1, (uint64_t)ev->rval);
	read_side_data(c, ev, 1);
}

void decode_writev(struct call *c, const struct sc_event *ev)
{
	vec_write(c, ev, VEC_PLAIN);
}

void decode_pwritev(struct call *c, const struct sc_event *ev)
{
	vec_write(c, ev, VEC_POS);
}

void decode_pwritev2(struct call *c, const struct sc_event *ev)
{
	vec_write(c, ev, VEC_POS_FLAGS);
}

void decode_readv(struct call *c, const struct sc_event *ev)
{
	vec_read(c, ev, VEC_PLAIN);
}

void decode_preadv(struct call *c, const struct sc_event *ev)
{
	vec_read(c, ev, VEC_POS);
}

void decode_preadv2(struct call *c, const struct sc_event *ev)
{
	vec_read(c, ev, VEC_POS_FLAGS);
}
