#ifndef IOTRACE_BLOCKS_H
#define IOTRACE_BLOCKS_H

/*
 * --normalize's blocks: each thread's lines, kept apart as the trace runs
 * and written when it ends, one block a thread in lineage order (1, 1.1,
 * 1.1.1, 1.2, 2...), so that the output does not depend on how the
 * threads were scheduled.  A block keeps BLOCK_MEM bytes in memory; the
 * rest goes to one unlinked temporary file, so a thread's output can be
 * as long as the disk allows and iotrace's memory stays bounded.
 */

#include <stddef.h>
#include <sys/types.h>

struct block;

/* A new block for thread @tid of process @tgid (0: unknown). */
struct block *block_new(pid_t tid, pid_t tgid);

void block_write(struct block *b, const char *data, size_t len);

/*
 * When each line's leader does not depend on how many threads there
 * are (JSON, or a file of a trace that follows forks), blocks are
 * written through @write as soon as every block before them in lineage
 * order is, and their own thread ended: a daemon's parent's block need
 * not wait for the daemon.
 */
void blocks_set_output(void (*write)(void *ctx, const char *data, size_t len), void *ctx,
		       int json, int to_file);

/* The thread ended: its block is complete, named as the thread is now. */
void block_end(struct block *b);

/*
 * Writes every block through @write in lineage order and forgets them: each
 * line led by its thread's name when there was more than one thread, or
 * @lead_always (a file of a trace that follows forks, as strace's -f -o)
 * (text: "NAME " to a file, "[pid NAME] " to a terminal or stderr; JSON:
 * "pid" and "tid" put into each object).  Later calls write nothing.
 */
void blocks_finish(void (*write)(void *ctx, const char *data, size_t len), void *ctx,
		   int json, int to_file, int lead_always);

#endif
