#ifndef IOTRACE_CALL_H
#define IOTRACE_CALL_H

#include <stdint.h>
#include <stddef.h>
#include <string.h>
#include <sys/types.h>
#include "util/arch.h"
#include "syscalls/syscalls.h"
#include "call/buf_arg.h"
#include "policy/toctou.h"

/* One syscall stop, as the tracer saw it. */
struct sc_event {
	pid_t tid;
	enum arch arch;
	unsigned id;		/* enum sc_id */
	uint64_t nr;
	uint64_t args[6];	/* saved at entry; exit stops carry no args */
	int exiting;
	int64_t rval;		/* at exit: result, or -errno when is_error */
	int is_error;
};

enum arg_type {
	ARG_INT,	/* signed decimal */
	ARG_UINT,	/* unsigned decimal */
	ARG_FD,		/* file descriptor, signed decimal */
	ARG_PID,	/* process id, renumbered by --normalize */
	ARG_ADDR,	/* pointer, hex or NULL */
	ARG_BUF,	/* counted byte buffer read from the tracee */
	ARG_IOV,	/* iovec array, with or without the data */
	ARG_FLAGS,	/* bit flags named from an xlat list */
	ARG_OFFPTR,	/* pointer to a file offset, shown before and after */
};

/* One iovec element: where its data is, and what of it was fetched. */
struct iov_elem {
	uint64_t base;
	uint64_t len;		/* iov_len as the tracee wrote it */
	struct buf_arg data;	/* data.len: bytes that count (capped at exit) */
};

enum iov_state {
	IOV_PENDING,		/* array not read yet */
	IOV_DONE,
};

/*
 * An iovec array argument.  Only the elements to print (or dump) are
 * read, never more than IOV_FETCH_MAX, whatever the tracee's count says.
 */
struct iov_arg {
	uint64_t addr;
	uint64_t count;		/* iovcnt as passed */
	uint64_t limit;		/* read side: bytes to spread (the result); else UINT64_MAX */
	unsigned want;		/* elements to read */
	unsigned got;		/* elements read */
	unsigned show;		/* elements to print: -s (or -v) of them, within the budget */
	unsigned first;		/* index of element 0 in call->elems */
	unsigned char with_data;	/* fetch and show iov_base data */
	unsigned char overflow;	/* count * element size overflows: print the address */
	enum iov_state state;
	struct buf_arg raw;	/* the array's bytes as read */
};

#define IOV_FETCH_MAX 1024	/* UIO_MAXIOV: the kernel refuses more */

/*
 * The bytes one call may hold to show, over all its buffers and iovec
 * elements: -s, but at least this.  Past it, a buffer ends in "..." as
 * past -s, and an array ends in "..." before the first element it has
 * no bytes left for.  With at most IOV_FETCH_MAX elements an array, what
 * a call holds does not grow with the tracee's counts and lengths.
 */
#define CALL_SHOW_BUDGET (64 * 1024)

struct xlat_list;

struct flags_arg {
	uint64_t val;
	const struct xlat_list *names;
};

/*
 * A pointer to an offset the kernel reads and updates (sendfile, splice,
 * copy_file_range): the value at entry, and after a transfer the new one.
 */
struct offptr_arg {
	uint64_t addr;
	uint64_t old, new;
	unsigned char size;		/* 4 (i386 sendfile's off_t) or 8 */
	unsigned char is_signed;	/* loff_t prints signed, sendfile's unsigned */
	unsigned char old_ok, new_ok;	/* read successfully */
	unsigned char want_new;		/* the call moved it: read it at exit */
	unsigned char reading;		/* 0 none, 1 old, 2 new: a read is queued */
	struct buf_arg raw;
};

/* What an fd referred to at syscall entry (-y, -P): readlink of /proc/TID/fd/N. */
struct fd_path {
	size_t off;		/* in the arena */
	unsigned short len;	/* 0: unknown (closed, or not asked) */
	unsigned char pending;
};

struct arg {
	const char *name;	/* the kernel's parameter name */
	enum arg_type type;
	unsigned char at_exit;	/* value only known at syscall exit */
	unsigned char filled;
	struct fd_path path;	/* ARG_FD only */
	union {
		int64_t i;
		uint64_t u;
		struct buf_arg buf;
		struct iov_arg iov;
		struct flags_arg flags;
		struct offptr_arg off;
	} v;
};

