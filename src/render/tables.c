/*
 * The tables printed at exit: -c/-C's per syscall (policy/summary.c
 * counts them) and --summary=files' per file (policy/files.c).
 */
#include "config.h"
#include <stdlib.h>
#include <string.h>
#include "config/options.h"
#include "policy/files.h"
#include "policy/summary.h"
#include "render/quote.h"
#include "render/tables.h"
#include "util/strbuf.h"
#include "util/util.h"

static void duration(struct strbuf *sb, uint64_t ns);
static void histogram(struct strbuf *sb, const struct latency *l);

static int by_sort(const void *a, const void *b)
{
	unsigned x = *(const unsigned *)a, y = *(const unsigned *)b;

	switch (opt.sort) {
	case SORT_TIME:
		if ((*summary_counts(x)).ns != (*summary_counts(y)).ns)
			return (*summary_counts(x)).ns < (*summary_counts(y)).ns ? 1 : -1;
		break;
	case SORT_CALLS:
		if ((*summary_counts(x)).calls != (*summary_counts(y)).calls)
			return (*summary_counts(x)).calls < (*summary_counts(y)).calls ? 1 : -1;
		break;
	case SORT_NAME:
		return strcmp(syscall_def(x)->name, syscall_def(y)->name);
	case SORT_NOTHING:
		break;
	}
	return x < y ? -1 : x > y;
}

static void row(struct strbuf *sb, double pct, const struct counts *k, const char *name)
{
	uint64_t ns = k->ns, calls = k->calls, errors = k->errors;

	sb_addf(sb, "%6.2f %11.6f %11llu %9llu ", pct, ns / 1e9,
		(unsigned long long)(calls ? ns / 1000 / calls : 0), (unsigned long long)calls);
	if (errors)
		sb_addf(sb, "%9llu", (unsigned long long)errors);
	else
		sb_pad(sb, 9);
	sb_addf(sb, " %14llu ", (unsigned long long)k->bytes);
	if (opt.toctou)	/* a column only when counted */
		sb_addf(sb, "%8llu ", (unsigned long long)k->toctou);
	if (opt.ninject)
		sb_addf(sb, "%8llu ", (unsigned long long)k->injected);
	sb_addf(sb, "%s\n", name);
}

static void add_rule(struct strbuf *sb)
{
	sb_addstr(sb, "------ ----------- ----------- --------- --------- -------------- ");
	if (opt.toctou)
		sb_addstr(sb, "-------- ");
	if (opt.ninject)
		sb_addstr(sb, "-------- ");
	sb_addstr(sb, "----------------\n");
}

void summary_print(struct outstream *s)
{
	struct strbuf sb = STRBUF_INIT;
	unsigned ids[SC_COUNT], n = 0, i;
	struct counts total;

	memset(&total, 0, sizeof(total));
	for (i = 1; i < SC_COUNT; i++) {
		const struct counts *k = summary_counts(i);

		if (!k->calls)
			continue;
		ids[n++] = i;
		total.calls += k->calls;
		total.errors += k->errors;
		total.bytes += k->bytes;
		total.ns += k->ns;
		total.toctou += k->toctou;
		total.injected += k->injected;
	}
	qsort(ids, n, sizeof(ids[0]), by_sort);
	sb_addstr(&sb, "% time     seconds  usecs/call     calls    errors          bytes ");
	sb_addstr(&sb, opt.toctou ? "  toctou " : "");
	sb_addstr(&sb, opt.ninject ? "injected syscall\n" : "syscall\n");
	add_rule(&sb);
	for (i = 0; i < n; i++) {
		const struct counts *k = summary_counts(ids[i]);

		row(&sb, total.ns ? 100.0 * k->ns / total.ns : 0, k, syscall_def(ids[i])->name);
	}
	add_rule(&sb);
	row(&sb, 100.0, &total, "total");
	/* Beyond strace's table: how the time is spread, a row a syscall. */
	sb_addstr(&sb, "\nLatency per syscall:\n");
	for (i = 0; i < n; i++) {
		const struct latency *l = &summary_counts(ids[i])->lat;

		sb_addf(&sb, "  %-16s (%llu) p50 ", syscall_def(ids[i])->name, (unsigned long long)l->n);
		duration(&sb, latency_quantile(l, 0.5));
		sb_addstr(&sb, " p99 ");
		duration(&sb, latency_quantile(l, 0.99));
		sb_addstr(&sb, " max ");
		duration(&sb, l->max_ns);
		histogram(&sb, l);
		sb_addch(&sb, '\n');
	}
	out_write(s, sb.buf, sb.len);
	sb_release(&sb);
}

