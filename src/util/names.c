#include "config.h"
#include <errno.h>
#include <net/if.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "util/names.h"
#include "util/util.h"

/* Aliases (EWOULDBLOCK, EDEADLOCK, ENOTSUP) are left out: strace prints the primary name. */
#define E(name) [name] = #name,
static const char *const errno_names[] = {
	E(EPERM) E(ENOENT) E(ESRCH) E(EINTR) E(EIO) E(ENXIO) E(E2BIG)
	E(ENOEXEC) E(EBADF) E(ECHILD) E(EAGAIN) E(ENOMEM) E(EACCES)
	E(EFAULT) E(ENOTBLK) E(EBUSY) E(EEXIST) E(EXDEV) E(ENODEV)
	E(ENOTDIR) E(EISDIR) E(EINVAL) E(ENFILE) E(EMFILE) E(ENOTTY)
	E(ETXTBSY) E(EFBIG) E(ENOSPC) E(ESPIPE) E(EROFS) E(EMLINK) E(EPIPE)
	E(EDOM) E(ERANGE) E(EDEADLK) E(ENAMETOOLONG) E(ENOLCK) E(ENOSYS)
	E(ENOTEMPTY) E(ELOOP) E(ENOMSG) E(EIDRM) E(ECHRNG) E(EL2NSYNC)
	E(EL3HLT) E(EL3RST) E(ELNRNG) E(EUNATCH) E(ENOCSI) E(EL2HLT)
	E(EBADE) E(EBADR) E(EXFULL) E(ENOANO) E(EBADRQC) E(EBADSLT)
	E(EBFONT) E(ENOSTR) E(ENODATA) E(ETIME) E(ENOSR) E(ENONET)
	E(ENOPKG) E(EREMOTE) E(ENOLINK) E(EADV) E(ESRMNT) E(ECOMM)
	E(EPROTO) E(EMULTIHOP) E(EDOTDOT) E(EBADMSG) E(EOVERFLOW)
	E(ENOTUNIQ) E(EBADFD) E(EREMCHG) E(ELIBACC) E(ELIBBAD) E(ELIBSCN)
	E(ELIBMAX) E(ELIBEXEC) E(EILSEQ) E(ERESTART) E(ESTRPIPE) E(EUSERS)
	E(ENOTSOCK) E(EDESTADDRREQ) E(EMSGSIZE) E(EPROTOTYPE) E(ENOPROTOOPT)
	E(EPROTONOSUPPORT) E(ESOCKTNOSUPPORT) E(EOPNOTSUPP) E(EPFNOSUPPORT)
	E(EAFNOSUPPORT) E(EADDRINUSE) E(EADDRNOTAVAIL) E(ENETDOWN)
	E(ENETUNREACH) E(ENETRESET) E(ECONNABORTED) E(ECONNRESET) E(ENOBUFS)
	E(EISCONN) E(ENOTCONN) E(ESHUTDOWN) E(ETOOMANYREFS) E(ETIMEDOUT)
	E(ECONNREFUSED) E(EHOSTDOWN) E(EHOSTUNREACH) E(EALREADY)
	E(EINPROGRESS) E(ESTALE) E(EUCLEAN) E(ENOTNAM) E(ENAVAIL) E(EISNAM)
	E(EREMOTEIO) E(EDQUOT) E(ENOMEDIUM) E(EMEDIUMTYPE) E(ECANCELED)
	E(ENOKEY) E(EKEYEXPIRED) E(EKEYREVOKED) E(EKEYREJECTED)
	E(EOWNERDEAD) E(ENOTRECOVERABLE) E(ERFKILL) E(EHWPOISON)
};
#undef E

/* Kernel-internal codes (include/linux/errno.h) that leak to ptrace. */
static const struct {
	int err;
	const char *name;
	const char *text;
} kernel_errnos[] = {
	{ 512, "ERESTARTSYS", "To be restarted if SA_RESTART is set" },
	{ 513, "ERESTARTNOINTR", "To be restarted" },
	{ 514, "ERESTARTNOHAND", "To be restarted if no handler" },
	{ 515, "ENOIOCTLCMD", "No ioctl command" },
	{ 516, "ERESTART_RESTARTBLOCK", "Interrupted by signal" },
	{ 517, "EPROBE_DEFER", "Driver requests probe retry" },
	{ 518, "EOPENSTALE", "Open found a stale dentry" },
	{ 519, "ENOPARAM", "Parameter not supported" },
	{ 521, "EBADHANDLE", "Illegal NFS file handle" },
	{ 522, "ENOTSYNC", "Update synchronization mismatch" },
	{ 523, "EBADCOOKIE", "Cookie is stale" },
	{ 524, "ENOTSUPP", "Operation is not supported" },
	{ 525, "ETOOSMALL", "Buffer or request is too small" },
	{ 526, "ESERVERFAULT", "An untranslatable error occurred" },
	{ 527, "EBADTYPE", "Type not supported by server" },
	{ 528, "EJUKEBOX", "Request initiated, but will not complete before timeout" },
	{ 529, "EIOCBQUEUED", "iocb queued, will get completion event" },
	{ 530, "ERECALLCONFLICT", "Conflict with recalled state" },
	{ 531, "ENOGRACE", "NFS file lock reclaim refused" },
};

