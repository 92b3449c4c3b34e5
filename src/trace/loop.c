/*
 * The ptrace loop: one wait4 (or, see spin.c, one SIGCHLD) per stop, one
 * PTRACE_GET_SYSCALL_INFO per syscall stop.
 */
#include "config.h"
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/audit.h>
#include <linux/seccomp.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <unistd.h>
#include "config/options.h"
#include "render/output.h"
#include "render/render.h"
#include "syscalls/syscalls.h"
#include "decoders/decoders.h"
#include "trace/tracee.h"
#include "trace/tracer.h"
#include "trace/tracer_internal.h"
#include "util/util.h"
#include "policy/filter.h"
#include "policy/stack.h"
#include "policy/summary.h"
#include "policy/norm.h"
#include "policy/files.h"
#include "memory/umem.h"
#include "policy/toctou.h"
#include "trace/spin.h"
#include "trace/seccomp_filter.h"

extern pid_t tracer_child;
static int child_status;		/* wait status of tracer_child */
static int interrupts;			/* terminating signals handled so far */
static volatile sig_atomic_t pending_signal;
static volatile sig_atomic_t flush_due;

/* Buffered output reaches a file or pipe at most this late (for tail -f). */
#define FLUSH_INTERVAL_USEC 250000
static volatile sig_atomic_t pending_from_kernel;

#define USER32_CS 0x23


unsigned long tracer_ptrace_options(int filtered)
{
	unsigned long o = PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEEXEC | PTRACE_O_TRACEEXIT;

	if (opt.follow)
		o |= PTRACE_O_TRACECLONE | PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK;
	/* A filtered tracee without its tracer would get ENOSYS: take it along. */
	if (filtered)
		o |= PTRACE_O_TRACESECCOMP | PTRACE_O_EXITKILL;
	return o;
}

struct tcb *tracer_new_tcb(pid_t tid, unsigned flags)
{
	struct tcb *t = tcb_add(tid, flags);

	t->out = out_for(tid);
	if (opt.json)	/* every event names its process */
		t->tgid = umem_tgid(tid);
	return t;
}

void tracer_forget(struct tcb *t)
{
	stack_forget(t);
	if (t->tgid && t->tgid == t->tid)	/* the leader goes last */
		stack_process_gone(t->tgid);
	out_release(t);
	tcb_drop(t);
}

/* What the last resumed tracee will stop for next, for spin.c's budgets. */
static unsigned resumed_for;
static uint64_t entered_nr;		/* at the last entry stop */

/*
 * The stop being handled, until its tracee is resumed: a fatal error in
 * between must not leave that tracee stopped for good (pass_through()).
 */
static pid_t held_pid;
static int held_status;

static void hold(pid_t pid, int status)
{
	held_pid = pid;
	held_status = status;
}

static void resume(struct tcb *t, int sig)
{
	held_pid = 0;
	int req = (t->flags & (TCB_FILTERED | TCB_OWN_FILTER | TCB_IN_SYSCALL)) == TCB_FILTERED
		  ? PTRACE_CONT : PTRACE_SYSCALL;

	resumed_for = t->flags & TCB_IN_SYSCALL ? SPIN_EXIT(entered_nr) : SPIN_NEXT_CALL;
	/* ESRCH: killed meanwhile; its death is the next thing wait reports. */
	ptrace(req, t->tid, NULL, (void *)(long)sig);
}

static void note_arch(struct tcb *t, enum arch a)
{
	char msg[80];

	if (a == t->arch)
		return;
	t->arch = a;
	if ((t->flags & TCB_STARTUP) || opt.quiet)
		return;
	snprintf(msg, sizeof(msg), "[ Process PID=%d runs in %s mode. ]",
		 opt.normalize ? (int)norm_pid(t->tid) : (int)t->tid,
		 a == ARCH_I386 ? "32 bit" : "64 bit");
	render_note(t, msg);
}

/* -z, -Z and --normalize print a call as one line at its exit. */
static int whole_lines(void)
{
	return opt.result != RESULT_ANY || opt.normalize || opt.json;
}

