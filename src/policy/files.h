#ifndef IOTRACE_FILES_H
#define IOTRACE_FILES_H

/*
 * --summary=files: bytes read and written per file, calls and errors per
 * file and per syscall.  render/tables.c prints it.
 */

#include <stddef.h>
#include <stdint.h>
#include "call/call.h"

struct file {
	char *name;		/* what /proc/PID/fd named */
	uint64_t read, written, calls, errors;
	uint64_t toctou;	/* writes whose data changed while they ran */
	uint32_t per_call[SC_COUNT];
	struct file *next;
};

/* Credits a finished call to the files its fds refer to; @changed: --toctou saw a change. */
void files_add(const struct call *c, int changed);

/* The files, most bytes moved first: an array to free; *@count gets its length. */
struct file **files_sorted(size_t *count);

#endif
