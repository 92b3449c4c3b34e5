#!/usr/bin/env bats
# read, write, pread64, pwrite64: lines, quoting, offsets, both arches; -e trace=.
# x86_64 and i386 tracees, and against strace run on the same helper.

load common

setup() {
	out="$BATS_TEST_TMPDIR/trace"
}

@test "write/read/pread64/pwrite64 lines, errors and quoting (addresses masked)" {
	trace_helper rw basic
	MASK_ADDR=1 normalize <"$out" >"$out.n"
	assert_same "$EXPECTED/rw-basic.out" "$out.n"
}

@test "-s 5 and -s 0 truncate with ... after the quote" {
	trace_helper rw basic -s 5
	MASK_ADDR=1 normalize <"$out" >"$out.n"
	assert_same "$EXPECTED/rw-basic-s5.out" "$out.n"
	trace_helper rw basic -s 0
	MASK_ADDR=1 normalize <"$out" >"$out.n"
	assert_same "$EXPECTED/rw-basic-s0.out" "$out.n"
}

@test "every byte value 0..255, alone and in one buffer, default quoting" {
	trace_helper rw bytes
	assert_same "$EXPECTED/rw-bytes.out" "$out"
	trace_helper rw bytes -s 256
	assert_same "$EXPECTED/rw-bytes-s256.out" "$out"
}

@test "every byte value 0..255 with -x and -xx" {
	trace_helper rw bytes -x -s 256
	assert_same "$EXPECTED/rw-bytes-x.out" "$out"
	trace_helper rw bytes -xx -s 256
	assert_same "$EXPECTED/rw-bytes-xx.out" "$out"
}

@test "octal escapes take three digits only before an octal digit" {
	trace_helper rw octal
	assert_same "$EXPECTED/rw-octal.out" "$out"
}

@test "-a sets the result column; a longer line gets one space" {
	trace_helper rw octal -a 60
	assert_same "$EXPECTED/rw-octal-a60.out" "$out"
	trace_helper rw octal -a 0
	assert_same "$EXPECTED/rw-octal-a0.out" "$out"
}

@test "64-bit offsets print signed, above 4 GiB and negative" {
	trace_helper rw offsets
	assert_same "$EXPECTED/rw-offsets.out" "$out"
}

@test "i386 tracee: same lines, pread64/pwrite64 offsets joined from two registers" {
	require_m32
	for mode in basic bytes octal offsets; do
		trace_helper rw32 "$mode" -q
		MASK_ADDR=1 normalize <"$out" >"$out.n"
		assert_same "$EXPECTED/rw-$mode.out" "$out.n"
	done
}

@test "i386 tracee: one 32-bit mode line when it starts" {
	require_m32
	trace_helper rw32 octal
	run head -n 1 "$out"
	assert_output --regexp '^\[ Process PID=[0-9]+ runs in 32 bit mode\. \]$'
	run grep -c 'runs in' "$out"
	assert_output 1
	trace_helper rw32 octal --quiet=personality
	run grep -c 'runs in' "$out"
	assert_output 0
	trace_helper rw32 octal --quiet=exit
	run grep -c 'runs in' "$out"
	assert_output 1
}

@test "same output as strace on the same helper (-f -o, -s, -x, -xx, -a)" {
	require_strace
	same_as_strace read,write,pread64,pwrite64 "rw rw32" "basic bytes octal offsets" \
		"" "-s 5" "-x -s 300" "-xx" "-a 20" "-e write=all -e read=all" "-e write=3 -e read=none"
}

@test "a buffer running into an unreadable page shows its readable bytes and where reading stopped" {
	local helper
	for helper in rw rw32; do
		[ -x "$HELPERS/$helper" ] || continue
		trace_helper "$helper" guard -q
		MASK_ADDR=1 normalize <"$out" >"$out.n"
		assert_same "$EXPECTED/rw-guard.out" "$out.n"
	done
	# The mark is not strace's truncation mark.
	run grep -c '"\.\.\.' "$out"
	assert_output 0
}

@test "-e trace=SET selects syscalls: lists, !negation, all, none" {
	trace_helper rw basic -e trace=pread64,pwrite64
	run grep -cvE '^(pread64|pwrite64)\(|^\+\+\+' "$out"
	assert_output 0
	run grep -c '^p' "$out"
	assert_output 5
	trace_helper rw basic -e 'trace=!read,write'
	run grep -c '^p' "$out"
	assert_output 5
	run grep -cE '^(read|write)\(' "$out"
	assert_output 0
	trace_helper rw basic -e trace=none
	assert_equal "$(cat "$out")" "+++ exited with 0 +++"
	# all: the 15 data calls, the set-up's readlink of /proc/self/exe
	# (glibc's), close_range, openat and memfd_create, basic's lseek, and
	# the exit.
	trace_helper rw basic -e trace=all
	assert_equal "$(wc -l <"$out")" 21
	trace_helper rw basic -e write
	assert_equal "$(grep -c '^write(' "$out")" "$(grep -vc '^+++' "$out")"
	assert_equal "$(grep -c '^write(' "$out")" 7
}
