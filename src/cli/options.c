#include "config.h"
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <pwd.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "util/names.h"
#include "policy/stack.h"
#include "render/output.h"
#include "util/strbuf.h"
#include "config/options.h"
#include "cli/cli.h"
#include "trace/spin.h"
#include "syscalls/syscalls.h"
#include "util/path.h"
#include "util/util.h"

enum {
	OPT_NO_FOLLOW = 256,
	OPT_NO_SECCOMP,
	OPT_SECCOMP,
	OPT_TRACE,
	OPT_SIGNAL,
	OPT_QUIET,
	OPT_INJECT,
	OPT_FAULT,
	OPT_FRAME_LIMIT,
	OPT_NORMALIZE,
	OPT_SUMMARY,
	OPT_JSON,
	OPT_TIMELINE,
	OPT_ASCII,
	OPT_TOCTOU,
	OPT_TOCTOU_BYTES,
	OPT_SPIN,
	OPT_SPIN_ALWAYS,
	OPT_DECODE_PIDS,
};

/* --toctou-bytes: copies of this much per call are kept twice, so bounded. */
#define TOCTOU_BYTES_DEFAULT (64 * 1024)
#define TOCTOU_BYTES_MAX (256ul * 1024 * 1024)

static const struct option long_options[] = {
	{ "string-limit", required_argument, NULL, 's' },
	{ "columns", required_argument, NULL, 'a' },
	{ "output", required_argument, NULL, 'o' },
	{ "output-append-mode", no_argument, NULL, 'A' },
	{ "env", required_argument, NULL, 'E' },
	{ "user", required_argument, NULL, 'u' },
	{ "decode-pids", required_argument, NULL, OPT_DECODE_PIDS },
	{ "syscall-number", no_argument, NULL, 'n' },
	{ "detach-on", required_argument, NULL, 'b' },
	{ "interruptible", required_argument, NULL, 'I' },
	{ "instruction-pointer", no_argument, NULL, 'i' },
	{ "summary-wall-clock", no_argument, NULL, 'w' },
	{ "attach", required_argument, NULL, 'p' },
	{ "follow-forks", no_argument, NULL, 'f' },
	{ "quiet", optional_argument, NULL, OPT_QUIET },
	{ "silent", required_argument, NULL, OPT_QUIET },
	{ "silence", required_argument, NULL, OPT_QUIET },
	{ "help", no_argument, NULL, 'h' },
	{ "no-abbrev", no_argument, NULL, 'v' },
	{ "decode-fds", no_argument, NULL, 'y' },
	{ "trace-path", required_argument, NULL, 'P' },
	{ "successful-only", no_argument, NULL, 'z' },
	{ "failed-only", no_argument, NULL, 'Z' },
	{ "const-print-style", required_argument, NULL, 'X' },
	{ "version", no_argument, NULL, 'V' },
	{ "no-follow", no_argument, NULL, OPT_NO_FOLLOW },
	{ "no-seccomp", no_argument, NULL, OPT_NO_SECCOMP },
	{ "seccomp-bpf", no_argument, NULL, OPT_SECCOMP },
	{ "trace", required_argument, NULL, OPT_TRACE },
	{ "stack-trace", no_argument, NULL, 'k' },
	{ "normalize", optional_argument, NULL, OPT_NORMALIZE },
	{ "json", no_argument, NULL, OPT_JSON },
	{ "timeline", required_argument, NULL, OPT_TIMELINE },
	{ "ascii", no_argument, NULL, OPT_ASCII },
	{ "relative-timestamps", no_argument, NULL, 'r' },
	{ "syscall-times", no_argument, NULL, 'T' },
	{ "summary-only", no_argument, NULL, 'c' },
	{ "summary", optional_argument, NULL, OPT_SUMMARY },
	{ "summary-sort-by", required_argument, NULL, 'S' },
	{ "stack-trace-frame-limit", required_argument, NULL, OPT_FRAME_LIMIT },
	{ "signal", required_argument, NULL, OPT_SIGNAL },
	{ "inject", required_argument, NULL, OPT_INJECT },
	{ "fault", required_argument, NULL, OPT_FAULT },
	{ "toctou", optional_argument, NULL, OPT_TOCTOU },
	{ "toctou-bytes", required_argument, NULL, OPT_TOCTOU_BYTES },
	{ "spin", required_argument, NULL, OPT_SPIN },
	{ "spin-always", no_argument, NULL, OPT_SPIN_ALWAYS },
	{ NULL, 0, NULL, 0 }
};

/* -h's names: the syscalls of @class, or (@ring) the io_uring operations, wrapped. */
static void list_names(int class, int ring);

