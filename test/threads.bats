#!/usr/bin/env bats
# No event lost or doubled under load.

load common

# 80,000 calls entered, 80,000 results "= 1" (whole lines or resumed ones),
# as many resumed as unfinished, and 9 exits (8 threads and the process).
count_writes() {
	run grep -c 'write(3, "w", 1' "$1"
	assert_output 80000
	run grep -cE '(write\(3, "w", 1\)|<\.\.\. write resumed>\)) += 1$' "$1"
	assert_output 80000
	assert_equal "$(grep -c '<unfinished \.\.\.>$' "$1")" "$(grep -c '<\.\.\. write resumed>' "$1")"
	run grep -c '+++ exited with 0 +++' "$1"
	assert_output 9
}

@test "8 threads x 10,000 writes give exactly 80,000 write lines" {
	local out="$BATS_TEST_TMPDIR/trace"
	run "$IOTRACE" -q -o "$out" -- "$HELPERS/threads" 8 10000
	assert_success
	count_writes "$out"
}

@test "the same with --no-seccomp (every syscall stops)" {
	local out="$BATS_TEST_TMPDIR/trace"
	run "$IOTRACE" -q --no-seccomp -o "$out" -- "$HELPERS/threads" 8 10000
	assert_success
	count_writes "$out"
}
