#ifndef IOTRACE_TEXT_H
#define IOTRACE_TEXT_H

/* The text renderer: strace's line format (render/render.h's interface). */

#include "call/call.h"
#include "policy/toctou.h"
#include "render/render.h"
#include "util/strbuf.h"

extern const struct renderer text_renderer;

/* How many threads are traced: with more than one, lines carry their pid. */
void text_threads(unsigned n);

/* Values, as text_value.c writes them. */
void text_buf(struct strbuf *sb, const struct call *c, const struct buf_arg *b);
void text_arg(struct strbuf *sb, const struct call *c, const struct arg *a);
void text_args(struct strbuf *sb, const struct call *c, unsigned from, unsigned to);
void text_result(struct strbuf *sb, const struct call *c);

/* Flags @val named from @l as -X asks: names, hex, or hex and names. */
void text_flags(struct strbuf *sb, uint64_t val, const struct xlat_list *l);

/* " /" "* toctou: CHANGE, ...; landed: WHICH *" "/" after the result. */
void text_toctou(struct strbuf *sb, const struct call *c, const struct toctou *tt);

/*
 * --toctou, Linux AIO: the reaped writes whose data changed since
 * io_submit, " /" "* toctou: event 0 (aio_data=0x1): aio_buf[0..3] "AAAA"
 * => "BBBB" *" "/".
 */
void text_aio_toctou(struct strbuf *sb, const struct aio_found *f);

#endif
