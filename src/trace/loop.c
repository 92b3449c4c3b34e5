/*
 * The ptrace loop: one wait4 per stop and one PTRACE_GET_SYSCALL_INFO per
 * syscall stop; while it waits awake for one tracee (spin.c), the
 * PTRACE_GET_SYSCALL_INFO alone.
 */
#include "config.h"
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/seccomp.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <unistd.h>
#include "config/options.h"
#include "memory/umem.h"
#include "policy/maps.h"
#include "policy/aiowatch.h"
#include "policy/rings.h"
#include "policy/norm.h"
#include "policy/stack.h"
#include "render/output.h"
#include "render/render.h"
#include "render/timeline.h"
#include "render/tables.h"
#include "trace/attach.h"
#include "trace/signals.h"
#include "trace/spin.h"
#include "trace/syscall.h"
#include "trace/tracee.h"
#include "trace/tracer.h"
#include "util/util.h"

static int child_status;		/* wait status of tracer_child */
static int child_let_go;		/* -b execve let tracer_child go: 1, 2 once reaped */
static int interrupts;			/* terminating signals handled so far */

#define USER32_CS 0x23


/* Returns 0, or -1 when the tracee is gone or not in a ptrace stop. */
static int get_syscall_info(struct tcb *t, struct __ptrace_syscall_info *info)
{
	if (ptrace(PTRACE_GET_SYSCALL_INFO, t->tid, (void *)sizeof(*info), info) > 0)
		return 0;
	if (errno == EIO || errno == EINVAL)
		die("this kernel lacks PTRACE_GET_SYSCALL_INFO (Linux 5.3 or later is needed)");
	return -1;
}

static void on_syscall(struct tcb *t)
{
	struct __ptrace_syscall_info info;

	if (opt.decode_pids)
		umem_comm(t->tid, t->who.comm, sizeof(t->who.comm));
	if (!get_syscall_info(t, &info))	/* else killed meanwhile */
		syscall_stop(t, &info);
}

/*
 * Stops in a row from one thread: with several tracees, a long run means
 * the others are blocked (a shell waiting for its command), and the one
 * that stops next is the one resumed last.
 */
#define ALONE_RUN 8
static pid_t run_tid;
static unsigned run_len;

static void count_stop(pid_t tid)
{
	if (tid == run_tid) {
		if (run_len < ALONE_RUN)
			run_len++;
		return;
	}
	run_tid = tid;
	run_len = 1;
}

/*
 * The thread resumed last, asked whether it stopped (spin.c): a syscall
 * stop found that way needs no wait4, since resuming clears what wait4
 * would have reported.  Every other stop is left to wait4.
 */
static int take_asked_stop(void)
{
	struct __ptrace_syscall_info info;
	struct tcb *t = tcb_find(tcb_resumed_tid());

	if (!t || t->inj.resume_at || !spin_ask(t->tid, tcb_resumed_for(), &info, signals_pending()))
		return 0;	/* (a thread a delay holds is in the stop already handled) */
	if (info.op != PTRACE_SYSCALL_INFO_ENTRY && info.op != PTRACE_SYSCALL_INFO_EXIT &&
	    info.op != PTRACE_SYSCALL_INFO_SECCOMP)
		return 0;
	count_stop(t->tid);
	tcb_hold(t->tid, (SIGTRAP | 0x80) << 8 | 0x7f);	/* as wait4 would have said it */
	syscall_stop(t, &info);
	return 1;
}

/*
 * The pid of the next stop or death for the loop to handle, 0 when there
 * is none (a syscall stop already handled, or a signal interrupted the
 * wait), or -1 with errno.  Awake only for one tracee, or one that runs
 * alone: with several running, a spinning tracer takes a CPU from them.
 */
