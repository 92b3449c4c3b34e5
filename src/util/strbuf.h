#ifndef IOTRACE_STRBUF_H
#define IOTRACE_STRBUF_H

#include <stddef.h>
#include <stdint.h>

/* A growable byte string; len excludes the terminating NUL kept after buf. */
struct strbuf {
	char *buf;
	size_t len;
	size_t alloc;
};

#define STRBUF_INIT { NULL, 0, 0 }

/* Makes room for @extra more bytes; dies on out-of-memory. */
void sb_grow(struct strbuf *sb, size_t extra);

void sb_add(struct strbuf *sb, const void *data, size_t len);
void sb_addstr(struct strbuf *sb, const char *s);
void sb_addch(struct strbuf *sb, char c);
__attribute__((format(printf, 2, 3)))
void sb_addf(struct strbuf *sb, const char *fmt, ...);
void sb_reset(struct strbuf *sb);
void sb_release(struct strbuf *sb);

/* Appends @n spaces. */
void sb_pad(struct strbuf *sb, size_t n);

/* Appends @v in decimal / as 0x-prefixed hex (fast paths for the hot loop). */
void sb_addu(struct strbuf *sb, uint64_t v);
void sb_addi(struct strbuf *sb, int64_t v);
void sb_addhex(struct strbuf *sb, uint64_t v);

#endif
