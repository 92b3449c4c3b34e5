#include "config.h"
#include "call/fetch.h"
#include "policy/report.h"

void report_begin(struct report *r)
{
	struct toctou *tt = &r->tt;

	tt->on = 0;
	tt->arg = -1;
	tt->nsnaps = 0;
	tt->nchanges = 0;
	tt->landed = LANDED_UNCHECKED;
	tt->not_read[0] = '\0';
	aiowatch_found_clear(&r->aio);
	r->site.set = 0;
	r->stack.n = 0;
	r->stack.note = STACK_NONE;
	r->duration_ns = 0;
}

void report_plan(struct call *c, void *report)
{
	struct report *r = report;

	toctou_plan(&r->tt, c);
	dump_plan(&r->dump, c);
}

void report_trim(struct report *r)
{
	call_trim(&r->call);
	toctou_trim(&r->tt);
	dump_trim(&r->dump);
}

void report_release(struct report *r)
{
	call_release(&r->call);
	toctou_release(&r->tt);
	aiowatch_found_release(&r->aio);
	dump_release(&r->dump);
	stack_release(&r->stack);
}
