/*
 * The text renderer: strace's line format.  Lines are split at syscall
 * entry and exit; when another thread prints in between, the open line
 * is closed with " <unfinished ...>" and later resumed as "<... NAME
 * resumed>".  After a call's line come its hex dump and its stack.
 */
#include "config.h"
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "config/options.h"
#include "policy/norm.h"
#include "render/quote.h"
#include "render/text.h"
#include "util/names.h"
#include "util/util.h"

/* One scratch line, reused: rendering allocates nothing in steady state. */
static struct strbuf line = STRBUF_INIT;

static unsigned threads;	/* traced now */

void text_threads(unsigned n)
{
	threads = n;
}

/* Closes another thread's open line on @w's stream before @w prints. */
static void take_stream(struct who *w)
{
	struct outstream *s = w->out;
	struct who *owner = s->open_line;

	if (!owner || owner == w)
		return;
	out_write(s, " <unfinished ...>\n", 18);
	owner->line_cut = 1;
	s->open_line = NULL;
}



/*
 * --normalize's blocks: the leader a line will get when its block is
 * written, which the -a column counts (a file's "NAME  "; none known on
 * a terminal, where it depends on how many threads there were).
 */
static size_t lead_width;

/*
 * -n and -i, after the time: a call's number and where it was made (as
 * its entry stop said: a held line prints later), or for other lines the
 * thread's last call and where a signal found it; at its end, where is
 * not known ("[????????????????]", as strace).
 */
static void where(struct strbuf *sb, const struct who *w, const struct call_site *wh, int ip_known)
{
	uint64_t nr = wh ? wh->nr : w->last_nr, ip = wh ? wh->ip : w->last_ip;
	unsigned digits = (wh ? wh->ip32 : w->ip32) ? 8 : 16;

	if (opt.syscall_numbers)
		sb_addf(sb, "[%4llu] ", (unsigned long long)nr);
	if (!opt.print_ip)
		return;
	sb_addch(sb, '[');
	if (!ip_known)
		sb_addf(sb, "%.*s", (int)digits, "????????????????");
	else if (opt.normalize)	/* the address of code: named by first appearance */
		sb_addf(sb, "ADDR%u", norm_addr(ip));
	else
		sb_addf(sb, "%0*llx", (int)digits, (unsigned long long)ip);
	sb_addstr(sb, "] ");
}

static void leader(struct strbuf *sb, const struct who *w, const struct call_site *wh, int ip_known)
{
	lead_width = 0;
	if (opt.normalize == NORM_BLOCKS && !opt.per_process) {
		norm_block(w->tid);	/* numbered within the thread's block, which names it */
		if (w->out->is_file && opt.follow)
			lead_width = MAX(strlen(quote_pid_str(w->tid)), (size_t)5) + 1;
	} else if (opt.per_process) {
		/* no pid column */
	} else if (w->out->is_file) {
		/* strace -f -o FILE marks every line with the pid; -Y, unpadded, with its name. */
		if ((opt.follow || threads > 1) && opt.decode_pids)
			sb_addf(sb, "%s<%s> ", quote_pid_str(w->tid), w->comm);
		else if (opt.follow || threads > 1)
			sb_addf(sb, "%-5s ", quote_pid_str(w->tid));
	} else if (threads > 1 && opt.decode_pids) {
		sb_addf(sb, "[pid %5s<%s>] ", quote_pid_str(w->tid), w->comm);
	} else if (threads > 1) {
		sb_addf(sb, "[pid %5s] ", quote_pid_str(w->tid));
	}
	if (opt.timestamps)
		quote_timestamp(sb);
	where(sb, w, wh, ip_known);
}

static void begin_line_where(struct who *w, const struct call_site *wh, int ip_known)
{
	take_stream(w);
	sb_reset(&line);
	leader(&line, w, wh, ip_known);
}

static void begin_line(struct who *w)
{
	begin_line_where(w, NULL, 1);
}

/* A call's line: -n and -i as its entry said (@r NULL: the thread's). */
static void begin_call_line(struct who *w, const struct report *r)
{
	begin_line_where(w, r && r->site.set ? &r->site : NULL, 1);
}

