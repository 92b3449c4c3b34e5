/* Getting tracees (spawn, -p) and letting them go (detach). */
#include "config.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "config/options.h"
#include "policy/norm.h"
#include "policy/rings.h"
#include "render/output.h"
#include "render/render.h"
#include "trace/attach.h"
#include "trace/seccomp_filter.h"
#include "trace/signals.h"
#include "trace/syscall.h"
#include "trace/tracee.h"
#include "util/strbuf.h"
#include "util/util.h"

pid_t tracer_child;
static int exec_errors = -1;	/* read end: the child's errno if its execve failed */

static int is_executable(const char *path)
{
	struct stat st;

	return !stat(path, &st) && S_ISREG(st.st_mode) && !access(path, X_OK);
}

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

/* Resolves the command like execvp, so a typo fails before anything runs. */
static char *find_command(const char *name)
{
	const char *path = getenv("PATH");
	struct strbuf sb = STRBUF_INIT;

	if (!*name)
		die("cannot run '': empty command name");
	if (strchr(name, '/')) {
		if (access(name, X_OK))
			die_errno("cannot run '%s'", name);
		return xstrdup(name);
	}
	if (!path)
		path = "/usr/local/bin:/usr/bin:/bin";
	while (*path) {
		const char *end = strchrnul(path, ':');

		sb_reset(&sb);
		if (end == path)
			sb_addch(&sb, '.');
		else
			sb_add(&sb, path, (size_t)(end - path));
		sb_addch(&sb, '/');
		sb_addstr(&sb, name);
		if (is_executable(sb.buf))
			return sb.buf;
		path = *end ? end + 1 : end;
	}
	sb_release(&sb);
	die("cannot run '%s': command not found", name);
}

/* -u: the child becomes that user, groups and all, as strace -u does; 0, or -1 with errno. */
static int become(void)
{
	if (!opt.user)
		return 0;
	if (initgroups(opt.user, opt.user_gid) || setgid(opt.user_gid) || setuid(opt.user_uid))
		return -1;
	return 0;
}

/* The child: wait until seized, then filter and exec. */
static void __attribute__((noreturn)) child_exec(int sync_fd, int err_fd, const char *path)
{
	int err;

	char c;
	sigset_t none;

	while (read(sync_fd, &c, 1) < 0 && errno == EINTR)
		;
	close(sync_fd);
	signals_restore();
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	if (become()) {
		err = errno;
		fprintf(stderr, "iotrace: cannot run '%s' as user '%s': %s\n", path, opt.user,
			strerror(err));
		(void)!write(err_fd, &err, sizeof(err));
		_exit(127);
	}
	/* A failed filter is noticed by the tracer at the exec stop. */
	if (opt.seccomp)
		(void)seccomp_install_prefilter();
	execv(path, opt.argv);
	err = errno;
	fprintf(stderr, "iotrace: cannot run '%s': %s\n", path, strerror(err));
	/* The status of iotrace's own errors is 1, not a shell's 127: tell the tracer. */
	(void)!write(err_fd, &err, sizeof(err));
	_exit(127);
}

void tracer_spawn(void)
{
	char *path = find_command(opt.argv[0]);
	int sync[2], errs[2];
	pid_t pid;

	if (pipe2(sync, O_CLOEXEC) || pipe2(errs, O_CLOEXEC | O_NONBLOCK))
		die_errno("cannot create a pipe");
	out_flush_all();
	pid = fork();
	if (pid < 0)
		die_errno("cannot fork");
	if (!pid) {
		close(sync[1]);
		close(errs[0]);
		child_exec(sync[0], errs[1], path);
	}
	close(sync[0]);
	close(errs[1]);
	exec_errors = errs[0];
	if (ptrace(PTRACE_SEIZE, pid, NULL,
		   (void *)tracer_ptrace_options(opt.seccomp))) {
		int err = errno;

		kill(pid, SIGKILL);
		errno = err;
		die_errno("cannot trace the command");
	}
	tracer_child = pid;
	if (opt.normalize)	/* named before its tcb: an -ff file takes the name */
		norm_root(pid);
	tcb_new(pid, TCB_STARTUP | (opt.seccomp ? TCB_FILTERED : 0));
	close(sync[1]);	/* lets the child go on to its execve */
	free(path);
}

int tracer_exec_failed(void)
{
	int err;

	return exec_errors >= 0 && read(exec_errors, &err, sizeof(err)) == sizeof(err);
}

/* Seizes the threads of @pid not seized yet; returns how many, or -1. */
static int seize_new_threads(pid_t pid, DIR *dir)
{
	struct dirent *de;
	int n = 0;

	rewinddir(dir);
	while ((de = readdir(dir))) {
		pid_t tid = (pid_t)atoi(de->d_name);

		if (tid <= 0 || tcb_find(tid))
			continue;
		if (ptrace(PTRACE_SEIZE, tid, NULL, (void *)tracer_ptrace_options(0))) {
			if (tid == pid)
				return -1;
			continue;	/* the thread exited meanwhile */
		}
		ptrace(PTRACE_INTERRUPT, tid, NULL, NULL);
		if (opt.normalize)
			norm_root(tid);
		tcb_new(tid, TCB_ATTACHED);
		n++;
	}
	return n;
}

