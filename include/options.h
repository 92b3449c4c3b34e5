#ifndef IOTRACE_OPTIONS_H
#define IOTRACE_OPTIONS_H

#include <stddef.h>
#include <sys/types.h>
#include "syscalls.h"

#define SIG_TABLE_SIZE 65	/* signals 1..64 */

enum xmode {
	XMODE_NONE,	/* -x not given */
	XMODE_NONPRINT,	/* -x: hex when any byte is non-printable */
	XMODE_ALL,	/* -xx: every byte in hex */
};

struct options {
	size_t max_strlen;		/* -s */
	size_t align;			/* -a */
	enum xmode xmode;		/* -x, -xx */
	const char *outfile;		/* -o */
	int per_process;		/* -ff */
	int quiet;			/* -q */
	int follow;			/* off with --no-follow */
	int seccomp;			/* off with --no-seccomp */
	unsigned char trace[SC_COUNT];	/* -e trace= */
	unsigned char signal[SIG_TABLE_SIZE];	/* -e signal= */
	pid_t *pids;			/* -p */
	size_t npids;
	char **argv;			/* the command, NULL-terminated */
};

extern struct options opt;

/* Fills opt from the command line; prints help/version or dies on bad input. */
void options_parse(int argc, char **argv);

#endif