static void emit(struct who *w)
{
	if (opt.summary == 1)
		return;	/* -c: nothing but the table */
	out_write(w->out, line.buf, line.len);
}

static void text_entry(struct who *w, const struct report *r)
{
	const struct call *c = &r->call;
	unsigned n = call_entry_args(c);

	begin_call_line(w, r);
	sb_addstr(&line, syscall_def(c->id)->name);
	sb_addch(&line, '(');
	text_args(&line, c, 0, n);
	if (n && n < c->nargs && !c->arg[n].after_result)
		sb_addstr(&line, ", ");
	w->col = line.len + lead_width;
	emit(w);
	w->line_open = 1;
	w->line_cut = 0;
	w->args_done = n == c->nargs;
	w->open_id = c->id;
	w->out->open_line = w;
}

/* Starts the exit part: on the open line, or as "<... NAME resumed>". */
static size_t resume_line(struct who *w, const struct report *r)
{
	if (w->out->open_line == w && !w->line_cut) {
		sb_reset(&line);
		return w->col;
	}
	begin_call_line(w, r);
	sb_addstr(&line, "<... ");
	sb_addstr(&line, syscall_def(w->open_id)->name);
	sb_addstr(&line, " resumed>");
	return 0;
}

static void pad_to_result(size_t col)
{
	if (col < opt.align)
		sb_pad(&line, opt.align - col);
	else
		sb_addch(&line, ' ');
	sb_addstr(&line, "= ");
}

static void end_line(struct who *w)
{
	sb_addch(&line, '\n');
	emit(w);
	w->line_open = 0;
	w->line_cut = 0;
	if (w->out->open_line == w)
		w->out->open_line = NULL;
}

/* Dumps are streamed in chunks this big: their length comes from the tracee. */
#define DUMP_CHUNK (64 * 1024)

/* Offset digits: 5, or as many as the dump's last offset needs. */
static unsigned dump_width(uint64_t len)
{
	unsigned w = 5;

	while (w < 16 && ((len - 1) >> (4 * w)))
		w++;
	return w;
}

/*
 * " | 00010  36 37 ...  ... |" lines, written straight into the line
 * buffer: dumps can be megabytes, so no per-character calls here.
 */
static void dump_lines(const unsigned char *p, size_t n, uint64_t off, unsigned width)
{
	static const char digits[] = "0123456789abcdef";
	size_t i, k;

	sb_grow(&line, (n / 16 + 1) * (3 + width + 2 + 16 * 3 + 2 + 16 + 3));
	for (i = 0; i < n; i += 16) {
		size_t cnt = MIN((size_t)16, n - i);
		char *o = line.buf + line.len;
		uint64_t at = off + i;

		memcpy(o, " | ", 3);
		o += 3;
		for (k = 0; k < width; k++)
			o[width - 1 - k] = digits[(at >> (4 * k)) & 15];
		o += width;
		*o++ = ' ';
		*o++ = ' ';
		for (k = 0; k < 16; k++) {
			if (k < cnt) {
				*o++ = digits[p[i + k] >> 4];
				*o++ = digits[p[i + k] & 15];
				*o++ = ' ';
			} else {
				memcpy(o, "   ", 3);
				o += 3;
			}
			if (k == 7)
				*o++ = ' ';
		}
		*o++ = ' ';
		for (k = 0; k < 16; k++) {
			unsigned char ch = k < cnt ? p[i + k] : ' ';

			*o++ = ch >= 0x20 && ch <= 0x7e ? (char)ch : '.';
		}
		memcpy(o, " |\n", 3);
		o += 3;
		line.len = (size_t)(o - line.buf);
	}
	line.buf[line.len] = '\0';
}

