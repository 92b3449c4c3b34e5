#ifndef IOTRACE_UTIL_H
#define IOTRACE_UTIL_H

#include <stddef.h>
#include <stdint.h>

/* Prints "iotrace: <msg>" on stderr. */
__attribute__((format(printf, 1, 2)))
void error(const char *fmt, ...);

/* Like error(), then exits with status 1 after flushing trace output. */
__attribute__((format(printf, 1, 2), noreturn))
void die(const char *fmt, ...);

/* Like die() with ": <strerror(errno)>" appended. */
__attribute__((format(printf, 1, 2), noreturn))
void die_errno(const char *fmt, ...);

/* Allocation wrappers that die on failure. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* Monotonic nanoseconds (a vDSO read): -T, -r, -c and --spin's budgets. */
uint64_t now_ns(void);

/* A string hash for the small tables (djb2). */
unsigned hash_str(const char *s);

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define MIN(a, b) ((a) < (b) ? (a) : (b))

#endif