const char *errno_name(int err)
{
	size_t i;

	if (err > 0 && (size_t)err < ARRAY_SIZE(errno_names))
		return errno_names[err];
	for (i = 0; i < ARRAY_SIZE(kernel_errnos); i++)
		if (kernel_errnos[i].err == err)
			return kernel_errnos[i].name;
	return NULL;
}

int errno_by_name(const char *name)
{
	size_t i;

	for (i = 1; i < ARRAY_SIZE(errno_names); i++)
		if (errno_names[i] && !strcmp(errno_names[i], name))
			return (int)i;
	for (i = 0; i < ARRAY_SIZE(kernel_errnos); i++)
		if (!strcmp(kernel_errnos[i].name, name))
			return kernel_errnos[i].err;
	return 0;
}

const char *errno_text(int err)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(kernel_errnos); i++)
		if (kernel_errnos[i].err == err)
			return kernel_errnos[i].text;
	return strerror(err);
}

#define S(name) [name] = #name,
static const char *const signal_names[] = {
	S(SIGHUP) S(SIGINT) S(SIGQUIT) S(SIGILL) S(SIGTRAP) S(SIGABRT)
	S(SIGBUS) S(SIGFPE) S(SIGKILL) S(SIGUSR1) S(SIGSEGV) S(SIGUSR2)
	S(SIGPIPE) S(SIGALRM) S(SIGTERM) S(SIGSTKFLT) S(SIGCHLD) S(SIGCONT)
	S(SIGSTOP) S(SIGTSTP) S(SIGTTIN) S(SIGTTOU) S(SIGURG) S(SIGXCPU)
	S(SIGXFSZ) S(SIGVTALRM) S(SIGPROF) S(SIGWINCH) S(SIGIO) S(SIGPWR)
	S(SIGSYS)
};
#undef S

/* The kernel's first real-time signal; glibc's SIGRTMIN is higher. */
#define KERNEL_SIGRTMIN 32
#define KERNEL_SIGRTMAX 64

const char *signal_name(int sig)
{
	static char rt[KERNEL_SIGRTMAX - KERNEL_SIGRTMIN + 1][12];

	if (sig > 0 && (size_t)sig < ARRAY_SIZE(signal_names))
		return signal_names[sig];
	if (sig >= KERNEL_SIGRTMIN && sig <= KERNEL_SIGRTMAX) {
		char *p = rt[sig - KERNEL_SIGRTMIN];

		/* As strace: the first by its bound's name, the others by number. */
		if (!*p && sig == KERNEL_SIGRTMIN)
			strcpy(p, "SIGRTMIN");
		else if (!*p)
			snprintf(p, sizeof(rt[0]), "SIGRT_%d", sig - KERNEL_SIGRTMIN);
		return p;
	}
	return NULL;
}

int signal_by_name(const char *name)
{
	char *end;
	long n;
	int sig;

	if (!strncasecmp(name, "SIG", 3))
		name += 3;
	n = strtol(name, &end, 10);
	if (end != name && !*end)
		return n > 0 && n <= KERNEL_SIGRTMAX ? (int)n : -1;
	if (!strcasecmp(name, "RTMIN") || !strcasecmp(name, "RT_0"))	/* the kernel's bounds */
		return KERNEL_SIGRTMIN;
	if (!strcasecmp(name, "RTMAX"))
		return KERNEL_SIGRTMAX;
	for (sig = 1; sig <= KERNEL_SIGRTMAX; sig++) {
		const char *s = signal_name(sig);

		if (s && !strcasecmp(s + 3, name))
			return sig;
	}
	return -1;
}

struct code_name {
	int sig;	/* 0: any signal */
	int code;
	const char *name;
};

