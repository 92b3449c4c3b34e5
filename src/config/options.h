#ifndef IOTRACE_OPTIONS_H
#define IOTRACE_OPTIONS_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include "syscalls/syscalls.h"

#define SIG_TABLE_SIZE 65	/* signals 1..64 */

enum xmode {
	XMODE_NONE,	/* -x not given */
	XMODE_NONPRINT,	/* -x: hex when any byte is non-printable */
	XMODE_ALL,	/* -xx: every byte in hex */
};

/* How flag values print: -X raw, abbrev (the default), verbose. */
enum xlat_style {
	XLAT_ABBREV,
	XLAT_RAW,
	XLAT_VERBOSE,
};

/* A set of fds for -e read= and -e write=: a list, or all of them. */
/*
 * -e inject=SET:... and -e fault=SET:...: what to do to the calls of SET
 * whose invocation number (counted per thread and rule, from 1) @when says.
 */
#define INJECT_MAX 16
struct inject {
	unsigned char set[SC_COUNT];
	int error;		/* the call fails with it (skipped), or 0 */
	int has_retval;		/* the call returns @retval (skipped) */
	int64_t retval;
	int signo;		/* signal=: sent to the thread as the call enters, or 0 */
	int eintr;		/* eintr: a call that would block is interrupted */
	uint64_t short_n;	/* the call runs with its count cut to this, or 0 */
	unsigned short_pct;	/* ...or to this percent of it, or 0 */
	int has_enospc;		/* enospc-after=: each file takes @enospc_after bytes */
	uint64_t enospc_after;
	int has_torn;		/* torn=: @torn bytes written, then the process killed */
	uint64_t torn;
	uint64_t delay_enter, delay_exit;	/* microseconds the thread waits */
	unsigned first, last, step;	/* when=FIRST[..LAST][+STEP]; last 0: no end */
};

struct fdset {
	int all;
	int negate;
	int *fds;
	size_t n;
};

/* Whether @set can hold any fd (it is not "none"). */
int fdset_used(const struct fdset *set);

/* Whether @fd is in @set; a negative fd never is. */
int fdset_has(const struct fdset *set, int64_t fd);

/* -e status=: the calls that show, by how they ended (-z successful, -Z failed). */
enum status_bit {
	STATUS_SUCCESSFUL = 1 << 0,	/* returned without an error */
	STATUS_FAILED = 1 << 1,		/* returned an error */
	STATUS_UNFINISHED = 1 << 2,	/* never returned: the thread exited, or exec'd away */
	STATUS_UNAVAILABLE = 1 << 3,	/* returned, its result unknown (iotrace always knows it) */
	STATUS_DETACHED = 1 << 4,	/* iotrace detached before it returned */
	STATUS_ALL = (1 << 5) - 1,
};

/* -t, -tt, -ttt, -r: what starts each line. */
enum timestamps {
	TS_NONE,
	TS_TIME,	/* -t: HH:MM:SS */
	TS_MICRO,	/* -tt: HH:MM:SS.uuuuuu */
	TS_EPOCH,	/* -ttt: seconds.uuuuuu since the epoch */
	TS_RELATIVE,	/* -r: seconds.uuuuuu since the previous line */
};

/* --toctou: off, compare entry and exit, or also read the file back. */
enum toctou_mode {
	TOCTOU_OFF,
	TOCTOU_DETECT,
	TOCTOU_VERIFY,
};

/* -c/-C summary order (-S). */
enum summary_sort {
	SORT_TIME,
	SORT_CALLS,
	SORT_NAME,
	SORT_NOTHING,
};

struct options {
	size_t max_strlen;		/* -s */
	size_t align;			/* -a */
	enum xmode xmode;		/* -x, -xx */
	enum xlat_style xlat;		/* -X */
	int verbose;			/* -v: every iovec element */
	struct fdset dump_write;	/* -e write= */
	struct fdset dump_read;		/* -e read= */
	int show_paths;			/* -y: 1; -yy: 2, sockets by their endpoints */
	char **paths;			/* -P, resolved with realpath */
	size_t npaths;
	unsigned status;	/* enum status_bit: -e status=, -z, -Z */
	int normalize;			/* --normalize: 0, NORM_BLOCKS or NORM_INTERLEAVED */
	int merge_reads;		/* --normalize=merge-reads */
	struct inject inject[INJECT_MAX];	/* -e inject=, -e fault= */
	unsigned ninject;
	int json;			/* --json */
	int files_summary;		/* --summary=files */
	int stack;			/* -k */
	enum timestamps timestamps;	/* -t, -tt, -ttt, -r */
	int durations;			/* -T */
	enum toctou_mode toctou;	/* --toctou */
	size_t toctou_bytes;		/* --toctou-bytes */
	unsigned long spin_usec;	/* --spin */
	int spin_always;		/* --spin-always: no timing, load or churn rule */
	int summary;			/* -c: 1, table only; -C: 2, trace and table */
	enum summary_sort sort;		/* -S */
	unsigned frame_limit;		/* --stack-trace-frame-limit */
	const char *outfile;		/* -o */
	int append;			/* -A: -o files are appended to */
	int decode_pids;		/* -Y: pids with their command names, 123<cat> */
	int syscall_numbers;		/* -n: each line's syscall number, [   1] */
	int print_ip;			/* -i: where the call was made, [00007f...] */
	int detach_on_exec;		/* -b execve: let a process go when it execs */
	int interruptible;		/* -I: 1..4 as strace's; 3, 4: fatal signals blocked (4: SIGTSTP too) */
	const char *user;		/* -u: the command runs as this user... */
	uid_t user_uid;			/* ...its uid and primary group */
	gid_t user_gid;
	const char *timeline;		/* --timeline=FILE */
	int ascii;			/* --ascii: tables drawn in plain ASCII */
	int per_process;		/* -ff */
	unsigned quiet;			/* -q, --quiet=: QUIET_* messages not printed */
	int follow;			/* off with --no-follow */
	int seccomp;			/* off with --no-seccomp */
	unsigned char trace[SC_COUNT];	/* -e trace=: TRACE_SHOWN, TRACE_QUIET or 0 */
	unsigned char signal[SIG_TABLE_SIZE];	/* -e signal= */
	pid_t *pids;			/* -p */
	size_t npids;
	char **argv;			/* the command, NULL-terminated */
};

extern struct options opt;

/*
 * opt.trace's values: a call shown, or one iotrace stops and decodes
 * only for what it tells: io_uring_setup and io_uring_enter when just
 * io_uring's operations were asked for (their rings are found there).
 */
/* --normalize's output: a block a thread in lineage order, or in time order. */
#define NORM_BLOCKS 1
#define NORM_INTERLEAVED 2

#define TRACE_SHOWN 1
#define TRACE_QUIET 2

/* The messages -q, -qq, -qqq and --quiet=SET leave out, as strace's. */
#define QUIET_ATTACH		(1u << 0)	/* attached, detached */
#define QUIET_PERSONALITY	(1u << 1)	/* [ Process PID=N runs in 32 bit mode. ] */
#define QUIET_EXIT		(1u << 2)	/* +++ exited with N +++ (not killed by) */
#define QUIET_PATH_RESOLUTION	(1u << 3)	/* iotrace prints none: taken for strace's sake */
#define QUIET_SUPERSEDED	(1u << 4)	/* +++ superseded by execve in pid N +++ */
#define QUIET_ALL		((1u << 5) - 1)

#endif
