/* Walking control messages: see cmsg.h. */
#include "config.h"
#include <string.h>
#include "call/cmsg.h"
#include "util/util.h"

/* The header's size, which is also the alignment's multiple: 16 and 8 on x86_64, 12 and 4 on i386. */
static size_t hdr_size(enum arch a)
{
	return a == ARCH_I386 ? 12 : 16;
}

static size_t align_of(enum arch a)
{
	return a == ARCH_I386 ? 4 : 8;
}

void cmsg_begin(struct cmsg_walk *w, enum arch a, const unsigned char *p, size_t n)
{
	w->p = p;
	w->left = n;
	w->arch = a;
	w->stop = 0;
}

int cmsg_next(struct cmsg_walk *w, struct cmsg *m)
{
	size_t h = hdr_size(w->arch), a = align_of(w->arch), step;
	uint32_t v32;
	int32_t i;

	if (w->stop || w->left < h)
		return 0;
	if (w->arch == ARCH_I386) {
		memcpy(&v32, w->p, 4);
		m->len = v32;
	} else {
		memcpy(&m->len, w->p, 8);
	}
	memcpy(&i, w->p + h - 8, 4);
	m->level = i;
	memcpy(&i, w->p + h - 4, 4);
	m->type = i;
	m->data = w->p + h;
	m->data_len = m->len > h ? (size_t)MIN(m->len, (uint64_t)w->left) - h : 0;
	if (m->len < h) {	/* no room for itself: the walk cannot go on */
		w->p += h;
		w->left -= h;
		w->stop = 1;
		return 1;
	}
	/* The next header starts at the aligned end; one at or past the end ends the walk. */
	step = m->len < w->left ? ((size_t)m->len + a - 1) & ~(a - 1) : w->left;
	if (step >= w->left) {
		w->left = 0;
	} else {
		w->p += step;
		w->left -= step;
	}
	return 1;
}
