#ifndef IOTRACE_DIRENT_H
#define IOTRACE_DIRENT_H

/*
 * A directory's entries as getdents64 lays them out (struct
 * linux_dirent64): d_ino, d_off, d_reclen, d_type, then d_name up to a
 * NUL, each record d_reclen long.  The bytes are tracee memory: a
 * record that does not fit ends the walk, never reads past the bytes.
 */

#include <stddef.h>
#include <stdint.h>

struct dirent_walk {
	const unsigned char *p;
	size_t left;		/* bytes not walked yet */
};

struct dirent {
	uint64_t ino;
	int64_t off;
	unsigned reclen, type;
	const unsigned char *name;
	size_t name_len;	/* up to its NUL, within the record */
};

void dirent_begin(struct dirent_walk *w, const unsigned char *p, size_t n);

/* The next entry into @d: 1, or 0 when no whole record is left. */
int dirent_next(struct dirent_walk *w, struct dirent *d);

/* How many whole records @n bytes at @p hold. */
unsigned dirent_count(const unsigned char *p, size_t n);

#endif
