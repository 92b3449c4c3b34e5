/*
 * A program with seccomp filters of its own, as sandboxes install them.
 * usage: ownfilter
 * Installs (seccomp(2), with TSYNC) a filter that fails write(7, ...)
 * with EROFS, and writes to fd 7; then forks a child that installs
 * (prctl(PR_SET_SECCOMP)) a filter killing the process at any write, and
 * writes; then says how the child ended.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define LOAD(field) BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, field))
#define RET(action) BPF_STMT(BPF_RET | BPF_K, action)

static void no_write_to_7(void)
{
	static struct sock_filter f[] = {
		LOAD(nr),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_write, 0, 3),
		LOAD(args[0]),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 7, 0, 1),
		RET(SECCOMP_RET_ERRNO | EROFS),
		RET(SECCOMP_RET_ALLOW),
	};
	struct sock_fprog p = { sizeof(f) / sizeof(f[0]), f };

	if (syscall(__NR_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_TSYNC, &p))
		_exit(90);
}

static void no_write_at_all(void)
{
	static struct sock_filter f[] = {
		LOAD(nr),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_write, 0, 1),
		RET(SECCOMP_RET_KILL_PROCESS),
		RET(SECCOMP_RET_ALLOW),
	};
	struct sock_fprog p = { sizeof(f) / sizeof(f[0]), f };

	if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &p))
		_exit(91);
}

int main(void)
{
	char msg[64];
	pid_t child;
	int status, n;

	close_range(3, ~0U, 0);
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0))
		return 92;
	no_write_to_7();
	write(7, "denied", 6);
	child = fork();
	if (!child) {
		no_write_at_all();
		write(1, "xyz", 3);
		_exit(0);
	}
	waitpid(child, &status, 0);
	n = snprintf(msg, sizeof(msg), "child status 0x%x\n", (unsigned)status);
	write(1, msg, (size_t)n);
	return 0;
}
