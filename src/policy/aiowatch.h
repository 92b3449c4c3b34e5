#ifndef IOTRACE_AIOWATCH_H
#define IOTRACE_AIOWATCH_H

/*
 * --toctou for Linux AIO: a write io_submit passes (IOCB_CMD_PWRITE,
 * PWRITEV) is copied at io_submit's entry and compared when an event of
 * io_getevents or io_pgetevents reaps it, the window in which the kernel
 * may still read the buffer (O_DIRECT) and programs must not reuse it.
 * What changed is reported on the line of the call that reaped it.
 */

#include <stdint.h>
#include <sys/types.h>
#include "call/call.h"

/* struct iocb and struct io_event as the uapi lays them out, the same on both arches. */
#define IOCB_SIZE 64
#define IOCB_OPCODE 16
#define IOCB_FILDES 20
#define IOCB_BUF 24
#define IOCB_NBYTES 32
#define EVENT_SIZE 32
#define EVENT_OBJ 8
#define EVENT_RES 16
#define CMD_PREAD 0
#define CMD_PWRITE 1
#define CMD_PREADV 7
#define CMD_PWRITEV 8

#define AIO_WATCH_MAX 64	/* writes a process has watched in flight; the rest are not */
#define AIO_SHOW_MAX 32		/* bytes of each version a change keeps (-s cuts them further) */

/* One reaped write whose data changed since its submission. */
struct aio_change {
	unsigned event;		/* its index in the reaping call's events */
	uint64_t aio_data;
	uint64_t first, last;	/* the bytes that differ, by offset in the write's data */
	unsigned char before[AIO_SHOW_MAX], after[AIO_SHOW_MAX];	/* from @first */
	unsigned shown;		/* bytes of each kept */
};

/* What one call found (a report's), its memory kept for reuse. */
struct aio_found {
	struct aio_change *c;	/* a reaping call's changed writes */
	unsigned n, cap;
	unsigned unwatched;	/* io_submit's writes past AIO_WATCH_MAX in flight: not watched */
};

/*
 * io_submit's entry (@c decoded, @tid stopped): copies its writes' data,
 * @budget bytes each; @out counts those past what is watched.
 */
void aiowatch_submit(struct aio_found *out, pid_t tgid, pid_t tid, const struct call *c,
		     size_t budget);

/* io_submit's exit: only the first c->rval iocbs were submitted; the others are forgotten. */
void aiowatch_submitted(pid_t tgid, const struct call *c);

/* io_getevents' (io_pgetevents') exit: the watched writes its events reap, compared. */
void aiowatch_reaped(struct aio_found *out, pid_t tgid, pid_t tid, const struct call *c);

/* io_destroy of context @ctx, or the process exec'd or exited (@ctx 0): its watches go. */
void aiowatch_forget(pid_t tgid, uint64_t ctx);

void aiowatch_found_clear(struct aio_found *f);
void aiowatch_found_release(struct aio_found *f);

#endif
