#ifndef IOTRACE_FILTER_H
#define IOTRACE_FILTER_H

#include <sys/types.h>

struct call;

/* -P: whether an fd argument of @c, or a path argument, names one of the paths. */
int filter_paths(const struct call *c, pid_t tid);

/* -z/-Z: whether the result of @c is to be shown. */
int filter_result(const struct call *c);

#endif