/* Dumps @len bytes at @addr; where memory ends, says how much is not shown. */
static void dump_range(struct who *w, const struct dump *d, uint64_t addr, uint64_t len)
{
	static unsigned char chunk[DUMP_CHUNK];
	unsigned width;
	uint64_t off = 0;

	if (!len)
		return;
	width = dump_width(len);
	while (off < len) {
		size_t want = (size_t)MIN(len - off, (uint64_t)DUMP_CHUNK), got;
		uint64_t fault;

		got = dump_read_tracee(d, addr + off, chunk, want, &fault);
		sb_reset(&line);
		dump_lines(chunk, got, off, width);
		off += got;
		if (got < want) {
			sb_addstr(&line, " | <unreadable from ");
			quote_hexaddr(&line, fault);
			sb_addf(&line, ": %llu bytes not shown>\n", (unsigned long long)(len - off));
		}
		emit(w);
		if (got < want)
			return;
	}
}

/* A dump already read (call_fetch's dump_segs): the lines, and where reading stopped. */
static void dump_fetched(const struct call *c, const struct buf_arg *b)
{
	if (!b->len)
		return;
	dump_lines(call_buf_data(c, b), b->got, 0, dump_width(b->len));
	if (b->got < b->len) {
		sb_addstr(&line, " | <unreadable from ");
		quote_hexaddr(&line, b->fault);
		sb_addf(&line, ": %llu bytes not shown>\n", (unsigned long long)(b->len - b->got));
	}
}

/* Prints a dump of at most DUMP_PREFETCH bytes read with the call. */
static void render_fetched_dump(struct who *w, const struct report *r)
{
	const struct call *c = &r->call;
	const struct dump *d = &r->dump;
	unsigned i;

	if (call_data_arg(c, (unsigned)d->arg)->type == ARG_BUF) {
		if (d->nsegs) {
			sb_reset(&line);
			dump_fetched(c, &d->segs[0]);
			emit(w);
		}
		return;
	}
	for (i = 0; i < d->nsegs; i++) {
		sb_reset(&line);
		sb_addf(&line, " * %llu bytes in buffer %u\n",
			(unsigned long long)d->segs[i].len, i);
		dump_fetched(c, &d->segs[i]);
		emit(w);
	}
}

/* Messages (sendmmsg, recvmmsg): each one's buffers, up to what it moved, as strace. */
static int render_vectors(struct who *w, const struct report *r)
{
	const struct call *c = &r->call;
	const struct agg_arg *iov;
	uint64_t iovlen, left, addr, len;
	unsigned k, i;
	int pf;

	for (k = 0; dump_vector(&r->dump, c, k, &iov, &iovlen, &left); k++) {
		sb_reset(&line);
		sb_addf(&line, " = %llu buffers in vector %u\n", (unsigned long long)iovlen, k);
		emit(w);
		pf = iov ? call_payload_field(iov) : -1;
		for (i = 0; pf >= 0 && i < iov->got && left; i++) {
			addr = call_field(c, iov, i, (unsigned)pf);
			len = MIN(call_field(c, iov, i, (unsigned)iov->layout->fields[pf].len), left);
			left -= len;
			sb_reset(&line);
			sb_addf(&line, " * %llu bytes in buffer %u\n", (unsigned long long)len, i);
			emit(w);
			dump_range(w, &r->dump, addr, len);
		}
	}
	return k > 0;
}

/*
 * Linux AIO: each write io_submit passes to a dumped fd, or each read an
 * event completed from one: " * N bytes in iocb K (fd F)", or for a
 * vectored one " = N buffers in iocb K (fd F)" then each buffer, as
 * sendmmsg's vectors print.
 */
static void render_aio(struct who *w, const struct report *r)
{
	const char *what = r->dump.aio == DUMP_AIO_WRITES ? "iocb" : "event";
	const struct call *c = &r->call;
	struct dump_aio a;
	uint64_t addr, len, left;
	unsigned k, i;

	for (k = 0; dump_aio(&r->dump, c, k, &a); k++) {
		if (!a.shown)
			continue;
		sb_reset(&line);
		if (!a.vectored) {
			sb_addf(&line, " * %llu bytes in %s %u (fd %d)\n", (unsigned long long)a.len,
				what, k, a.fd);
			emit(w);
			dump_range(w, &r->dump, a.buf, a.len);
			continue;
		}
		sb_addf(&line, " = %llu buffers in %s %u (fd %d)\n", (unsigned long long)a.count,
			what, k, a.fd);
		emit(w);
		left = a.len;
		for (i = 0; i < a.count && i < DUMP_AIO_MAX && left &&
			    dump_aio_iovec(&r->dump, c, a.buf, i, &addr, &len); i++) {
			len = MIN(len, left);
			left -= len;
			sb_reset(&line);
			sb_addf(&line, " * %llu bytes in buffer %u\n", (unsigned long long)len, i);
			emit(w);
			dump_range(w, &r->dump, addr, len);
		}
	}
}

