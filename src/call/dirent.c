/* Walking getdents64's records (dirent.h): bounded by the bytes read, whatever d_reclen says. */
#include "config.h"
#include <string.h>
#include "call/dirent.h"

/* d_ino (8), d_off (8), d_reclen (2), d_type (1): the name starts here. */
#define DIRENT_NAME_OFF 19

void dirent_begin(struct dirent_walk *w, const unsigned char *p, size_t n)
{
	w->p = p;
	w->left = p ? n : 0;
}

int dirent_next(struct dirent_walk *w, struct dirent *d)
{
	const unsigned char *end;
	uint16_t reclen;

	if (w->left < DIRENT_NAME_OFF)
		return 0;
	memcpy(&reclen, w->p + 16, sizeof(reclen));
	if (reclen <= DIRENT_NAME_OFF || reclen > w->left)
		return 0;	/* a length that lies: the walk ends */
	memcpy(&d->ino, w->p, sizeof(d->ino));
	memcpy(&d->off, w->p + 8, sizeof(d->off));
	d->reclen = reclen;
	d->type = w->p[18];
	d->name = w->p + DIRENT_NAME_OFF;
	end = memchr(d->name, '\0', reclen - DIRENT_NAME_OFF);
	d->name_len = end ? (size_t)(end - d->name) : (size_t)reclen - DIRENT_NAME_OFF;
	w->p += reclen;
	w->left -= reclen;
	return 1;
}

unsigned dirent_count(const unsigned char *p, size_t n)
{
	struct dirent_walk w;
	struct dirent d;
	unsigned k = 0;

	dirent_begin(&w, p, n);
	while (dirent_next(&w, &d))
		k++;
	return k;
}