/* A duration, short: "850ns", "12.3us", "4.56ms", "1.23s". */
static void duration(struct strbuf *sb, uint64_t ns)
{
	if (ns < 1000)
		sb_addf(sb, "%lluns", (unsigned long long)ns);
	else if (ns < 1000000)
		sb_addf(sb, "%.3gus", ns / 1e3);
	else if (ns < 1000000000)
		sb_addf(sb, "%.3gms", ns / 1e6);
	else
		sb_addf(sb, "%.3gs", ns / 1e9);
}

/* The indent of the lines under a file's row. */
#define UNDER "                                                  "

/*
 * A histogram of @l, log2 buckets of microseconds from the first that
 * holds a call to the last: "hist 1us [▂█▁] 8us", bars scaled to the
 * fullest bucket; --ascii draws them " .:-=+*#".
 */
static void histogram(struct strbuf *sb, const struct latency *l)
{
	static const char *const blocks[9] = { " ", "\u2581", "\u2582", "\u2583", "\u2584",
						"\u2585", "\u2586", "\u2587", "\u2588" };
	static const char ascii[9] = { ' ', '.', ':', '-', '=', '+', '*', '#', '@' };
	uint64_t counts[LATENCY_LOG2_BUCKETS], top = 0;
	unsigned i, first = LATENCY_LOG2_BUCKETS, last = 0;

	latency_log2(l, counts, LATENCY_LOG2_BUCKETS);
	for (i = 0; i < LATENCY_LOG2_BUCKETS; i++) {
		if (!counts[i])
			continue;
		first = MIN(first, i);
		last = i;
		top = MAX(top, counts[i]);
	}
	if (!top)
		return;
	sb_addstr(sb, " hist ");
	duration(sb, first ? (1000ull << (first - 1)) : 0);
	sb_addstr(sb, " [");
	for (i = first; i <= last; i++) {
		unsigned level = counts[i] ? (unsigned)((counts[i] * 8 + top - 1) / top) : 0;

		if (opt.ascii)
			sb_addch(sb, ascii[level]);
		else
			sb_addstr(sb, blocks[level]);
	}
	sb_addstr(sb, "] ");
	duration(sb, 1000ull << last);
}

/* "latency: read (9) p50 1.2us p99 8us max 12us hist 1us [▂█▁] 16us; write ..." */
static void latencies(struct strbuf *sb, const struct file *f)
{
	const char *sep = UNDER "latency ";
	unsigned k;

	for (k = 0; k < OP_COUNT; k++) {
		const struct latency *l = &f->lat[k];

		if (!l->n)
			continue;
		sb_addf(sb, "%s%s (%llu) p50 ", sep, op_name((enum op_kind)k),
			(unsigned long long)l->n);
		duration(sb, latency_quantile(l, 0.5));
		sb_addstr(sb, " p99 ");
		duration(sb, latency_quantile(l, 0.99));
		sb_addstr(sb, " max ");
		duration(sb, l->max_ns);
		histogram(sb, l);
		sep = "; ";
	}
	if (*sep == ';')
		sb_addch(sb, '\n');
}

void files_print(struct outstream *s)
{
	struct strbuf sb = STRBUF_INIT;
	size_t n, i;
	struct file **list = files_sorted(&n);
	unsigned id;

	sb_addstr(&sb, "Files, by bytes transferred:\n");
	sb_addstr(&sb, "          read        written    calls   errors    opens    syncs"
		       "     sync-s      total-s  ");
	sb_addstr(&sb, opt.toctou ? "  toctou  " : "");
	sb_addstr(&sb, opt.ninject ? "injected  file\n" : "file\n");
	for (i = 0; i < n; i++) {
		const struct file *f = list[i];
		const char *sep = "";

		sb_addf(&sb, "%14llu %14llu %8llu %8llu %8llu %8llu %10.6f %12.6f  ",
			(unsigned long long)f->read, (unsigned long long)f->written,
			(unsigned long long)f->calls, (unsigned long long)f->errors,
			(unsigned long long)f->opens, (unsigned long long)f->syncs,
			f->sync_ns / 1e9, f->ns / 1e9);
		if (opt.toctou)
			sb_addf(&sb, "%8llu  ", (unsigned long long)f->toctou);
		if (opt.ninject)
			sb_addf(&sb, "%8llu  ", (unsigned long long)f->injected);
		if (f->label)	/* a socket's endpoints (-yy), quoted already */
			sb_addstr(&sb, f->label);
		else
			file_name_text(&sb, f->name, strlen(f->name));
		sb_addstr(&sb, "\n" UNDER);
		for (id = 1; id < SC_COUNT; id++) {
			if (!f->per_call[id])
				continue;
			sb_addf(&sb, "%s%s %u", sep, syscall_def(id)->name, f->per_call[id]);
			sep = ", ";
		}
		sb_addch(&sb, '\n');
		latencies(&sb, f);
	}
	out_write(s, sb.buf, sb.len);
	sb_release(&sb);
	free(list);
}
