/*
 * --timeline=FILE: Chrome Trace Event JSON (see timeline.h).  Times are
 * microseconds since iotrace started, with nanoseconds as fractions.
 */
#include "config.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "config/options.h"
#include "memory/umem.h"
#include "render/quote.h"
#include "render/render.h"
#include "render/timeline.h"
#include "util/names.h"
#include "util/util.h"

#define FLUSH_AT (64 * 1024)
#define SEEN_MAX 4096		/* threads named by metadata events; past them, unnamed */
#define FILES_MAX 1024		/* files with a counter track; past them, none */

static int fd = -1;
static struct strbuf tb = STRBUF_INIT;
static uint64_t t0;
static int events;

static pid_t seen[SEEN_MAX];
static unsigned nseen;

struct file_bytes {
	char *path;
	uint64_t read, written;
};
static struct file_bytes files[FILES_MAX];
static unsigned nfiles;

static void flush(void)
{
	size_t off = 0;

	while (fd >= 0 && off < tb.len) {
		ssize_t n = write(fd, tb.buf + off, tb.len - off);

		if (n <= 0) {
			error("cannot write the timeline: %s", errno_text(errno));
			close(fd);
			fd = -1;
			break;
		}
		off += (size_t)n;
	}
	sb_reset(&tb);
}

void timeline_open(const char *path)
{
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
	if (fd < 0)
		die_errno("cannot open timeline file '%s'", path);
	t0 = now_ns();
	sb_addstr(&tb, "[\n");
}

/* A string as JSON: escaped, bytes past ASCII as \u00XX. */
static void str(const char *s, size_t n)
{
	size_t i;

	sb_addch(&tb, '"');
	for (i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];

		if (ch == '"' || ch == '\\')
			sb_addf(&tb, "\\%c", ch);
		else if (ch < 0x20 || ch >= 0x7f)
			sb_addf(&tb, "\\u%04x", ch);
		else
			sb_addch(&tb, (char)ch);
	}
	sb_addch(&tb, '"');
}

static void us(uint64_t ns)
{
	sb_addf(&tb, "%llu.%03llu", (unsigned long long)(ns / 1000), (unsigned long long)(ns % 1000));
}

static pid_t pid_of(const struct who *w)
{
	return w->tgid ? w->tgid : w->tid;
}

/* Starts an event: its separator, name, phase, time, pid and tid. */
static void begin(const struct who *w, const char *name, const char *cat, const char *ph,
		  uint64_t ns)
{
	if (events++)
		sb_addstr(&tb, ",\n");
	sb_addstr(&tb, "{\"name\":");
	str(name, strlen(name));
	sb_addf(&tb, ",\"cat\":\"%s\",\"ph\":\"%s\",\"ts\":", cat, ph);
	us(ns >= t0 ? ns - t0 : 0);
	sb_addf(&tb, ",\"pid\":%u,\"tid\":%u", quote_pid(pid_of(w)), quote_pid(w->tid));
}

static void end(void)
{
	sb_addch(&tb, '}');
	if (tb.len >= FLUSH_AT)
		flush();
}

/* A metadata event naming @w's process or thread by its command. */
static void name_track(const struct who *w, const char *what, pid_t of)
{
	char comm[64 + NORM_NAME_SHOWN];

	if (umem_comm(of, comm, sizeof(comm)))
		return;
	if (opt.normalize) {	/* the track by its lineage name too: "prog 1.2" */
		size_t n = strlen(comm);

		snprintf(comm + n, sizeof(comm) - n, " %s", quote_pid_str(of));
	}
	if (events++)
		sb_addstr(&tb, ",\n");
	sb_addf(&tb, "{\"name\":\"%s\",\"ph\":\"M\",\"pid\":%u", what, quote_pid(pid_of(w)));
	if (!strcmp(what, "thread_name"))
		sb_addf(&tb, ",\"tid\":%u", quote_pid(w->tid));
	sb_addstr(&tb, ",\"args\":{\"name\":");
	str(comm, strlen(comm));
	sb_addstr(&tb, "}}");
}

static int seen_before(pid_t id)
{
	unsigned i;

	for (i = 0; i < nseen; i++)
		if (seen[i] == id)
			return 1;
	if (nseen < SEEN_MAX)
		seen[nseen++] = id;
	return 0;
}

/* The first event of a thread (and of its process) names their tracks. */
static void meet(const struct who *w)
{
	if (fd < 0)
		return;
	if (!seen_before(-pid_of(w)))
		name_track(w, "process_name", pid_of(w));
	if (!seen_before(w->tid))
		name_track(w, "thread_name", w->tid);
}

