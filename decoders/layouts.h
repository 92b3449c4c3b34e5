#ifndef IOTRACE_DECODERS_LAYOUTS_H
#define IOTRACE_DECODERS_LAYOUTS_H

/* The kernel's structs that syscall arguments point to, as data (call/layout.h). */

#include "call/layout.h"

/* struct iovec: iov_base (the payload), iov_len. */
extern const struct layout iovec_layout;

#endif
