#ifndef IOTRACE_MAPS_H
#define IOTRACE_MAPS_H

/*
 * Which ranges of each traced process hold file mappings, so that a
 * munmap shows only when it unmaps a file: an anonymous mapping is not
 * I/O.  A process's ranges are read from /proc/TGID/maps the first time
 * they are needed, then kept up to date from the mmap and munmap calls
 * iotrace decodes.
 */

#include <sys/types.h>
#include "call/call.h"

/* At entry: whether call @c of process @tgid is shown (an UNMAP call over no file mapping is not). */
int maps_shown(const struct call *c, pid_t tgid);

/* At a successful exit: a FILEMAP call mapped a file, an UNMAP call removed a range. */
void maps_update(const struct call *c, pid_t tgid);

/* @tgid runs a new program, or is gone: its ranges are read again when needed. */
void maps_forget(pid_t tgid);

/*
 * Whether mappings must be followed though not shown: a call that
 * unmaps is traced, one that maps (FILEMAP) is not.  The tracer then
 * stops those too, quietly, and tells maps_mapped() what they made.
 */
int maps_follow_quietly(unsigned id);

/* Process @tgid mapped a file at [@addr, @addr + @len). */
void maps_mapped(pid_t tgid, uint64_t addr, uint64_t len);

#endif
