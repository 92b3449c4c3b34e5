/* iotrace's own signal handling. */
#include "config.h"
#include <string.h>
#include <sys/time.h>
#include "config/options.h"
#include "trace/signals.h"
#include "trace/spin.h"
#include "util/util.h"

/* Buffered output reaches a file or pipe at most this late (for tail -f). */
#define FLUSH_INTERVAL_USEC 250000

static volatile sig_atomic_t pending_signal;
static volatile sig_atomic_t pending_from_kernel;
static volatile sig_atomic_t flush_due;

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

void signals_restore(void)
{
	size_t i;

	/* An ignored signal stays ignored across exec, as under strace. */
	for (i = 0; i < ARRAY_SIZE(changed_signals); i++)
		signal(changed_signals[i], found[i].sa_handler == SIG_IGN ? SIG_IGN : SIG_DFL);
}

/*
 * -I 3 and -I 4, as strace: iotrace never stops for the fatal signals
 * (nor, with 4, for ^Z); the command starts with an empty mask all the
 * same (attach.c).  -I 1 and 2 are what iotrace does anyway: a signal
 * is acted on between stops.
 */
static void block_fatal(void)
{
	static const int fatal[] = { SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGTERM };
	sigset_t set;
	size_t i;

	if (opt.interruptible < 3)
		return;
	sigemptyset(&set);
	for (i = 0; i < ARRAY_SIZE(fatal); i++)
		sigaddset(&set, fatal[i]);
	if (opt.interruptible == 4)
		sigaddset(&set, SIGTSTP);
	sigprocmask(SIG_BLOCK, &set, NULL);
}

void signals_setup(void)
{
	struct itimerval every = { { 0, FLUSH_INTERVAL_USEC }, { 0, FLUSH_INTERVAL_USEC } };
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
	setitimer(ITIMER_REAL, &every, NULL);
	spin_setup(opt.spin_usec, opt.spin_always);
	block_fatal();
	/* A closed output pipe loses the trace, not the traced program. */
	signal(SIGPIPE, SIG_IGN);
	/* Ignored, SIGCHLD would have the kernel reap the command unseen. */
	signal(SIGCHLD, SIG_DFL);
}

int signals_take_terminating(int *from_terminal)
{
	int sig = pending_signal;

	pending_signal = 0;
	*from_terminal = pending_from_kernel;
	return sig;
}

const volatile sig_atomic_t *signals_pending(void)
{
	return &pending_signal;
}

int signals_flush_due(void)
{
	int due = flush_due;

	flush_due = 0;
	return due;
}