static void render_dump(struct who *w, const struct report *r)
{
	const struct call *c = &r->call;
	const struct arg *data;
	uint64_t addr, len;
	unsigned i;

	if (r->dump.aio) {
		render_aio(w, r);
		return;
	}
	if (r->dump.ready) {
		render_fetched_dump(w, r);
		return;
	}
	if (render_vectors(w, r))
		return;
	/* Past DUMP_PREFETCH: streamed from the tracee, which waits meanwhile. */
	data = call_data_arg(c, (unsigned)r->dump.arg);
	if (data && data->type == ARG_BUF) {
		if (dump_stretch(&r->dump, c, 0, &addr, &len))
			dump_range(w, &r->dump, addr, len);
		return;
	}
	for (i = 0; dump_stretch(&r->dump, c, i, &addr, &len); i++) {
		sb_reset(&line);
		sb_addf(&line, " * %llu bytes in buffer %u\n", (unsigned long long)len, i);
		emit(w);
		dump_range(w, &r->dump, addr, len);
	}
}

/*
 * Binary paths and symbol names come from the tracee's files: printable
 * ASCII stays as it is (they are meant to be read), anything else is
 * escaped in octal, whatever -x says.
 */
static void add_escaped_name(struct strbuf *sb, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c >= 0x20 && c <= 0x7e && c != '\\')
			sb_addch(sb, (char)c);
		else
			sb_addf(sb, "\\%03o", c);
	}
}

/* " > binary(symbol+0xoff) [0xfile_offset]" per frame. */
static void render_stack(struct who *w, const struct stack *st)
{
	unsigned i;

	sb_reset(&line);
	if (st->note == STACK_I386)
		sb_addstr(&line, " > [no stack trace: libunwind cannot unwind a 32-bit tracee from the 64-bit iotrace]\n");
	else if (st->note == STACK_FAILED)
		sb_addstr(&line, " > [no stack trace: the unwinder could not start]\n");
	for (i = 0; i < st->n; i++) {
		const struct frame *f = &st->frames[i];

		sb_addstr(&line, " > ");
		add_escaped_name(&line, f->binary ? f->binary : "?");
		sb_addch(&line, '(');
		add_escaped_name(&line, f->symbol);
		sb_addstr(&line, ") [");
		sb_addhex(&line, f->file_off);
		sb_addstr(&line, "]\n");
	}
	emit(w);
}

static void text_exit(struct who *w, const struct report *r)
{
	const struct call *c = &r->call;
	size_t base = resume_line(w, r);

	text_args(&line, c, call_entry_args(c), c->nargs);
	sb_addch(&line, ')');
	pad_to_result(base + line.len);
	text_result(&line, c);
	if (toctou_has_news(&r->tt))
		text_toctou(&line, c, &r->tt);
	if (r->aio.n || r->aio.unwatched)
		text_aio_toctou(&line, &r->aio);
	if (opt.durations)
		sb_addf(&line, " <%llu.%06llu>", (unsigned long long)(r->duration_ns / 1000000000u),
			(unsigned long long)(r->duration_ns % 1000000000u / 1000));
	end_line(w);
	if (r->dump.arg >= 0)
		render_dump(w, r);
	if (r->stack.n || r->stack.note)
		render_stack(w, &r->stack);
}

static void text_whole(struct who *w, const struct report *r)
{
	text_entry(w, r);
	if (!r->call.vanished)	/* else the line stays open, for text_vanished() */
		text_exit(w, r);
}