/* What a syscall stop leaves to print; printed after the tracee is resumed. */
enum pending {
	PENDING_NONE,
	PENDING_ENTRY,		/* the entry half of a line */
	PENDING_EXIT,		/* the exit half */
	PENDING_WHOLE,		/* a whole line (-z, -Z, --normalize, --json) */
};

static enum pending on_entry(struct tcb *t, uint32_t audit_arch, uint64_t nr, const uint64_t *args)
{
	int a = arch_from_audit(audit_arch);
	unsigned id;

	t->flags |= TCB_IN_SYSCALL;
	if (a < 0)
		return PENDING_NONE;
	note_arch(t, (enum arch)a);
	id = syscall_lookup((enum arch)a, nr);
	if (opt.stack && (syscall_def(id)->flags & SF_MAPS))
		t->flags |= TCB_MAPS_CALL;
	if ((t->flags & TCB_FILTERED) && seccomp_installs_filter(id, args[0]))
		t->flags |= TCB_SECCOMP_CALL |
			    (seccomp_all_threads(id, args[0], args[1]) ? TCB_SECCOMP_TSYNC : 0);
	if (!id || id >= SC_COUNT || !opt.trace[id] || (t->flags & TCB_STARTUP))
		return PENDING_NONE;
	t->flags |= TCB_DECODING;
	if (opt.durations || opt.summary)
		t->entry_ns = now_ns();
	t->ev.tid = t->tid;
	t->ev.arch = (enum arch)a;
	t->ev.id = id;
	t->ev.nr = nr;
	memcpy(t->ev.args, args, sizeof(t->ev.args));
	t->ev.exiting = 0;
	call_begin(&t->call, id, (enum arch)a, opt.max_strlen,
		   opt.verbose ? IOV_FETCH_MAX : (unsigned)MIN(opt.max_strlen, IOV_FETCH_MAX),
		   opt.show_paths || opt.npaths || opt.files_summary);
	if (opt.toctou)
		call_snapshot(&t->call, opt.toctou_bytes);
	decoder_of(id)(&t->call, &t->ev);
	call_fetch(&t->call, t->tid);
	if (opt.npaths && !filter_paths(&t->call)) {
		t->flags |= TCB_HIDDEN;
		return PENDING_NONE;	/* nothing more to read: it is never shown */
	}
	if (opt.toctou)
		toctou_entry(&t->call, t->tid);
	if (opt.stack)
		stack_capture(t);	/* printed at exit, but the stack is the caller's now */
	if (whole_lines() || opt.summary == 1)
		return PENDING_NONE;
	return PENDING_ENTRY;
}

/* A call is over: its time (-T, -c), and the tables' counts. */
static void account(struct tcb *t)
{
	if (opt.durations || opt.summary)
		t->call.duration_ns = now_ns() - t->entry_ns;
	if (opt.summary)
		summary_add(&t->call, t->call.duration_ns);
	if (opt.files_summary)
		files_add(&t->call);
}

/*
 * The call @t is in will never return: the thread was killed inside it
 * (by a signal, by its own seccomp filter, by an execve in another
 * thread).  It is counted, and shown with an unknown result in every
 * output: "<unfinished ...>) = ?" as strace prints it, "result": null.
 */
static void call_vanished(struct tcb *t)
{
	unsigned was = t->flags;

	t->flags &= ~(TCB_IN_SYSCALL | TCB_DECODING | TCB_HIDDEN);
	if ((was & (TCB_IN_SYSCALL | TCB_DECODING | TCB_HIDDEN)) !=
	    (TCB_IN_SYSCALL | TCB_DECODING)) {
		render_vanished(t);	/* a line still open: close it */
		return;
	}
	t->call.vanished = 1;
	account(t);
	if (opt.summary == 1)
		return;
	if (whole_lines() && !(t->flags & TCB_LINE_OPEN)) {
		render_entry(t);	/* nothing printed yet: the arguments known */
		if (opt.json)
			render_exit(t);
	}
	render_vanished(t);
}

