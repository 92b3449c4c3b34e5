#ifndef IOTRACE_ELFSYM_H
#define IOTRACE_ELFSYM_H

#include <stddef.h>
#include <stdint.h>

/*
 * The name of the function at file offset @file_off of the ELF file open
 * as @fd, read with pread only: a file truncated or rewritten while it is
 * mapped gives short reads, never a SIGBUS, and costs no symbol.  The
 * nearest STT_FUNC symbol at or below the address is taken, as libunwind
 * does.  Writes its NUL-terminated name into @buf (cut to @size) and its
 * distance from the address into @dist; returns 0, or -1 when none.
 */
int elfsym_lookup(int fd, uint64_t file_off, char *buf, size_t size, uint64_t *dist);

#endif
