#ifndef IOTRACE_RENDER_H
#define IOTRACE_RENDER_H

#include <signal.h>
#include "util/strbuf.h"

struct tcb;
struct call;
struct buf_arg;

/*
 * The strace-style text renderer.  Lines are split at syscall entry and
 * exit; when another tracee prints in between, the open line is closed
 * with " <unfinished ...>" and later resumed as "<... NAME resumed>".
 */

/* Prints "name(" and the arguments known at entry of @t's current call. */
void render_entry(struct tcb *t);

/* Prints the rest of @t's call and its result. */
void render_exit(struct tcb *t);

/* Ends an open line of a thread that died inside the call: ") = ?". */
void render_vanished(struct tcb *t);

/* "--- SIGxxx {...} ---" for a signal-delivery-stop. */
void render_signal(struct tcb *t, const siginfo_t *si);

/* "--- stopped by SIGxxx ---" for a group-stop. */
void render_stopped(struct tcb *t, int sig);

/* "+++ exited with N +++" or "+++ killed by SIGxxx [(core dumped)] +++". */
void render_death(struct tcb *t, int status);

/* A bracketed tracer note on @t's stream, e.g. the 32-bit mode line. */
void render_note(struct tcb *t, const char *text);

/*
 * Appends @len bytes of @data quoted per -x/-xx (without the quotes
 * themselves); "next" lookahead stays within @len.
 */
void quote_bytes(struct strbuf *sb, const unsigned char *data, size_t len);

/*
 * Appends what an fd refers to as raw bytes; with --normalize the inode
 * of "pipe:[inode]" and such is renumbered.  For renderers that escape
 * in their own way (JSON).
 */
void file_name_raw(struct strbuf *sb, const char *path, size_t len);

/* The same, escaped like tracee data in the text output. */
void render_file_name(struct strbuf *sb, const char *path, size_t len);

/* Appends a buffer argument: NULL, address, or quoted data with marks. */
void render_buf(struct strbuf *sb, const struct call *c, const struct buf_arg *b);

#endif
