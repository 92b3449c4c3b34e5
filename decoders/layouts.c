/*
 * The kernel's structs, per arch: offsets and sizes as the uapi headers
 * lay them out for x86_64 and for i386 (pointers and longs are 4 bytes
 * there).  A struct argument adds its layout here, nothing to the reader.
 */
#include "config.h"
#include "decoders/layouts.h"

enum { IOV_BASE, IOV_LEN };

static const struct field iovec_fields[] = {
	[IOV_BASE] = { FIELD_NAME("iov_base"), F_BYTES, 1, { 8, 4 }, { 0, 0 }, IOV_LEN, NULL },
	[IOV_LEN] = { FIELD_NAME("iov_len"), F_UINT, 0, { 8, 4 }, { 8, 4 }, -1, NULL },
};

const struct layout iovec_layout = { "iovec", { 16, 8 }, 2, iovec_fields };