static void usage(void)
{
	int class;

	printf("usage: iotrace [options] -- command [args...]\n"
	       "       iotrace [options] -p PID[,PID...]\n"
	       "\n"
	       "Traces the I/O system calls of a command or of running processes,\n"
	       "in strace's line format.\n"
	       "\n"
	       "Output:\n"
	       "  -o FILE         write the trace to FILE instead of stderr\n"
	       "  -A              with -o: append to FILE\n"
	       "  -Y              each pid with its command name: [pid 123<cat>]\n"
	       "  -ff             with -o: one file per thread, FILE.TID\n"
	       "  -s N            print at most N bytes of each buffer (default 32)\n"
	       "  -a N            align results at column N (default 40)\n"
	       "  -x              print non-ASCII strings in hex; -xx: all strings\n"
	       "  -q              no attach/detach messages; -qq: no exits; -qqq: none\n"
	       "  --quiet=SET     attach, personality, exit, superseded (strace's names)\n"
	       "  -t, -tt, -ttt   time of day, with microseconds, or since the epoch\n"
	       "  -r              time since the previous line\n"
	       "  -T              time spent in each call\n"
	       "  -n              the syscall's number before each line: [   1]\n"
	       "  -i              where the call was made: [00007f2a1c2e1ab3]\n"
	       "  -c              a summary table at exit instead of the trace;\n"
	       "                  -C: the trace and the table; -S time|calls|name|nothing;\n"
	       "                  its time is wall-clock, entry to exit (strace's -w)\n"
	       "  --normalize     output two runs can diff, however the threads were\n"
	       "                  scheduled: threads named by lineage (1, 1.1, 1.2...),\n"
	       "                  a block a thread in that order, addresses and inodes\n"
	       "                  renumbered, no times, every call one line\n"
	       "  --normalize=interleaved  the same names, lines in time order\n"
	       "  --normalize=merge-reads  also join a thread's consecutive reads (and\n"
	       "                  writes) of one fd into one line\n"
	       "  --json          one JSON object per event (doc/json-schema.md)\n"
	       "  --timeline=FILE also write the trace as Chrome Trace Event JSON, for\n"
	       "                  Perfetto (ui.perfetto.dev) or chrome://tracing\n"
	       "  --summary=files a table at exit: bytes read and written per file, and\n"
	       "                  latency percentiles and histograms per kind of call\n"
	       "  --ascii         draw the histograms in plain ASCII\n"
	       "  -k              the caller's stack after each call (libunwind)\n"
	       "  --stack-trace-frame-limit=N  at most N frames (default 256)\n"
	       "  -y              print the path or identity behind each fd: 3</tmp/x>\n"
	       "  -v              print every iovec element (default: -s of them)\n"
	       "  -X FORMAT       flags as raw (hex), abbrev (names) or verbose (both)\n"
	       "  --toctou        say when a write's data changed while the call ran\n"
	       "  --toctou=verify also say which version a regular file received\n"
	       "  --toctou-bytes=N  compare N bytes per call, hash the rest (default 65536)\n"
	       "Filtering:\n"
	       "  -e trace=SET    syscalls to trace (default: all below)\n"
	       "  -P PATH         only calls on fds that refer to PATH (repeatable)\n"
	       "  -z              only calls that succeeded; -Z: only calls that failed\n"
	       "  -e status=SET   successful, failed, unfinished, unavailable, detached\n"
	       "  -e signal=SET   signals to show (default: all; none hides them)\n"
	       "  -e write=FDS    hex dump of all data written to these fds\n"
	       "  -e read=FDS     hex dump of all data read from these fds\n"
	       "                  SET, FDS: comma list, 'all', 'none'; a leading '!' negates\n"
	       "Fault injection:\n"
	       "  -e inject=SET:error=ERRNO|retval=N[:signal=SIG][:when=FIRST[..LAST][+STEP]]\n"
	       "                  as strace: the calls are skipped and give that result\n"
	       "  -e inject=SET:short=N|P%%   the calls really run with their count cut\n"
	       "  -e inject=SET:enospc-after=BYTES  each file full after BYTES: ENOSPC\n"
	       "  -e inject=SET:torn=BYTES   a write lands BYTES, then SIGKILL\n"
	       "  -e inject=SET:eintr        a call that would block fails with EINTR\n"
	       "  -e fault=SET[:error=ERRNO][:when=...]  inject, ENOSYS by default\n"
	       "Tracing:\n"
	       "  -p PID          attach to every thread of PID (repeatable; a comma\n"
	       "                  or space separated list works too)\n"
	       "  -f              follow forks and threads (the default)\n"
	       "  -E NAME=VALUE   set NAME in the command's environment; -E NAME: unset it\n"
	       "  -u USER         run the command as USER, with its groups (as root)\n"
	       "  --no-follow     trace only the first process\n"
	       "  -b execve       let a process go when it execs (its children too)\n"
	       "  -I 3, -I 4      iotrace ignores HUP, INT, QUIT, PIPE and TERM (4: TSTP too)\n"
	       "  --no-seccomp    stop at every syscall instead of only the traced ones\n"
	       "  --spin=USEC     wait awake up to USEC for a busy tracee's next stop\n"
	       "                  (default 200; 0: always sleep)\n"
	       "  --spin-always   wait awake whatever timing and load say (measurements)\n"
	       "Other:\n"
	       "  -h, --help      this help\n"
	       "  -V, --version   the version\n"
	       "\n"
	       "Syscalls decoded, by class (-e trace=NAME,... or -e trace=%%CLASS):\n");
	for (class = 1; class < CLASS_COUNT; class++)
		list_names(class, 0);
	printf("io_uring operations, each submission and completion a line under\n"
	       "io_uring_enter (-e trace=IORING_OP_NAME,... or %%async; a class selects\n"
	       "its operations too, %%data IORING_OP_WRITE):\n");
	list_names(0, 1);
	exit(0);
}

/* -h's names: the syscalls of @class, or (@ring) the io_uring operations, wrapped. */
static void list_names(int class, int ring)
{
	unsigned col = 0, id;

	for (id = 1; id < SC_COUNT; id++) {
		const struct syscall_def *d = syscall_def(id);

		if (!(d->flags & SF_RING_OP) != !ring || (!ring && (int)d->class != class))
			continue;
		if (!col)
			col = ring ? (unsigned)printf(" ") : (unsigned)printf("  %%%-6s", class_name(d->class));
		else if (col + 1 + strlen(d->name) > 78)
			col = (unsigned)printf("\n%9s", "") - 1;
		col += (unsigned)printf(" %s", d->name);
	}
	if (col)
		printf("\n");
}

