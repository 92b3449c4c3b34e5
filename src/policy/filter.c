/* Which decoded calls are shown: -P paths, -z/-Z results. */
#include "config.h"
#include <string.h>
#include "call/call.h"
#include "policy/filter.h"
#include "config/options.h"

int filter_paths(const struct call *c)
{
	unsigned i;
	size_t k;

	for (i = 0; i < c->nargs; i++) {
		const char *path;

		if (c->arg[i].type != ARG_FD || !(path = call_fd_path(c, &c->arg[i])))
			continue;
		for (k = 0; k < opt.npaths; k++)
			if (!strcmp(path, opt.paths[k]))
				return 1;
	}
	return 0;
}

int filter_result(const struct call *c)
{
	return opt.result == RESULT_OK ? !c->error : c->error != 0;
}
