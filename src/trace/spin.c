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
 *
 * Spinning is not always faster: a scheduler that packs tasks onto few
 * CPUs runs a sleeping tracer and its tracee on one CPU, where a stop
 * costs a plain task switch, and a spinning tracer keeps them apart.
 * So one tracee's waits are timed: every PROBE_EVERY stops, PROBE_STOPS
 * stops are taken sleeping and as many spinning, and the faster way
 * serves until the next probe.
 */
#define _GNU_SOURCE
#include "config.h"
#include <sched.h>
#include <string.h>
#include <sys/wait.h>
#include "trace/spin.h"
#include "util/util.h"

static volatile sig_atomic_t announced;	/* a SIGCHLD came since last looked at */
static volatile sig_atomic_t announced_pid;
static uint64_t max_ns;
static uint64_t budget_ns[SPIN_KINDS];
static unsigned kind;			/* of the current wait */
static uint64_t wait_start;

#define PROBE_STOPS 64
#define PROBE_EVERY 1024

enum phase { PROBE_SLEEP, PROBE_SPIN, SERVE };

static struct {
	enum phase phase;
	unsigned left;		/* stops left in the phase */
	uint64_t start;		/* when the phase began */
	uint64_t took[2];	/* the probes' time: sleeping, spinning */
	int spin;		/* what the phase does */
} probe = { PROBE_SLEEP, PROBE_STOPS, 0, { 0, 0 }, 0 };

#define POLL_GAP_NS 5000

static void on_child(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)uc;
	if (si->si_code <= 0)
		return;	/* sent by a process (a tracee may), not by the kernel */
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

/* SIGCHLD is blocked whenever nothing spins on it: then it costs nothing. */
static void block_sigchld(int block)
{
	static int blocked;
	sigset_t set;

	if (blocked == block)
		return;
	blocked = block;
	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sigprocmask(block ? SIG_BLOCK : SIG_UNBLOCK, &set, NULL);
}

void spin_single(int single)
{
	if (max_ns && !single)
		block_sigchld(1);
}

static inline void cpu_relax(void)
{
#if defined(__x86_64__) || defined(__i386__)
	__builtin_ia32_pause();
#endif
}

/* Starts a wait of kind k; returns whether spinning is on at all. */
static int wait_begins(unsigned k)
{
	if (!max_ns)
		return 0;
	kind = k;
	wait_start = now_ns();
	return 1;
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

/* Counts a stop of the one tracee; returns whether to spin for the next. */
static int probe_says_spin(void)
{
	uint64_t now;

	if (!probe.start)
		probe.start = now_ns();
	if (probe.left--)
		return probe.spin;
	now = now_ns();
	switch (probe.phase) {
	case PROBE_SLEEP:
		probe.took[0] = now - probe.start;
		probe.phase = PROBE_SPIN;
		probe.left = PROBE_STOPS;
		probe.spin = 1;
		break;
	case PROBE_SPIN:
		probe.took[1] = now - probe.start;
		probe.phase = SERVE;
		probe.left = PROBE_EVERY;
		probe.spin = probe.took[1] < probe.took[0];
		break;
	case SERVE:
		probe.phase = PROBE_SLEEP;
		probe.left = PROBE_STOPS;
		probe.spin = 0;
		break;
	}
	probe.start = now;
	return probe.spin;
}

pid_t spin_announced(unsigned k, const volatile sig_atomic_t *interrupt)
{
	unsigned n = 0;

	if (!wait_begins(k))
		return 0;
	if (!probe_says_spin()) {
		block_sigchld(1);
		return 0;
	}
	block_sigchld(0);
	while (!announced) {	/* it may have come already: then no wait at all */
		if (!budget_ns[kind] || *interrupt)
			return 0;
		cpu_relax();
		/* now_ns() is a vDSO read, but still worth sparing */
		if (!(++n & 31) && !budget_lasts())
			return 0;
	}
	announced = 0;
	return announced_pid;
}

pid_t spin_poll(int *status, const volatile sig_atomic_t *interrupt)
{
	pid_t pid;

	if (!wait_begins(SPIN_SEVERAL) || !budget_ns[kind])
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
