#include "config.h"
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include "call.h"
#include "names.h"
#include "options.h"
#include "output.h"
#include "render.h"
#include "syscalls.h"
#include "tracee.h"

/* One scratch line, reused: rendering allocates nothing in steady state. */
static struct strbuf line = STRBUF_INIT;

/* Closes another tracee's open line on @t's stream before @t prints. */
static void take_stream(struct tcb *t)
{
	struct outstream *s = t->out;
	struct tcb *owner = s->open_line;

	if (!owner || owner == t)
		return;
	out_write(s, " <unfinished ...>\n", 18);
	owner->flags |= TCB_LINE_CUT;
	s->open_line = NULL;
}

static void leader(struct strbuf *sb, const struct tcb *t)
{
	if (opt.per_process)
		return;
	if (t->out->is_file) {
		/* strace -f -o FILE marks every line with the pid. */
		if (opt.follow || tcb_count() > 1)
			sb_addf(sb, "%-5u ", (unsigned)t->tid);
	} else if (tcb_count() > 1) {
		sb_addf(sb, "[pid %5u] ", (unsigned)t->tid);
	}
}

static void begin_line(struct tcb *t)
{
	take_stream(t);
	sb_reset(&line);
	leader(&line, t);
}

static void emit(struct tcb *t)
{
	out_write(t->out, line.buf, line.len);
}

static int is_octal(unsigned char c)
{
	return c >= '0' && c <= '7';
}

static int needs_hex(const unsigned char *p, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char c = p[i];

		/* Printable or one of \t \n \v \f \r keeps the plain form. */
		if (c > 0x7e || (c < 0x20 && (c < '\t' || c > '\r')))
			return 1;
	}
	return 0;
}

static void quote_hex(struct strbuf *sb, const unsigned char *p, size_t len)
{
	static const char digits[] = "0123456789abcdef";
	size_t i;
	char *o;

	sb_grow(sb, len * 4);
	o = sb->buf + sb->len;
	for (i = 0; i < len; i++) {
		*o++ = '\\';
		*o++ = 'x';
		*o++ = digits[p[i] >> 4];
		*o++ = digits[p[i] & 15];
	}
	sb->len = (size_t)(o - sb->buf);
	sb->buf[sb->len] = '\0';
}

void quote_bytes(struct strbuf *sb, const unsigned char *p, size_t len)
{
	size_t i;
	char *o;

	if (opt.xmode == XMODE_ALL ||
	    (opt.xmode == XMODE_NONPRINT && needs_hex(p, len))) {
		quote_hex(sb, p, len);
		return;
	}
	sb_grow(sb, len * 4);	/* "\377" is the longest form */
	o = sb->buf + sb->len;
	for (i = 0; i < len; i++) {
		unsigned char c = p[i];

		switch (c) {
		case '"': *o++ = '\\'; *o++ = '"'; continue;
		case '\\': *o++ = '\\'; *o++ = '\\'; continue;
		case '\f': *o++ = '\\'; *o++ = 'f'; continue;
		case '\n': *o++ = '\\'; *o++ = 'n'; continue;
		case '\r': *o++ = '\\'; *o++ = 'r'; continue;
		case '\t': *o++ = '\\'; *o++ = 't'; continue;
		case '\v': *o++ = '\\'; *o++ = 'v'; continue;
		}
		if (c >= 0x20 && c <= 0x7e) {
			*o++ = (char)c;
			continue;
		}
		*o++ = '\\';
		/* A following digit would extend a short octal escape. */
		if (i + 1 < len && is_octal(p[i + 1])) {
			*o++ = (char)('0' + (c >> 6));
			*o++ = (char)('0' + ((c >> 3) & 7));
		} else {
			if (c >> 6)
				*o++ = (char)('0' + (c >> 6));
			if (c >> 3)
				*o++ = (char)('0' + ((c >> 3) & 7));
		}
		*o++ = (char)('0' + (c & 7));
	}
	sb->len = (size_t)(o - sb->buf);
	sb->buf[sb->len] = '\0';
}

static void addr(struct strbuf *sb, uint64_t a)
{
	if (a)
		sb_addhex(sb, a);
	else
		sb_addstr(sb, "NULL");
}

void render_buf(struct strbuf *sb, const struct call *c, const struct buf_arg *b)
{
	if (!b->addr) {
		sb_addstr(sb, "NULL");
		return;
	}
	if (b->want && !b->got) {	/* not even the first byte: as strace */
		sb_addhex(sb, b->addr);
		return;
	}
	sb_addch(sb, '"');
	quote_bytes(sb, call_buf_data(c, b), b->got);
	sb_addch(sb, '"');
	if (b->got < b->want) {
		sb_addstr(sb, " /* unreadable from ");
		sb_addhex(sb, b->fault);
		sb_addstr(sb, " */");
	} else if (b->len > b->got) {
		sb_addstr(sb, "...");
	}
}

static void render_arg(struct strbuf *sb, const struct call *c, const struct arg *a)
{
	switch (a->type) {
	case ARG_INT:
	case ARG_FD:
		sb_addi(sb, a->v.i);
		break;
	case ARG_UINT:
		sb_addu(sb, a->v.u);
		break;
	case ARG_ADDR:
		addr(sb, a->v.u);
		break;
	case ARG_BUF:
		render_buf(sb, c, &a->v.buf);
		break;
	}
}

static void render_args(struct strbuf *sb, const struct call *c, unsigned from, unsigned to)
{
	unsigned i;

	for (i = from; i < to; i++) {
		if (i > from)
			sb_addstr(sb, ", ");
		render_arg(sb, c, &c->arg[i]);
	}
}

