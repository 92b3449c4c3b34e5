/*
 * Process life-cycle cases.
 * usage: lifecycle exit N | segv | kill | rtmin | signal | stop | fork |
 *        vfork | clone | execthread SELF | diecall | interleave |
 *        exec64 PROG | bigwrite MIB | burn | siginfo
 * siginfo: SIGUSR1 sent to itself by kill, tgkill, sigqueue (a value),
 * and with an unknown code and a pointer (rt_tgsigqueueinfo), then a
 * child killed by SIGPIPE.
 * bigwrite lifts its own RLIMIT_DATA (a tracer started under a low one
 * keeps it), writes MIB MiB to /dev/null in one call, then forks a child
 * that writes, and says "survived".
 * burn forks a child that spends at least 50 ms of user CPU, and waits.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

static int pipefd[2];

static void say(const char *s)
{
	write(1, s, strlen(s));
}

static void on_usr1(int sig)
{
	(void)sig;
	say("handled\n");
}

static int child_fn(void *arg)
{
	(void)arg;
	say("clone child\n");
	return 0;
}

static void *exec_thread(void *arg)
{
	say("thread\n");
	execl((const char *)arg, "lifecycle", "exit", "0", (char *)NULL);
	return NULL;
}

static void *reader(void *arg)
{
	char c;

	(void)arg;
	read(pipefd[0], &c, 1);
	return NULL;
}

/* Reads /proc/self/task/@tid/@file into @buf; returns its length or -1. */
static ssize_t task_file(pid_t tid, const char *file, char *buf, size_t size)
{
	char path[64];
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/self/task/%d/%s", (int)tid, file);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	n = pread(fd, buf, size - 1, 0);
	close(fd);
	if (n >= 0)
		buf[n] = '\0';
	return n;
}

/*
 * Waits until thread @tid sleeps inside read(2) itself, so the order of
 * the trace is fixed.  A thread held in its ptrace syscall-entry stop
 * also shows syscall 0, but in state 't', not 'S'.
 */
static void wait_in_read(pid_t tid)
{
	char sc[128], st[512];

	for (;;) {
		char *state = NULL;

		if (task_file(tid, "syscall", sc, sizeof(sc)) > 2 &&
		    task_file(tid, "stat", st, sizeof(st)) > 0)
			state = strrchr(st, ')');
		if (state && !strncmp(sc, "0 ", 2) && !strncmp(state, ") S", 3))
			return;
		usleep(1000);
	}
}

static pid_t reader_tid;

static void *reader_reporting(void *arg)
{
	reader_tid = (pid_t)syscall(SYS_gettid);
	return reader(arg);
}

static pthread_t start_reader(void)
{
	pthread_t t;

	if (pipe(pipefd))
		exit(91);
	pthread_create(&t, NULL, reader_reporting, NULL);
	while (!__atomic_load_n(&reader_tid, __ATOMIC_SEQ_CST))
		usleep(1000);
	wait_in_read(reader_tid);
	return t;
}

