#include "config.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "options.h"
#include "output.h"
#include "tracee.h"
#include "util.h"
#include "norm.h"

/*
 * Trace output is buffered here rather than in stdio so that a signal
 * interrupting a write (the tracer runs without SA_RESTART, to wake up
 * from wait4) never drops bytes.
 */
#define MAIN_BUF (64 * 1024)
#define FF_BUF (8 * 1024)

static struct outstream *main_stream;
static struct outstream *streams;	/* every open stream, for flushing */

static void write_all(int fd, const char *p, size_t len)
{
	while (len) {
		ssize_t n = write(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return;	/* a closed pipe or full disk: the trace is lost, not the tracee */
		p += n;
		len -= (size_t)n;
	}
}

static void flush(struct outstream *s)
{
	write_all(s->fd, s->buf, s->len);
	s->len = 0;
}

static struct outstream *stream_new(int fd, int is_file, size_t cap)
{
	struct outstream *s = xcalloc(1, sizeof(*s));

	s->fd = fd;
	s->is_file = is_file;
	s->line_buffered = isatty(fd);
	s->cap = cap;
	s->buf = xmalloc(cap);
	s->next = streams;
	streams = s;
	return s;
}

static int open_out(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);

	if (fd < 0)
		die_errno("cannot open output file '%s'", path);
	return fd;
}

void out_init(void)
{
	if (opt.per_process)
		return;
	if (opt.outfile)
		main_stream = stream_new(open_out(opt.outfile), 1, MAIN_BUF);
	else
		main_stream = stream_new(STDERR_FILENO, 0, MAIN_BUF);
}

struct outstream *out_for(pid_t tid)
{
	char path[4096];

	if (!opt.per_process)
		return main_stream;
	if ((size_t)snprintf(path, sizeof(path), "%s.%d", opt.outfile,
			     opt.normalize ? (int)norm_pid(tid) : (int)tid) >= sizeof(path))
		die("output file name too long: '%s'", opt.outfile);
	return stream_new(open_out(path), 1, FF_BUF);
}

void out_release(struct tcb *t)
{
	struct outstream *s = t->out, **p;

	if (!s)
		return;
	if (s->open_line == t)
		s->open_line = NULL;
	t->out = NULL;
	if (s == main_stream)
		return;
	flush(s);
	close(s->fd);
	for (p = &streams; *p; p = &(*p)->next) {
		if (*p == s) {
			*p = s->next;
			break;
		}
	}
	free(s->buf);
	free(s);
}

void out_write(struct outstream *s, const char *data, size_t len)
{
	if (s->len + len > s->cap) {
		flush(s);
		if (len > s->cap) {
			write_all(s->fd, data, len);
			return;
		}
	}
	memcpy(s->buf + s->len, data, len);
	s->len += len;
	if (s->line_buffered && len && data[len - 1] == '\n')
		flush(s);
}

struct outstream *out_summary(void)
{
	if (!main_stream)
		main_stream = stream_new(STDERR_FILENO, 0, MAIN_BUF);
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
