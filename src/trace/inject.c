/*
 * -e inject= and -e fault=: the rule that decides a call, acted on at its
 * entry and exit stops.  See trace/inject.h.
 */
#include "config.h"
#include <errno.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/ptrace.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/user.h>
#include "memory/umem.h"
#include "syscalls/syscalls.h"
#include "trace/inject.h"
#include "trace/tracee.h"
#include "util/util.h"

#define REG(name) offsetof(struct user_regs_struct, name)

/* The registers of arguments 0..5, by arch (i386's as the 64-bit tracer sees them). */
static const size_t arg_reg[ARCH_COUNT][CALL_MAX_ARGS] = {
	[ARCH_X86_64] = { REG(rdi), REG(rsi), REG(rdx), REG(r10), REG(r8), REG(r9) },
	[ARCH_I386] = { REG(rbx), REG(rcx), REG(rdx), REG(rsi), REG(rdi), REG(rbp) },
};

/* The kernel's restart codes a signal makes a blocking call return. */
#define ERESTARTSYS 512
#define ERESTARTNOHAND 514
#define ERESTART_RESTARTBLOCK 516

/*
 * While a thread is held, the loop looks for stops this often: a stop of
 * another thread waits at most that long.
 */
#define NAP_NS 1000000

/* IOV_MAX: a longer array fails with EINVAL, so it is never cut. */
#define IOV_LIMIT 1024

static int when_holds(const struct inject *r, unsigned n)
{
	if (n < r->first || (r->last && n > r->last))
		return 0;
	return (n - r->first) % r->step == 0;
}

/*
 * delay_enter= and delay_exit=: the thread is held in its stop, and the
 * loop resumes it when the time comes (inject_resume_due), serving the
 * other threads meanwhile, as strace does.
 */
static uint64_t next_due;	/* the earliest held thread's time, or 0 */

static void hold(struct tcb *t, uint64_t usec)
{
	if (!usec)
		return;
	t->inj.resume_at = now_ns() + usec * 1000;
	if (!next_due || t->inj.resume_at < next_due)
		next_due = t->inj.resume_at;
}

uint64_t inject_next_due(void)
{
	return next_due;
}

static void resume_if_due(struct tcb *t, void *now)
{
	if (!t->inj.resume_at)
		return;
	if (t->inj.resume_at <= *(uint64_t *)now) {
		t->inj.resume_at = 0;
		tcb_resume(t, 0);
	} else if (!next_due || t->inj.resume_at < next_due) {
		next_due = t->inj.resume_at;
	}
}

void inject_resume_due(void)
{
	uint64_t now = now_ns();

	if (!next_due || next_due > now)
		return;
	next_due = 0;
	tcb_for_each(resume_if_due, &now);
}

void inject_release_all(void)
{
	uint64_t never = UINT64_MAX;

	next_due = 0;
	if (opt.ninject)
		tcb_for_each(resume_if_due, &never);
	next_due = 0;
}

void inject_nap(void)
{
	uint64_t now = now_ns(), ns = next_due > now ? MIN(next_due - now, NAP_NS) : 0;
	struct timespec ts = { 0, (long)ns };

	if (ns)
		nanosleep(&ts, NULL);	/* a signal to iotrace ends it early: fine */
}

static uint64_t bit(int sig)
{
	return 1ULL << (sig - 1);
}

/* Sends @sig to thread @t: pending when it resumes, so a call that would block does not. */
static int send_signal(struct tcb *t, int sig)
{
	return (int)syscall(SYS_tgkill, t->who.tgid ? t->who.tgid : umem_tgid(t->tid), t->tid, sig);
}

/*
 * The signal eintr interrupts thread @tid with: one whose default is to
 * be ignored, that the thread neither blocks nor catches (/proc's SigBlk
 * and SigCgt), so that one left pending when iotrace goes (a detach)
 * is dropped unseen.  0 when there is none.
 */
