/*
 * Waiting awake for the next stop.  A stopped tracee wakes a sleeping
 * tracer, and on a virtual machine waking an idle CPU costs tens of
 * microseconds, more than all the rest of a traced call; a signal to a
 * tracer that runs costs an interrupt between CPUs, nearly as much.  A
 * tracee that makes syscalls in a loop stops again within microseconds,
 * so the tracer may wait awake, and ask.
 *
 * The thread resumed last is asked directly: PTRACE_GET_SYSCALL_INFO
 * fails with ESRCH until the thread is in a ptrace stop, and once it is,
 * the same call says which stop it is.  A stop then costs one syscall,
 * no wait4, no signal.  Each kind of wait (the next call, or the exit of
 * a syscall number) learns when its stop comes, so the first question
 * is asked just before it is due and most stops are found by one;
 * between questions the tracer spins with the CPU's pause hint.
 *
 * Waiting awake does not always pay.  A scheduler that packs tasks onto
 * few CPUs runs a sleeping tracer and its tracee on one CPU, where a
 * stop costs a plain task switch; a program that forks and execs keeps
 * several tasks runnable, and a spinning tracer takes a CPU from them;
 * a tracee that blocks in its calls makes the spin a waste.  So:
 *  - the tracer spins only while a CPU is free for it (the runnable
 *    tasks of /proc/loadavg, looked at every few milliseconds), and not
 *    while processes come and go (CHURN_NS after a fork or exec: a shell
 *    script that runs a command in a loop runs twice as fast with a
 *    tracer that sleeps);
 *  - how the tracees fare is timed, in windows of WINDOW stops, wall
 *    and CPU time (the tracer's and the tracee's together): a probe
 *    times windows each way in turn, the windows served keep the
 *    serving way's averages fresh, and the better way serves until the
 *    next probe or until its averages fall behind the other way's (a
 *    tracer that spins can slow the tracees down in ways a single wait
 *    does not show, and a scheduler that moves tasks apart or together
 *    changes the answer: only their pace tells); spinning must be
 *    faster and cost at most 5 % more CPU time;
 *  - a spin is bounded by a budget that each stop that did not come in
 *    time halves, down to nothing, and that a quick stop restores.
 * --spin-always skips the first two rules (measurements and tests).
 */
#define _GNU_SOURCE
#include "config.h"
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "trace/spin.h"
#include "util/util.h"

static uint64_t max_ns;
static int ncpus;
static int always;	/* --spin-always */

enum mode { SLEEP, SPIN };

/* What one kind of wait learned. */
static struct {
	uint64_t budget_ns;	/* how long a spin may last */
	uint64_t due_ns;	/* when its stop comes, after the resume */
} kinds[SPIN_KINDS];

/*
 * A spin lasts at most this many times its kind's due time (and at least
 * DUE_FLOOR_NS): past it, the stop is not coming soon.
 */
#define DUE_TIMES 4
#define DUE_FLOOR_NS 20000

static unsigned kind;		/* of the current wait */
static uint64_t wait_start;
static int waiting;		/* a wait began and found no stop yet */
static uint64_t last_churn;	/* when a process was last started or exec'd */

/*
 * Between questions once the stop is late: every question is a syscall
 * (a traced write takes five besides), and a stop that missed its due
 * time is seldom only a microsecond late.
 */
#define ASK_GAP_NS 3000
#define DUE_FIRST_NS 2000	/* a kind of wait's first guess */
#define LOAD_EVERY_NS 20000000	/* how often /proc/loadavg is looked at */
#define CHURN_NS 20000000	/* no spinning this long after a fork or exec */

#define WINDOW 256		/* stops a window lasts */
#define PROBE_PAIRS 2		/* pairs of windows a probe takes */
#define SERVE_FIRST 64		/* windows served between probes, at first */
#define SERVE_MAX 1024		/* ... and at most, while one way keeps winning */

static struct {
	unsigned window;	/* of the probe, 0 .. 2 * PROBE_PAIRS; past it: serving */
	unsigned left;		/* stops left in the window */
	unsigned serving;	/* windows left to serve */
	enum mode first;	/* the way this probe's first window goes */
	uint64_t start;		/* when the window (or its timed half) began */
	uint64_t cpu_start;	/* the CPU time then: iotrace's and the tracee's */
	clockid_t tracee_clock;	/* the tracee's process CPU clock, -1 if none */
	enum mode serve;	/* the way that won */
	unsigned serve_len;
} probe = { 0, WINDOW, 0, SLEEP, 0, 0, -1, SLEEP, SERVE_FIRST };

