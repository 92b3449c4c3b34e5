#!/usr/bin/env bats
# --spin: waiting awake for a busy tracee's next stop.  With one tracee,
# a syscall stop is learnt from SIGCHLD and PTRACE_GET_SYSCALL_INFO
# instead of wait4; with several, wait4 is polled.  The trace itself is
# the same either way: every other test runs with the default.

load common

require_cpus() {
	[ "$(nproc)" -ge 2 ] || skip "one usable CPU: iotrace never spins"
}

@test "one busy tracee: syscall stops are taken without wait4" {
	require_strace
	require_cpus
	local waits
	# rw mixed: 100 traced writes, 200 syscall stops.  A stop misses the
	# spin only if the tracee waits 200 us for a CPU; one hit suffices here.
	waits=$(count_own_calls wait4 -- "$HELPERS/rw" mixed)
	echo "wait4 calls: $waits"
	[ "$waits" -lt 200 ]
}

@test "--spin=0 and a single usable CPU: every stop through wait4" {
	require_strace
	command -v taskset >/dev/null || skip "taskset (util-linux) is not installed"
	local waits
	waits=$(count_own_calls wait4 --spin=0 -- "$HELPERS/rw" mixed)
	echo "--spin=0: $waits"
	[ "$waits" -ge 200 ] && [ "$waits" -le 210 ] || fail "--spin=0: $waits wait4 calls"
	# strace follows taskset into its exec of iotrace; taskset never waits.
	strace_iotrace -c -e trace=wait4 -o "$BATS_TEST_TMPDIR/sum" \
		taskset -c 0 "$IOTRACE" -q -o /dev/null "$HELPERS/rw" mixed
	waits=$(awk '$NF == "wait4" { print $4 }' "$BATS_TEST_TMPDIR/sum")
	echo "one CPU: $waits"
	[ "$waits" -ge 200 ] && [ "$waits" -le 210 ] || fail "one CPU: $waits wait4 calls"
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
