#!/usr/bin/env bats
# --spin: waiting awake for a busy tracee's next stop, asking the thread
# resumed last with PTRACE_GET_SYSCALL_INFO instead of sleeping in
# wait4.  Whether it waits awake is timed as it runs (spin.c), so only
# counts that must hold whatever the timing are asserted.  The trace
# itself is the same either way: every other test runs with the default.

load common

require_cpus() {
	[ "$(nproc)" -ge 2 ] || skip "one usable CPU: iotrace never spins"
}

@test "one busy tracee: syscall stops are taken without wait4; sleeping, a write costs 7 tracer syscalls" {
	require_strace
	require_cpus
	local waits total
	cd "$BATS_TEST_TMPDIR"
	# 1000 x (open, write, fdatasync, fsync, close): 10,000 syscall stops.
	# By default whether it waits awake depends on timing and load (other
	# tests run beside this one); --spin-always takes that out: most stops
	# are asked for (a wait that runs out still ends in wait4; two CPU
	# hogs beside it gave 2,633), the rest slept for.
	waits=$(count_own_calls wait4 --spin-always -- "$HELPERS/fdlife" commits)
	echo "wait4 calls: $waits"
	[ "$waits" -lt 7500 ]
	# Sleeping at every stop, a one-byte write costs exactly 7 syscalls
	# (4 ptrace, 2 wait4, 1 process_vm_readv): two stops, one read of the
	# data; the allowance is for iotrace's own start-up and exit (about
	# 180 syscalls).  Waiting awake costs one question a stop when the
	# stop comes when expected, more when it comes late, which depends on
	# timing: `make bench` counts that (sc/call), not this test (a
	# sanitizer build beside other tests once asked 22 times too many).
	strace_iotrace -c -o "$BATS_TEST_TMPDIR/sum" "$IOTRACE" -q -o /dev/null -e trace=write \
		--spin=0 "$HELPERS/fdlife" writes
	total=$(awk '$NF == "total" { print $(NF - 2) }' "$BATS_TEST_TMPDIR/sum")
	echo "tracer syscalls for 10,000 writes: $total"
	[ "$total" -le $((70000 + 500)) ]
}

@test "--spin=0 and a single usable CPU: every stop through wait4, even with --spin-always" {
	require_strace
	command -v taskset >/dev/null || skip "taskset (util-linux) is not installed"
	local waits
	waits=$(count_own_calls wait4 --spin=0 --spin-always -- "$HELPERS/rw" mixed)
	echo "--spin=0: $waits"
	[ "$waits" -ge 200 ] && [ "$waits" -le 212 ] || fail "--spin=0: $waits wait4 calls"
	# strace follows taskset into its exec of iotrace; taskset never waits.
	strace_iotrace -c -e trace=wait4 -o "$BATS_TEST_TMPDIR/sum" \
		taskset -c 0 "$IOTRACE" -q -o /dev/null --spin-always "$HELPERS/rw" mixed
	waits=$(awk '$NF == "wait4" { print $4 }' "$BATS_TEST_TMPDIR/sum")
	echo "one CPU: $waits"
	[ "$waits" -ge 200 ] && [ "$waits" -le 212 ] || fail "one CPU: $waits wait4 calls"
}

@test "the trace is the same with and without spinning" {
	local mode spin
	for mode in basic offsets mixed; do
		for spin in 0 200; do
			"$IOTRACE" --spin=$spin -o "$BATS_TEST_TMPDIR/$spin" "$HELPERS/rw" "$mode" >/dev/null
			MASK_ADDR=1 normalize <"$BATS_TEST_TMPDIR/$spin" >"$BATS_TEST_TMPDIR/$spin.n"
		done
		assert_same "$BATS_TEST_TMPDIR/0.n" "$BATS_TEST_TMPDIR/200.n"
	done
}

@test "bad values for --spin" {
	run "$IOTRACE" --spin=x true
	assert_failure 1
	assert_output "iotrace: invalid value for --spin: 'x' (a number from 0 to 100000)"
	run "$IOTRACE" --spin=100001 true
	assert_failure 1
	assert_output "iotrace: invalid value for --spin: '100001' (a number from 0 to 100000)"
}
