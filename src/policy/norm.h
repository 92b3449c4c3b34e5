#ifndef IOTRACE_NORM_H
#define IOTRACE_NORM_H

#include <stdint.h>
#include <sys/types.h>

/*
 * --normalize: values that differ between two runs of the same program
 * get stable ordinals in order of first appearance.
 */

/* 1 for the first pid or tid seen, 2 for the next... */
unsigned norm_pid(pid_t pid);

/* The same for addresses (never 0: NULL stays NULL). */
unsigned norm_addr(uint64_t addr);

/* The same for the inode of "pipe:[N]", "socket:[N]" and such. */
unsigned norm_inode(uint64_t inode);

#endif