/* The first @n bytes of @s as the user typed them, those that would not print in octal. */
static const char *typed_n(const char *s, size_t n)
{
	static struct strbuf sb = STRBUF_INIT;

	sb_reset(&sb);
	for (; n && *s; s++, n--) {
		unsigned char c = (unsigned char)*s;

		if (c >= 0x20 && c <= 0x7e && c != '\\')
			sb_addch(&sb, (char)c);
		else
			sb_addf(&sb, "\\%03o", c);
	}
	return sb.buf ? sb.buf : "";
}

/* @s as the user typed it, for messages. */
static const char *typed(const char *s)
{
	return typed_n(s, SIZE_MAX);
}

/*
 * getopt_long's complaints, said with the option as the user typed it:
 * @c is ':' for a missing value, '?' otherwise; optopt is the option's
 * code, 0 for an unknown long option.
 */
static void __attribute__((noreturn)) bad_option(int c, char **argv)
{
	const char *arg = argv[optind - 1];
	char letter[2] = { (char)optopt, 0 };

	if (!strncmp(arg, "--", 2)) {
		if (c == ':')
			die("option '%s' needs a value", typed(arg));
		if (optopt && strchr(arg, '='))
			die("option '%s' takes no value", typed(arg));
		die("unknown option '%s' (see iotrace -h)", typed(arg));
	}
	if (c == ':')
		die("option '-%s' needs a value", typed(letter));
	die("unknown option '-%s' (see iotrace -h)", typed(letter));
}

static unsigned long parse_number(const char *opt_name, const char *s, unsigned long max)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (!*s || *end || errno || v > max || *s == '-')
		die("invalid value for %s: '%s' (a number from 0 to %lu)", opt_name, typed(s), max);
	return v;
}

static void parse_pids(const char *arg)
{
	char *copy = xstrdup(arg), *tok, *save = NULL;

	for (tok = strtok_r(copy, ", \t", &save); tok; tok = strtok_r(NULL, ", \t", &save)) {
		char *end;
		long pid;
		size_t i;

		errno = 0;
		pid = strtol(tok, &end, 10);
		if (*end || errno || pid <= 0 || pid > INT_MAX)
			die("invalid process id: '%s'", typed(tok));
		if (pid == getpid())
			die("cannot trace iotrace itself (pid %ld)", pid);
		for (i = 0; i < opt.npids; i++)
			if (opt.pids[i] == pid)
				break;
		if (i < opt.npids)
			continue;
		opt.pids = xrealloc(opt.pids, (opt.npids + 1) * sizeof(*opt.pids));
		opt.pids[opt.npids++] = (pid_t)pid;
	}
	free(copy);
	if (!opt.npids)
		die("-p needs a process id");
}

/*
 * Parses SET into @table[1..n-1], each name set by @add (which returns
 * nonzero for a name it does not know); "all", "none" and a leading "!"
 * that negates the whole set, as strace does.
 */
static int add_syscall(unsigned char *table, const char *name);
static int add_quiet(unsigned char *table, const char *name);
static int add_status(unsigned char *table, const char *name);

static void parse_set(const char *what, const char *set, unsigned char *table,
		      size_t n, int (*add)(unsigned char *table, const char *name))
{
	char *copy, *tok, *save = NULL;
	int negate = 0;
	size_t i;

	if (*set == '!') {
		negate = 1;
		set++;
	}
	memset(table, 0, n);
	copy = xstrdup(set);
	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		if (!strcmp(tok, "all")) {
			memset(table + 1, 1, n - 1);
			continue;
		}
		if (!strcmp(tok, "none"))
			continue;
		if (!add(table, tok))
			continue;
		if (add == add_syscall && *tok == '/')
			die("-e %s: '%s' matches no syscall iotrace decodes", what, typed(tok));
		die("-e %s: unknown %s '%s'", what,
		    add == add_syscall ? (*tok == '%' ? "class" : "or undecoded syscall") :
		    add == add_quiet ? "message kind (attach, personality, exit, "
				       "path-resolution, superseded)" :
		    add == add_status ? "status (successful, failed, unfinished, "
					"unavailable, detached)" : "signal",
		    typed(tok));
	}
	free(copy);
	if (negate)
		for (i = 1; i < n; i++)
			table[i] = !table[i];
}

/* "3,4", "all", "none", with a leading "!" negating the whole set. */
static void parse_fdset(const char *what, const char *set, struct fdset *fs)
{
	char *copy, *tok, *save = NULL;

	free(fs->fds);
	memset(fs, 0, sizeof(*fs));
	if (*set == '!') {
		fs->negate = 1;
		set++;
	}
	copy = xstrdup(set);
	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		char *end;
		long fd;

		if (!strcmp(tok, "all")) {
			fs->all = 1;
			continue;
		}
		if (!strcmp(tok, "none"))
			continue;
		errno = 0;
		fd = strtol(tok, &end, 10);
		if (*end || errno || fd < 0 || fd > INT_MAX)
			die("-e %s: invalid file descriptor '%s'", what, typed(tok));
		fs->fds = xrealloc(fs->fds, (fs->n + 1) * sizeof(*fs->fds));
		fs->fds[fs->n++] = (int)fd;
	}
	free(copy);
}

/*
 * -P PATH: fds are compared with its resolved form (links and dots
 * resolved now, as /proc names files), path arguments also with the
 * form given (a symbolic link that is named as such).
 */
static void add_path(const char *path)
{
	char cwd[4096];
	char *typed = path_join_clean(getcwd(cwd, sizeof(cwd)) ? cwd : "/", path, strlen(path));

	opt.paths = xrealloc(opt.paths, (opt.npaths + 2) * sizeof(*opt.paths));
	opt.paths[opt.npaths++] = path_resolve(path);
	if (strcmp(typed, opt.paths[opt.npaths - 1]))
		opt.paths[opt.npaths++] = typed;
	else
		free(typed);
}

