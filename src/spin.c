/*
 * Waiting awake for the next stop.  A stopped tracee wakes a sleeping
 * tracer, and on a virtual machine waking an idle CPU costs tens of
 * microseconds, more than all the rest of a traced call.  A tracee that
 * makes syscalls in a loop stops again within microseconds, so the
 * tracer waits for its SIGCHLD awake for a while before it sleeps in
 * wait4.  The signal replaces wait4 (one rt_sigreturn instead), so the
 * syscalls per traced call stay the same.
 *
 * The budget adapts: each stop that did not come in time halves it,
 * down to nothing, and a stop that came soon after a sleep restores it,
 * so a tracee that blocks in its syscalls costs little.  The time between
 * calls and the time inside each syscall number keep budgets of their
 * own: a tracee that blocks in each read() still has its writes and its
 * next call awaited awake.
 */
#define _GNU_SOURCE
#include "config.h"
#include <sched.h>
#include <string.h>
#include <sys/wait.h>
#include "spin.h"
#include "summary.h"

static volatile sig_atomic_t announced;	/* a SIGCHLD came since last looked at */
static volatile sig_atomic_t announced_pid;
static uint64_t max_ns;
static uint64_t budget_ns[SPIN_KINDS];
static unsigned kind;			/* of the current wait */
static uint64_t wait_start;

#define POLL_GAP_NS 10000

static void on_child(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)uc;
	announced_pid = si->si_pid;
	announced = 1;
}

static int usable_cpus(void)
{
	cpu_set_t set;

	if (sched_getaffinity(0, sizeof(set), &set))
		return 1;
	return CPU_COUNT(&set);
}

void spin_setup(unsigned long max_usec)
{
	struct sigaction sa;
	int k;

	if (!max_usec || usable_cpus() < 2)
		return;
	max_ns = (uint64_t)max_usec * 1000;
	for (k = 0; k < SPIN_KINDS; k++)
		budget_ns[k] = max_ns;
	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	sa.sa_sigaction = on_child;
	sa.sa_flags = SA_SIGINFO | SA_RESTART;
	sigaction(SIGCHLD, &sa, NULL);
}

void spin_single(int single)
{
	static int blocked;
	sigset_t set;

	if (!max_ns || blocked == !single)
		return;
	blocked = !single;
	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sigprocmask(blocked ? SIG_BLOCK : SIG_UNBLOCK, &set, NULL);
}

static inline void cpu_relax(void)
{
#if defined(__x86_64__) || defined(__i386__)
	__builtin_ia32_pause();
#endif
}

/* Starts a wait; returns whether to spend time awake on it. */
static int wait_begins(unsigned k)
{
	if (!max_ns)
		return 0;
	kind = k;
	wait_start = now_ns();
	return budget_ns[kind] != 0;
}

/* Whether the budget still lasts; once it does not, less for next time. */
static int budget_lasts(void)
{
	if (now_ns() - wait_start <= budget_ns[kind])
		return 1;
	budget_ns[kind] /= 2;
	if (budget_ns[kind] < max_ns / 16)
		budget_ns[kind] = 0;
	return 0;
}

pid_t spin_announced(unsigned k, const volatile sig_atomic_t *interrupt)
{
	unsigned n = 0;

	if (!wait_begins(k))
		return 0;
	while (!announced) {
		cpu_relax();
		/* now_ns() is a vDSO read, but still worth sparing */
		if (*interrupt || (!(++n & 31) && !budget_lasts()))
			return 0;
	}
	announced = 0;
	return announced_pid;
}

pid_t spin_poll(int *status, const volatile sig_atomic_t *interrupt)
{
	pid_t pid;

	if (!wait_begins(SPIN_SEVERAL))
		return 0;
	while (!(pid = waitpid(-1, status, __WALL | WNOHANG))) {
		uint64_t poll = now_ns();

		/* A few microseconds apart: each poll is a syscall. */
		while (now_ns() - poll < POLL_GAP_NS) {
			cpu_relax();
			if (*interrupt)
				return 0;
		}
		if (!budget_lasts())
			return 0;
	}
	return pid < 0 ? 0 : pid;
}

void spin_slept(void)
{
	if (!max_ns)
		return;
	/* Its signal came while wait4 ran: no news for the next wait. */
	announced = 0;
	if (now_ns() - wait_start < max_ns)
		budget_ns[kind] = max_ns;
}