static int eintr_signal(pid_t tid)
{
	static const int candidates[] = { SIGURG, SIGWINCH, SIGCHLD };
	unsigned long long blk = ~0ULL, cgt = ~0ULL, v;
	char line[128];
	unsigned i;
	FILE *f;

	snprintf(line, sizeof(line), "/proc/%d/status", (int)tid);
	f = fopen(line, "re");
	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "SigBlk: %llx", &v) == 1)
			blk = v;
		else if (sscanf(line, "SigCgt: %llx", &v) == 1)
			cgt = v;
	}
	fclose(f);
	for (i = 0; i < sizeof(candidates) / sizeof(candidates[0]); i++)
		if (!((blk | cgt) & bit(candidates[i])))
			return candidates[i];
	return 0;
}

/*
 * Where a call's count lives: argument register @reg, or (i386's
 * socketcall, a msghdr) the word of @size bytes at @addr.
 */
struct where {
	int reg;
	uint64_t addr;
	unsigned size;
};

/* What a cut works on: a count, or an iovec array (@iov) and its length. */
struct counted {
	struct where count;
	uint64_t n;		/* the count, or the array's length */
	uint64_t iov;		/* the array, or 0: a plain count */
	uint64_t total;		/* the bytes the call would move */
	uint64_t msg;		/* a msghdr the array is found through, or 0 */
	uint64_t sock_args;	/* i386 socketcall's argument array, or 0 */
	unsigned recv;		/* the kernel writes the msghdr back (recvmsg) */
	uint64_t lens[IOV_LIMIT];	/* the array's element lengths */
	uint32_t raw[IOV_LIMIT * 4];	/* the array as read */
	uint32_t msg_raw[14];	/* the msghdr as read */
	uint32_t sock_raw[6];	/* socketcall's arguments as read */
};

static int read_word(pid_t tid, uint64_t addr, unsigned size, uint64_t *v)
{
	uint32_t w32 = 0;
	struct umem_req req = { .addr = addr, .len = size, .dst = size == 4 ? (void *)&w32 : (void *)v };

	*v = 0;
	umem_read(tid, &req, 1);
	if (size == 4)
		*v = w32;
	return req.got == size ? 0 : -1;
}

/* Argument @i of the call: a register, or a word of socketcall's array. */
static struct where arg_where(enum arch a, unsigned i, uint64_t sock_args)
{
	struct where w = { (int)arg_reg[a][i], 0, 0 };

	if (sock_args) {
		w.reg = -1;
		w.addr = sock_args + 4 * i;
		w.size = 4;
	}
	return w;
}

/*
 * The lengths of @k's @k->n iovec elements, read in one go (with the
 * array itself, for a copy); their sum in @k->total.  0, or -1.
 */
static int iov_lens(pid_t tid, enum arch a, struct counted *k)
{
	unsigned esz = a == ARCH_I386 ? 8 : 16;
	struct umem_req req = { .addr = k->iov, .len = k->n * esz, .dst = k->raw };
	uint64_t i;

	k->total = 0;
	if (k->n > IOV_LIMIT)
		return -1;
	umem_read(tid, &req, 1);
	if (req.got < req.len)
		return -1;
	for (i = 0; i < k->n; i++) {
		if (a == ARCH_I386)
			k->lens[i] = k->raw[i * 2 + 1];
		else
			memcpy(&k->lens[i], (const char *)k->raw + i * 16 + 8, 8);
		/* a length past ssize_t's range: EINVAL from the kernel, never cut */
		if (k->lens[i] > (a == ARCH_I386 ? INT32_MAX : INT64_MAX))
			return -1;
		k->total = k->total + k->lens[i] < k->total ? UINT64_MAX : k->total + k->lens[i];
	}
	return 0;
}

/* Reads @len bytes at @addr into @dst: 0, or -1 when not all are readable. */
static int read_raw(pid_t tid, uint64_t addr, void *dst, size_t len)
{
	struct umem_req req = { .addr = addr, .len = len, .dst = dst };

	umem_read(tid, &req, 1);
	return req.got == len ? 0 : -1;
}