/* /REGEX: every decoded call (and io_uring operation) whose name it matches, as strace. */
static int add_regex(unsigned char *table, const char *re)
{
	regex_t rx;
	unsigned id;
	int err, found = 0;

	err = regcomp(&rx, re, REG_EXTENDED | REG_NOSUB);
	if (err) {
		char msg[128];

		regerror(err, &rx, msg, sizeof(msg));
		die("-e trace: /%s: %s", typed(re), msg);
	}
	for (id = 1; id < SC_COUNT; id++)
		if (!regexec(&rx, syscall_def(id)->name, 0, NULL, 0))
			table[id] = 1, found = 1;
	regfree(&rx);
	return found ? 0 : -1;
}

/*
 * A decoded syscall, or with a leading % every one of a class
 * (syscalls/list.h), with / those a regex matches; a leading ? makes
 * one that names nothing iotrace decodes no error, as strace.
 */
static int add_syscall(unsigned char *table, const char *name)
{
	enum sc_class class;
	unsigned group, id;

	if (*name == '?')
		return add_syscall(table, name + 1), 0;
	if (*name == '/')
		return add_regex(table, name + 1);
	class = *name == '%' ? class_by_name(name + 1) : 0;
	group = *name == '%' ? group_by_name(name + 1) : 0;
	id = *name == '%' ? SC_NONE : syscall_by_name(name);

	if (group) {	/* strace's classes across ours: %file, %stat */
		for (id = 1; id < SC_COUNT; id++)
			if (syscall_def(id)->flags & group)
				table[id] = 1;
		return 0;
	}
	if (class) {
		for (id = 1; id < SC_COUNT; id++)	/* %async: every io_uring operation too */
			if (syscall_def(id)->class == class ||
			    (class == CLASS_ASYNC && (syscall_def(id)->flags & SF_RING_OP)))
				table[id] = 1;
		return 0;
	}
	if (!id)
		return -1;
	table[id] = 1;
	return 0;
}

static int add_signal(unsigned char *table, const char *name)
{
	int sig = signal_by_name(name);

	if (sig <= 0)
		return -1;
	table[sig] = 1;
	return 0;
}

/* strace's names of the messages -e quiet= leaves out: table[i] is bit i - 1. */
static const char *const quiet_names[] = {
	NULL, "attach", "personality", "exit", "path-resolution", "superseded", NULL
};

static int add_quiet(unsigned char *table, const char *name)
{
	size_t i;

	if (!strcmp(name, "thread-execve"))	/* strace's other name for it */
		name = "superseded";
	for (i = 1; quiet_names[i]; i++)
		if (!strcmp(name, quiet_names[i])) {
			table[i] = 1;
			return 0;
		}
	return -1;
}

static int quiet_given;

/* strace's names of the statuses -e status= selects: table[i] is bit i - 1. */
static const char *const status_names[] = {
	NULL, "successful", "failed", "unfinished", "unavailable", "detached", NULL
};

static int add_status(unsigned char *table, const char *name)
{
	size_t i;

	for (i = 1; status_names[i]; i++)
		if (!strcmp(name, status_names[i])) {
			table[i] = 1;
			return 0;
		}
	return -1;
}

/* A set of @n - 1 names (table[i] is bit i - 1) as a mask. */
static unsigned parse_bits(const char *what, const char *set, size_t n,
			   int (*add)(unsigned char *table, const char *name))
{
	unsigned char table[8];
	unsigned bits = 0;
	size_t i;

	if (n > sizeof(table))
		BUG("%zu names in a set of bits", n);
	parse_set(what, set, table, n, add);
	for (i = 1; i < n; i++)
		if (table[i])
			bits |= 1u << (i - 1);
	return bits;
}

static void parse_status(const char *set)
{
	opt.status = parse_bits("status", set, ARRAY_SIZE(status_names) - 1, add_status);
}

static void parse_quiet(const char *set)
{
	opt.quiet = parse_bits("quiet", set, ARRAY_SIZE(quiet_names) - 1, add_quiet);
	quiet_given = 1;
}

/* -q, -qq, -qqq: each adds strace's next step of quiet. */
static void quieter(void)
{
	opt.quiet = !(opt.quiet & QUIET_ATTACH) ? QUIET_ATTACH | QUIET_PERSONALITY :
		    !(opt.quiet & QUIET_EXIT) ? opt.quiet | QUIET_EXIT : QUIET_ALL;
	quiet_given = 1;
}

/* io_uring's operations are found through these calls: traced quietly when not asked for. */
static void ring_calls_quiet(void)
{
	static const unsigned finders[] = { SC_io_uring_setup, SC_io_uring_enter,
					    SC_io_uring_register };
	unsigned id, i;
	int ops = 0;

	for (id = 1; id < SC_COUNT; id++)
		ops |= opt.trace[id] == TRACE_SHOWN && (syscall_def(id)->flags & SF_RING_OP);
	for (i = 0; i < sizeof(finders) / sizeof(finders[0]); i++)
		if (opt.trace[finders[i]] != TRACE_SHOWN)
			opt.trace[finders[i]] = ops ? TRACE_QUIET : 0;
}

/*
 * A file mapping mremap moves is still one for munmap's rule: with
 * munmap traced, mremap is traced quietly when not asked for (mmap is
 * followed another way: maps_follow_quietly()).
 */
