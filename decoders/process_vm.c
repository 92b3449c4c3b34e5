/*
 * process_vm_readv, process_vm_writev: the local iovecs carry data (read
 * side: at exit, up to the result); the remote ones are another process's
 * addresses, shown as such.
 */
#include "config.h"
#include "decoders/common.h"
#include "decoders/decoders.h"

static void remote_args(struct call *c, const struct sc_event *ev)
{
	call_add_uint(c, "liovcnt", arch_ulong(ev->arch, ev->args[2]));
	add_iov(c, "remote_iov", arch_ulong(ev->arch, ev->args[3]),
		     arch_ulong(ev->arch, ev->args[4]), 0, 0);
	call_add_uint(c, "riovcnt", arch_ulong(ev->arch, ev->args[4]));
	call_add_uint(c, "flags", arch_ulong(ev->arch, ev->args[5]));
}

void decode_process_vm_writev(struct call *c, const struct sc_event *ev)
{
	if (ev->exiting)
		return;
	call_add_pid(c, "pid", (pid_t)ev->args[0]);
	add_iov(c, "local_iov", arch_ulong(ev->arch, ev->args[1]),
		     arch_ulong(ev->arch, ev->args[2]), 1, UINT64_MAX);
	call_consumes(c, 1, UINT64_MAX, -1, -1, WRITE_AT);
	remote_args(c, ev);
}

void decode_process_vm_readv(struct call *c, const struct sc_event *ev)
{
	uint64_t local = arch_ulong(ev->arch, ev->args[1]);
	uint64_t count = arch_ulong(ev->arch, ev->args[2]);

	if (!ev->exiting) {
		call_add_pid(c, "pid", (pid_t)ev->args[0]);
		call_add_later(c, "local_iov");
		remote_args(c, ev);
		return;
	}
	if (ev->is_error)
		fill_iov(c, &c->arg[1], local, count, 0, 0);
	else
		fill_iov(c, &c->arg[1], local, count, 1, (uint64_t)ev->rval);
}
