/* Which decoded calls are shown: -P paths, -z/-Z results. */
#include "config.h"
#include <stdlib.h>
#include <string.h>
#include "call/call.h"
#include "config/options.h"
#include "memory/umem.h"
#include "policy/filter.h"
#include "util/path.h"

static int wanted(const char *path)
{
	size_t k;

	for (k = 0; k < opt.npaths; k++)
		if (!strcmp(path, opt.paths[k]))
			return 1;
	return 0;
}

/*
 * A path argument, taken from the directory the call takes it from (the
 * dirfd argument before it, or the current directory), "." and ".."
 * resolved by their text: a symbolic link in it is not followed, since
 * looking at the file could block on a file system the stopped tracee
 * serves.  The directories are as /proc shows them to iotrace: a tracee
 * in a chroot of its own may not match.
 */
static int path_arg_wanted(const struct call *c, unsigned i, pid_t tid)
{
	const struct arg *a = &c->arg[i];
	const char *dir = NULL;
	char cwd[4096];
	char *resolved;
	int cut, match;
	long n = call_str_len(c, a, &cut);
	unsigned k;

	if (n < 0 || cut)
		return 0;
	for (k = i; k-- > 0;)
		if (c->arg[k].type == ARG_DIRFD) {	/* the nearest: renameat has two */
			if (c->arg[k].v.i == AT_FDCWD_VAL)
				break;
			dir = call_fd_path(c, &c->arg[k]);
			if (!dir)
				return 0;	/* a dirfd that is not open: the call fails */
			break;
		}
	if (!dir && umem_fd_path(tid, AT_FDCWD_VAL, cwd, sizeof(cwd)) > 0)
		dir = cwd;
	if (!dir)
		return 0;
	resolved = path_join_clean(dir, (const char *)call_buf_data(c, &a->v.buf), (size_t)n);
	match = wanted(resolved);
	free(resolved);
	return match;
}

int filter_paths(const struct call *c, pid_t tid)
{
	unsigned i;
	const char *path;

	for (i = 0; i < c->nargs; i++) {
		const struct arg *a = &c->arg[i];

		/* A dirfd too, as strace: the directory itself may be the path. */
		if ((a->type == ARG_FD || (a->type == ARG_DIRFD && a->v.i >= 0)) &&
		    (path = call_fd_path(c, a)) && wanted(path))
			return 1;
		if (a->type == ARG_STR && a->str == STR_PATH && path_arg_wanted(c, i, tid))
			return 1;
	}
	return 0;
}

int filter_result(const struct call *c)
{
	return (opt.status & (c->error ? STATUS_FAILED : STATUS_SUCCESSFUL)) != 0;
}