/*
 * The elements of the last iovec array read with data.  Loops tend to
 * pass the same array pointing at the same buffers: once that has been
 * seen twice, the next read of the array fetches the elements' data
 * speculatively in the same process_vm_readv, and a guess that no longer
 * holds costs its bytes, not a syscall.
 */
#define IOV_GUESS_MAX 32

struct iov_guess {
	uint64_t addr, count;	/* the array */
	unsigned n;		/* elements recorded */
	unsigned char sure;	/* the last two reads agreed: speculate */
	uint64_t base[IOV_GUESS_MAX];
	uint64_t len[IOV_GUESS_MAX];
	size_t want[IOV_GUESS_MAX];	/* bytes shown */
};

struct frame;

enum stack_note {
	STACK_NONE,
	STACK_I386,		/* libunwind cannot unwind i386 from x86_64 */
	STACK_FAILED,		/* the unwinder could not start */
};

/* A decoded call: typed arguments plus the result, renderer-ready. */
struct call {
	unsigned id;
	unsigned nargs;
	struct arg arg[CALL_MAX_ARGS];
	int64_t rval;
	int error;		/* errno, 0 on success */
	int done;		/* exit seen */
	unsigned char vanished;	/* never returned (the thread died in it): result unknown */
	unsigned char *arena;	/* buffer bytes; sized from -s, never from the tracee */
	size_t arena_len;
	size_t arena_cap;
	size_t fetch_cap;	/* max bytes fetched per buffer (-s) */
	size_t show_left;	/* of the call's budget for shown data */
	unsigned iov_show;	/* max iovec elements printed (-s, or all with -v) */
	unsigned char fd_paths;	/* resolve fd arguments to paths (-y, -P) */
	struct iov_elem *elems;	/* elements of every iovec argument */
	unsigned nelems, elems_cap;
	enum arch arch;		/* the tracee's, for iovec layout */
	struct frame *frames;	/* -k: the caller's stack at entry */
	unsigned nframes, frames_cap;
	unsigned char stack_note;	/* STACK_* why there are no frames */
	uint64_t duration_ns;	/* -T: from entry to exit */
	int dump_arg;		/* argument to hex-dump after the line, or -1 */
	uint64_t dump_len;	/* bytes to dump: requested (write) or result (read) */
	unsigned char dump_planned;	/* call_fetch() has looked at the dump */
	unsigned char dump_at_exit;	/* the call may fill the dumped buffers: read them at exit */
	unsigned char dump_ready;	/* dump_segs hold all of it: printing reads nothing */
	struct buf_arg *dump_segs;	/* the buffer, or one per iovec element */
	unsigned ndump_segs, dump_segs_cap;
	int input_arg;		/* argument whose data the call consumes, or -1 */
	uint64_t input_len;	/* how much: a count, or UINT64_MAX for all iovecs */
	struct toctou tt;	/* --toctou state, when tt.on */
	struct iov_guess guess;	/* kept from call to call of the thread */
};

/*
 * Starts decoding call @id of a tracee running as @arch, dropping the
 * previous call's arguments; @fetch_cap bytes are shown of each buffer,
 * @iov_show elements of each iovec array.
 */
void call_begin(struct call *c, unsigned id, enum arch arch, size_t fetch_cap,
		unsigned iov_show, int fd_paths);

/*
 * Asks call_fetch() to copy at entry the first @budget bytes of the data
 * the call consumes (see call_consumes()), for --toctou.
 */
void call_snapshot(struct call *c, size_t budget);

/* Appends a typed argument known now. */
void call_add_int(struct call *c, const char *name, int64_t v);
void call_add_uint(struct call *c, const char *name, uint64_t v);
void call_add_fd(struct call *c, const char *name, int fd);
void call_add_pid(struct call *c, const char *name, pid_t pid);
void call_add_addr(struct call *c, const char *name, uint64_t addr);

/*
 * Appends a buffer argument of @len bytes at @addr; at most fetch_cap bytes
 * are fetched by call_fetch().  @len comes from the tracee and only bounds
 * the fetch from above.
 */
void call_add_buf(struct call *c, const char *name, uint64_t addr, uint64_t len);

/*
 * Appends an argument whose value is only known at exit; the decoder fills
 * it with call_fill_*() then.  Renderers print the arguments before the
 * first such placeholder at entry and the rest at exit.
 */
struct arg *call_add_later(struct call *c, const char *name);