/* Marks the threads of @tgid as having a seccomp filter of their own. */
static void own_filter_in(struct tcb *t, void *tgid)
{
	if ((t->tgid ? t->tgid : umem_tgid(t->tid)) == *(pid_t *)tgid)
		t->flags |= TCB_OWN_FILTER;
}

/*
 * @t installed a seccomp filter of its own: from now on it (and, with
 * TSYNC, every thread of its process; and whatever it starts) stops at
 * every syscall entry, which comes before any filter decides, so a call
 * its filter denies or kills still shows.
 */
static void own_filter(struct tcb *t, int all_threads)
{
	pid_t tgid = t->tgid ? t->tgid : umem_tgid(t->tid);

	t->flags |= TCB_OWN_FILTER;
	if (all_threads)
		tcb_for_each(own_filter_in, &tgid);
}

static enum pending on_exit_stop(struct tcb *t, const struct __ptrace_syscall_info *info)
{
	unsigned was = t->flags;

	/*
	 * A call its own filter killed stops here, its result the syscall
	 * number, before the SIGSYS that ends the process.
	 */
	if ((was & (TCB_OWN_FILTER | TCB_DECODING)) == (TCB_OWN_FILTER | TCB_DECODING) &&
	    !info->exit.is_error && info->exit.rval == (int64_t)t->ev.nr &&
	    umem_killed_by_seccomp(t->tid)) {
		call_vanished(t);
		was &= ~TCB_DECODING;
	}
	t->flags &= ~(TCB_IN_SYSCALL | TCB_DECODING | TCB_HIDDEN | TCB_MAPS_CALL |
		      TCB_SECCOMP_CALL | TCB_SECCOMP_TSYNC);
	if (was & TCB_MAPS_CALL)
		stack_maps_changed(t);
	if ((was & TCB_SECCOMP_CALL) && !info->exit.is_error)
		own_filter(t, (was & TCB_SECCOMP_TSYNC) != 0);
	if (!(was & TCB_DECODING) || (was & TCB_HIDDEN))
		return PENDING_NONE;	/* untraced, entered before we attached, or filtered out */
	t->ev.exiting = 1;
	t->ev.rval = info->exit.rval;
	t->ev.is_error = info->exit.is_error;
	decoder_of(t->ev.id)(&t->call, &t->ev);
	call_fetch(&t->call, t->tid);
	call_set_result(&t->call, &t->ev);
	if (opt.toctou)	/* before the tracee runs on and reuses its buffers */
		toctou_exit(&t->call, t->tid, opt.toctou == TOCTOU_VERIFY);
	account(t);
	if (opt.summary == 1)
		return PENDING_NONE;	/* -c: the table only */
	if (!whole_lines())
		return PENDING_EXIT;
	if (opt.result == RESULT_ANY || filter_result(&t->call))
		return PENDING_WHOLE;	/* the whole line at once, once the result is known */
	return PENDING_NONE;
}

static void render_pending(struct tcb *t, enum pending p)
{
	if (p == PENDING_ENTRY || p == PENDING_WHOLE)
		render_entry(t);
	if (p == PENDING_EXIT || p == PENDING_WHOLE)
		render_exit(t);
}

/* Returns 0, or -1 when the tracee is gone or not in a ptrace stop. */
static int get_syscall_info(struct tcb *t, struct __ptrace_syscall_info *info)
{
	if (ptrace(PTRACE_GET_SYSCALL_INFO, t->tid, (void *)sizeof(*info), info) > 0)
		return 0;
	if (errno == EIO || errno == EINVAL)
		die("this kernel lacks PTRACE_GET_SYSCALL_INFO (Linux 5.3 or later is needed)");
	return -1;
}

