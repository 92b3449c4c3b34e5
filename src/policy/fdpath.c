#include "config.h"
#include "memory/umem.h"
#include "policy/fdpath.h"

void fdpath_resolve(struct call *c, pid_t tid)
{
	char buf[4096];
	unsigned i;

	for (i = 0; i < c->nargs; i++) {
		struct arg *a = &c->arg[i];
		ssize_t n;

		if (a->type != ARG_FD || !a->filled || !a->path.pending)
			continue;
		a->path.pending = 0;
		n = umem_fd_path(tid, (int)a->v.i, buf, sizeof(buf));
		if (n > 0)
			call_set_fd_path(c, i, buf, (size_t)n);
	}
}
