#include "config.h"
#include <stdio.h>
#include <stdlib.h>
#include <sys/utsname.h>
#include "config/options.h"
#include "cli/cli.h"
#include "render/output.h"
#include "render/timeline.h"
#include "syscalls/syscalls.h"
#include "trace/attach.h"
#include "trace/signals.h"
#include "trace/tracer.h"
#include "util/util.h"

/* PTRACE_GET_SYSCALL_INFO, which every syscall stop relies on, came in 5.3. */
static void check_kernel(void)
{
	struct utsname u;
	int major = 0, minor = 0;

	if (uname(&u) || sscanf(u.release, "%d.%d", &major, &minor) != 2)
		return;
	if (major < 5 || (major == 5 && minor < 3))
		die("this kernel (%s) is too old: iotrace needs Linux 5.3 or later", u.release);
}

/* Before any tracee is attached, a fatal error ends iotrace, its trace flushed. */
static void __attribute__((noreturn)) quit(void)
{
	out_close();
	exit(1);
}

int main(int argc, char **argv)
{
	unsigned attached = 0;

	set_message_hook(out_before_message);
	set_die_routine(quit);
	syscalls_init();
	options_parse(argc, argv);
	check_kernel();
	out_init();
	if (opt.timeline)
		timeline_open(opt.timeline);
	signals_setup();
	if (opt.npids) {
		attached = tracer_attach_all();
		if (!attached && !opt.argv)
			exit(1);
	}
	if (opt.argv)
		tracer_spawn();
	tracer_keep_alive();
	tracer_exit_like(tracer_loop());
}