static void on_syscall_info(struct tcb *t, const struct __ptrace_syscall_info *info)
{
	enum pending p = PENDING_NONE;

	switch (info->op) {
	case PTRACE_SYSCALL_INFO_ENTRY:
		entered_nr = info->entry.nr;
		p = on_entry(t, info->arch, info->entry.nr, info->entry.args);
		break;
	case PTRACE_SYSCALL_INFO_SECCOMP:
		/* Stopped at every entry (a filter of its own): this one is known. */
		if (t->flags & TCB_IN_SYSCALL)
			break;
		entered_nr = info->seccomp.nr;
		p = on_entry(t, info->arch, info->seccomp.nr, info->seccomp.args);
		break;
	case PTRACE_SYSCALL_INFO_EXIT:
		p = on_exit_stop(t, info);
		break;
	}
	/*
	 * Everything the line needs is in the decoded call by now, so the
	 * tracee runs while its line is formatted; only a hex dump too long
	 * to have been read with the call still reads its memory, and must
	 * come first.
	 */
	if (p != PENDING_NONE && p != PENDING_ENTRY && t->call.dump_arg >= 0 &&
	    !t->call.dump_ready && !opt.json) {
		render_pending(t, p);
		resume(t, 0);
	} else {
		resume(t, 0);
		render_pending(t, p);
	}
	if (info->op == PTRACE_SYSCALL_INFO_EXIT)
		call_trim(&t->call);
}

static void on_syscall(struct tcb *t)
{
	struct __ptrace_syscall_info info;

	if (!get_syscall_info(t, &info))	/* else killed meanwhile */
		on_syscall_info(t, &info);
}

/*
 * A syscall stop that SIGCHLD announced needs no wait4: the stop is
 * known from PTRACE_GET_SYSCALL_INFO, and resuming clears what wait4
 * would have reported.  Every other stop is left to wait4.
 */
static int take_announced_stop(void)
{
	struct __ptrace_syscall_info info;
	pid_t pid = spin_announced(resumed_for, &pending_signal);
	struct tcb *t = pid ? tcb_find(pid) : NULL;

	if (!t || get_syscall_info(t, &info))
		return 0;
	if (info.op != PTRACE_SYSCALL_INFO_ENTRY && info.op != PTRACE_SYSCALL_INFO_EXIT &&
	    info.op != PTRACE_SYSCALL_INFO_SECCOMP)
		return 0;
	hold(t->tid, (SIGTRAP | 0x80) << 8 | 0x7f);	/* as wait4 would have said it */
	on_syscall_info(t, &info);
	return 1;
}

/*
 * The pid of the next stop or death for the loop to handle, 0 when there
 * is none (a syscall stop already handled, or a signal interrupted the
 * wait), or -1 with errno.
 */
static pid_t next_stop(int *status)
{
	int single = tcb_count() == 1, err;
	pid_t pid;

	spin_single(single);
	if (single) {
		if (take_announced_stop())
			return 0;
	} else if ((pid = spin_poll(status, &pending_signal)) != 0) {
		return pid;
	}
	if (pending_signal)	/* it came while spinning */
		return 0;
	pid = waitpid(-1, status, __WALL);
	err = errno;
	spin_slept();
	errno = err;
	if (pid < 0 && errno == EINTR)
		return 0;
	return pid;
}

/* The arch of a freshly exec'd image: its code segment says it. */
static void exec_arch(struct tcb *t)
{
	struct user_regs_struct regs;

	if (!ptrace(PTRACE_GETREGS, t->tid, NULL, &regs))
		note_arch(t, regs.cs == USER32_CS ? ARCH_I386 : ARCH_X86_64);
}

/* The seccomp prefilter may have failed in the child: check before trusting it. */
static void check_filter(struct tcb *t)
{
	long mode;

	if (umem_status(t->tid, "Seccomp", &mode) || mode == SECCOMP_MODE_FILTER)
		return;
	t->flags &= ~TCB_FILTERED;
	if (!opt.quiet)
		error("seccomp prefilter unavailable; every syscall will stop the tracee");
}

static struct tcb *on_exec(struct tcb *t)
{
	unsigned long old = 0;
	pid_t leader = t->tid;
	struct tcb *execer;

