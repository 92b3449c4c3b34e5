#ifndef IOTRACE_QUOTE_H
#define IOTRACE_QUOTE_H

/* How tracee bytes, addresses and file names are written, for every renderer. */

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include "util/strbuf.h"

/*
 * Appends @len bytes of @data quoted per -x/-xx (without the quotes
 * themselves), as strace quotes them; lookahead stays within @len.
 */
void quote_bytes(struct strbuf *sb, const unsigned char *data, size_t len);

/* A non-NULL address: hex, or with --normalize "ADDR" and its ordinal. */
void quote_hexaddr(struct strbuf *sb, uint64_t addr);

/* An address, or NULL. */
void quote_addr(struct strbuf *sb, uint64_t addr);

/*
 * Appends what an fd refers to as raw bytes; with --normalize the inode
 * of "pipe:[inode]" and such is renumbered.  For renderers that escape
 * in their own way (JSON).
 */
void file_name_raw(struct strbuf *sb, const char *path, size_t len);

/* The same, escaped like tracee data in the text output. */
void file_name_text(struct strbuf *sb, const char *path, size_t len);

/* A pid as printed: itself, or its ordinal with --normalize. */
unsigned quote_pid(pid_t pid);

/*
 * A pid or tid as it prints: itself, or under --normalize its lineage
 * name ("1.2"), or "x" and an ordinal for one iotrace never traced.
 * Valid until the fourth call after.
 */
#define NORM_NAME_SHOWN 280
const char *quote_pid_str(pid_t pid);

/* -t, -tt, -ttt, -r: the time that starts a line, and a space. */
void quote_timestamp(struct strbuf *sb);

/*
 * A cookie (io_uring's user_data) at least this big is taken for a
 * pointer under --normalize: no mapping lives below mmap_min_addr.
 */
#define COOKIE_ADDR_MIN 0x10000

#endif
