#ifndef IOTRACE_SECCOMP_FILTER_H
#define IOTRACE_SECCOMP_FILTER_H

/*
 * Installs in the calling process a seccomp filter that returns
 * SECCOMP_RET_TRACE for the traced syscalls (opt.trace) of both
 * personalities and lets every other syscall run without a stop.
 * Meant for the child between fork and exec.  Returns 0 or -1 with errno.
 */
int seccomp_install_prefilter(void);

#endif
