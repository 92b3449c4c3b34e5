#ifndef IOTRACE_FDPATH_H
#define IOTRACE_FDPATH_H

#include <sys/types.h>
#include "call/call.h"

/*
 * -y, -P and --summary=files: what each fd argument of @c refers to, as
 * /proc/TID/fd names it now.  Looked up at every call, never cached, so
 * that dup2, close and exec cannot make a name stale.
 */
void fdpath_resolve(struct call *c, pid_t tid);

#endif