/*
 * What each way costs WINDOW / 2 stops, wall and CPU time: moving
 * averages over its windows, a quarter each, the probe's and the
 * serving ones alike (one window is too noisy to judge by: a program
 * has phases, and a VM's timing jumps).
 */
static struct {
	uint64_t took, cpu;
	int known;
} est[2];

static uint64_t clock_ns(clockid_t c)
{
	struct timespec ts;

	return clock_gettime(c, &ts) ? 0 : (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/*
 * The CPU time iotrace and tracee @tid used so far: both change with
 * how iotrace waits (spinning burns its own, sleeping costs wakeups).
 */
static uint64_t cpu_now(pid_t tid)
{
	if (tid && clock_getcpuclockid(tid, &probe.tracee_clock))
		probe.tracee_clock = -1;
	return clock_ns(CLOCK_PROCESS_CPUTIME_ID) +
	       (probe.tracee_clock != -1 ? clock_ns(probe.tracee_clock) : 0);
}

static int usable_cpus(void)
{
	cpu_set_t set;

	if (sched_getaffinity(0, sizeof(set), &set))
		return 1;
	return CPU_COUNT(&set);
}

void spin_setup(unsigned long max_usec, int spin_always)
{
	int k;

	always = spin_always;
	ncpus = usable_cpus();
	if (!max_usec || ncpus < 2)
		return;
	max_ns = (uint64_t)max_usec * 1000;
	for (k = 0; k < SPIN_KINDS; k++) {
		kinds[k].budget_ns = max_ns;
		kinds[k].due_ns = DUE_FIRST_NS;
	}
}

/*
 * Whether a CPU is free for a spinning tracer: fewer tasks runnable
 * than CPUs beside iotrace itself (which is running).  The count is the
 * whole machine's, read every few milliseconds; unreadable, it says yes.
 */
static int cpu_free(void)
{
	static uint64_t next;
	static int free_cpu = 1, fd = -2;
	uint64_t now = now_ns();
	char buf[128];
	int running;
	ssize_t n;

	if (now < next)
		return free_cpu;
	next = now + LOAD_EVERY_NS;
	if (fd == -2)	/* kept open: one pread a look */
		fd = open("/proc/loadavg", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return free_cpu;
	n = pread(fd, buf, sizeof(buf) - 1, 0);
	if (n <= 0)
		return free_cpu;
	buf[n] = '\0';
	/* "0.73 0.95 0.93 2/77 30752": the 4th field's numerator */
	if (sscanf(buf, "%*s %*s %*s %d/", &running) == 1)
		free_cpu = running - 1 < ncpus;
	return free_cpu;
}

static inline void cpu_relax(void)
{
#if defined(__x86_64__) || defined(__i386__)
	__builtin_ia32_pause();
#endif
}

/* The way window @w of a probe goes: the two ways in turn. */
static enum mode window_mode(unsigned w)
{
	return (w & 1) ? (probe.first == SLEEP ? SPIN : SLEEP) : probe.first;
}

/* Starts a probe, its first window the other way than the last probe's. */
static enum mode probe_again(void)
{
	probe.window = 0;
	probe.first = probe.first == SLEEP ? SPIN : SLEEP;
	return probe.first;
}

static void estimate(enum mode m, uint64_t took, uint64_t cpu)
{
	if (!est[m].known) {
		est[m].took = took;
		est[m].cpu = cpu;
		est[m].known = 1;
		return;
	}
	est[m].took = est[m].took - est[m].took / 4 + took / 4;
	est[m].cpu = est[m].cpu - est[m].cpu / 4 + cpu / 4;
}

/* The faster way, spinning only when it also uses at most 5 % more CPU. */
static enum mode better_way(void)
{
	return est[SPIN].took < est[SLEEP].took &&
	       est[SPIN].cpu <= est[SLEEP].cpu ? SPIN : SLEEP;
}

/* A probe is over: the better way serves, longer each time it wins again. */
static enum mode probe_done(void)
{
	enum mode won = better_way();

	probe.serve_len = won == probe.serve ? MIN(probe.serve_len * 2, SERVE_MAX) : SERVE_FIRST;
	probe.serve = won;
	probe.serving = probe.serve_len;
	return won;
}

/* Counts a stop of @tid; returns the way the next wait goes. */
static enum mode probe_says(pid_t tid)
{
	int probing = probe.window < 2 * PROBE_PAIRS;
	uint64_t now, took, cpu;

	if (!probe.start) {
		probe.start = now_ns();
		probe.cpu_start = cpu_now(tid);
	}
	if (--probe.left) {
		if (!probing)
			return probe.serve;
		/*
		 * A probe window's first half only lets the tasks settle (a
		 * scheduler moves them apart or together as the way changes):
		 * the second half is timed.
		 */
		if (probe.left == WINDOW / 2) {
			probe.start = now_ns();
			probe.cpu_start = cpu_now(tid);
		}
		return window_mode(probe.window);
	}
	now = now_ns();
	took = now - probe.start;
	cpu = cpu_now(0);
	cpu = cpu > probe.cpu_start ? cpu - probe.cpu_start : 0;	/* the tracee may be gone */
	probe.start = now;
	probe.cpu_start = cpu_now(tid);
	probe.left = WINDOW;
	if (probing) {
		estimate(window_mode(probe.window), took, cpu);
		if (++probe.window < 2 * PROBE_PAIRS)
			return window_mode(probe.window);
		return probe_done();
	}
	/*
	 * Serving, timed whole: behind the other way now (a tracer that
	 * spins can slow the tracees down, or cost more CPU, in ways a
	 * single wait does not show), or served long enough: probe again.
	 */
	estimate(probe.serve, took / 2, cpu / 2);
	if (better_way() != probe.serve || !--probe.serving)
		return probe_again();
	return probe.serve;
}

/*
 * Starts a wait of kind @k and chooses how: awake only when spinning is
 * on, no process started lately, a CPU is free, the probe says so and
 * this kind's budget lasts.
 */
static enum mode wait_begins(unsigned k, pid_t tid)
{
	kind = k;
	wait_start = now_ns();
	waiting = 1;
	/* Not counted by the probe: these waits say nothing of how spinning fares. */
	if (!max_ns)
		return SLEEP;
	if (!always && (wait_start - last_churn < CHURN_NS || !cpu_free() ||
			probe_says(tid) == SLEEP))
		return SLEEP;
	if (!kinds[k].budget_ns)
		return SLEEP;
	return SPIN;
}

void spin_churn(void)
{
	last_churn = now_ns();
}

/*
 * Whether the spin may go on: within the budget, and not far past when
 * this kind's stop is due; once it may not, less budget for next time.
 */
static int budget_lasts(void)
{
	uint64_t spun = now_ns() - wait_start;

	if (spun <= kinds[kind].budget_ns &&
	    spun <= MAX(DUE_TIMES * kinds[kind].due_ns, (uint64_t)DUE_FLOOR_NS))
		return 1;
	kinds[kind].budget_ns /= 2;
	if (kinds[kind].budget_ns < max_ns / 16)
		kinds[kind].budget_ns = 0;
	return 0;
}

/* Spins until @until (monotonic ns); returns nonzero when interrupted. */
static int spin_until(uint64_t until, const volatile sig_atomic_t *interrupt)
{
	while (now_ns() < until) {
		cpu_relax();
		if (*interrupt)
			return 1;
	}
	return 0;
}

/*
 * A stop came @took after the resume, found by the first question or
 * not: the next question of this kind comes a little earlier (1/32: at
 * 1/16, a write and a pwritev2 took 0.4 more questions each, for no
 * time won), or a quarter of the way to when this stop came.  Asking too
 * early costs a syscall; too late, the whole delay.
 */
static void learn_due(uint64_t took, int first)
{
	uint64_t *due = &kinds[kind].due_ns;

	if (first)
		*due -= *due / 32;
	else if (took > *due)
		*due += (took - *due) / 4;
}

int spin_ask(pid_t tid, unsigned k, struct __ptrace_syscall_info *info,
	     const volatile sig_atomic_t *interrupt)
{
	uint64_t next;
	int first = 1;

	if (wait_begins(k, tid) != SPIN)
		return 0;
	/* Ask a little before the stop is due: a late question only costs its wait. */
	next = wait_start + kinds[kind].due_ns - kinds[kind].due_ns / 8;
	for (;;) {
		if (spin_until(next, interrupt))
			return 0;
		if (ptrace(PTRACE_GET_SYSCALL_INFO, tid, (void *)sizeof(*info), info) > 0) {
			learn_due(now_ns() - wait_start, first);
			waiting = 0;
			return 1;
		}
		if (errno != ESRCH || !budget_lasts())
			return 0;	/* gone, or not coming soon: wait4 will tell */
		first = 0;
		next = now_ns() + ASK_GAP_NS;
	}
}

void spin_slept(void)
{
	if (!waiting)
		return;
	waiting = 0;
	/* A stop that came soon after all: the next spin of this kind may last. */
	if (max_ns && now_ns() - wait_start < max_ns)
		kinds[kind].budget_ns = max_ns;
}