/* Fills a placeholder from call_add_later() with a value or a buffer. */
void call_fill_uint(struct arg *a, uint64_t v);
void call_fill_addr(struct arg *a, uint64_t addr);
void call_fill_buf(struct call *c, struct arg *a, uint64_t addr, uint64_t len);

/*
 * Appends an iovec array of @count elements at @addr.  With @with_data the
 * elements' data is fetched too, at most @limit bytes over all elements
 * (a read's result), else only their addresses are shown.
 */
void call_add_iov(struct call *c, const char *name, uint64_t addr, uint64_t count,
		  int with_data, uint64_t limit);
void call_fill_iov(struct call *c, struct arg *a, uint64_t addr, uint64_t count,
		   int with_data, uint64_t limit);

/*
 * Appends an offset pointer; its value (@size bytes) is read now, and it
 * prints at exit, as [old] or, after call_offptr_moved(), [old => new].
 */
void call_add_offptr(struct call *c, const char *name, uint64_t addr,
		     unsigned size, int is_signed);

/* At exit: the call moved offset pointer @idx; read its new value. */
void call_offptr_moved(struct call *c, unsigned idx);

/* Appends flags @val named from @names. */
void call_add_flags(struct call *c, const char *name, uint64_t val,
		    const struct xlat_list *names);

/*
 * Asks for a hex dump of argument @idx (a buffer or iovec array with
 * data), @len bytes.  Up to CALL_DUMP_PREFETCH bytes are read with the
 * call's other data (dump_ready, dump_segs), so the line and its dump
 * can be printed while the tracee runs on; a longer dump is read by the
 * renderer in bounded chunks.  An iovec array is then read in full (up
 * to IOV_FETCH_MAX), not just -s elements.
 */
#define CALL_DUMP_PREFETCH (64 * 1024)

void call_want_dump(struct call *c, unsigned idx, uint64_t len);

/*
 * The dumped buffers may be filled by the call (vmsplice from a pipe's
 * read end): read them when the dump prints, at exit, as strace does.
 */
void call_dump_at_exit(struct call *c);

/*
 * Argument @idx (a buffer or iovec array) is data the call takes from the
 * caller's memory, @len bytes at most (UINT64_MAX: all the iovecs hold):
 * what --toctou watches.  Decoders call it through write_side_data()
 * (decoders/common.h), which also sets up -e write= dumps.
 */
void call_consumes(struct call *c, unsigned idx, uint64_t len);

/*
 * The consumed data goes to fd @fd, at @pos (see enum write_how); only
 * --toctou=verify uses it, to read the written range back.
 */
void call_writes_to(struct call *c, int fd, int64_t pos, enum write_how how);

/*
 * Queues @b (addr, want set) into the batched read: call_fetch() reads
 * it with the call's other data, call_read_queued() on demand.
 */
void call_queue(struct call *c, struct buf_arg *b);

/* Reads everything queued with call_queue() from @tid in one batch. */
void call_read_queued(struct call *c, pid_t tid);

/* A @size-byte (4 or 8) tracee word at @p: x86 is little-endian. */
static inline uint64_t tracee_word(const unsigned char *p, unsigned size)
{
	uint64_t v = 0;

	memcpy(&v, p, size);
	return v;
}

/* Element @i of iovec argument @iov. */
static inline struct iov_elem *call_iov_elem(const struct call *c,
					     const struct iov_arg *iov, unsigned i)
{
	return &c->elems[iov->first + i];
}

/* Index of the first argument not known at entry (nargs if none). */
unsigned call_entry_args(const struct call *c);

/* The fetched bytes of a buffer argument. */
static inline const unsigned char *call_buf_data(const struct call *c,
						 const struct buf_arg *b)
{
	return c->arena + b->off;
}

/* The path of fd argument @a, or NULL when unknown. */
static inline const char *call_fd_path(const struct call *c, const struct arg *a)
{
	return a->path.len ? (const char *)c->arena + a->path.off : NULL;
}

/*
 * Reads every pending buffer of @c from @tid in one batched memory read,
 * and resolves fd arguments to paths when asked.
 */
void call_fetch(struct call *c, pid_t tid);

/* Records the syscall result of @ev in @c. */
void call_set_result(struct call *c, const struct sc_event *ev);

/* After the call is printed: gives back memory a large call took. */
void call_trim(struct call *c);

void call_release(struct call *c);

#endif