static pid_t next_stop(int *status)
{
	int err;
	pid_t pid;

	if (inject_next_due()) {	/* a thread held by a delay: never block for long */
		inject_resume_due();
		pid = waitpid(-1, status, __WALL | WNOHANG);
		if (!pid)
			inject_nap();
		if (pid > 0)
			count_stop(pid);
		return pid;
	}
	if ((tcb_count() == 1 || run_len >= ALONE_RUN) && take_asked_stop())
		return 0;
	if (*signals_pending())	/* it came while spinning */
		return 0;
	pid = waitpid(-1, status, __WALL);
	err = errno;
	spin_slept();
	errno = err;
	if (pid < 0 && errno == EINTR)
		return 0;
	if (pid > 0)
		count_stop(pid);
	return pid;
}

/*
 * -n, -i: the syscall a thread is in (or last made) and where it is, from
 * its registers: at a signal's stop, at an exec and at its end, where no
 * syscall stop says them.  A thread not in a syscall keeps the number of
 * the last one iotrace saw.
 */
static void where_regs(struct tcb *t, const struct user_regs_struct *regs)
{
	if ((int64_t)regs->orig_rax >= 0)
		t->who.last_nr = regs->orig_rax;
	t->who.last_ip = regs->rip;
	t->who.ip32 = regs->cs == USER32_CS;
}

static void where_now(struct tcb *t)
{
	struct user_regs_struct regs;

	if ((opt.syscall_numbers || opt.print_ip) && !ptrace(PTRACE_GETREGS, t->tid, NULL, &regs))
		where_regs(t, &regs);
}

/*
 * -Y: the command of a signal's sender (a child that ended is a zombie
 * still: its name is there), as strace decorates si_pid.
 */
static void sender_comm(struct tcb *t, const siginfo_t *si)
{
	t->who.sender_comm[0] = '\0';
	if (opt.decode_pids && si->si_pid > 0 &&
	    ((si->si_code <= 0 && si->si_code != SI_TIMER) || si->si_signo == SIGCHLD) &&
	    umem_comm(si->si_pid, t->who.sender_comm, sizeof(t->who.sender_comm)))
		t->who.sender_comm[0] = '\0';
}

/* The arch of a freshly exec'd image: its code segment says it. */
static void exec_arch(struct tcb *t)
{
	struct user_regs_struct regs;

	if (ptrace(PTRACE_GETREGS, t->tid, NULL, &regs))
		return;
	/*
	 * -n, -i on "[ Process PID=N runs in 32 bit mode. ]": the exec call
	 * in the arch that made it (iotrace may not have stopped at it), and
	 * the new image's entry point.
	 */
	t->who.last_ip = regs.rip;
	t->who.ip32 = regs.cs == USER32_CS;
	if (t->who.last_nr != (uint64_t)syscall_def(SC_execveat)->nr[t->arch])
		t->who.last_nr = (uint64_t)syscall_def(SC_execve)->nr[t->arch];
	tcb_set_arch(t, regs.cs == USER32_CS ? ARCH_I386 : ARCH_X86_64);
}

/* The seccomp prefilter may have failed in the child: check before trusting it. */
static void check_filter(struct tcb *t)
{
	long mode;

	if (umem_status(t->tid, "Seccomp", &mode) || mode == SECCOMP_MODE_FILTER)
		return;
	t->flags &= ~TCB_FILTERED;
	if (!(opt.quiet & QUIET_ATTACH))
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
		syscall_vanished(t);
		snprintf(msg, sizeof(msg), "+++ superseded by execve in pid %lu +++",
			 opt.normalize ? (unsigned long)norm_pid((pid_t)old) : old);
		if (!(opt.quiet & QUIET_SUPERSEDED))
			render_for()->note(&t->who, msg);
		tcb_forget(t);
		tcb_rekey(execer, leader);
		t = execer;
	}
	if (t->flags & TCB_STARTUP) {
		t->flags &= ~TCB_STARTUP;
		if (t->flags & TCB_FILTERED)
			check_filter(t);
	}
	maps_forget(t->tid);	/* a new program: its file mappings are read again */
	rings_forget(t->tid);	/* ...and its rings are gone */
	aiowatch_forget(t->tid, 0);	/* ...and its AIO contexts */
	if (opt.stack) {	/* a new program: new maps, a new unwinder state */
		stack_forget(&t->uw);
		stack_maps_changed(&t->uw);
	}
	exec_arch(t);
	return t;
}

