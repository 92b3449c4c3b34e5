#!/usr/bin/env bats
# The seccomp prefilter: on by default for a launched command, so that
# untraced syscalls do not stop the tracee.

load common

@test "the launched command runs under a seccomp filter; --no-seccomp turns it off" {
	run bash -c '"$IOTRACE" -q -e trace=none -- grep "^Seccomp:" /proc/self/status 2>/dev/null'
	assert_success
	assert_output "$(printf 'Seccomp:\t2')"
	run bash -c '"$IOTRACE" -q --no-seccomp -e trace=none -- grep "^Seccomp:" /proc/self/status 2>/dev/null'
	assert_success
	assert_output "$(printf 'Seccomp:\t0')"
}

@test "--no-follow turns the filter off (untraced children would get ENOSYS)" {
	run bash -c '"$IOTRACE" -q --no-follow -e trace=none -- grep "^Seccomp:" /proc/self/status 2>/dev/null'
	assert_output "$(printf 'Seccomp:\t0')"
}

@test "with the filter, 9,900 untraced getppid calls cost no stops" {
	require_strace
	local with without
	# --spin=0: every stop is reported by wait4 (see spin.bats).
	with=$(count_own_calls wait4 --spin=0 -- "$HELPERS/rw" mixed)
	without=$(count_own_calls wait4 --spin=0 --no-seccomp -- "$HELPERS/rw" mixed)
	echo "wait4 calls: with filter $with, without $without"
	# 100 traced writes and the helper's four set-up calls (glibc's
	# readlink of /proc/self/exe among them): an entry and an exit stop
	# each, plus start and exit.
	[ "$with" -ge 200 ] && [ "$with" -le 212 ]
	# Without it every syscall stops twice: more than 2 x 10,000.
	[ "$without" -ge 20000 ]
}

@test "both personalities are filtered: an i386 tracee's writes are traced" {
	require_m32
	run bash -c '"$IOTRACE" -q -e trace=write -- "$HELPERS/rw32" mixed 2>&1 >/dev/null | grep -c "write(3, \"m\", 1)"'
	assert_output 100
}

@test "if iotrace is killed, the filtered command dies with it (PTRACE_O_EXITKILL)" {
	"$IOTRACE" -q -- sleep 60 2>/dev/null &
	local tracer=$! child i
	for i in $(seq 100); do
		child=$(pgrep -P "$tracer" sleep) && break
		sleep 0.05
	done
	[ -n "$child" ]
	kill -KILL "$tracer"
	for i in $(seq 100); do
		kill -0 "$child" 2>/dev/null || break
		sleep 0.05
	done
	run kill -0 "$child"
	assert_failure
}

@test "a program with seccomp filters of its own: denied and killed calls still show" {
	local out="$BATS_TEST_TMPDIR/trace" h
	# Its filter's ERRNO or KILL outranks iotrace's TRACE: the calls it
	# denies used to vanish.  After seccomp(2) or prctl(PR_SET_SECCOMP)
	# the process stops at every syscall entry, which precedes filters.
	for h in ownfilter ownfilter32; do
		[ -x "$HELPERS/$h" ] || continue
		run bash -c 'ulimit -c 0 && exec "$0" -q -o "$1" -e trace=write "$2"' \
			"$IOTRACE" "$out" "$HELPERS/$h"
		assert_success
		assert_output "child status 0x1f"
		normalize <"$out" | grep -v '32 bit mode' >"$out.n"
		printf '%s\n' \
			'P1    write(7, "denied", 6)             = -1 EROFS (Read-only file system)' \
			'P2    write(1, "xyz", 3)                = ?' \
			'P2    +++ killed by SIGSYS +++' \
			'P1    --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_KILLED, si_pid=P2, si_uid=0, si_status=SIGSYS, si_utime=0, si_stime=0} ---' \
			'P1    write(1, "child status 0x1f\n", 18) = 18' \
			'P1    +++ exited with 0 +++' >"$out.want"
		assert_same "$out.want" "$out.n"
	done
}

@test "a call killed by its own filter is counted and shown in whole-line modes too" {
	local out="$BATS_TEST_TMPDIR/trace"
	run bash -c 'ulimit -c 0 && exec "$0" -q --json -o "$1" -e trace=write "$2"' \
		"$IOTRACE" "$out" "$HELPERS/ownfilter"
	assert_success
	run jq -c 'select(.name == "write") | [.args.count, .result, .error]' "$out"
	assert_output '[6,-1,"EROFS"]
[3,null,null]
[18,18,null]'
	run bash -c 'ulimit -c 0 && exec "$0" -q -e status=failed,unfinished -o "$1" -e trace=write "$2"' \
		"$IOTRACE" "$out" "$HELPERS/ownfilter"
	assert_success
	run grep -c 'write(1, "xyz", 3) *= ?$' "$out"
	assert_output 1
	# -Z is status=failed alone: a call that never returned did not fail
	run bash -c 'ulimit -c 0 && exec "$0" -q -Z -o "$1" -e trace=write "$2"' \
		"$IOTRACE" "$out" "$HELPERS/ownfilter"
	assert_success
	run grep -c 'write(1, "xyz", 3) *= ?$' "$out"
	assert_output 0
}