static void remap_calls_quiet(void)
{
	unsigned id;
	int unmaps = 0;

	for (id = 1; id < SC_COUNT; id++)
		unmaps |= opt.trace[id] == TRACE_SHOWN && (syscall_def(id)->flags & SF_UNMAP) &&
			  !(syscall_def(id)->flags & SF_REMAP);
	for (id = 1; id < SC_COUNT; id++)
		if ((syscall_def(id)->flags & SF_REMAP) && opt.trace[id] != TRACE_SHOWN)
			opt.trace[id] = unmaps ? TRACE_QUIET : 0;
}

/*
 * --toctou compares an AIO write when an event reaps it: with the reaping
 * calls traced, io_submit (and io_destroy, which ends its context) are
 * traced quietly when not asked for.
 */
static void aio_calls_quiet(void)
{
	static const unsigned watchers[] = { SC_io_submit, SC_io_destroy };
	unsigned i;

	if (!opt.toctou || (opt.trace[SC_io_getevents] != TRACE_SHOWN &&
			    opt.trace[SC_io_pgetevents] != TRACE_SHOWN &&
			    opt.trace[SC_io_pgetevents_time64] != TRACE_SHOWN))
		return;
	for (i = 0; i < sizeof(watchers) / sizeof(watchers[0]); i++)
		if (!opt.trace[watchers[i]])
			opt.trace[watchers[i]] = TRACE_QUIET;
}

static void parse_trace(const char *set)
{
	parse_set("trace", set, opt.trace, SC_COUNT, add_syscall);
	ring_calls_quiet();
	remap_calls_quiet();
}

static void parse_signal(const char *set)
{
	parse_set("signal", set, opt.signal, SIG_TABLE_SIZE, add_signal);
}

/* A number from 1 to 65535 at *@p, which moves past it; 0 when there is none. */
static unsigned when_number(const char **p)
{
	unsigned long v = 0;

	if (**p < '0' || **p > '9')
		return 0;
	while (**p >= '0' && **p <= '9' && v <= 65535)
		v = v * 10 + (unsigned long)(*(*p)++ - '0');
	return v <= 65535 ? (unsigned)v : 0;
}

/* when=FIRST[..LAST][+[STEP]]: strace's, FIRST from 1. */
static void parse_when(const char *what, const char *s, struct inject *r)
{
	const char *p = s;

	if (!(r->first = when_number(&p)))
		goto bad;
	r->last = r->first;
	if (!strncmp(p, "..", 2)) {
		p += 2;
		r->last = when_number(&p);
		if (r->last < r->first)
			goto bad;
	} else if (*p == '+') {
		r->last = 0;	/* FIRST+: no end */
	}
	if (*p == '+') {
		p++;
		r->step = *p ? when_number(&p) : 1;
		if (!r->step)
			goto bad;
	}
	if (*p)
		goto bad;
	return;
bad:
	die("-e %s: invalid when '%s' (FIRST[..LAST][+[STEP]], from 1 to 65535)", what, typed(s));
}

/* A signed number for retval=, short= and delays. */
static int64_t parse_int64(const char *what, const char *key, const char *s, int64_t min)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (end == s || *end || errno || v < min)
		die("-e %s: invalid %s '%s'", what, key, typed(s));
	return v;
}

/* enospc-after='s BYTES: a number, with K, M or G for binary multiples. */
static uint64_t parse_size(const char *what, const char *key, const char *s)
{
	unsigned long long v;
	unsigned shift = 0;
	char *end;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (*end == 'K' || *end == 'k')
		shift = 10;
	else if (*end == 'M')
		shift = 20;
	else if (*end == 'G')
		shift = 30;
	end += shift != 0;
	if (end == s || !isdigit((unsigned char)*s) || *end || errno || v > (UINT64_MAX >> shift))
		die("-e %s: invalid %s '%s' (bytes, or a number with K, M or G)", what, key, typed(s));
	return (uint64_t)v << shift;
}

/*
 * retval=N: any 64-bit word, signed or not, as strace; one a program
 * would read as an error is said to be one.
 */
static int64_t parse_retval(const char *what, const char *s)
{
	unsigned long long v;
	char *end;

	if (!isdigit((unsigned char)s[*s == '-']))
		die("-e %s: invalid retval '%s'", what, typed(s));
	errno = 0;
	v = *s == '-' ? (unsigned long long)strtoll(s, &end, 10) : strtoull(s, &end, 10);
	if (*end || errno)
		die("-e %s: invalid retval '%s'", what, typed(s));
	if ((int64_t)v < 0 && (int64_t)v >= -4095)
		warning("-e %s: retval=%s is error %d to the program (-1 and errno %s)", what,
			typed(s), (int)-(int64_t)v,
			errno_name((int)-(int64_t)v) ? errno_name((int)-(int64_t)v) : "unnamed");
	return (int64_t)v;
}

/* short=N or short=P%: at least a byte, at most all of it. */
static void parse_short(const char *what, char *eq, struct inject *r)
{
	size_t n = strlen(eq);

	if (n && eq[n - 1] == '%') {
		eq[n - 1] = '\0';
		if (parse_int64(what, "short percentage", eq, 1) > 100)
			die("-e %s: invalid short percentage '%s%%' (1%% to 100%%)", what, typed(eq));
		r->short_pct = (unsigned)parse_int64(what, "short percentage", eq, 1);
	} else {
		r->short_n = (uint64_t)parse_int64(what, "short", eq, 1);
	}
}

/*
 * The keys that say what happens to the call: one a rule (signal= and
 * the delays go with any).  @key was just given: dies if another was.
 */
static void one_action(const char *what, const char **given, const char *key)
{
	if (*given)
		die("-e %s: %s and %s together", what, *given, key);
	*given = key;
}

