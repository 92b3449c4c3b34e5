#ifndef IOTRACE_FDPATH_H
#define IOTRACE_FDPATH_H

#include <sys/types.h>
#include "call/call.h"

/*
 * -y, -P and --summary=files: what each fd of @c refers to, as
 * /proc/TID/fd names it now: fd and dirfd arguments (AT_FDCWD: the
 * current directory) at entry; at exit, a new fd the call returns; fds
 * inside structs when those are read.  Looked up at every call, never
 * cached, so that dup2, close and exec cannot make a name stale (-yy
 * caches only a connected stream socket's endpoints, which cannot
 * change, by the socket's inode).
 */
void fdpath_resolve(struct call *c, pid_t tid);

/* -Y: the command name of each pid argument of @c (process_vm_readv's), as /proc has it now. */
void fdpath_pids(struct call *c);

/* A close of @c's fd arguments ended: sockets among them are forgotten (-yy). */
void fdpath_closed(const struct call *c);

#endif