static unsigned attach_one(pid_t pid)
{
	char path[64];
	DIR *dir;
	int n, total = 0;

	snprintf(path, sizeof(path), "/proc/%d/task", (int)pid);
	dir = opendir(path);
	if (!dir) {
		error("cannot attach to process %d: %s", (int)pid,
		      errno == ENOENT ? "no such process" : strerror(errno));
		return 0;
	}
	/* Threads started while we attach are caught by the next scan. */
	while ((n = seize_new_threads(pid, dir)) > 0)
		total += n;
	closedir(dir);
	if (n < 0 && !total) {
		error("cannot attach to process %d: %s", (int)pid,
		      errno == ESRCH ? "no such process" : strerror(errno));
		return 0;
	}
	rings_attached(pid);	/* set up before: followed from here */
	if (opt.quiet & QUIET_ATTACH)
		return 1;
	if (total > 1)
		error("Process %d attached with %d threads", (int)pid, total);
	else
		error("Process %d attached", (int)pid);
	return 1;
}

unsigned tracer_attach_all(void)
{
	unsigned ok = 0;
	size_t i;

	for (i = 0; i < opt.npids; i++)
		ok += attach_one(opt.pids[i]);
	return ok;
}

static int is_signal_delivery(int status)
{
	return (status >> 16) == 0 && WSTOPSIG(status) != (SIGTRAP | 0x80);
}

/* How long detaching waits for a thread to stop; then the kernel lets it go. */
#define DETACH_WAIT_NS (100 * 1000 * 1000)

/*
 * Detaches @tid, which PTRACE_INTERRUPT has been asked to stop.  Its next
 * stop may be one iotrace has not collected yet (it was busy writing its
 * output, say): a signal-delivery stop must hand its signal back through
 * PTRACE_DETACH, or the signal is lost.  A thread that does not stop in
 * time (asleep uninterruptibly) is left to the kernel, which detaches it
 * when iotrace exits and keeps whatever signal it was stopped for.
 */
static void detach_thread(struct tcb *t, uint64_t deadline)
{
	pid_t tid = t->tid;
	int status;

	for (;;) {
		pid_t r = waitpid(tid, &status, __WALL | WNOHANG);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0 || (r > 0 && !WIFSTOPPED(status)))
			return;	/* gone */
		if (r > 0)
			break;
		if (now_ns() > deadline) {
			inject_detach_stopped(t);	/* its memory at least */
			return;
		}
		sched_yield();
	}
	inject_detach_stopped(t);	/* stopped: registers can be put back now */
	ptrace(PTRACE_DETACH, tid, NULL,
	       (void *)(long)(is_signal_delivery(status) ? WSTOPSIG(status) : 0));
}

/* First pass: every thread is asked to stop, so none waits for another. */
static void interrupt_one(struct tcb *t, void *data)
{
	(void)data;
	if (!(t->flags & TCB_FILTERED))
		ptrace(PTRACE_INTERRUPT, t->tid, NULL, NULL);
}

static void detach_one(struct tcb *t, void *data)
{
	syscall_detached(t);
	if (t->flags & TCB_FILTERED) {
		/* Untraced, its filter would fail every traced call with ENOSYS. */
		kill(t->tid, SIGKILL);
		if (!(opt.quiet & QUIET_ATTACH))
			error("Process %d killed: it runs under iotrace's seccomp filter", (int)t->tid);
	} else {
		if (!inject_detach_held(t))
			detach_thread(t, *(const uint64_t *)data);
		if (!(opt.quiet & QUIET_ATTACH))
			error("Process %d detached", (int)t->tid);
	}
	tcb_forget(t);
}

void tracer_detach_exec(struct tcb *t)
{
	pid_t tid = t->tid;

	syscall_detached(t);
	if (!inject_detach_held(t)) {
		inject_detach_stopped(t);
		ptrace(PTRACE_DETACH, tid, NULL, NULL);	/* at its exec's event: no signal to hand back */
	}
	if (!(opt.quiet & QUIET_ATTACH))
		error("Process %d detached", (int)tid);
	tcb_forget(t);
}

void tracer_detach_all(void)
{
	uint64_t deadline = now_ns() + DETACH_WAIT_NS;
	int status;
	pid_t pid;

	tcb_for_each(interrupt_one, NULL);
	tcb_for_each(detach_one, &deadline);
	/* Children reported but not yet known: let them go too. */
	while ((pid = waitpid(-1, &status, __WALL | WNOHANG)) > 0)
		if (WIFSTOPPED(status))
			ptrace(PTRACE_DETACH, pid, NULL,
			       (void *)(long)(is_signal_delivery(status) ? WSTOPSIG(status) : 0));
}