/* Signal-specific codes first: positive codes mean different things per signal. */
static const struct code_name sicodes[] = {
	{ SIGILL, ILL_ILLOPC, "ILL_ILLOPC" }, { SIGILL, ILL_ILLOPN, "ILL_ILLOPN" },
	{ SIGILL, ILL_ILLADR, "ILL_ILLADR" }, { SIGILL, ILL_ILLTRP, "ILL_ILLTRP" },
	{ SIGILL, ILL_PRVOPC, "ILL_PRVOPC" }, { SIGILL, ILL_PRVREG, "ILL_PRVREG" },
	{ SIGILL, ILL_COPROC, "ILL_COPROC" }, { SIGILL, ILL_BADSTK, "ILL_BADSTK" },
	{ SIGFPE, FPE_INTDIV, "FPE_INTDIV" }, { SIGFPE, FPE_INTOVF, "FPE_INTOVF" },
	{ SIGFPE, FPE_FLTDIV, "FPE_FLTDIV" }, { SIGFPE, FPE_FLTOVF, "FPE_FLTOVF" },
	{ SIGFPE, FPE_FLTUND, "FPE_FLTUND" }, { SIGFPE, FPE_FLTRES, "FPE_FLTRES" },
	{ SIGFPE, FPE_FLTINV, "FPE_FLTINV" }, { SIGFPE, FPE_FLTSUB, "FPE_FLTSUB" },
	{ SIGSEGV, SEGV_MAPERR, "SEGV_MAPERR" }, { SIGSEGV, SEGV_ACCERR, "SEGV_ACCERR" },
	{ SIGSEGV, 3, "SEGV_BNDERR" }, { SIGSEGV, 4, "SEGV_PKUERR" },
	{ SIGBUS, BUS_ADRALN, "BUS_ADRALN" }, { SIGBUS, BUS_ADRERR, "BUS_ADRERR" },
	{ SIGBUS, BUS_OBJERR, "BUS_OBJERR" }, { SIGBUS, 4, "BUS_MCEERR_AR" },
	{ SIGBUS, 5, "BUS_MCEERR_AO" },
	{ SIGTRAP, TRAP_BRKPT, "TRAP_BRKPT" }, { SIGTRAP, TRAP_TRACE, "TRAP_TRACE" },
	{ SIGTRAP, 3, "TRAP_BRANCH" }, { SIGTRAP, 4, "TRAP_HWBKPT" },
	{ SIGCHLD, CLD_EXITED, "CLD_EXITED" }, { SIGCHLD, CLD_KILLED, "CLD_KILLED" },
	{ SIGCHLD, CLD_DUMPED, "CLD_DUMPED" }, { SIGCHLD, CLD_TRAPPED, "CLD_TRAPPED" },
	{ SIGCHLD, CLD_STOPPED, "CLD_STOPPED" }, { SIGCHLD, CLD_CONTINUED, "CLD_CONTINUED" },
	{ SIGIO, POLL_IN, "POLL_IN" }, { SIGIO, POLL_OUT, "POLL_OUT" },
	{ SIGIO, POLL_MSG, "POLL_MSG" }, { SIGIO, POLL_ERR, "POLL_ERR" },
	{ SIGIO, POLL_PRI, "POLL_PRI" }, { SIGIO, POLL_HUP, "POLL_HUP" },
	{ SIGSYS, 1, "SYS_SECCOMP" }, { SIGSYS, 2, "SYS_USER_DISPATCH" },
	{ 0, SI_USER, "SI_USER" }, { 0, SI_KERNEL, "SI_KERNEL" },
	{ 0, SI_QUEUE, "SI_QUEUE" }, { 0, SI_TIMER, "SI_TIMER" },
	{ 0, SI_MESGQ, "SI_MESGQ" }, { 0, SI_ASYNCIO, "SI_ASYNCIO" },
	{ 0, SI_SIGIO, "SI_SIGIO" }, { 0, SI_TKILL, "SI_TKILL" },
	{ 0, -7, "SI_DETHREAD" }, { 0, SI_ASYNCNL, "SI_ASYNCNL" },
};

const char *sicode_name(int sig, int code)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(sicodes); i++) {
		const struct code_name *c = &sicodes[i];

		if (c->code != code)
			continue;
		if (c->sig == 0 ? (code <= 0 || code == SI_KERNEL) : c->sig == sig)
			return c->name;
	}
	return NULL;
}

/* Interface names looked up: a few indexes, each once (a name is a socket and an ioctl). */
#define IFNAMES_MAX 16

const char *ifindex_name(unsigned index)
{
	static struct { unsigned index; int known; char name[IF_NAMESIZE]; } seen[IFNAMES_MAX];
	static unsigned next;
	unsigned i;

	if (!index)
		return NULL;
	for (i = 0; i < IFNAMES_MAX; i++)
		if (seen[i].index == index)
			return seen[i].known ? seen[i].name : NULL;
	i = next++ % IFNAMES_MAX;
	seen[i].index = index;
	seen[i].known = if_indextoname(index, seen[i].name) != NULL;
	return seen[i].known ? seen[i].name : NULL;
}
