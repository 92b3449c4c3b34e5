#ifndef IOTRACE_FILTER_H
#define IOTRACE_FILTER_H

struct call;

/* -P: whether an fd argument of @c refers to one of the paths. */
int filter_paths(const struct call *c);

/* -z/-Z: whether the result of @c is to be shown. */
int filter_result(const struct call *c);

#endif