/*
 * --normalize names a thread by its creator's lineage, which its creator's
 * event tells: a new thread whose first stop came before it waits, stopped,
 * until then (or until that creator is gone: it is then a stray).
 */
#define UNNAMED_MAX 1024
static struct tcb *unnamed[UNNAMED_MAX];
static unsigned nunnamed;
static struct tcb *named_ready[UNNAMED_MAX];
static unsigned nready;

/* Whether @t now waits for its name (else it is named a stray and handled at once). */
static int hold_unnamed(struct tcb *t, int status)
{
	long tgid = 0, ppid = 0;

	if (nunnamed == UNNAMED_MAX) {	/* too many at once */
		norm_stray(t->tid);
		return 0;
	}
	/* Its creator is a thread of its own process (a thread) or of its parent (a process). */
	umem_status(t->tid, "Tgid", &tgid);
	umem_status(t->tid, "PPid", &ppid);
	t->creator_tgid = (pid_t)(tgid && tgid != t->tid ? tgid : ppid);
	t->flags |= TCB_UNNAMED;
	t->held_status = status;
	unnamed[nunnamed++] = t;
	return 1;
}

/* @t got its name: its held stop is handled once the current one is. */
static void release_unnamed(struct tcb *t)
{
	unsigned i;

	for (i = 0; i < nunnamed && unnamed[i] != t; i++)
		;
	if (i == nunnamed)
		return;
	unnamed[i] = unnamed[--nunnamed];
	t->flags &= ~TCB_UNNAMED;
	if (nready < UNNAMED_MAX)
		named_ready[nready++] = t;
}

static void on_stop(struct tcb *t, int status);

/* @t died still waiting for its name: it waits no more. */
static void drop_unnamed(struct tcb *t)
{
	unsigned i;

	for (i = 0; i < nunnamed && unnamed[i] != t; i++)
		;
	if (i < nunnamed)
		unnamed[i] = unnamed[--nunnamed];
	t->flags &= ~TCB_UNNAMED;
	norm_stray(t->tid);
	out_renamed(&t->who);
}

/* Handles the stops of the threads named since they stopped. */
static void handle_named(void)
{
	while (nready) {
		struct tcb *t = named_ready[--nready];

		tcb_hold(t->tid, t->held_status);
		on_stop(t, t->held_status);
	}
}

struct alive {
	pid_t tgid;
	const struct tcb *gone;
	int n;
};

static void count_alive(struct tcb *t, void *data)
{
	struct alive *a = data;

	a->n += t != a->gone && t->who.tgid == a->tgid;
}

/*
 * @gone died: when it was its process's last traced thread, the threads
 * still waiting for a name that process would have given are strays.
 */
static void creator_gone(const struct tcb *gone)
{
	struct alive a = { gone->who.tgid ? gone->who.tgid : gone->tid, gone, 0 };
	unsigned i = nunnamed;

	tcb_for_each(count_alive, &a);
	if (a.n)
		return;
	while (i--) {
		struct tcb *t = unnamed[i];

		if (t->creator_tgid != a.tgid)
			continue;
		norm_stray(t->tid);
		release_unnamed(t);
		out_renamed(&t->who);
	}
}

