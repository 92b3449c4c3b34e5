#!/usr/bin/env bats
# read, write, pread64, pwrite64: exact lines against expected files, for
# x86_64 and i386 tracees, and against strace run on the same helper.

load common

setup() {
	out="$BATS_TEST_TMPDIR/trace"
}

# Traces helper $1 in mode $2 with iotrace options from $3..; output on stderr.
trace_rw() {
	local helper=$1 mode=$2
	shift 2
	"$IOTRACE" "$@" "$HELPERS/$helper" "$mode" 2>"$out"
}

@test "write/read/pread64/pwrite64 lines, errors and quoting (addresses masked)" {
	trace_rw rw basic
	MASK_ADDR=1 normalize <"$out" >"$out.n"
	assert_same "$EXPECTED/rw-basic.out" "$out.n"
}

@test "-s 5 and -s 0 truncate with ... after the quote" {
	trace_rw rw basic -s 5
	MASK_ADDR=1 normalize <"$out" >"$out.n"
	assert_same "$EXPECTED/rw-basic-s5.out" "$out.n"
	trace_rw rw basic -s 0
	MASK_ADDR=1 normalize <"$out" >"$out.n"
	assert_same "$EXPECTED/rw-basic-s0.out" "$out.n"
}

@test "every byte value 0..255, alone and in one buffer, default quoting" {
	trace_rw rw bytes
	assert_same "$EXPECTED/rw-bytes.out" "$out"
	trace_rw rw bytes -s 256
	assert_same "$EXPECTED/rw-bytes-s256.out" "$out"
}

@test "every byte value 0..255 with -x and -xx" {
	trace_rw rw bytes -x -s 256
	assert_same "$EXPECTED/rw-bytes-x.out" "$out"
	trace_rw rw bytes -xx -s 256
	assert_same "$EXPECTED/rw-bytes-xx.out" "$out"
}

@test "octal escapes take three digits only before an octal digit" {
	trace_rw rw octal
	assert_same "$EXPECTED/rw-octal.out" "$out"
}

@test "-a sets the result column; a longer line gets one space" {
	trace_rw rw octal -a 60
	assert_same "$EXPECTED/rw-octal-a60.out" "$out"
	trace_rw rw octal -a 0
	assert_same "$EXPECTED/rw-octal-a0.out" "$out"
}

@test "64-bit offsets print signed, above 4 GiB and negative" {
	trace_rw rw offsets
	assert_same "$EXPECTED/rw-offsets.out" "$out"
}

@test "i386 tracee: same lines, pread64/pwrite64 offsets joined from two registers" {
	require_m32
	for mode in basic bytes octal offsets; do
		trace_rw rw32 "$mode" -q
		MASK_ADDR=1 normalize <"$out" >"$out.n"
		assert_same "$EXPECTED/rw-$mode.out" "$out.n"
	done
}

@test "i386 tracee: one 32-bit mode line when it starts" {
	require_m32
	trace_rw rw32 octal
	run head -n 1 "$out"
	assert_output --regexp '^\[ Process PID=[0-9]+ runs in 32 bit mode\. \]$'
	run grep -c 'runs in' "$out"
	assert_output 1
}

@test "same output as strace on the same helper (-f -o, -s, -x, -xx, -a)" {
	require_strace
	same_as_strace read,write,pread64,pwrite64 "rw rw32" "basic bytes octal offsets" \
		"" "-s 5" "-x -s 300" "-xx" "-a 20" "-e write=all -e read=all" "-e write=3 -e read=none"
}

@test "fsync and fdatasync: as strace prints them, with -y, -T, -Z, --json; counted without bytes" {
	require_strace
	same_as_strace fsync,fdatasync,write "rw rw32" sync "" "-y" "-Z"
	"$IOTRACE" -q -T -e trace=fsync -o "$out" "$HELPERS/rw" sync
	run grep -cE '^[0-9]+ +fsync\(4\) += 0 <[0-9]+\.[0-9]{6}>$' "$out"
	assert_output 1
	"$IOTRACE" -q --json -e trace=%sync -o "$out" "$HELPERS/rw" sync
	run jq -c 'select(.type == "syscall") | [.name, .args, .result, .error]' "$out"
	assert_output '["fsync",{"fd":4},0,null]
["fdatasync",{"fd":4},0,null]
["fsync",{"fd":3},-1,"EINVAL"]
["fdatasync",{"fd":-1},-1,"EBADF"]
["fsync",{"fd":99},-1,"EBADF"]'
	# A status, not bytes: -c adds none, --summary=files counts the calls.
	run "$IOTRACE" -q -c --summary=files -S name -e trace=%sync -- "$HELPERS/rw" sync
	assert_line --regexp '^ +[0-9.]+ +[0-9.]+ +[0-9]+ +3 +2 +0 fsync$'
	assert_line '             0              0        2        0  /memfd:rw (deleted)'
}

@test "a buffer running into an unreadable page shows its readable bytes and where reading stopped" {
	local helper
	for helper in rw rw32; do
		[ -x "$HELPERS/$helper" ] || continue
		trace_rw "$helper" guard -q
		MASK_ADDR=1 normalize <"$out" >"$out.n"
		assert_same "$EXPECTED/rw-guard.out" "$out.n"
	done
	# The mark is not strace's truncation mark.
	run grep -c '"\.\.\.' "$out"
	assert_output 0
}

@test "-e trace=SET selects syscalls: lists, !negation, all, none" {
	trace_rw rw basic -e trace=pread64,pwrite64
	run grep -cvE '^(pread64|pwrite64)\(|^\+\+\+' "$out"
	assert_output 0
	run grep -c '^p' "$out"
	assert_output 5
	trace_rw rw basic -e 'trace=!read,write'
	run grep -c '^p' "$out"
	assert_output 5
	run grep -cE '^(read|write)\(' "$out"
	assert_output 0
	trace_rw rw basic -e trace=none
	assert_equal "$(cat "$out")" "+++ exited with 0 +++"
	trace_rw rw basic -e trace=all
	assert_equal "$(wc -l <"$out")" 16
	trace_rw rw basic -e write
	assert_equal "$(grep -c '^write(' "$out")" "$(grep -vc '^+++' "$out")"
	assert_equal "$(grep -c '^write(' "$out")" 7
}
