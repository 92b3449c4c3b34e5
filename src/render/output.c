/*
 * Where trace lines go: stderr, the -o file, a command's stdin (-o |CMD),
 * or one -ff file per thread.
 *
 * Trace output is buffered here rather than in stdio so that a signal
 * interrupting a write (the tracer runs without SA_RESTART, to wake up
 * from wait4) never drops bytes.
 *
 * -ff keeps a bounded set of files open, the most recently written ones:
 * a program may run more threads than iotrace may open files.  A file
 * put aside is closed (after a flush) and reopened for appending when
 * its thread prints again.
 *
 * A failed write (a full disk, a closed pipe) is said once per stream;
 * the rest of that stream is dropped, the traced programs run on, and
 * iotrace's exit status says the trace is incomplete (out_failed()).
 */
#include "config.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include "config/options.h"
#include "render/blocks.h"
#include "render/output.h"
#include "util/util.h"
#include "policy/norm.h"

#define MAIN_BUF (64 * 1024)
#define FF_BUF (8 * 1024)
/* -ff files kept open at most; fewer when the open-file limit is low. */
#define FF_OPEN_MAX 256
/* fds left for everything else iotrace opens (/proc files, pidfds...). */
#define FD_RESERVE 32

static struct outstream *main_stream;
static struct outstream *streams;	/* every stream, for flushing */
static struct outstream *lru_head, *lru_tail;	/* open -ff files, newest first */
static unsigned ff_open, ff_open_max;
static int failed, stopped;
static pid_t pipe_cmd;	/* -o |CMD: the shell running it */

static void report_failure(struct outstream *s, int err)
{
	s->failed = 1;
	failed = 1;
	if (s->fd == STDERR_FILENO)
		return;	/* nowhere to say it */
	error("cannot write the trace to '%s': %s", s->name, strerror(err));
}

static void write_all(struct outstream *s, const char *p, size_t len)
{
	while (len && !s->failed) {
		ssize_t n = write(s->fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			report_failure(s, n < 0 ? errno : ENOSPC);
			return;
		}
		p += n;
		len -= (size_t)n;
	}
}

static void flush(struct outstream *s)
{
	if (s->len && s->fd >= 0)
		write_all(s, s->buf, s->len);
	s->len = 0;
}

static void lru_unlink(struct outstream *s)
{
	if (s->lru_prev)
		s->lru_prev->lru_next = s->lru_next;
	else if (lru_head == s)
		lru_head = s->lru_next;
	if (s->lru_next)
		s->lru_next->lru_prev = s->lru_prev;
	else if (lru_tail == s)
		lru_tail = s->lru_prev;
	s->lru_prev = s->lru_next = NULL;
}

static void lru_push(struct outstream *s)
{
	s->lru_next = lru_head;
	if (lru_head)
		lru_head->lru_prev = s;
	lru_head = s;
	if (!lru_tail)
		lru_tail = s;
}

/* Puts a -ff file aside: flushed and closed, its buffer freed. */
static void ff_close(struct outstream *s)
{
	flush(s);
	close(s->fd);
	s->fd = -1;
	free(s->buf);
	s->buf = NULL;
	lru_unlink(s);
	ff_open--;
}

/* Opens (creates at first, else appends to) -ff file @s, putting older ones aside. */
static int ff_reopen(struct outstream *s)
{
	int flags = O_WRONLY | O_CLOEXEC |
		    (s->created || opt.append ? O_APPEND : O_TRUNC) | (s->created ? 0 : O_CREAT);
	int fd;

	while (ff_open >= ff_open_max && lru_tail)
		ff_close(lru_tail);
	while ((fd = open(s->name, flags, 0666)) < 0 && (errno == EMFILE || errno == ENFILE) &&
	       lru_tail)
		ff_close(lru_tail);
	if (fd < 0) {
		s->failed = 1;
		failed = 1;
		error("cannot open output file '%s': %s", s->name, strerror(errno));
		return -1;
	}
	s->fd = fd;
	s->created = 1;
	s->buf = xmalloc(s->cap);
	lru_push(s);
	ff_open++;
	return 0;
}

static struct outstream *stream_new(int fd, const char *name, int is_file, size_t cap)
{
	struct outstream *s = xcalloc(1, sizeof(*s));

	s->fd = fd;
	s->name = xstrdup(name);
	s->is_file = is_file;
	s->line_buffered = fd >= 0 && isatty(fd);
	s->cap = cap;
	s->buf = fd >= 0 ? xmalloc(cap) : NULL;
	s->next = streams;
	streams = s;
	return s;
}

static int open_out(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | (opt.append ? O_APPEND : O_TRUNC), 0666);

	if (fd < 0)
		die_errno("cannot open output file '%s'", path);
	return fd;
}

/*
 * -o |CMD (or !CMD): the trace is CMD's stdin, run by /bin/sh as strace
 * runs it.  Started before iotrace sets its own signal handling, so CMD
 * gets the dispositions iotrace was given.
 */
static int open_pipe_cmd(const char *cmd)
{
	int fds[2];

	if (pipe2(fds, O_CLOEXEC))
		die_errno("cannot make a pipe for '-o %s'", opt.outfile);
	pipe_cmd = fork();
	if (pipe_cmd < 0)
		die_errno("cannot start '%s'", cmd);
	if (!pipe_cmd) {
		if (dup2(fds[0], STDIN_FILENO) < 0)
			_exit(127);
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		fprintf(stderr, "iotrace: cannot run /bin/sh for '%s': %s\n", cmd, strerror(errno));
		_exit(127);
	}
	close(fds[0]);
	return fds[1];
}