/* Finds what call @c would move; 0, or -1 when it has no count iotrace can cut. */
static int counted_of(struct tcb *t, const struct call *c, const uint64_t *args,
		      uint64_t sock_args, struct counted *k)
{
	enum arch a = c->arch;
	unsigned flags = syscall_def(c->id)->flags, psz = a == ARCH_I386 ? 4 : 8;
	int ci = syscall_count_arg(c->id);

	k->iov = k->msg = k->n = k->total = 0;
	k->recv = c->id == SC_recvmsg;
	k->sock_args = sock_args;
	memset(k->sock_raw, 0, sizeof(k->sock_raw));
	/* all the call's words: a copy of the array passes them all on */
	if (sock_args && read_raw(t->tid, sock_args, k->sock_raw, MIN(c->nargs, 6u) * 4))
		return -1;
	if (ci >= 0) {
		k->count = arg_where(a, (unsigned)ci, sock_args);
		k->n = k->total = arch_ulong(a, args[ci]);
		return 0;
	}
	if (flags & SF_IOVEC) {
		k->count = arg_where(a, 2, 0);
		k->iov = arch_ulong(a, args[1]);
		k->n = arch_ulong(a, args[2]);
	} else if (flags & SF_MSGHDR) {	/* msg_iov and msg_iovlen, after the name's pointer and length */
		k->msg = arch_ulong(a, args[1]);
		k->count = (struct where){ -1, k->msg + 3 * psz, psz };
		if (read_raw(t->tid, k->msg, k->msg_raw, 7 * psz) ||
		    read_word(t->tid, k->msg + 2 * psz, psz, &k->iov) ||
		    read_word(t->tid, k->count.addr, psz, &k->n))
			return -1;
	} else {
		return -1;
	}
	if (!k->iov)
		return -1;
	return iov_lens(t->tid, a, k);
}

/* Sets the word @w to @v; a memory word is put back at exit. */
static int set_word(struct tcb *t, const struct where *w, uint64_t v)
{
	struct inject_state *s = &t->inj;
	struct inject_undo *u;
	uint32_t v32 = (uint32_t)v;

	if (s->nundo == sizeof(s->undo) / sizeof(s->undo[0]))
		return -1;
	u = &s->undo[s->nundo];
	u->reg = w->reg;
	if (w->reg >= 0) {	/* the kernel keeps argument registers: so must iotrace */
		errno = 0;
		u->val = (uint64_t)ptrace(PTRACE_PEEKUSER, t->tid, (void *)(uintptr_t)w->reg, NULL);
		if (errno || ptrace(PTRACE_POKEUSER, t->tid, (void *)(uintptr_t)w->reg,
				    (void *)(uintptr_t)v))
			return -1;
	} else if (read_word(t->tid, w->addr, w->size, &u->val) ||
		   umem_write(t->tid, w->addr, w->size == 4 ? (void *)&v32 : (void *)&v, w->size, 1)) {
		return -1;
	}
	u->addr = w->addr;
	u->size = w->size;
	s->nundo++;
	return 0;
}

/*
 * Below the stack pointer past the red zone, a signal handler's frame
 * (a few KiB with the FPU state) may be written at any time, so any
 * stack has that much room to spare; iotrace takes no more than this.
 */
#define RED_ZONE 128
#define SCRATCH_MAX 2048

/*
 * Copies @len bytes of @src to the thread's stack below *@at (16-byte
 * aligned), moving *@at down: 0, or -1 (past SCRATCH_MAX, or unwritable).
 */
static int scratch_put(struct tcb *t, uint64_t *at, const void *src, size_t len)
{
	uint64_t to = (*at - len) & ~(uint64_t)15;

	if (len > SCRATCH_MAX || t->inj.scratch_top - to > SCRATCH_MAX)
		return -1;
	*at = to;
	return umem_write(t->tid, to, src, len, 0);
}