int main(int argc, char **argv)
{
	/* Test harnesses leave fds open; the traced fd numbers must not vary. */
	close_range(3, ~0u, 0);

	const char *mode = argc > 1 ? argv[1] : "";

	if (!strcmp(mode, "exit") && argc > 2) {
		say("exiting\n");
		return atoi(argv[2]);
	}
	if (!strcmp(mode, "segv")) {
		int *volatile bad = (int *)16;

		say("crashing\n");
		*bad = 1;
	}
	if (!strcmp(mode, "kill")) {
		say("killing myself\n");
		kill(getpid(), SIGKILL);
	}
	if (!strcmp(mode, "rtmin")) {
		/* The kernel's SIGRTMIN, glibc's own: reset past glibc, it may come ignored. */
		unsigned long dfl[4] = { (unsigned long)SIG_DFL, 0, 0, 0 };

		if (syscall(SYS_rt_sigaction, 32, dfl, NULL, 8))
			return 92;
		say("killing myself\n");
		kill(getpid(), 32);
	}
	if (!strcmp(mode, "signal")) {
		signal(SIGUSR1, on_usr1);
		kill(getpid(), SIGUSR1);
		say("after\n");
		return 0;
	}
	if (!strcmp(mode, "siginfo")) {
		siginfo_t si;
		union sigval val = { .sival_int = 7 };

		signal(SIGUSR1, on_usr1);
		kill(getpid(), SIGUSR1);
		syscall(SYS_tgkill, getpid(), getpid(), SIGUSR1);
		sigqueue(getpid(), SIGUSR1, val);
		memset(&si, 0, sizeof(si));
		si.si_signo = SIGUSR1;
		si.si_code = -42;
		si.si_pid = getpid();
		syscall(SYS_rt_tgsigqueueinfo, getpid(), getpid(), SIGUSR1, &si);
		si.si_value.sival_ptr = (void *)0x12345678;	/* the same every run */
		syscall(SYS_rt_tgsigqueueinfo, getpid(), getpid(), SIGUSR1, &si);
		if (fork() == 0) {
			signal(SIGPIPE, SIG_DFL);
			raise(SIGPIPE);
			_exit(0);
		}
		wait(NULL);
		return 0;
	}
	if (!strcmp(mode, "stop")) {
		say("before stop\n");
		raise(SIGSTOP);
		say("after stop\n");
		return 0;
	}
	if (!strcmp(mode, "fork")) {
		pid_t p = fork();

		if (!p) {
			say("child\n");
			_exit(3);
		}
		waitpid(p, NULL, 0);
		say("parent\n");
		return 0;
	}
	if (!strcmp(mode, "vfork")) {
		pid_t p = vfork();

		if (!p) {
			write(1, "vchild\n", 7);
			_exit(4);
		}
		waitpid(p, NULL, 0);
		say("parent\n");
		return 0;
	}
	if (!strcmp(mode, "clone")) {
		static char stack[65536];
		pid_t p = clone(child_fn, stack + sizeof(stack), SIGCHLD, NULL);

		waitpid(p, NULL, 0);
		say("parent\n");
		return 0;
	}
	if (!strcmp(mode, "execthread") && argc > 2) {
		pthread_t t;

		pthread_create(&t, NULL, exec_thread, argv[2]);
		for (;;)
			pause();
	}
	if (!strcmp(mode, "diecall")) {
		start_reader();
		say("leaving\n");
		exit(0);
	}
	if (!strcmp(mode, "bigwrite") && argc > 2) {
		size_t len = (size_t)atoi(argv[2]) << 20;
		struct rlimit rl;
		char *buf;
		int fd;
		pid_t p;

		if (getrlimit(RLIMIT_DATA, &rl))
			return 90;
		rl.rlim_cur = rl.rlim_max;
		if (setrlimit(RLIMIT_DATA, &rl))
			return 91;
		buf = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		fd = open("/dev/null", O_WRONLY);
		if (buf == MAP_FAILED || fd != 3)
			return 92;
		memset(buf, 'b', len);
		if (write(fd, buf, len) != (ssize_t)len)
			return 93;
		p = fork();
		if (!p) {
			write(fd, "child", 5);
			_exit(0);
		}
		waitpid(p, NULL, 0);
		say("survived\n");
		return 0;
	}
	if (!strcmp(mode, "burn")) {
		pid_t p = fork();

		if (!p) {
			volatile unsigned long x = 0;
			struct rusage ru;

			do {
				for (x = 0; x < 1000000; x++)
					;
				getrusage(RUSAGE_SELF, &ru);
			} while (ru.ru_utime.tv_sec == 0 && ru.ru_utime.tv_usec < 50000);
			_exit(3);
		}
		waitpid(p, NULL, 0);
		return 0;
	}
	if (!strcmp(mode, "interleave")) {
		pthread_t t = start_reader();
		struct iovec x = { .iov_base = "x", .iov_len = 1 };

		/*
		 * The traced write of nothing wakes no reader, so its line
		 * comes between the read's two halves.  Waking the reader
		 * with that write would race its exit stop against the
		 * writer's; the untraced writev wakes it after.
		 */
		write(pipefd[1], "", 0);
		writev(pipefd[1], &x, 1);
		pthread_join(t, NULL);
		return 0;
	}
	return 2;
}