/* One KEY=VALUE (or eintr) of an -e inject= rule. */
static void parse_inject_key(const char *what, char *tok, struct inject *r, const char **action)
{
	char *eq = strchr(tok, '=');

	if (!strcmp(tok, "eintr")) {
		one_action(what, action, "eintr");
		r->eintr = 1;
		return;
	}
	if (!eq)
		die("-e %s: '%s' is not KEY=VALUE", what, typed(tok));
	*eq++ = '\0';
	if (strcmp(what, "fault") == 0 && strcmp(tok, "error") && strcmp(tok, "when"))
		die("-e fault: unknown or unsupported key '%s' (error, when)", typed(tok));
	if (!strcmp(tok, "error")) {
		one_action(what, action, "error=");
		r->error = errno_by_name(eq);
		if (!r->error && isdigit((unsigned char)*eq) && parse_int64(what, "error", eq, 1) <= 4095)
			r->error = (int)parse_int64(what, "error", eq, 1);
		if (!r->error)
			die("-e %s: unknown error '%s'", what, typed(eq));
	} else if (!strcmp(tok, "retval")) {
		one_action(what, action, "retval=");
		r->retval = parse_retval(what, eq);
		r->has_retval = 1;
	} else if (!strcmp(tok, "signal")) {
		r->signo = signal_by_name(eq);
		if (r->signo <= 0)
			die("-e %s: invalid signal '%s'", what, typed(eq));
	} else if (!strcmp(tok, "short")) {
		one_action(what, action, "short=");
		parse_short(what, eq, r);
	} else if (!strcmp(tok, "enospc-after")) {
		one_action(what, action, "enospc-after=");
		r->enospc_after = parse_size(what, "enospc-after", eq);
		r->has_enospc = 1;
	} else if (!strcmp(tok, "torn")) {
		one_action(what, action, "torn=");
		r->torn = parse_size(what, "torn", eq);
		r->has_torn = 1;
	} else if (!strcmp(tok, "delay_enter")) {
		r->delay_enter = (uint64_t)parse_int64(what, "delay_enter", eq, 0);
	} else if (!strcmp(tok, "delay_exit")) {
		r->delay_exit = (uint64_t)parse_int64(what, "delay_exit", eq, 0);
	} else if (!strcmp(tok, "when")) {
		parse_when(what, eq, r);
	} else {
		die("-e %s: unknown or unsupported key '%s' (error, retval, signal, short, "
		    "enospc-after, torn, eintr, delay_enter, delay_exit, when)", what, typed(tok));
	}
}

/* io_uring's operations run in the kernel, past any stop: they cannot be injected. */
static void drop_ring_ops(const char *what, const char *set, struct inject *r)
{
	unsigned id, any = 0;

	for (id = 1; id < SC_COUNT; id++) {
		if (syscall_def(id)->flags & SF_RING_OP)
			r->set[id] = 0;
		any |= r->set[id];
	}
	if (!any)
		die("-e %s: nothing in '%s' can be injected (io_uring's operations run in the "
		    "kernel, without a stop)", what, typed(set));
}

/*
 * -e inject=SET:KEY=VALUE... and -e fault=SET[:error=ERRNO][:when=EXPR]
 * (fault: inject with ENOSYS unless said otherwise), as strace's, with
 * iotrace's short=, enospc-after=, torn= and eintr.
 */
static void parse_inject(const char *what, const char *value)
{
	char *copy, *tok, *save = NULL, *colon;
	const char *action = NULL;
	struct inject *r;

	if (opt.ninject == INJECT_MAX)
		die("-e %s: at most %d injection rules", what, INJECT_MAX);
	r = &opt.inject[opt.ninject];
	memset(r, 0, sizeof(*r));
	r->first = 1;
	r->step = 1;	/* when=1+: every call */
	copy = xstrdup(value);
	colon = strchr(copy, ':');
	if (colon)
		*colon = '\0';
	if (!*copy)
		die("-e %s: no syscall set", what);
	parse_set(what, copy, r->set, SC_COUNT, add_syscall);
	drop_ring_ops(what, copy, r);
	for (tok = colon ? strtok_r(colon + 1, ":", &save) : NULL; tok; tok = strtok_r(NULL, ":", &save))
		parse_inject_key(what, tok, r, &action);
	free(copy);
	if (!strcmp(what, "fault") && !action)
		r->error = ENOSYS;
	if (!r->error && !action && !r->signo && !r->delay_enter && !r->delay_exit)
		die("-e %s: nothing to inject (error=, retval=, signal=, short=, enospc-after=, "
		    "torn=, eintr, delay_enter= or delay_exit=)", what);
	opt.ninject++;
}

static void parse_expr(const char *expr)
{
	const char *eq = strchr(expr, '=');
	size_t n = eq ? (size_t)(eq - expr) : 0;

	if (!eq) {
		parse_trace(expr);
	} else if ((n == 5 && !strncmp(expr, "trace", n)) ||
		   (n == 1 && *expr == 't')) {
		parse_trace(eq + 1);
	} else if ((n == 6 && !strncmp(expr, "signal", n)) ||
		   (n == 7 && !strncmp(expr, "signals", n)) ||
		   (n == 1 && *expr == 's')) {
		parse_signal(eq + 1);
	} else if (n == 5 && !strncmp(expr, "write", n)) {
		parse_fdset("write", eq + 1, &opt.dump_write);
	} else if (n == 4 && !strncmp(expr, "read", n)) {
		parse_fdset("read", eq + 1, &opt.dump_read);
	} else if ((n == 5 && !strncmp(expr, "quiet", n)) || (n == 6 && !strncmp(expr, "silent", n)) ||
		   (n == 7 && !strncmp(expr, "silence", n)) || (n == 1 && *expr == 'q')) {
		parse_quiet(eq + 1);
	} else if (n == 6 && !strncmp(expr, "status", n)) {
		parse_status(eq + 1);
	} else if (n == 6 && !strncmp(expr, "inject", n)) {
		parse_inject("inject", eq + 1);
	} else if (n == 5 && !strncmp(expr, "fault", n)) {
		parse_inject("fault", eq + 1);
	} else {
		die("-e: unknown qualifier '%s' (iotrace knows trace=, signal=, status=, read=, "
		    "write=, inject=, fault=, quiet=)", typed_n(expr, n));
	}
}

