#ifndef IOTRACE_SUMMARY_H
#define IOTRACE_SUMMARY_H

#include <stdint.h>

struct call;
struct outstream;

/* Counts one finished call for -c/-C: @ns spent in it. */
void summary_add(const struct call *c, uint64_t ns);

/* Prints the -c/-C table to @s. */
void summary_print(struct outstream *s);

#endif