static void on_new_child(struct tcb *parent)
{
	unsigned long msg = 0;
	struct tcb *c;

	if (ptrace(PTRACE_GETEVENTMSG, parent->tid, NULL, &msg) || !msg)
		return;
	if (opt.normalize)
		norm_child(parent->tid, (pid_t)msg);
	c = tcb_find((pid_t)msg);
	if (!c) {
		c = tcb_new((pid_t)msg, 0);
		if (!(opt.quiet & QUIET_ATTACH))
			error("Process %lu attached", msg);
	}
	if (c->flags & TCB_UNNAMED) {
		release_unnamed(c);
		out_renamed(&c->who);	/* -ff: its file, named by tid until now */
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
	pid_t tgid = t->who.tgid ? t->who.tgid : umem_tgid(t->tid);

	if (tgid == t->tid || ptrace(PTRACE_GETEVENTMSG, t->tid, NULL, &code))
		return;
	if (!(t->flags & TCB_STARTUP)) {
		render_for()->death(&t->who, (int)code);	/* the status as wait4 will give it */
		timeline_death(&t->who, (int)code);
	}
	t->flags |= TCB_END_SHOWN;
}

static int is_stop_signal(int sig)
{
	return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU;
}

static void on_group_stop(struct tcb *t, int sig)
{
	if (!(t->flags & (TCB_LISTENING | TCB_STARTUP)) && opt.signal[sig])
		render_for()->stopped(&t->who, sig);
	t->flags |= TCB_LISTENING;
	/* Stay stopped, as the signal meant, until SIGCONT. */
	tcb_hold(0, 0);
	ptrace(PTRACE_LISTEN, t->tid, NULL, NULL);
}

static void on_signal(struct tcb *t, int sig)
{
	siginfo_t si;

	if ((t->inj.sent | t->inj.own) && inject_signal_stop(t, sig)) {
		tcb_resume(t, 0);	/* -e inject=...:eintr's own signal: swallowed */
		return;
	}
	if (!(t->flags & TCB_STARTUP) && sig > 0 && sig < SIG_TABLE_SIZE &&
	    opt.signal[sig] && !ptrace(PTRACE_GETSIGINFO, t->tid, NULL, &si)) {
		syscall_flush_held(t);
		where_now(t);
		sender_comm(t, &si);
		render_for()->signal(&t->who, &si);
		timeline_signal(&t->who, &si);
	}
	tcb_resume(t, sig);
}

/*
 * -b execve: @t's exec succeeded (a failed one is traced on, as strace):
 * it is let go, and the program it runs is not traced.
 */
static void let_go(struct tcb *t)
{
	if (t->tid == tracer_child)
		child_let_go = 1;	/* its status is still iotrace's to give */
	tracer_detach_exec(t);
	tcb_hold(0, 0);	/* (no stop of ours is pending any more) */
}

static void on_stop(struct tcb *t, int status)
{
	int sig = WSTOPSIG(status);

	if (opt.decode_pids)	/* -Y: the name now (exec and prctl change it) */
		umem_comm(t->tid, t->who.comm, sizeof(t->who.comm));
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
	case PTRACE_EVENT_EXEC: {
		int first = (t->flags & TCB_STARTUP) != 0;	/* the command's own exec */

		spin_churn();
		t = on_exec(t);
		if (opt.detach_on_exec && !first) {
			let_go(t);
			return;
		}
		break;
	}
	case PTRACE_EVENT_FORK:
	case PTRACE_EVENT_VFORK:
	case PTRACE_EVENT_CLONE:
		if (status >> 16 != PTRACE_EVENT_CLONE)
			spin_churn();	/* a new process, not a thread */
		on_new_child(t);
		break;
	case PTRACE_EVENT_EXIT:
		t->flags |= TCB_EXITING;
		where_now(t);
		syscall_vanished(t);
		syscall_rings_last_look(t);
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
	tcb_resume(t, 0);
}

static void on_death(struct tcb *t, int status)
{
	syscall_vanished(t);
	if (!(t->flags & (TCB_STARTUP | TCB_END_SHOWN))) {
		/* As strace: no exit line with -qq, no death by a signal -e signal= hides. */
		if (WIFEXITED(status) ? !(opt.quiet & QUIET_EXIT) : opt.signal[WTERMSIG(status)])
			render_for()->death(&t->who, status);
		timeline_death(&t->who, status);
	}
	if (t->tid == tracer_child)
		child_status = tracer_exec_failed() ? 1 << 8 : status;
	tcb_forget(t);
}

/* A stop from a thread we have no tcb for: a new child whose parent's event is still queued. */
static struct tcb *adopt(pid_t pid)
{
	unsigned flags = tracer_child && opt.seccomp ? TCB_FILTERED : TCB_ATTACHED;

	if (!(opt.quiet & QUIET_ATTACH))
		error("Process %d attached", (int)pid);
	return tcb_new(pid, flags);
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
	pid_t held;
	int held_status, from_terminal, sig;

	out_flush_all();
	out_stop();
	error("stopped tracing after that error; the traced processes run on untraced");
	if (tcb_held(&held, &held_status))
		pass_stop(held, held_status);
	for (;;) {
		/* As handle_interrupt(): pass one on, let go at the next. */
		if ((sig = signals_take_terminating(&from_terminal))) {
			if (!tracer_child || interrupts++) {
				tracer_detach_all();
				break;
			}
			if (!from_terminal)
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
static int handle_interrupt(int sig, int from_terminal)
{
	if (tracer_child && tcb_find(tracer_child) && !interrupts++) {
		/* Pass it on, then trace the command to its end: delays end too. */
		if (!from_terminal)
			kill(tracer_child, sig);
		inject_release_all();
		return 0;
	}
	tracer_detach_all();
	if (tracer_child)
		child_status = sig;	/* as if killed by it: iotrace dies of it too */
	return 1;
}

/*
 * -b execve let the command go: iotrace ends as it does, or, told to stop
 * (a terminating signal), at once as if killed by that signal, the
 * command running on (as strace, which never waits).
 */
static void wait_let_go(void)
{
	int status, from_terminal, sig;
	pid_t pid;

	for (;;) {
		pid = waitpid(tracer_child, &status, 0);
		if (pid == tracer_child) {
			child_status = status;
			return;
		}
		if (pid < 0 && errno != EINTR)
			return;
		if ((sig = signals_take_terminating(&from_terminal))) {
			child_status = sig;
			return;
		}
	}
}

int tracer_loop(void)
{
	int status;
	pid_t pid;

	while (tcb_count()) {
		int sig, from_terminal;
		struct tcb *t;

		sig = signals_take_terminating(&from_terminal);
		if (sig && handle_interrupt(sig, from_terminal))
			break;
		if (signals_flush_due())
			out_flush_all();
		pid = next_stop(&status);
		if (!pid)
			continue;
		if (pid < 0) {
			if (errno == ECHILD)
				break;
			die_errno("waitpid");
		}
		t = tcb_find(pid);
		if (!t && pid == tracer_child && child_let_go && (WIFEXITED(status) || WIFSIGNALED(status))) {
			child_status = status;	/* the command, let go at its exec, ended */
			child_let_go = 2;
			continue;
		}
		if (WIFEXITED(status) || WIFSIGNALED(status)) {
			if (t && (t->flags & TCB_UNNAMED))
				drop_unnamed(t);
			if (t && nunnamed)
				creator_gone(t);
			if (t)
				on_death(t, status);
			handle_named();
			continue;
		}
		if (!WIFSTOPPED(status))
			continue;
		if (!t && opt.normalize && hold_unnamed(t = adopt(pid), status)) {
			handle_named();	/* its name comes with its creator's event */
			continue;
		}
		if (t && t->inj.resume_at) {
			/*
			 * A delay holds it in a stop the spin path found without
			 * wait4, which reports it now: handled already.  Only its
			 * death's stop (a SIGKILL from outside) is news.
			 */
			if (status >> 16 != PTRACE_EVENT_EXIT)
				continue;
			t->inj.resume_at = 0;
		}
		tcb_hold(pid, status);
		on_stop(t ? t : adopt(pid), status);
		handle_named();
	}
	out_finish();	/* --normalize's blocks, before the tables */
	if (opt.summary)
		summary_print(out_summary());
	if (opt.files_summary)
		files_print(out_summary());
	out_flush_all();
	if (child_let_go == 1)
		wait_let_go();
	return child_status;
}

void tracer_exit_like(int status)
{
	struct rlimit no_core = { 0, 0 };
	int sig;
	sigset_t set;

	out_finish();
	out_close();
	timeline_close();
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
