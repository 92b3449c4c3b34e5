#ifndef IOTRACE_UTIL_H
#define IOTRACE_UTIL_H

#include <stddef.h>
#include <stdint.h>

/*
 * Messages, in git's tiers, one line each on stderr as "iotrace: <msg>":
 * die() for what iotrace cannot go on after, error() for what it
 * survives, warning() ("iotrace: warning: ...") for what may surprise,
 * BUG() for what cannot happen (a bug of iotrace's, never tracee input).
 * Messages are lower case and name their subject.
 */
__attribute__((format(printf, 1, 2)))
void error(const char *fmt, ...);

__attribute__((format(printf, 1, 2)))
void warning(const char *fmt, ...);

/* Prints the message, then runs the die routine, or exits with status 1. */
__attribute__((format(printf, 1, 2), noreturn))
void die(const char *fmt, ...);

/* Like die() with ": <strerror(errno)>" appended. */
__attribute__((format(printf, 1, 2), noreturn))
void die_errno(const char *fmt, ...);

#define BUG(...) bug_fl(__FILE__, __LINE__, __VA_ARGS__)
__attribute__((format(printf, 3, 4), noreturn))
void bug_fl(const char *file, int line, const char *fmt, ...);

/* Runs before every message (the trace flushes what shares stderr). */
void set_message_hook(void (*fn)(void));

/*
 * Replaces die()'s exit(1) after its message; the routine must not
 * return (the tracer's keeps the traced programs running untraced).
 */
void set_die_routine(void (*fn)(void));

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
#define MAX(a, b) ((a) > (b) ? (a) : (b))

/* The @n-byte little-endian number at @p (the tracee's memory, on x86). */
static inline uint64_t get_le(const unsigned char *p, unsigned n)
{
	uint64_t v = 0;

	while (n--)
		v = v << 8 | p[n];
	return v;
}

#endif