void render_entry(struct tcb *t)
{
	const struct call *c = &t->call;
	unsigned n = call_entry_args(c);

	begin_line(t);
	sb_addstr(&line, syscall_def(c->id)->name);
	sb_addch(&line, '(');
	render_args(&line, c, 0, n);
	if (n && n < c->nargs)
		sb_addstr(&line, ", ");
	t->col = line.len;
	emit(t);
	t->flags |= TCB_LINE_OPEN;
	t->flags &= ~TCB_LINE_CUT;
	t->out->open_line = t;
}

/* Starts the exit part: on the open line, or as "<... NAME resumed>". */
static size_t resume_line(struct tcb *t)
{
	if (t->out->open_line == t && !(t->flags & TCB_LINE_CUT)) {
		sb_reset(&line);
		return t->col;
	}
	begin_line(t);
	sb_addstr(&line, "<... ");
	sb_addstr(&line, syscall_def(t->call.id)->name);
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

static void end_line(struct tcb *t)
{
	sb_addch(&line, '\n');
	emit(t);
	t->flags &= ~(TCB_LINE_OPEN | TCB_LINE_CUT);
	if (t->out->open_line == t)
		t->out->open_line = NULL;
}

static void render_result(struct strbuf *sb, const struct call *c, enum arch arch)
{
	const char *name;

	if (!c->error) {
		sb_addu(sb, arch_ulong(arch, (uint64_t)c->rval));
		return;
	}
	name = errno_name(c->error);
	switch (c->error) {
	case 512: case 513: case 514: case 516:	/* ERESTART*: never seen by the tracee */
		sb_addstr(sb, "? ");
		break;
	default:
		sb_addstr(sb, "-1 ");
	}
	if (name)
		sb_addf(sb, "%s (%s)", name, errno_text(c->error));
	else
		sb_addf(sb, "(errno %d)", c->error);
}

void render_exit(struct tcb *t)
{
	const struct call *c = &t->call;
	size_t base = resume_line(t);

	render_args(&line, c, call_entry_args(c), c->nargs);
	sb_addch(&line, ')');
	pad_to_result(base + line.len);
	render_result(&line, c, t->ev.arch);
	end_line(t);
}

void render_vanished(struct tcb *t)
{
	size_t base;

	if (!(t->flags & TCB_LINE_OPEN))
		return;
	base = resume_line(t);
	sb_addstr(&line, " <unfinished ...>)");
	pad_to_result(base + line.len);
	sb_addch(&line, '?');
	end_line(t);
}

static void sig(struct strbuf *sb, int signo)
{
	const char *name = signal_name(signo);

	if (name)
		sb_addstr(sb, name);
	else
		sb_addi(sb, signo);
}

static void pid_uid(struct strbuf *sb, const siginfo_t *si)
{
	sb_addf(sb, ", si_pid=%d, si_uid=%u", (int)si->si_pid, (unsigned)si->si_uid);
}

static void sigval(struct strbuf *sb, const siginfo_t *si)
{
	sb_addf(sb, ", si_int=%d, si_ptr=", si->si_int);
	addr(sb, (uintptr_t)si->si_ptr);
}

static void siginfo_fields(struct strbuf *sb, const siginfo_t *si)
{
	const char *code = sicode_name(si->si_signo, si->si_code);

	sb_addstr(sb, "si_signo=");
	sig(sb, si->si_signo);
	sb_addstr(sb, ", si_code=");
	if (code)
		sb_addstr(sb, code);
	else
		sb_addi(sb, si->si_code);
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
	if (si->si_code <= 0 || si->si_code == SI_KERNEL)
		return;
	switch (si->si_signo) {
	case SIGCHLD:
		pid_uid(sb, si);
		sb_addstr(sb, ", si_status=");
		if (si->si_code == CLD_EXITED)
			sb_addi(sb, si->si_status);
		else
			sig(sb, si->si_status);
		sb_addf(sb, ", si_utime=%llu, si_stime=%llu",
			(unsigned long long)si->si_utime, (unsigned long long)si->si_stime);
		break;
	case SIGILL: case SIGFPE: case SIGSEGV: case SIGBUS: case SIGTRAP:
		sb_addstr(sb, ", si_addr=");
		addr(sb, (uintptr_t)si->si_addr);
		break;
	case SIGIO:
		sb_addf(sb, ", si_band=%ld, si_fd=%d", (long)si->si_band, si->si_fd);
		break;
	case SIGSYS:
		sb_addstr(sb, ", si_call_addr=");
		addr(sb, (uintptr_t)si->si_call_addr);
		sb_addf(sb, ", si_syscall=%d, si_arch=%#x", si->si_syscall, si->si_arch);
		break;
	}
}

void render_signal(struct tcb *t, const siginfo_t *si)
{
	begin_line(t);
	sb_addstr(&line, "--- ");
	sig(&line, si->si_signo);
	sb_addstr(&line, " {");
	siginfo_fields(&line, si);
	sb_addstr(&line, "} ---\n");
	emit(t);
}

void render_stopped(struct tcb *t, int signo)
{
	begin_line(t);
	sb_addstr(&line, "--- stopped by ");
	sig(&line, signo);
	sb_addstr(&line, " ---\n");
	emit(t);
}

void render_death(struct tcb *t, int status)
{
	render_vanished(t);
	begin_line(t);
	if (WIFEXITED(status)) {
		sb_addf(&line, "+++ exited with %d +++\n", WEXITSTATUS(status));
	} else {
		sb_addstr(&line, "+++ killed by ");
		sig(&line, WTERMSIG(status));
		sb_addstr(&line, WCOREDUMP(status) ? " (core dumped) +++\n" : " +++\n");
	}
	emit(t);
}

void render_note(struct tcb *t, const char *text)
{
	begin_line(t);
	sb_addstr(&line, text);
	sb_addch(&line, '\n');
	emit(t);
}