	ptrace(PTRACE_GETEVENTMSG, leader, NULL, &old);
	execer = (pid_t)old != leader ? tcb_find((pid_t)old) : NULL;
	if (execer) {
		char msg[80];

		/* A non-leader thread exec'd: it takes over the leader's pid. */
		call_vanished(t);
		snprintf(msg, sizeof(msg), "+++ superseded by execve in pid %lu +++",
			 opt.normalize ? (unsigned long)norm_pid((pid_t)old) : old);
		render_note(t, msg);
		tracer_forget(t);
		tcb_rekey(execer, leader);
		t = execer;
	}
	if (t->flags & TCB_STARTUP) {
		t->flags &= ~TCB_STARTUP;
		if (t->flags & TCB_FILTERED)
			check_filter(t);
	}
	if (opt.stack) {	/* a new program: new maps, a new unwinder state */
		stack_forget(t);
		stack_maps_changed(t);
	}
	exec_arch(t);
	return t;
}

static void on_new_child(struct tcb *parent)
{
	unsigned long msg = 0;
	struct tcb *c;

	if (ptrace(PTRACE_GETEVENTMSG, parent->tid, NULL, &msg) || !msg)
		return;
	c = tcb_find((pid_t)msg);
	if (!c) {
		c = tracer_new_tcb((pid_t)msg, 0);
		if (!opt.quiet)
			error("Process %lu attached", msg);
	}
	/* Its first stop may have come first, with guessed flags: set them now. */
	c->flags = (c->flags & ~(TCB_FILTERED | TCB_ATTACHED | TCB_OWN_FILTER)) |
		   (parent->flags & (TCB_FILTERED | TCB_ATTACHED | TCB_OWN_FILTER));
	c->arch = parent->arch;
}

/*
 * --normalize promises the same output for the same program, but wait4
 * reports a thread's death after whoever joined it has run on (the join
 * wakes at the thread's exit, before its death is reported): print a
 * thread's end at its exit event, which comes before the join returns.
 * Not the leader's: its death waits for the other threads anyway.
 */
static void show_thread_end(struct tcb *t)
{
	unsigned long code;
	pid_t tgid = t->tgid ? t->tgid : umem_tgid(t->tid);

	if (tgid == t->tid || ptrace(PTRACE_GETEVENTMSG, t->tid, NULL, &code))
		return;
	if (!(t->flags & TCB_STARTUP))
		render_death(t, (int)code);	/* the status as wait4 will give it */
	t->flags |= TCB_END_SHOWN;
}

static int is_stop_signal(int sig)
{
	return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU;
}

static void on_group_stop(struct tcb *t, int sig)
{
	if (!(t->flags & (TCB_LISTENING | TCB_STARTUP)) && opt.signal[sig])
		render_stopped(t, sig);
	t->flags |= TCB_LISTENING;
	/* Stay stopped, as the signal meant, until SIGCONT. */
	held_pid = 0;
	ptrace(PTRACE_LISTEN, t->tid, NULL, NULL);
}

static void on_signal(struct tcb *t, int sig)
{
	siginfo_t si;

	if (!(t->flags & TCB_STARTUP) && sig > 0 && sig < SIG_TABLE_SIZE &&
	    opt.signal[sig] && !ptrace(PTRACE_GETSIGINFO, t->tid, NULL, &si))
		render_signal(t, &si);
	resume(t, sig);
}

static void on_stop(struct tcb *t, int status)
{
	int sig = WSTOPSIG(status);

	if (sig == (SIGTRAP | 0x80)) {
		on_syscall(t);
		return;
	}
	switch (status >> 16) {
	case 0:
		on_signal(t, sig);
		return;
	case PTRACE_EVENT_SECCOMP:
		on_syscall(t);
		return;
	case PTRACE_EVENT_EXEC:
		t = on_exec(t);
		break;
	case PTRACE_EVENT_CLONE:
	case PTRACE_EVENT_FORK:
	case PTRACE_EVENT_VFORK:
		on_new_child(t);
		break;
	case PTRACE_EVENT_EXIT:
		t->flags |= TCB_EXITING;
		call_vanished(t);
		if (opt.normalize)
			show_thread_end(t);
		break;
	case PTRACE_EVENT_STOP:
		if (is_stop_signal(sig)) {
			on_group_stop(t, sig);
			return;
		}
		t->flags &= ~TCB_LISTENING;
		break;
	}
	resume(t, 0);
}