/* Points argument @i of the call at @addr: its register, or a copy of socketcall's array. */
static int point_arg(struct tcb *t, enum arch a, const struct counted *k, unsigned i,
		     uint64_t addr, uint64_t *at)
{
	uint32_t words[6];
	struct where w;

	if (!k->sock_args) {
		w = arg_where(a, i, 0);
		return set_word(t, &w, addr);
	}
	memcpy(words, k->sock_raw, sizeof(words));
	words[i] = (uint32_t)addr;
	w = arg_where(a, 1, 0);	/* socketcall's second argument: the array */
	if (scratch_put(t, at, words, sizeof(words)))
		return -1;
	return set_word(t, &w, *at);
}

/*
 * Cuts the call to @cut bytes without writing to the program's memory:
 * copies of what leads to the count (socketcall's array, the msghdr, the
 * first @m elements of the iovec array, the last cut to @last) are put
 * below the stack pointer, past the red zone, where only signal handlers
 * write and where the kernel reads them as the call begins; the
 * registers pointed at them are put back at exit.  Another thread
 * using the same iovec finds it untouched.  0, or -1 (nothing left done
 * but registers, which undo() puts back).
 */
static int cut_by_copy(struct tcb *t, enum arch a, struct counted *k, uint64_t cut,
		       uint64_t m, uint64_t last)
{
	unsigned psz = a == ARCH_I386 ? 4 : 8;
	uint32_t msg[14];
	uint64_t at, iov, hdr;
	struct where w;

	errno = 0;
	at = (uint64_t)ptrace(PTRACE_PEEKUSER, t->tid, (void *)REG(rsp), NULL);
	if (errno || arch_ulong(a, at) < 65536)
		return -1;
	at = arch_ulong(a, at);
	if (!umem_stack_room(t->tid, at - RED_ZONE - SCRATCH_MAX, at))
		return -1;	/* no stack known to be unused below: the fallback */
	at -= RED_ZONE;	/* x86_64's (i386 has none: no harm) */
	t->inj.scratch_top = at;
	if (!k->iov) {	/* socketcall's count */
		memcpy(msg, k->sock_raw, sizeof(k->sock_raw));
		msg[(k->count.addr - k->sock_args) / 4] = (uint32_t)cut;
		w = arg_where(a, 1, 0);
		return scratch_put(t, &at, msg, sizeof(k->sock_raw)) || set_word(t, &w, at) ? -1 : 0;
	}
	if (a == ARCH_I386)
		k->raw[(m - 1) * 2 + 1] = (uint32_t)last;
	else
		memcpy((char *)k->raw + (m - 1) * 16 + 8, &last, 8);
	if (scratch_put(t, &at, k->raw, m * 2 * psz))
		return -1;
	iov = at;
	if (!k->msg) {
		w = arg_where(a, 2, 0);
		return point_arg(t, a, k, 1, iov, &at) || set_word(t, &w, m) ? -1 : 0;
	}
	memcpy(msg, k->msg_raw, sizeof(msg));
	if (a == ARCH_I386) {
		msg[2] = (uint32_t)iov;
		msg[3] = (uint32_t)m;
	} else {
		memcpy((char *)msg + 16, &iov, 8);
		memcpy((char *)msg + 24, &m, 8);
	}
	if (scratch_put(t, &at, msg, 7 * psz))
		return -1;
	hdr = at;
	if (point_arg(t, a, k, 1, hdr, &at))
		return -1;
	if (k->recv) {	/* recvmsg writes its msghdr back: to the program's, at exit */
		t->inj.msg_user = k->msg;
		t->inj.msg_copy = hdr;
		t->inj.msg_psz = psz;
	}
	return 0;
}

static void undo(struct tcb *t);

/*
 * Cuts the call to @cut bytes: the count register, or by copies
 * (cut_by_copy); failing that, in the program's memory (the last
 * element's length and the array's), put back at exit.
 */
