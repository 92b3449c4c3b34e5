#ifndef IOTRACE_DECODERS_FLAGS_H
#define IOTRACE_DECODERS_FLAGS_H

/* The flag lists (decoders/xlat) and the bits decoders act on. */

#include "decoders/xlat_lists.h"

/* The RWF_* bits that decide where pwritev2 writes (--toctou=verify). */
#define RWF_APPEND_BIT 0x10
#define RWF_NOAPPEND_BIT 0x20

#endif