static void on_death(struct tcb *t, int status)
{
	call_vanished(t);
	if (!(t->flags & (TCB_STARTUP | TCB_END_SHOWN)))
		render_death(t, status);
	if (t->tid == tracer_child)
		child_status = tracer_exec_failed() ? 1 << 8 : status;
	tracer_forget(t);
}

/* A stop from a thread we have no tcb for: a new child whose parent's event is still queued. */
static struct tcb *adopt(pid_t pid)
{
	unsigned flags = tracer_child && opt.seccomp ? TCB_FILTERED : TCB_ATTACHED;

	if (!opt.quiet)
		error("Process %d attached", (int)pid);
	return tracer_new_tcb(pid, flags);
}

static void on_terminate(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	pending_signal = sig;
	/* A terminal's signal already reached the command's process group. */
	pending_from_kernel = si && si->si_code == SI_KERNEL;
}

/*
 * The interval timer both flushes buffered output of an idle trace and,
 * by interrupting wait4, bounds the delay of a terminating signal that
 * lands just before wait4 blocks.
 */
static void on_alarm(int sig)
{
	(void)sig;
	flush_due = 1;
}

/* Every signal whose disposition iotrace changes, as iotrace found it. */
static const int changed_signals[] = {
	SIGINT, SIGTERM, SIGHUP,	/* the first N_TERMINATING: forwarded or detach */
	SIGALRM, SIGPIPE, SIGCHLD
};
#define N_TERMINATING 3
static struct sigaction found[ARRAY_SIZE(changed_signals)];

void tracer_restore_signals(void)
{
	size_t i;

	/* An ignored signal stays ignored across exec, as under strace. */
	for (i = 0; i < ARRAY_SIZE(changed_signals); i++)
		signal(changed_signals[i], found[i].sa_handler == SIG_IGN ? SIG_IGN : SIG_DFL);
}

void tracer_setup_signals(void)
{
	struct sigaction sa;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(changed_signals); i++)
		sigaction(changed_signals[i], NULL, &found[i]);
	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: the signal must interrupt wait4. */
	sa.sa_sigaction = on_terminate;
	sa.sa_flags = SA_SIGINFO;
	for (i = 0; i < N_TERMINATING; i++)
		if (found[i].sa_handler != SIG_IGN)
			sigaction(changed_signals[i], &sa, NULL);
	sa.sa_handler = on_alarm;
	sa.sa_flags = 0;
	sigaction(SIGALRM, &sa, NULL);
	{
		struct itimerval every = {
			{ 0, FLUSH_INTERVAL_USEC }, { 0, FLUSH_INTERVAL_USEC }
		};

		setitimer(ITIMER_REAL, &every, NULL);
	}
	spin_setup(opt.spin_usec);
	/* A closed output pipe loses the trace, not the traced program. */
	signal(SIGPIPE, SIG_IGN);
}

/*
 * iotrace's own fatal errors after tracees are attached (out of memory,
 * no file for an -ff trace, a bug) must not take the traced programs
 * down: PTRACE_O_EXITKILL would kill them, and without a tracer the
 * seccomp filter fails their traced calls with ENOSYS.  So iotrace stops
 * tracing instead: it lets go of every tracee it can (those without its
 * filter), and resumes the others at each stop until they are gone,
 * decoding and printing nothing, allocating nothing.
 */
static int gave_up;

/* Whether @pid runs under iotrace's filter, and so must stay traced. */
static int filtered(pid_t pid)
{
	struct tcb *t = tcb_find(pid);

	if (t)
		return (t->flags & TCB_FILTERED) != 0;
	return tracer_child && opt.seccomp;	/* a new child of the command */
}