/*
 * The index of @arg among @words (NULL-terminated), or dies naming the
 * option @what and the choices @choices.
 */
static int choice(const char *what, const char *arg, const char *const *words,
		  const char *choices)
{
	int i;

	for (i = 0; words[i]; i++)
		if (!strcmp(arg, words[i]))
			return i;
	die("invalid value for %s: '%s' (%s)", what, typed(arg), choices);
}

static int follow_count, toctou_bytes_given, wall_clock;

/* What shows and how: returns whether @c was one of these. */
static int output_option(int c)
{
	static const char *const sorts[] = { "time", "calls", "name", "nothing", NULL };
	static const char *const styles[] = { "abbrev", "raw", "verbose", NULL };
	static const char *const toctous[] = { "detect", "verify", NULL };	/* TOCTOU_DETECT on */

	switch (c) {
	case 'o':
		opt.outfile = optarg;
		break;
	case 'A':
		opt.append = 1;
		break;
	case 'Y':
		opt.decode_pids = 1;
		break;
	case 'n':
		opt.syscall_numbers = 1;
		break;
	case 'I': {	/* strace's numbers or names */
		static const char *const modes[] = { "anywhere", "waiting", "never", "never_tstp", NULL };
		unsigned long n;
		char *end;

		n = strtoul(optarg, &end, 10);
		if (*optarg && !*end && n >= 1 && n <= 4)
			opt.interruptible = (int)n;
		else
			opt.interruptible = choice("-I", optarg, modes,
						   "1..4, anywhere, waiting, never or never_tstp") + 1;
		break;
	}
	case 'b':	/* as strace: execve is the one call it knows */
		if (strcmp(optarg, "execve"))
			die("invalid value for -b: '%s' (only execve)", typed(optarg));
		opt.detach_on_exec = 1;
		break;
	case 'i':
		opt.print_ip = 1;
		break;
	case 'w':	/* -c's time is always the wall-clock time from entry to exit */
		wall_clock = 1;
		break;
	case OPT_DECODE_PIDS:
		if (strcmp(optarg, "comm"))
			die("invalid value for --decode-pids: '%s' (comm; strace's pidns is not "
			    "supported)", typed(optarg));
		opt.decode_pids = 1;
		break;
	case 's':
		opt.max_strlen = parse_number("-s", optarg, INT_MAX);
		break;
	case 'a':
		opt.align = parse_number("-a", optarg, 4096);
		break;
	case 'x':
		opt.xmode = opt.xmode == XMODE_NONE ? XMODE_NONPRINT : XMODE_ALL;
		break;
	case 'X':
		opt.xlat = (enum xlat_style)choice("-X", optarg, styles, "raw, abbrev or verbose");
		break;
	case 'y':	/* -yy: sockets by their endpoints too */
		opt.show_paths = opt.show_paths < 2 ? opt.show_paths + 1 : 2;
		break;
	case 'v':
		opt.verbose = 1;
		break;
	case 'q':
		quieter();
		break;
	case 't':
		opt.timestamps = opt.timestamps == TS_TIME ? TS_MICRO
			       : opt.timestamps >= TS_MICRO && opt.timestamps != TS_RELATIVE ? TS_EPOCH
			       : TS_TIME;
		break;
	case 'r':
		opt.timestamps = TS_RELATIVE;
		break;
	case 'T':
		opt.durations = 1;
		break;
	case 'c':
		opt.summary = 1;
		break;
	case 'C':
		opt.summary = 2;
		break;
	case 'S':
		opt.sort = (enum summary_sort)choice("-S", optarg, sorts, "time, calls, name or nothing");
		break;
	case OPT_SUMMARY:
		if (!optarg)
			opt.summary = 2;	/* strace's --summary is -C */
		else if (!strcmp(optarg, "files"))
			opt.files_summary = 1;
		else
			die("invalid value for --summary: '%s' (only 'files', or none for -C)", typed(optarg));
		break;
	case 'k':
		if (!stack_supported())
			die("-k needs libunwind-ptrace, and this iotrace was built without it");
		opt.stack = 1;
		break;
	case OPT_FRAME_LIMIT:
		opt.frame_limit = parse_number("--stack-trace-frame-limit", optarg, 65536);
		break;
	case OPT_JSON:
		opt.json = 1;
		break;
	case OPT_ASCII:
		opt.ascii = 1;
		break;
	case OPT_TIMELINE:
		if (!*optarg)
			die("--timeline needs a file name");
		opt.timeline = optarg;
		break;
	case OPT_NORMALIZE:
		if (!optarg)
			opt.normalize = NORM_BLOCKS;
		else if (!strcmp(optarg, "interleaved"))
			opt.normalize = NORM_INTERLEAVED;
		else if (!strcmp(optarg, "merge-reads"))
			opt.normalize = NORM_BLOCKS, opt.merge_reads = 1;
		else
			die("invalid value for --normalize: '%s' (interleaved, merge-reads, or none)",
			    typed(optarg));
		break;
	case OPT_TOCTOU:
		opt.toctou = !optarg ? TOCTOU_DETECT :
			     (enum toctou_mode)(TOCTOU_DETECT +
						choice("--toctou", optarg, toctous, "detect or verify"));
		break;
	case OPT_TOCTOU_BYTES:
		opt.toctou_bytes = parse_number("--toctou-bytes", optarg, TOCTOU_BYTES_MAX);
		toctou_bytes_given = 1;
		break;
	default:
		return 0;
	}
	return 1;
}