int out_is_pipe(const char *outfile)
{
	return outfile && (outfile[0] == '|' || outfile[0] == '!');
}

void out_close(void)
{
	int status;

	out_flush_all();
	if (!pipe_cmd)
		return;
	close(main_stream->fd);	/* CMD sees the end of the trace */
	main_stream->fd = -1;
	main_stream->failed = 1;
	/* The loop may have reaped it (ECHILD); else the trace is done once CMD is. */
	while (waitpid(pipe_cmd, &status, 0) < 0 && errno == EINTR)
		;
	pipe_cmd = 0;
}

static unsigned ff_limit(void)
{
	struct rlimit rl;
	rlim_t n;

	if (getrlimit(RLIMIT_NOFILE, &rl) || rl.rlim_cur == RLIM_INFINITY)
		return FF_OPEN_MAX;
	n = rl.rlim_cur > 2 * FD_RESERVE ? rl.rlim_cur - FD_RESERVE : rl.rlim_cur / 2;
	return (unsigned)MIN(n ? n : 1, (rlim_t)FF_OPEN_MAX);
}

static void write_main(void *ctx, const char *data, size_t len)
{
	out_write(ctx, data, len);
}

void out_init(void)
{
	if (opt.per_process) {
		ff_open_max = ff_limit();
		return;
	}
	if (out_is_pipe(opt.outfile))
		main_stream = stream_new(open_pipe_cmd(opt.outfile + 1), opt.outfile, 1, MAIN_BUF);
	else if (opt.outfile)
		main_stream = stream_new(open_out(opt.outfile), opt.outfile, 1, MAIN_BUF);
	else
		main_stream = stream_new(STDERR_FILENO, "stderr", 0, MAIN_BUF);
	if (opt.normalize == NORM_BLOCKS && (opt.json || (main_stream->is_file && opt.follow)))
		blocks_set_output(write_main, main_stream, opt.json, main_stream->is_file);
}

/*
 * -ff's FILE.N: N the tid, or under --normalize the thread's lineage name
 * (its tid until it has one: out_renamed() then renames the file).
 */
static void ff_path(char *path, size_t size, pid_t tid)
{
	const char *name = opt.normalize ? norm_name(tid) : NULL;

	if ((name ? (size_t)snprintf(path, size, "%s.%s", opt.outfile, name) :
	     (size_t)snprintf(path, size, "%s.%d", opt.outfile, (int)tid)) >= size)
		die("output file name too long: '%s'", opt.outfile);
}

struct outstream *out_for(pid_t tid, pid_t tgid)
{
	char path[4096];
	struct outstream *s;

	if (!opt.per_process && opt.normalize == NORM_BLOCKS) {
		s = xcalloc(1, sizeof(*s));	/* not in @streams: nothing to flush */
		s->fd = -1;
		s->name = xstrdup("block");
		s->is_file = main_stream->is_file;
		s->block = block_new(tid, tgid);
		return s;
	}
	if (!opt.per_process)
		return main_stream;
	ff_path(path, sizeof(path), tid);
	s = stream_new(-1, path, 1, FF_BUF);
	ff_reopen(s);	/* the file exists from the thread's start, as with strace */
	return s;
}

void out_renamed(struct who *w)
{
	char path[4096];
	struct outstream *s = w->out;

	if (!s || !opt.per_process || s->block)
		return;
	ff_path(path, sizeof(path), w->tid);
	if (!strcmp(path, s->name))
		return;
	if (rename(s->name, path))
		error("cannot rename '%s' to '%s': %s", s->name, path, strerror(errno));
	else {
		free(s->name);
		s->name = xstrdup(path);
	}
}

void out_release(struct who *w)
{
	struct outstream *s = w->out, **p;

	if (!s)
		return;
	if (s->open_line == w)
		s->open_line = NULL;
	w->out = NULL;
	if (s == main_stream)
		return;
	if (s->block) {	/* its block waits for the end */
		block_end(s->block);
		free(s->name);
		free(s);
		return;
	}
	if (s->fd >= 0)
		ff_close(s);
	for (p = &streams; *p; p = &(*p)->next) {
		if (*p == s) {
			*p = s->next;
			break;
		}
	}
	free(s->name);
	free(s);
}

void out_write(struct outstream *s, const char *data, size_t len)
{
	if (s->block) {
		block_write(s->block, data, len);
		return;
	}
	if (s->failed || stopped)
		return;
	if (s->fd < 0 && ff_reopen(s))
		return;
	if (s != lru_head && s->lru_prev) {	/* an -ff file: the newest now */
		lru_unlink(s);
		lru_push(s);
	}
	if (s->len + len > s->cap) {
		flush(s);
		if (len > s->cap) {
			write_all(s, data, len);
			return;
		}
	}
	memcpy(s->buf + s->len, data, len);
	s->len += len;
	if (s->line_buffered && len && data[len - 1] == '\n')
		flush(s);
}

void out_finish(void)
{
	if (main_stream)
		blocks_finish(write_main, main_stream, opt.json, main_stream->is_file,
			      main_stream->is_file && opt.follow);
}

struct outstream *out_summary(void)
{
	if (!main_stream)
		main_stream = stream_new(STDERR_FILENO, "stderr", 0, MAIN_BUF);
	return main_stream;
}

void out_flush_all(void)
{
	struct outstream *s;

	for (s = streams; s; s = s->next)
		flush(s);
}

void out_before_message(void)
{
	if (main_stream && main_stream->fd == STDERR_FILENO)
		flush(main_stream);
}

int out_failed(void)
{
	return failed;
}

void out_stop(void)
{
	stopped = 1;
}