/*
 * Ends a line left open, as strace does: " <unfinished ...>) = ?" when
 * arguments were still to come (read's buffer), ") = ?" when the entry
 * showed them all (write's).
 */
static void close_open_line(struct who *w)
{
	size_t base;

	if (!w->line_open)
		return;
	base = resume_line(w, NULL);	/* (the thread's own: the call it died in) */
	if (!w->args_done)
		sb_addstr(&line, " <unfinished ...>");
	sb_addch(&line, ')');
	pad_to_result(base + line.len);
	sb_addch(&line, '?');
	end_line(w);
}

static void text_vanished(struct who *w, const struct report *r)
{
	if (r->call.vanished != VANISHED_DETACHED || !w->line_open) {
		close_open_line(w);
		return;
	}
	resume_line(w, r);
	sb_addstr(&line, " <detached ...>");	/* as strace: no result, nor a parenthesis */
	end_line(w);
}

static void sig(struct strbuf *sb, int signo)
{
	const char *name = signal_name(signo);

	if (name)
		sb_addstr(sb, name);
	else
		sb_addi(sb, signo);
}

/*
 * A siginfo field that is a value with a name, as -X says (strace):
 * the name; -X raw the number (a signal in decimal, a code in hex as an
 * unsigned int); -X verbose the number and the name as a comment.
 */
static void named_field(struct strbuf *sb, int v, const char *name, int in_hex)
{
	if (name && opt.xlat == XLAT_ABBREV) {
		sb_addstr(sb, name);
		return;
	}
	if (in_hex && v)
		sb_addf(sb, "%#x", (unsigned)v);
	else
		sb_addi(sb, v);
	if (name && opt.xlat == XLAT_VERBOSE)
		sb_addf(sb, " /* %s */", name);
}

static void sig_field(struct strbuf *sb, int signo)
{
	named_field(sb, signo, signal_name(signo), 0);
}

/* -Y: the sender's command name (of the signal being printed), or "" */
static const char *sender_comm = "";

static void pid_uid(struct strbuf *sb, const siginfo_t *si)
{
	sb_addf(sb, ", si_pid=%s", quote_pid_str(si->si_pid));
	if (opt.decode_pids && *sender_comm)
		sb_addf(sb, "<%s>", sender_comm);
	sb_addf(sb, ", si_uid=%u", (unsigned)si->si_uid);
}

static void sigval(struct strbuf *sb, const siginfo_t *si)
{
	sb_addf(sb, ", si_int=%d, si_ptr=", si->si_int);
	quote_addr(sb, (uintptr_t)si->si_ptr);
}

/*
 * A child's CPU time in clock ticks, with strace's comment in seconds
 * when not 0: "si_utime=5 /" "* 0.05 s *" "/".  It varies from run to
 * run: --normalize prints 0.
 */
static void cpu_time(struct strbuf *sb, const char *name, clock_t ticks)
{
	static long hz;
	unsigned long long t = opt.normalize || ticks < 0 ? 0 : (unsigned long long)ticks;

	if (!hz)
		hz = sysconf(_SC_CLK_TCK) > 0 ? sysconf(_SC_CLK_TCK) : 100;
	sb_addstr(sb, name);
	sb_addu(sb, t);
	if (t)
		sb_addf(sb, " /* %llu.%02llu s */", t / (unsigned long long)hz,
			t % (unsigned long long)hz * 100 / (unsigned long long)hz);
}