static void pass_stop(pid_t pid, int status)
{
	int sig = WSTOPSIG(status), event = status >> 16;
	long deliver = !event && sig != (SIGTRAP | 0x80) ? sig : 0;

	if (!filtered(pid))
		ptrace(PTRACE_DETACH, pid, NULL, (void *)deliver);
	else if (event == PTRACE_EVENT_STOP && is_stop_signal(sig))
		ptrace(PTRACE_LISTEN, pid, NULL, NULL);
	else
		ptrace(PTRACE_CONT, pid, NULL, (void *)deliver);
}

static void __attribute__((noreturn)) pass_through(void)
{
	int status;
	pid_t pid;

	if (gave_up++)	/* failed again on the way out: the state is beyond trust */
		tracer_exit_like(child_status);
	out_flush_all();
	out_stop();
	error("stopped tracing after that error; the traced processes run on untraced");
	if (held_pid)
		pass_stop(held_pid, held_status);
	for (;;) {
		if (pending_signal) {	/* as handle_interrupt(): pass one on, let go at the next */
			int sig = pending_signal;

			pending_signal = 0;
			if (!tracer_child || interrupts++) {
				tracer_detach_all();
				break;
			}
			if (!pending_from_kernel)
				kill(tracer_child, sig);
		}
		pid = waitpid(-1, &status, __WALL);
		if (pid < 0 && errno == EINTR)
			continue;
		if (pid < 0)
			break;
		if (WIFEXITED(status) || WIFSIGNALED(status)) {
			if (pid == tracer_child)
				child_status = status;
		} else if (WIFSTOPPED(status)) {
			pass_stop(pid, status);
		}
	}
	tracer_exit_like(child_status);
}

void tracer_keep_alive(void)
{
	set_die_routine(pass_through);
}

/* Returns nonzero when iotrace should stop tracing now. */
static int handle_interrupt(void)
{
	int sig = pending_signal;

	pending_signal = 0;
	if (tracer_child && tcb_find(tracer_child) && !interrupts++) {
		/* Pass it on, then trace the command to its end. */
		if (!pending_from_kernel)
			kill(tracer_child, sig);
		return 0;
	}
	tracer_detach_all();
	if (tracer_child)
		child_status = sig;	/* as if killed by it: iotrace dies of it too */
	return 1;
}

int tracer_loop(void)
{
	int status;
	pid_t pid;

	while (tcb_count()) {
		struct tcb *t;

		if (pending_signal && handle_interrupt())
			break;
		if (flush_due) {
			flush_due = 0;
			out_flush_all();
		}
		pid = next_stop(&status);
		if (!pid)
			continue;
		if (pid < 0) {
			if (errno == ECHILD)
				break;
			die_errno("waitpid");
		}
		t = tcb_find(pid);
		if (WIFEXITED(status) || WIFSIGNALED(status)) {
			if (t)
				on_death(t, status);
			continue;
		}
		if (!WIFSTOPPED(status))
			continue;
		hold(pid, status);
		on_stop(t ? t : adopt(pid), status);
	}
	if (opt.summary)
		summary_print(out_summary());
	if (opt.files_summary)
		files_print(out_summary());
	out_flush_all();
	return child_status;
}

void tracer_exit_like(int status)
{
	struct rlimit no_core = { 0, 0 };
	int sig;
	sigset_t set;

	out_flush_all();
	/* An incomplete trace is a failure, unless the command's own status says one. */
	if ((gave_up || out_failed()) && WIFEXITED(status) && !WEXITSTATUS(status))
		exit(1);
	if (WIFEXITED(status))
		exit(WEXITSTATUS(status));
	sig = WTERMSIG(status);
	setrlimit(RLIMIT_CORE, &no_core);
	signal(sig, SIG_DFL);
	sigemptyset(&set);
	sigaddset(&set, sig);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	kill(getpid(), sig);
	exit(128 + sig);
}
