/* -c and -C: per-syscall calls, errors, bytes transferred and time. */
#include "config.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "call/call.h"
#include "config/options.h"
#include "render/output.h"
#include "util/strbuf.h"
#include "policy/summary.h"
#include "syscalls/syscalls.h"

struct counts {
	uint64_t calls, errors, bytes, ns;
	uint64_t toctou;	/* calls whose data changed while they ran */
};

static struct counts counts[SC_COUNT];

void summary_add(const struct call *c, uint64_t ns)
{
	struct counts *k = &counts[c->id];

	k->calls++;
	k->ns += ns;
	k->toctou += c->tt.nchanges != 0;
	if (c->error)
		k->errors++;
	else if (c->rval > 0 && syscall_def(c->id)->result == RESULT_BYTES)
		k->bytes += (uint64_t)c->rval;
}

static int by_sort(const void *a, const void *b)
{
	unsigned x = *(const unsigned *)a, y = *(const unsigned *)b;

	switch (opt.sort) {
	case SORT_TIME:
		if (counts[x].ns != counts[y].ns)
			return counts[x].ns < counts[y].ns ? 1 : -1;
		break;
	case SORT_CALLS:
		if (counts[x].calls != counts[y].calls)
			return counts[x].calls < counts[y].calls ? 1 : -1;
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
	sb_addf(sb, "%s\n", name);
}

static void add_rule(struct strbuf *sb)
{
	sb_addstr(sb, "------ ----------- ----------- --------- --------- -------------- ");
	if (opt.toctou)
		sb_addstr(sb, "-------- ");
	sb_addstr(sb, "----------------\n");
}

void summary_print(struct outstream *s)
{
	struct strbuf sb = STRBUF_INIT;
	unsigned ids[SC_COUNT], n = 0, i;
	struct counts total = { 0, 0, 0, 0, 0 };

	for (i = 1; i < SC_COUNT; i++) {
		if (!counts[i].calls)
			continue;
		ids[n++] = i;
		total.calls += counts[i].calls;
		total.errors += counts[i].errors;
		total.bytes += counts[i].bytes;
		total.ns += counts[i].ns;
		total.toctou += counts[i].toctou;
	}
	qsort(ids, n, sizeof(ids[0]), by_sort);
	sb_addstr(&sb, "% time     seconds  usecs/call     calls    errors          bytes ");
	sb_addstr(&sb, opt.toctou ? "  toctou syscall\n" : "syscall\n");
	add_rule(&sb);
	for (i = 0; i < n; i++) {
		const struct counts *k = &counts[ids[i]];

		row(&sb, total.ns ? 100.0 * k->ns / total.ns : 0, k, syscall_def(ids[i])->name);
	}
	add_rule(&sb);
	row(&sb, 100.0, &total, "total");
	out_write(s, sb.buf, sb.len);
	sb_release(&sb);
}
