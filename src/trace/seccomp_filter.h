#ifndef IOTRACE_SECCOMP_FILTER_H
#define IOTRACE_SECCOMP_FILTER_H

#include <stdint.h>
#include "util/arch.h"

/*
 * Installs in the calling process a seccomp filter that returns
 * SECCOMP_RET_TRACE for the traced syscalls (opt.trace) of both
 * personalities and lets every other syscall run without a stop.
 * Meant for the child between fork and exec.  Returns 0 or -1 with errno.
 */
int seccomp_install_prefilter(void);

/*
 * Whether syscall @id with first argument @arg0 may install a
 * seccomp filter of the tracee's own (seccomp(2), prctl(PR_SET_SECCOMP)):
 * the prefilter stops these too.  A filter that denies a call outranks
 * the prefilter's SECCOMP_RET_TRACE, and the call would vanish from the
 * trace; a tracee with a filter of its own is stopped at every syscall
 * entry instead, which comes before any filter runs.
 */
int seccomp_installs_filter(unsigned id, uint64_t arg0);

/* Whether that call, made with @arg0 and @arg1, set its filter on every thread (TSYNC). */
int seccomp_all_threads(unsigned id, uint64_t arg0, uint64_t arg1);

#endif