/* The bytes a call moved, on its file's counter track. */
static void count_bytes(const struct who *w, const struct call *c, uint64_t ns)
{
	const struct syscall_def *d = syscall_def(c->id);
	const char *path = c->nargs && c->arg[0].type == ARG_FD ? call_fd_path(c, &c->arg[0]) : NULL;
	char role = syscall_fd_role(c->id, 0);
	struct file_bytes *f = NULL;
	unsigned i;

	if (d->result != RESULT_BYTES || c->error || c->rval <= 0 || !path ||
	    (role != FD_SOURCE && role != FD_DEST))
		return;
	for (i = 0; i < nfiles && !f; i++)
		if (strlen(files[i].path) == c->arg[0].path.len &&
		    !memcmp(files[i].path, path, c->arg[0].path.len))
			f = &files[i];
	if (!f && nfiles < FILES_MAX) {
		f = &files[nfiles++];
		f->path = xmalloc(c->arg[0].path.len + 1);
		memcpy(f->path, path, c->arg[0].path.len);
		f->path[c->arg[0].path.len] = '\0';
	}
	if (!f)
		return;
	if (role == FD_SOURCE)
		f->read += (uint64_t)c->rval;
	else
		f->written += (uint64_t)c->rval;
	if (events++)
		sb_addstr(&tb, ",\n");
	sb_addstr(&tb, "{\"name\":");
	str(f->path, strlen(f->path));
	sb_addstr(&tb, ",\"cat\":\"bytes\",\"ph\":\"C\",\"ts\":");
	us(ns - t0);
	sb_addf(&tb, ",\"pid\":%u,\"args\":{\"read\":%llu,\"written\":%llu}}", quote_pid(pid_of(w)),
		(unsigned long long)f->read, (unsigned long long)f->written);
}

void timeline_call(const struct who *w, const struct call *c, uint64_t start_ns, uint64_t dur_ns)
{
	if (fd < 0)
		return;
	meet(w);
	begin(w, syscall_def(c->id)->name, "syscall", "X", start_ns);
	sb_addstr(&tb, ",\"dur\":");
	us(dur_ns);
	sb_addstr(&tb, ",\"args\":");
	json_call_args(&tb, c);
	end();
	count_bytes(w, c, start_ns + dur_ns);
}

void timeline_ring(const struct who *w, const struct call *c, int completion, uint64_t ns)
{
	uint64_t now = now_ns(), ud = 0;
	unsigned i;

	(void)ns;	/* the async slice itself spans submission to completion */
	if (fd < 0)
		return;
	for (i = 0; i < c->nargs; i++)
		if (!strcmp(c->arg[i].name, "user_data"))
			ud = c->arg[i].v.u;
	meet(w);
	/* async begin/end on the ring's track, joined by user_data; a flow from one to the other */
	begin(w, syscall_def(c->id)->name, "io_uring", completion ? "e" : "b", now);
	sb_addf(&tb, ",\"id\":\"0x%llx\",\"args\":", (unsigned long long)ud);
	json_call_args(&tb, c);
	end();
	begin(w, "io_uring", "io_uring", completion ? "f" : "s", now);
	sb_addf(&tb, ",\"id\":\"0x%llx\"%s}", (unsigned long long)ud, completion ? ",\"bp\":\"e\"" : "");
	if (completion)
		count_bytes(w, c, now);
	if (tb.len >= FLUSH_AT)
		flush();
}

void timeline_signal(const struct who *w, const siginfo_t *si)
{
	const char *name = signal_name(si->si_signo);

	if (fd < 0)
		return;
	meet(w);
	begin(w, name ? name : "signal", "signal", "i", now_ns());
	sb_addstr(&tb, ",\"s\":\"t\"");
	end();
}

void timeline_death(const struct who *w, int status)
{
	char what[48];

	if (fd < 0)
		return;
	if (WIFEXITED(status))
		snprintf(what, sizeof(what), "exited with %d", WEXITSTATUS(status));
	else
		snprintf(what, sizeof(what), "killed by %s",
			 signal_name(WTERMSIG(status)) ? signal_name(WTERMSIG(status)) : "a signal");
	meet(w);
	begin(w, what, "process", "i", now_ns());
	sb_addstr(&tb, ",\"s\":\"t\"");
	end();
}

void timeline_close(void)
{
	if (fd < 0)
		return;
	sb_addstr(&tb, "\n]\n");
	flush();
	if (fd >= 0)
		close(fd);
	fd = -1;
}