static int cut_to(struct tcb *t, enum arch a, struct counted *k, uint64_t cut)
{
	unsigned lsz = a == ARCH_I386 ? 4 : 8;
	uint64_t i, sum = 0;
	struct where last;

	if (!k->iov && !k->sock_args)
		return set_word(t, &k->count, cut);
	if (!k->iov) {
		if (!cut_by_copy(t, a, k, cut, 0, 0))
			return 0;
		undo(t);
		return set_word(t, &k->count, cut);
	}
	for (i = 0; i < k->n && sum + k->lens[i] < cut; i++)
		sum += k->lens[i];
	if (i == k->n)
		return -1;
	if (!cut_by_copy(t, a, k, cut, i + 1, cut - sum))
		return 0;
	undo(t);	/* the registers a copy that failed half-way changed */
	last = (struct where){ -1, k->iov + i * 2 * lsz + lsz, lsz };
	if (sum + k->lens[i] > cut && set_word(t, &last, cut - sum))
		return -1;
	return set_word(t, &k->count, i + 1);
}

/* What @r's cut leaves of @total bytes (at least one: a correct retry loop must progress). */
static uint64_t short_cut(const struct inject *r, uint64_t total)
{
	if (r->short_n)
		return MIN(total, r->short_n);
	return MAX(total / 100 * r->short_pct + total % 100 * r->short_pct / 100, 1);
}

/*
 * enospc-after=: the bytes each file has taken, by device and inode and
 * rule.  Bounded: past FILES_MAX files a new one is not followed.
 */
struct disk_file {
	unsigned rule;
	dev_t dev;
	uint64_t ino;
	uint64_t taken;
};
#define FILES_MAX 65536
static struct disk_file *files;
static size_t nfiles, files_cap;

static unsigned file_slot(unsigned rule, dev_t dev, uint64_t ino)
{
	size_t i;

	for (i = nfiles; i--; )
		if (files[i].ino == ino && files[i].dev == dev && files[i].rule == rule)
			return (unsigned)i + 1;
	if (nfiles == FILES_MAX) {
		static int said;

		if (!said++)
			warning("-e inject: enospc-after= follows %d files; later ones are not cut",
				FILES_MAX);
		return 0;
	}
	if (nfiles == files_cap) {
		files_cap = files_cap ? files_cap * 2 : 16;
		files = xrealloc(files, files_cap * sizeof(*files));
	}
	files[nfiles] = (struct disk_file){ rule, dev, ino, 0 };
	return (unsigned)++nfiles;
}

/* The fd a call writes data to (the list's d or b role), or -1. */
static int dest_fd(const struct call *c, const uint64_t *args)
{
	const char *fds = syscall_def(c->id)->fds;
	unsigned i;

	for (i = 0; fds[i]; i++)
		if (fds[i] == 'd' || fds[i] == 'b')
			return (int)arch_ulong(c->arch, args[i]);
	return -1;
}

static void skip(struct tcb *t, struct call *c, int64_t val, enum injected kind)
{
	if (ptrace(PTRACE_POKEUSER, t->tid, (void *)REG(orig_rax), (void *)-1L))
		return;
	t->inj.skip = 1;
	t->inj.val = val;
	c->injected = (unsigned char)kind;
}

/* enospc-after=: a write to a full file fails, the one that fills it is cut. */
static void disk_full(struct tcb *t, struct call *c, const struct inject *r, unsigned rule,
		      const uint64_t *args, struct counted *k)
{
	unsigned mode, slot;
	uint64_t ino, left;
	dev_t dev;

	if (umem_fd_stat(t->tid, dest_fd(c, args), &mode, &dev, &ino) ||
	    (mode != S_IFREG && mode != S_IFBLK))
		return;	/* not a file on a disk: it never fills */
	slot = file_slot(rule, dev, ino);
	if (!slot)
		return;
	left = r->enospc_after - MIN(files[slot - 1].taken, r->enospc_after);
	if (!left) {
		skip(t, c, -ENOSPC, INJECTED_DISK_FULL);
		return;
	}
	if (k->total > left && !cut_to(t, c->arch, k, left)) {
		c->injected = INJECTED_DISK_FULL;
		c->injected_cut = 1;
		c->short_to = left;
	}
	/* held for it until its exit, so another thread's write cannot overfill the file */
	t->inj.file = slot;
	t->inj.reserved = MIN(k->total, left);
	files[slot - 1].taken += t->inj.reserved;
}

