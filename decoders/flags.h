#ifndef IOTRACE_DECODERS_FLAGS_H
#define IOTRACE_DECODERS_FLAGS_H

#include "util/xlat.h"

/* The RWF_* bits that decide where pwritev2 writes (--toctou=verify). */
#define RWF_APPEND_BIT 0x10
#define RWF_NOAPPEND_BIT 0x20

/* The flag lists, each defined once in decoders/flags.c. */
extern const struct xlat_list rwf_flags;
extern const struct xlat_list splice_flags;

#endif
