#include "config.h"
#include <errno.h>
#include <stddef.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include "config/options.h"
#include "trace/seccomp_filter.h"
#include "syscalls/syscalls.h"
#include "policy/maps.h"
#include "policy/stack.h"
#include "util/util.h"

#define X32_SYSCALL_BIT 0x40000000u
/* Two personalities, two instructions per syscall, a few fixed ones. */
#define PROG_MAX (16 + 5 * ARCH_COUNT * SC_ALL + SOCKETCALL_MAX + 3)

struct prog {
	struct sock_filter insn[PROG_MAX];
	unsigned short len;
};

static void emit(struct prog *p, struct sock_filter insn)
{
	p->insn[p->len++] = insn;
}

int seccomp_installs_filter(unsigned id, uint64_t arg0)
{
	unsigned flags = syscall_def(id)->flags;

	return (flags & SF_SECCOMP) ||
	       ((flags & SF_PRCTL_SECCOMP) && (uint32_t)arg0 == PR_SET_SECCOMP);
}

int seccomp_all_threads(unsigned id, uint64_t arg0, uint64_t arg1)
{
	return (syscall_def(id)->flags & SF_SECCOMP) && (uint32_t)arg0 == SECCOMP_SET_MODE_FILTER &&
	       (arg1 & SECCOMP_FILTER_FLAG_TSYNC);
}

static void emit_trace_nr(struct prog *p, int nr)
{
	emit(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (unsigned)nr, 0, 1));
	emit(p, (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE));
}

/*
 * i386's socketcall(2) stops when its first argument names a traced
 * call: "if nr is socketcall: if args[0] is one of them, stop; else run".
 */
static void emit_socketcall(struct prog *p, const struct syscall_def *d, enum arch arch)
{
	unsigned call, nargs, n = 0, i, calls[SOCKETCALL_MAX + 1];

	for (call = 1; call <= SOCKETCALL_MAX; call++) {
		unsigned sub = syscall_socketcall(call, &nargs);

		if (sub && opt.trace[sub])
			calls[n++] = call;
	}
	if (!n)
		return;
	/* Past the block when nr is not socketcall: the load, n tests and two returns. */
	emit(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K,
					     (unsigned)d->nr[arch], 0, (unsigned char)(n + 3)));
	emit(p, (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
					     offsetof(struct seccomp_data, args[0])));
	for (i = 0; i < n; i++)	/* a match jumps to the last return: stop */
		emit(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, calls[i],
						     (unsigned char)(n - i), 0));
	emit(p, (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW));
	emit(p, (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE));
}

/*
 * Stops for syscall @id of @arch: a traced one; one that changes the
 * address space when -k must follow it; one that installs a seccomp
 * filter of the tracee's own (prctl only for PR_SET_SECCOMP).
 */
static void emit_for(struct prog *p, enum arch arch, unsigned id)
{
	const struct syscall_def *d = syscall_def(id);

	if (d->nr[arch] < 0)
		return;
	if ((id < SC_COUNT && opt.trace[id] && !(d->flags & SF_FILEMAP)) ||
	    (opt.stack && (d->flags & SF_MAPS)) || (d->flags & SF_SECCOMP)) {
		emit_trace_nr(p, d->nr[arch]);
	} else if ((id < SC_COUNT && opt.trace[id]) || maps_follow_quietly(id)) {
		/* A file mapping stops; an anonymous one (MAP_ANONYMOUS in args[3]) runs on. */
		emit(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K,
						     (unsigned)d->nr[arch], 0, 4));
		emit(p, (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
						     offsetof(struct seccomp_data, args[3])));
		emit(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, MAP_ANONYMOUS, 0, 1));
		emit(p, (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW));
		emit(p, (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE));
	} else if (d->flags & SF_SOCKETCALL) {
		emit_socketcall(p, d, arch);
	} else if (d->flags & SF_PRCTL_SECCOMP) {
		emit(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K,
						     (unsigned)d->nr[arch], 0, 4));
		emit(p, (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
						     offsetof(struct seccomp_data, args[0])));
		emit(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, PR_SET_SECCOMP, 0, 1));
		emit(p, (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE));
		emit(p, (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW));
	}
}

/* "if nr matches one traced syscall of @arch, stop the tracee". */
static void emit_arch_block(struct prog *p, enum arch arch)
{
	unsigned id;

	emit(p, (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
					     offsetof(struct seccomp_data, nr)));
	if (arch == ARCH_X86_64)	/* x32 calls are not decoded: let them run */
		emit(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K,
						     X32_SYSCALL_BIT, 0, 1));
	if (arch == ARCH_X86_64)
		emit(p, (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW));
	for (id = 1; id < SC_ALL; id++)
		emit_for(p, arch, id);
	emit(p, (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW));
}

static void build(struct prog *p)
{
	unsigned short skip_at;

	p->len = 0;
	emit(p, (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
					     offsetof(struct seccomp_data, arch)));
	emit(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K,
					     AUDIT_ARCH_X86_64, 1, 0));
	skip_at = p->len;
	emit(p, (struct sock_filter)BPF_STMT(BPF_JMP | BPF_JA, 0));
	emit_arch_block(p, ARCH_X86_64);
	p->insn[skip_at].k = (unsigned)(p->len - skip_at - 1);
	emit(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K,
					     AUDIT_ARCH_I386, 1, 0));
	emit(p, (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW));
	emit_arch_block(p, ARCH_I386);
}

int seccomp_install_prefilter(void)
{
	static struct prog p;
	struct sock_fprog fprog;

	build(&p);
	fprog.len = p.len;
	fprog.filter = p.insn;
	if (!prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &fprog))
		return 0;
	/* Without CAP_SYS_ADMIN the kernel wants no_new_privs first. */
	if (errno != EACCES)
		return -1;
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0))
		return -1;
	return prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &fprog);
}
