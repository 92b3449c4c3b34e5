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

@test "-ff with more live threads than iotrace may open files: every file whole, nobody killed" {
	local out="$BATS_TEST_TMPDIR/ff" f
	# 101 files to keep, 40 fds to keep them in: iotrace used to give up
	# with "Too many open files", and its kill-on-exit took the program.
	run bash -c 'ulimit -n 40 && exec "$0" -ff -o "$1" "$2" 100 3 together' \
		"$IOTRACE" "$out" "$HELPERS/threads"
	assert_success
	assert_output ""
	run bash -c 'ls "$0".* | wc -l' "$out"
	assert_output 101
	for f in "$out".*; do
		grep -q '"w"' "$f" || continue	# the leader's file: no writes
		assert_equal "$(cat "$f")" "$(printf 'write(3, "w", 1)                        = 1\n%.0s' 1 2 3; echo '+++ exited with 0 +++')"
	done
	run bash -c 'cat "$0".* | grep -c "^write(3, \"w\", 1) *= 1$"' "$out"
	assert_output 300
}