/* short= and torn=: the call runs with fewer bytes. */
static void cut(struct tcb *t, struct call *c, const struct inject *r, struct counted *k)
{
	uint64_t to = r->has_torn ? MIN(k->total, r->torn) : short_cut(r, k->total);

	if (to < k->total && cut_to(t, c->arch, k, to))
		return;	/* the program's memory would not take the cut: left alone */
	if (r->has_torn) {
		t->inj.kill = 1;	/* killed at exit, whether or not there was anything to cut */
		c->injected = INJECTED_TORN;
		c->short_to = to;
	} else if (to < k->total) {
		c->injected = INJECTED_SHORT;
		c->injected_cut = 1;
		c->short_to = to;
	}
}

/* eintr: a signal pending as the call begins makes one that would block return. */
static void eintr_send(struct tcb *t)
{
	int sig = eintr_signal(t->tid);

	if (sig && !send_signal(t, sig))
		t->inj.own |= bit(sig);
}

/* The rule @r acts on call @c, its count's rule-th match in this thread. */
static void act(struct tcb *t, struct call *c, const struct inject *r, unsigned rule,
		const uint64_t *args, uint64_t sock_args)
{
	static struct counted k;	/* 8 KiB of lengths: not on the stack */

	hold(t, r->delay_enter);
	if (r->delay_enter || r->delay_exit)
		c->injected = INJECTED_DELAY;
	c->delayed = r->delay_enter || r->delay_exit;
	if (r->signo && !send_signal(t, r->signo)) {
		t->inj.sent |= bit(r->signo);
		c->injected_sig = (unsigned char)r->signo;
		c->injected = INJECTED_SIGNAL;
	}
	if (r->eintr && !r->signo)	/* (signal= interrupts it as well) */
		eintr_send(t);
	if (r->error)
		skip(t, c, -(int64_t)r->error, INJECTED_ERROR);
	else if (r->has_retval)
		skip(t, c, r->retval, INJECTED_RETVAL);
	else if ((r->short_n || r->short_pct || r->has_torn || r->has_enospc) &&
		 !counted_of(t, c, args, sock_args, &k)) {
		if (r->has_enospc && dest_fd(c, args) >= 0)
			disk_full(t, c, r, rule, args, &k);
		else if (!r->has_enospc && (!r->has_torn || dest_fd(c, args) >= 0))
			cut(t, c, r, &k);
	}
}

void inject_entry(struct tcb *t, struct call *c, const uint64_t *args, uint64_t sock_args)
{
	struct inject_state *s = &t->inj;
	unsigned k;

	s->rule = 0;
	s->skip = 0;
	s->file = 0;
	s->kill = 0;
	s->nundo = 0;
	s->msg_copy = 0;
	for (k = opt.ninject; k--; ) {
		const struct inject *r = &opt.inject[k];

		if (!r->set[c->id])
			continue;
		if (!s->count)	/* strace's count: per thread, rule and syscall */
			s->count = xcalloc((size_t)opt.ninject * SC_COUNT, sizeof(*s->count));
		if (!when_holds(r, ++s->count[k * SC_COUNT + c->id]))
			return;
		s->rule = (int)k + 1;
		act(t, c, r, k, args, sock_args);
		return;
	}
}

/* Puts back the memory words a cut changed, last changed first. */
static void undo(struct tcb *t)
{
	struct inject_state *s = &t->inj;

	while (s->nundo) {
		const struct inject_undo *u = &s->undo[--s->nundo];
		uint32_t v32 = (uint32_t)u->val;

		if (u->reg >= 0)
			ptrace(PTRACE_POKEUSER, t->tid, (void *)(uintptr_t)u->reg,
			       (void *)(uintptr_t)u->val);
		else
			umem_write(t->tid, u->addr, u->size == 4 ? (void *)&v32 : (const void *)&u->val,
				   u->size, 1);
	}
}

/*
 * recvmsg cut by a copy wrote msg_namelen, msg_controllen and msg_flags
 * into the copy: they go where the program's msghdr has them.
 */