/* Which calls and signals show: returns whether @c was one of these. */
static int filter_option(int c)
{
	switch (c) {
	case 'e':
		parse_expr(optarg);
		break;
	case OPT_TRACE:
		parse_trace(optarg);
		break;
	case OPT_SIGNAL:
		parse_signal(optarg);
		break;
	case OPT_QUIET:
		if (optarg)
			parse_quiet(optarg);
		else
			quieter();
		break;
	case OPT_INJECT:
		parse_inject("inject", optarg);
		break;
	case OPT_FAULT:
		parse_inject("fault", optarg);
		break;
	case 'P':
		add_path(optarg);
		break;
	case 'z':
		opt.status = STATUS_SUCCESSFUL;
		break;
	case 'Z':
		opt.status = STATUS_FAILED;
		break;
	default:
		return 0;
	}
	return 1;
}

/* What is traced and how: returns whether @c was one of these. */
static int trace_option(int c)
{
	switch (c) {
	case 'p':
		parse_pids(optarg);
		break;
	case 'E':	/* as strace: iotrace's own environment, which the command inherits */
		if (*optarg == '=' || !*optarg)
			die("-E: '%s' is not NAME or NAME=VALUE", typed(optarg));
		if (strchr(optarg, '=') ? putenv(optarg) : unsetenv(optarg))
			die_errno("-E %s", typed(optarg));
		break;
	case 'u':
		opt.user = optarg;
		break;
	case 'f':
		follow_count++;
		break;
	case OPT_NO_FOLLOW:
		opt.follow = 0;
		break;
	case OPT_NO_SECCOMP:
		opt.seccomp = 0;
		break;
	case OPT_SECCOMP:
		opt.seccomp = 1;
		break;
	case OPT_SPIN:
		opt.spin_usec = parse_number("--spin", optarg, SPIN_USEC_MAX);
		break;
	case OPT_SPIN_ALWAYS:
		opt.spin_always = 1;
		break;
	case 'h':
		usage();
		break;
	case 'V':
		printf("iotrace version %s\n", PACKAGE_VERSION);
		exit(0);
	default:
		return 0;
	}
	return 1;
}

static void defaults(void)
{
	opt.max_strlen = 32;
	opt.toctou_bytes = TOCTOU_BYTES_DEFAULT;
	opt.frame_limit = 256;
	opt.align = 40;
	opt.follow = 1;
	opt.seccomp = 1;
	opt.status = STATUS_ALL;
	opt.spin_usec = SPIN_USEC_DEFAULT;
	memset(opt.trace + 1, 1, SC_COUNT - 1);
	memset(opt.signal + 1, 1, SIG_TABLE_SIZE - 1);
}

/* -u: the user's ids, looked up now (a typo fails before anything runs). */
static void find_user(void)
{
	struct passwd *pw;

	errno = 0;
	pw = getpwnam(opt.user);
	if (!pw)
		die("-u: cannot find user '%s'%s%s", typed(opt.user), errno ? ": " : "",
		    errno ? strerror(errno) : "");
	opt.user_uid = pw->pw_uid;
	opt.user_gid = pw->pw_gid;
}

/* Options that depend on each other, once all are read. */
static void settle(int argc, char **argv)
{
	if (toctou_bytes_given && !opt.toctou)
		die("--toctou-bytes needs --toctou");
	aio_calls_quiet();
	if (wall_clock && !opt.summary)
		die("-w needs -c or -C: it says how their time is measured");
	if (follow_count >= 2)
		opt.per_process = 1;
	if (opt.per_process && !opt.outfile)
		die("-ff needs -o FILE: the files are named FILE.TID");
	if (opt.per_process && out_is_pipe(opt.outfile))
		die("-ff and -o '%s' do not go together: -ff writes files", opt.outfile);
	if (opt.per_process && !opt.follow)
		die("-ff and --no-follow do not go together");
	/*
	 * Untraced children would inherit the filter and see ENOSYS; so
	 * would a process let go at its exec (-b execve).
	 */
	if (!opt.follow || opt.detach_on_exec)
		opt.seccomp = 0;
	if (optind < argc)
		opt.argv = argv + optind;
	/* Two runs must print the same: nothing that tells time. */
	if (opt.normalize) {
		opt.timestamps = TS_NONE;
		opt.durations = 0;
	}
	/* As strace: a trace file for a command we run needs no chatter. */
	if (opt.outfile && opt.argv && !opt.npids && !quiet_given)
		opt.quiet = QUIET_ATTACH | QUIET_PERSONALITY;
	if (!opt.argv && !opt.npids)
		die("nothing to trace: give a command or -p PID (see iotrace -h)");
	if (opt.append && !opt.outfile)	/* as strace: said, not fatal */
		warning("-A has no effect without -o FILE");
	if (opt.user && !opt.argv)
		die("-u needs a command to run: -p attaches as the process is");
	if (opt.user)
		find_user();
}

void options_parse(int argc, char **argv)
{
	int c;

	defaults();
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+:s:a:o:p:e:u:E:X:P:S:b:I:AcCfiknqrtTvwxyYzZhV", long_options, NULL)) != -1)
		if (!output_option(c) && !filter_option(c) && !trace_option(c))
			bad_option(c, argv);
	settle(argc, argv);
}
