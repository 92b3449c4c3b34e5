#ifndef IOTRACE_RINGS_H
#define IOTRACE_RINGS_H

/*
 * io_uring's rings, followed per process: what io_uring_setup answered,
 * where the rings are mapped, iotrace's own cursors, and the submissions
 * still in flight.  At io_uring_enter the new submission entries become
 * decoded calls of their operations (URING_OP rows); at the process's
 * stops the new completion entries do, each matched by user_data to its
 * submission.  The calls are decoded here, read and rendered by the
 * tracer like a syscall's.
 */

#include <stdint.h>
#include <sys/types.h>
#include "policy/report.h"
#include "util/arch.h"

enum ring_line_kind {
	RING_SQE,	/* a submission, at the io_uring_enter that submits it */
	RING_CQE,	/* a completion, when iotrace first sees it */
};

#define RING_NOTES 4
#define RING_NOTE_LEN 256

/*
 * The ring lines one stop produced, in order; the reports are kept for
 * reuse.  With --toctou a submission's report moves to the heap
 * (rings_watch()) and is kept until its completion, which then owns it.
 */
struct ring_lines {
	struct report *r;
	unsigned char *kind;	/* enum ring_line_kind */
	unsigned char *hidden;	/* left out by -e trace= or -P */
	uint64_t *ns;		/* a completion: from submission to completion seen (-T) */
	uint64_t *seq;		/* a submission: its record among the ring's in flight */
	struct report **watch;	/* a submission watched: its report; a completion: its submission's */
	unsigned n, cap;
	char note[RING_NOTES][RING_NOTE_LEN];	/* what cannot be seen, said once */
	unsigned nnotes;
};

/* io_uring_setup(2) in @tgid returned @fd; @params: the struct io_uring_params it filled. */
void rings_created(pid_t tgid, int fd, const unsigned char *params, size_t len);

/*
 * IORING_REGISTER_FILES on ring @fd succeeded with @len bytes of its fd
 * table (IORING_UNREGISTER_FILES: none): a fixed file's index names one.
 */
void rings_files(pid_t tgid, int fd, const unsigned char *fds, size_t len);

/*
 * Fixed files @off to @off + @n - 1 of ring @fd changed (an update
 * succeeded): the first @nread to the fds @fds holds, the rest to ones
 * iotrace does not know.
 */
void rings_files_update(pid_t tgid, int fd, uint32_t off, const unsigned char *fds, size_t nread,
			uint64_t n);

/*
 * IORING_REGISTER_RING_FDS (or, @unregister, its undoing) succeeded with
 * @updates, @len bytes of struct io_uring_rsrc_update as the kernel left
 * them: io_uring_enter with IORING_ENTER_REGISTERED_RING names the ring
 * by that index.
 */
void rings_registered(pid_t tgid, const unsigned char *updates, size_t len, int unregister);

/* IORING_REGISTER_RESIZE_RINGS on @fd succeeded: @params, the new rings' sizes and offsets. */
void rings_resized(pid_t tgid, int fd, const unsigned char *params, size_t len);

/*
 * iotrace attached to @tgid: its rings, set up before, are followed from
 * now on (found by its fds; an fd entered later is followed then).
 */
void rings_attached(pid_t tgid);

/* Whether @tgid has rings iotrace follows (cheap: called at every stop). */
int rings_in(pid_t tgid);

/*
 * io_uring_enter(@fd, ..., @flags) by @tid (running as @arch) of @tgid: the submissions between
 * the kernel's head and the program's tail, decoded (not read) into @out.
 */
void rings_submissions(struct ring_lines *out, pid_t tid, enum arch arch, pid_t tgid, int fd,
		       unsigned flags, size_t fetch_cap, unsigned iov_show);

/*
 * The completions added to @tgid's rings since iotrace last looked (and
 * the submissions, for a ring with SQPOLL), decoded into @out.
 */
void rings_completions(struct ring_lines *out, pid_t tid, enum arch arch, pid_t tgid,
		       size_t fetch_cap, unsigned iov_show);

/*
 * --toctou: submission line @i of @out is watched until its completion:
 * its report moves to the heap (the line's watch), kept with the
 * submission.  Whether it could be (a ring keeps RING_WATCH_MAX).
 */
#define RING_WATCH_MAX 64
int rings_watch(struct ring_lines *out, unsigned i, pid_t tgid);

/* The report line @i of @out shows: its own, or the watched one it moved to. */
static inline struct report *ring_line_report(struct ring_lines *out, unsigned i)
{
	return out->kind[i] == RING_SQE && out->watch[i] ? out->watch[i] : &out->r[i];
}

/* The lines were printed: @out is empty again (its memory kept). */
void rings_lines_clear(struct ring_lines *out);
void rings_lines_release(struct ring_lines *out);

/* @tgid exec'd or exited: its rings are gone. */
void rings_forget(pid_t tgid);

#endif