static void copy_back(struct tcb *t)
{
	struct inject_state *s = &t->inj;
	static const unsigned fields[] = { 1, 5, 6 };	/* in words of the msghdr */
	uint64_t v;
	unsigned i;

	if (!s->msg_copy)
		return;
	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		unsigned off = fields[i] * s->msg_psz,
			 size = fields[i] == 1 || fields[i] == 6 ? 4 : s->msg_psz;

		if (!read_word(t->tid, s->msg_copy + off, size, &v))
			umem_write(t->tid, s->msg_user + off, &v, size, 0);	/* little-endian */
	}
	s->msg_copy = 0;
}

/*
 * Sets the tracee's result register and the decoded result to @v, an
 * error (-errno) or, as strace, a value retval= gave whatever it is.
 */
static void give(struct tcb *t, struct __ptrace_syscall_info *info, int64_t v, int error)
{
	if (ptrace(PTRACE_POKEUSER, t->tid, (void *)REG(rax), (void *)(intptr_t)v))
		return;
	info->exit.rval = v;
	info->exit.is_error = (uint8_t)error;
}

static int restart_code(const struct __ptrace_syscall_info *info)
{
	int64_t v = info->exit.rval;

	return info->exit.is_error &&
	       (v == -ERESTARTSYS || v == -ERESTARTNOHAND || v == -ERESTART_RESTARTBLOCK);
}

void inject_exit(struct tcb *t, struct call *c, struct __ptrace_syscall_info *info)
{
	struct inject_state *s = &t->inj;
	const struct inject *r;

	if (!s->rule)
		return;
	r = &opt.inject[s->rule - 1];
	s->rule = 0;
	copy_back(t);
	undo(t);
	hold(t, r->delay_exit);
	if (s->skip)
		give(t, info, s->val, c->injected != INJECTED_RETVAL);
	else if (r->eintr && restart_code(info)) {
		give(t, info, -EINTR, 1);	/* not restarted: the program sees EINTR */
		c->injected = INJECTED_EINTR;
	} else if (r->eintr && info->exit.is_error && info->exit.rval == -EINTR) {
		c->injected = INJECTED_EINTR;	/* a call that fails with EINTR itself (io_getevents) */
	}
	if (s->file) {	/* what it really wrote, for what was held */
		files[s->file - 1].taken -= s->reserved;
		if (!info->exit.is_error && info->exit.rval > 0)
			files[s->file - 1].taken += (uint64_t)info->exit.rval;
	}
	if (s->kill)
		kill(t->who.tgid ? t->who.tgid : umem_tgid(t->tid), SIGKILL);
}

void inject_vanished(struct tcb *t)
{
	struct inject_state *s = &t->inj;

	if (s->rule && s->file)
		files[s->file - 1].taken -= s->reserved;
	s->rule = 0;
	s->file = 0;
}

void inject_detach_stopped(struct tcb *t)
{
	copy_back(t);
	undo(t);
}

int inject_detach_held(struct tcb *t)
{
	if (!t->inj.resume_at)
		return 0;
	t->inj.resume_at = 0;
	inject_detach_stopped(t);
	ptrace(PTRACE_DETACH, t->tid, NULL, NULL);
	return 1;
}

int inject_signal_stop(struct tcb *t, int sig)
{
	struct inject_state *s = &t->inj;
	siginfo_t si;

	if (sig < 1 || sig > 64 || !((s->sent | s->own) & bit(sig)) ||
	    ptrace(PTRACE_GETSIGINFO, t->tid, NULL, &si) ||
	    si.si_code != SI_TKILL || (si.si_pid != getpid() && si.si_pid != 0))
		return 0;	/* (si_pid is 0 in a pid namespace iotrace is outside of) */
	if (s->own & bit(sig)) {
		s->own &= ~bit(sig);
		return 1;
	}
	s->sent &= ~bit(sig);
	memset(&si, 0, sizeof(si));
	si.si_signo = sig;
	si.si_code = SI_KERNEL;
	ptrace(PTRACE_SETSIGINFO, t->tid, NULL, &si);
	return 0;
}
