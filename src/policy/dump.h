#ifndef IOTRACE_DUMP_H
#define IOTRACE_DUMP_H

/*
 * -e write=FDS, -e read=FDS: hex dumps of the data a call consumed or
 * produced.  Decided from what the decoder said the call moves (struct
 * consumed, struct produced); up to DUMP_PREFETCH bytes are read with
 * the call's other data, so the line and its dump print while the
 * tracee runs on; a longer dump is read when printed, in bounded chunks.
 */

#include <stdint.h>
#include <sys/types.h>
#include "call/call.h"

#define DUMP_PREFETCH (64 * 1024)

/* Linux AIO's dumps: io_submit's writes, or the reads io_getevents' events completed. */
enum dump_aio_kind {
	DUMP_AIO_NONE,
	DUMP_AIO_WRITES,
	DUMP_AIO_READS,
};

struct dump {
	int arg;		/* the argument dumped after the line, or -1 */
	unsigned char aio;	/* enum dump_aio_kind: streamed by dump_aio() */
	uint64_t len;		/* bytes to dump: requested (write) or result (read) */
	unsigned char planned;	/* its reads are planned */
	unsigned char ready;	/* segs hold all of it: printing reads nothing */
	struct buf_arg *segs;	/* the buffer, or one per array element */
	unsigned nsegs, segs_cap;
	pid_t tid;
};

/* Before call_fetch(), at entry and at exit: whether this call's data is dumped. */
void dump_begin(struct dump *d, struct call *c, pid_t tid, int exiting);

/* The reader's planner (call_fetch()): queues the dump's data when it is short. */
void dump_plan(struct dump *d, struct call *c);

/* The dumped stretch @i of @c: its address and length; returns 0 past the last. */
int dump_stretch(const struct dump *d, const struct call *c, unsigned i, uint64_t *addr,
		 uint64_t *len);

/*
 * Message @k of a dumped array of messages (sendmmsg, recvmmsg): its
 * iovec array (NULL when not read), msg_iovlen, and the bytes it moved
 * (msg_len); returns 0 past the last, or when the argument is not one.
 * Dumped as strace does: " = N buffers in vector K", then each buffer.
 */
int dump_vector(const struct dump *d, const struct call *c, unsigned k, const struct agg_arg **iov,
		uint64_t *iovlen, uint64_t *limit);

/*
 * An AIO request a dump looks at (an iocb of io_submit, or the iocb of an
 * event io_getevents reaped): read from the tracee when printed.
 */
struct dump_aio {
	int shown;		/* a write to a -e write= fd, a read from a -e read= fd */
	int fd;
	unsigned opcode;	/* IOCB_CMD_* */
	uint64_t buf;		/* the buffer, or the iovec array */
	uint64_t count;		/* aio_nbytes: bytes, or iovecs */
	uint64_t len;		/* the bytes it moved: asked (a write; a writev's at most), or res */
	int vectored;		/* PWRITEV, PREADV */
};

/*
 * Request @k of an AIO dump (iocb @k, or event @k's iocb): 1 and @out,
 * or 0 past the last or where the tracee's memory cannot be read.  At
 * most DUMP_AIO_MAX of them.
 */
#define DUMP_AIO_MAX 1024
int dump_aio(const struct dump *d, const struct call *c, unsigned k, struct dump_aio *out);

/*
 * iovec @i of a vectored AIO request's array at @addr: its buffer and
 * length; 0 when it cannot be read.
 */
int dump_aio_iovec(const struct dump *d, const struct call *c, uint64_t addr, unsigned i,
		   uint64_t *base, uint64_t *len);

/*
 * Reads @len bytes at @addr of the dumped call's tracee, for a stretch
 * not read with the call; returns how many could be read, and where
 * reading stopped in @fault.
 */
size_t dump_read_tracee(const struct dump *d, uint64_t addr, void *buf, size_t len, uint64_t *fault);

void dump_trim(struct dump *d);
void dump_release(struct dump *d);

#endif
