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

/*
 * Names by lineage, which do not depend on scheduling: the k-th traced
 * root (the command, or a -p thread) is "k", the k-th thread or process
 * that N creates is "N.k".  A tid named again (reused) takes its new name.
 */
void norm_root(pid_t tid);
void norm_child(pid_t parent, pid_t child);

/* A thread no event named (its creator died first): "?N", after every lineage name. */
void norm_stray(pid_t tid);

/* @tid's lineage name, or NULL when it has none. */
const char *norm_name(pid_t tid);

/* Compares two lineage names as their order in the output: 1 < 1.1 < 1.1.1 < 1.2 < 2 < ?1. */
int norm_name_cmp(const char *a, const char *b);

/*
 * --normalize's blocks: what is printed next is thread @tid's, whose
 * addresses and inodes are numbered within its own block.
 */
void norm_block(pid_t tid);

/* The same for addresses (never 0: NULL stays NULL). */
unsigned norm_addr(uint64_t addr);

/* The same for the inode of "pipe:[N]", "socket:[N]" and such. */
unsigned norm_inode(uint64_t inode);

#endif
