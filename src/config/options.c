/* What the user asked for, as the parts of iotrace read it (src/cli parses it). */
#include "config.h"
#include "config/options.h"

struct options opt;

int fdset_used(const struct fdset *set)
{
	return set->all || set->negate || set->n;
}

int fdset_has(const struct fdset *set, int64_t fd)
{
	size_t i;
	int in = set->all;

	if (fd < 0)
		return 0;
	for (i = 0; !in && i < set->n; i++)
		in = set->fds[i] == fd;
	return in != set->negate;
}
