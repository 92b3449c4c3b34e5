#ifndef IOTRACE_NAMES_H
#define IOTRACE_NAMES_H

#include <signal.h>

/* "EBADF" for 9, or NULL; covers the kernel-internal ERESTART* codes too. */
const char *errno_name(int err);

/* The errno named @name ("ENOSPC"), or 0. */
int errno_by_name(const char *name);

/* The message for @err: strerror(), or the kernel's text for ERESTART*. */
const char *errno_text(int err);

/* "SIGINT" for 2; real-time signals as "SIGRTMIN", "SIGRT_3"; NULL if none. */
const char *signal_name(int sig);

/* The signal named @name ("INT", "SIGINT", "sigint", "2"), or -1. */
int signal_by_name(const char *name);

/* "SI_USER", "CLD_EXITED", ... for @code of signal @sig, or NULL. */
const char *sicode_name(int sig, int code);

/*
 * The name of network interface @index in iotrace's network namespace
 * ("lo"), as strace names one (if_indextoname), or NULL; looked up once
 * an index.
 */
const char *ifindex_name(unsigned index);

#endif
