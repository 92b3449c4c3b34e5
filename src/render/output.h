#ifndef IOTRACE_OUTPUT_H
#define IOTRACE_OUTPUT_H

#include <stddef.h>
#include <sys/types.h>

struct outstream;
struct block;

/*
 * A traced thread as the output and the renderers see it: who it is, its
 * stream, and the line it may have left open there.
 */
struct who {
	pid_t tid;
	pid_t tgid;		/* its process, 0 until looked up */
	struct outstream *out;
	size_t col;		/* column of its open line, for -a */
	unsigned char line_open;	/* entry part printed, result pending */
	unsigned open_id;		/* the syscall on that line */
	unsigned char line_cut;		/* that line got " <unfinished ...>" */
	unsigned char args_done;	/* that line has all the call's arguments */
	char comm[16];			/* -Y: its command name, as the last stop found it */
	/* -n, -i: its last syscall's number and where it was made (or a signal came) */
	uint64_t last_nr;
	uint64_t last_ip;
	unsigned char ip32;		/* an i386 tracee: 8 digits */
	char sender_comm[16];		/* -Y: the command of the last signal's sender, or "" */
};

/* Where trace lines go: stderr, the -o file, or one -ff file. */
struct outstream {
	int fd;			/* -1: an -ff file put aside for now */
	char *name;		/* the file's path, or "stderr" */
	int is_file;		/* -o/-ff rather than stderr: no [pid N] form */
	int line_buffered;	/* a terminal: flush every line */
	int failed;		/* a write failed: said once, the rest dropped */
	int created;		/* -ff: the file exists; reopen it to append */
	char *buf;
	size_t len, cap;
	struct who *open_line;	/* the thread whose line is unfinished here */
	struct outstream *next;
	struct outstream *lru_prev, *lru_next;	/* -ff: open files, newest first */
	struct block *block;	/* --normalize: the thread's block, written at the end */
};

/* Opens the stream for -o (or stderr); dies with a message on failure. */
void out_init(void);

/* Whether -o @outfile names a command to pipe the trace to (|CMD, !CMD). */
int out_is_pipe(const char *outfile);

/* At exit: everything flushed; with -o |CMD, its stdin closed and CMD waited for. */
void out_close(void);

/* The stream thread @tid writes to (a new FILE.TID with -ff). */
struct outstream *out_for(pid_t tid, pid_t tgid);

/* -ff under --normalize: @w's thread got its lineage name; its file takes it. */
void out_renamed(struct who *w);

/* --normalize's blocks, in lineage order, to the output (once; see render/blocks.h). */
void out_finish(void);

/* Releases @w's use of its stream (closes a -ff file). */
void out_release(struct who *w);

/* Appends bytes to @s; flushes when full or at a newline on a terminal. */
void out_write(struct outstream *s, const char *data, size_t len);

/* Where the -c/-C table goes: the -o file, or stderr (also with -ff). */
struct outstream *out_summary(void);

/* Writes buffered output of every stream.  Safe to call repeatedly. */
void out_flush_all(void);

/* Flushes the trace when it shares stderr, so messages keep their order. */
void out_before_message(void);

/* Whether writing the trace failed somewhere: the trace is incomplete. */
int out_failed(void);

/* Drops every line from now on (iotrace gave up tracing after an error). */
void out_stop(void);

#endif