static void siginfo_fields(struct strbuf *sb, const siginfo_t *si)
{
	const char *code = sicode_name(si->si_signo, si->si_code);

	sb_addstr(sb, "si_signo=");
	sig_field(sb, si->si_signo);
	sb_addstr(sb, ", si_code=");
	named_field(sb, si->si_code, code, 1);
	switch (si->si_code) {
	case SI_USER:
	case SI_TKILL:
		pid_uid(sb, si);
		return;
	case SI_QUEUE:
	case SI_MESGQ:
		pid_uid(sb, si);
		sigval(sb, si);
		return;
	case SI_TIMER:
		sb_addf(sb, ", si_timerid=%#x, si_overrun=%d", (unsigned)si->si_timerid,
			si->si_overrun);
		sigval(sb, si);
		return;
	}
	if (si->si_code <= 0) {	/* another code a process sends with: who sent it */
		pid_uid(sb, si);
		if (si->si_ptr)
			sigval(sb, si);
		return;
	}
	if (si->si_code == SI_KERNEL)
		return;
	switch (si->si_signo) {
	case SIGCHLD:
		pid_uid(sb, si);
		sb_addstr(sb, ", si_status=");
		if (si->si_code == CLD_EXITED)
			sb_addi(sb, si->si_status);
		else
			sig_field(sb, si->si_status);
		cpu_time(sb, ", si_utime=", si->si_utime);
		cpu_time(sb, ", si_stime=", si->si_stime);
		break;
	case SIGILL: case SIGFPE: case SIGSEGV: case SIGBUS: case SIGTRAP:
		sb_addstr(sb, ", si_addr=");
		quote_addr(sb, (uintptr_t)si->si_addr);
		break;
	case SIGIO:
		sb_addf(sb, ", si_band=%ld, si_fd=%d", (long)si->si_band, si->si_fd);
		break;
	case SIGSYS:
		sb_addstr(sb, ", si_call_addr=");
		quote_addr(sb, (uintptr_t)si->si_call_addr);
		sb_addf(sb, ", si_syscall=%d, si_arch=%#x", si->si_syscall, si->si_arch);
		break;
	}
}

static void text_signal(struct who *w, const siginfo_t *si)
{
	begin_line(w);
	sb_addstr(&line, "--- ");
	sig(&line, si->si_signo);
	sb_addstr(&line, " {");
	sender_comm = w->sender_comm;
	siginfo_fields(&line, si);
	sender_comm = "";
	sb_addstr(&line, "} ---\n");
	emit(w);
}

static void text_stopped(struct who *w, int signo)
{
	begin_line(w);
	sb_addstr(&line, "--- stopped by ");
	sig(&line, signo);
	sb_addstr(&line, " ---\n");
	emit(w);
}

static void text_death(struct who *w, int status)
{
	close_open_line(w);
	begin_line_where(w, NULL, 0);
	if (WIFEXITED(status)) {
		sb_addf(&line, "+++ exited with %d +++\n", WEXITSTATUS(status));
	} else {
		sb_addstr(&line, "+++ killed by ");
		sig(&line, WTERMSIG(status));
		sb_addstr(&line, WCOREDUMP(status) ? " (core dumped) +++\n" : " +++\n");
	}
	emit(w);
}

/* "  sqe IORING_OP_WRITE(3, "hi", 2, 0, user_data=0x1)"; a completion ends in its result. */
static void text_ring(struct who *w, const struct report *r, int completion,
		      const struct report *sub, uint64_t ns)
{
	const struct call *c = &r->call;

	begin_line(w);
	sb_addstr(&line, completion ? "  cqe " : "  sqe ");
	sb_addstr(&line, syscall_def(c->id)->name);
	sb_addch(&line, '(');
	text_args(&line, c, 0, c->nargs);
	sb_addch(&line, ')');
	if (completion) {
		sb_addstr(&line, " = ");
		text_result(&line, c);
	}
	if (sub && toctou_has_news(&sub->tt))
		text_toctou(&line, &sub->call, &sub->tt);
	if (opt.durations && completion)
		sb_addf(&line, " <%llu.%06llu>", (unsigned long long)(ns / 1000000000u),
			(unsigned long long)(ns % 1000000000u / 1000));
	sb_addch(&line, '\n');
	emit(w);
	if (r->dump.arg >= 0)
		render_dump(w, r);
}

static void text_note(struct who *w, const char *text)
{
	begin_line(w);
	sb_addstr(&line, text);
	sb_addch(&line, '\n');
	emit(w);
}

const struct renderer text_renderer = {
	.entry = text_entry,
	.exit = text_exit,
	.whole = text_whole,
	.vanished = text_vanished,
	.ring = text_ring,
	.signal = text_signal,
	.stopped = text_stopped,
	.death = text_death,
	.note = text_note,
};
