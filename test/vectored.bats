#!/usr/bin/env bats
# The vectored family, process_vm_*, RWF_* flags, offsets from pos_l/pos_h,
# guard pages, hostile counts and lengths, hex dumps, and the memory reads
# behind them.

load common

setup() {
	out="$BATS_TEST_TMPDIR/trace"
}

# Results of calls the running kernel may refuse or not (RWF_* support
# varies by version) are masked as RESULT; so are iov_base addresses.
mask_result() {
	sed 's/iov_base=0x[0-9a-f]*/iov_base=ADDR/; s/) \+= .*$/) = RESULT/' "$1"
}

@test "readv/writev/preadv/pwritev/preadv2/pwritev2: arrays, data spread over elements, NULL, []" {
	local helper
	for helper in vec vec32; do
		[ -x "$HELPERS/$helper" ] || continue
		trace_helper "$helper" basic -q
		assert_same "$EXPECTED/vec-basic.out" "$out.n"
	done
}

@test "at most -s elements, then ...; -v prints them all" {
	trace_helper vec basic -q -s 1
	assert_same "$EXPECTED/vec-basic-s1v.out" "$out.n"
	trace_helper vec basic -q -s 1 -v
	run grep -cF '[{iov_base="h"..., iov_len=5}, {iov_base="w"..., iov_len=5}]' "$out"
	assert_output 3
}

@test "every RWF_* flag alone and together, unknown and high bits, with -X abbrev/raw/verbose" {
	local style
	for style in abbrev raw verbose; do
		"$IOTRACE" -q -X "$style" -e trace=%data "$HELPERS/vec" rwf 2>"$out"
		mask_result "$out" >"$out.n"
		assert_same "$EXPECTED/vec-rwf-$style.out" "$out.n"
	done
}

@test "offsets: 64-bit pos_l alone (garbage pos_h ignored); i386 joins pos_h:pos_l" {
	trace_helper vec offsets -q
	assert_same "$EXPECTED/vec-offsets.out" "$out.n"
	require_m32
	trace_helper vec32 offsets -q
	assert_same "$EXPECTED/vec32-offsets.out" "$out.n"
}

@test "guard pages: straddling buffer and array, unreadable first element, readable after unreadable" {
	local helper
	for helper in vec vec32; do
		[ -x "$HELPERS/$helper" ] || continue
		trace_helper "$helper" guard -q
		assert_same "$EXPECTED/vec-guard.out" "$out.n"
	done
}

@test "IOV_MAX + 1 and 2^32 + 1 elements, iov_len SIZE_MAX over 3 real bytes: the right line, no huge read" {
	trace_helper vec limits -q
	assert_same "$EXPECTED/vec-limits.out" "$out.n"
	require_m32
	trace_helper vec32 limits -q
	assert_same "$EXPECTED/vec32-limits.out" "$out.n"
}

@test "process_vm_readv/writev between a tracee and its child" {
	trace_helper vec pvm -q -e trace=process_vm_readv,process_vm_writev -e signal=none
	assert_same "$EXPECTED/vec-pvm.out" "$out.n"
}

@test "hex dumps of every element, write side even on failure, read side up to the result" {
	trace_helper vec basic -q -e write=all -e read=all
	assert_same "$EXPECTED/vec-basic-dump.out" "$out.n"
}

@test "partly readable dumps show the readable bytes and how many are not shown" {
	trace_helper vec guard -q -e write=all
	assert_same "$EXPECTED/vec-guard-dump.out" "$out.n"
}

@test "a dump past 1 MiB uses six offset digits from the first line" {
	"$IOTRACE" -q -e write=3 -e trace=%data "$HELPERS/vec" bigdump 2>"$out"
	run sed -n '2p;$p' "$out"
	assert_line --index 0 ' | 000000  00 01 02 03 04 05 06 07  08 09 0a 0b 0c 0d 0e 0f  ................ |'
	# Line count: the call, 65537 full lines and a 4-byte one, the exit.
	assert_equal "$(wc -l <"$out")" $((1 + 65537 + 1 + 1))
	run grep -c '^ | 100010  ' "$out"
	assert_output 1
	# Byte 0x100010 of the pattern i % 251.
	run grep '^ | 100010  ' "$out"
	assert_output " | 100010  $(printf '%02x %02x %02x %02x' $((0x100010 % 251)) $((0x100011 % 251)) $((0x100012 % 251)) $((0x100013 % 251)))                                       $(printf '%b' "$(printf '\\%03o\\%03o\\%03o\\%03o' $((0x100010 % 251)) $((0x100011 % 251)) $((0x100012 % 251)) $((0x100013 % 251)))" | tr -c ' -~' '.')             |"
}

@test "-e write=SET and -e read=SET select fds: lists, !, none" {
	"$IOTRACE" -q -e write=3 "$HELPERS/vec" basic 2>"$out"
	run grep -c '^ | ' "$out"
	assert_output 0		# basic writes only to fd 4
	"$IOTRACE" -q -e write=4 "$HELPERS/vec" basic 2>"$out"
	run grep -c '^ \* ' "$out"
	assert_output 7		# 2 + 2 + 1 + 2 elements
	"$IOTRACE" -q -e 'write=!4' -e read=4 "$HELPERS/vec" basic 2>"$out"
	run grep -c 'bytes in buffer' "$out"
	assert_output 5		# readv 3+7 (not the empty third), preadv 3+7, preadv2 3
	"$IOTRACE" -q -e write=none -e read=none "$HELPERS/vec" basic 2>"$out"
	run grep -c '^ [|*] ' "$out"
	assert_output 0
}

@test "same output as strace for readv/writev/preadv/pwritev/preadv2/pwritev2 and dumps" {
	require_strace
	same_as_strace read,write,pread64,pwrite64,readv,writev,preadv,pwritev,preadv2,pwritev2 \
		"vec vec32" "basic offsets" \
		"" "-e write=all -e read=all" "-X raw" "-X verbose" "-s 1" "-v -s 1" "-xx"
	# -s 0 shows no element, but an array whose first cannot be read is
	# its address, as strace prints it; one that can be is [...]
	same_as_strace writev,readv "vec vec32" "basic guard" "-s 0"
}

@test "one array used again and again (speculative element reads) prints as strace" {
	require_strace
	# Not with dumps: where a buffer is unmapped iotrace's dump says so, strace's does not.
	same_as_strace writev,preadv,pwrite64 "vec vec32" reuse "" "-s 1" "-v -s 2" "-xx"
}

@test "an array seen twice alike gets its data with the array: one process_vm_readv, not two" {
	require_strace
	# Ten writevs of one array: the first two read the array, then the data
	# (the second confirms the guess); the other eight read both at once.
	strace_iotrace -c -e trace=process_vm_readv -o "$out.sum" "$IOTRACE" -q -e trace=%data -o "$out" "$HELPERS/vec" same10
	run awk '$NF == "process_vm_readv" { print $4 }' "$out.sum"
	assert_output 12
	run grep -c 'writev(3, \[{iov_base="ab", iov_len=2}, {iov_base="cd", iov_len=2}\], 2) = 4$' "$out"
	assert_output 10
	# A dump of up to 64 KiB is read with the call, and rides on the guess too: still 12.
	strace_iotrace -c -e trace=process_vm_readv -o "$out.sum" "$IOTRACE" -q -e write=all -e trace=%data -o "$out" "$HELPERS/vec" same10
	run awk '$NF == "process_vm_readv" { print $4 }' "$out.sum"
	assert_output 12
	run grep -c '^ | 00000  61 62  *ab  *|$' "$out"
	assert_output 10
}

@test "iovec dumps under and over 64 KiB (read with the call, or streamed) print as strace's" {
	require_strace
	same_as_strace writev,preadv "vec vec32" vdumps "-e write=all -e read=all"
}

@test "one 64-element writev costs two process_vm_readv calls: the array, then all the data" {
	require_strace
	strace_iotrace -c -e trace=process_vm_readv -o "$out.sum" "$IOTRACE" -q -e trace=%data -o "$out" "$HELPERS/vec" many
	run awk '$NF == "process_vm_readv" { print $4 }' "$out.sum"
	assert_output 2
	run grep -c 'iov_base="aaaaaaaa", iov_len=8}' "$out"
	assert_output 1
}

teardown() {
	[ -n "${shared:-}" ] && rm -rf "$shared"
	return 0
}

@test "process_vm_readv refused (ENOSYS, EPERM): PTRACE_PEEKDATA gives the same output" {
	require_strace
	local err mode
	# PEEKDATA reads PROT_NONE pages (FOLL_FORCE), so the holes here are unmapped.
	for mode in basic limits; do
		"$IOTRACE" -q -o "$out.cma" "$HELPERS/vec" "$mode"
		MASK_ADDR=1 normalize <"$out.cma" >"$out.cma.n"
		for err in ENOSYS EPERM; do
			strace_iotrace -c -e trace=process_vm_readv,ptrace -o "$out.sum" \
				"$HELPERS/nocma" "$err" "$IOTRACE" -q -o "$out.$err" "$HELPERS/vec" "$mode"
			MASK_ADDR=1 normalize <"$out.$err" >"$out.$err.n"
			assert_same "$out.cma.n" "$out.$err.n"
			# The data came through PTRACE_PEEKDATA: more ptrace calls than 4 a call.
			run awk '$NF == "ptrace" { print ($4 > 60) }' "$out.sum"
			assert_output 1
			# ENOSYS is the kernel's final word: asked once, never again;
			# EPERM may be about one tracee only: asked each time.
			run awk '$NF == "process_vm_readv" { print ($4 == 1) }' "$out.sum"
			assert_output "$([ "$err" = ENOSYS ] && echo 1 || echo 0)"
		done
	done
}

@test "a non-dumpable tracee and an unprivileged tracer: addresses, as strace (the kernel refuses every read)" {
	[ "$(id -u)" = 0 ] || skip "needs root to run iotrace as another user"
	command -v setpriv >/dev/null || skip "setpriv (util-linux) is not installed"
	# bats' own temporary directory is private to root.
	shared=$(mktemp -d /tmp/iotrace-nobody.XXXXXX)
	chmod 777 "$shared"
	cd "$shared"
	setpriv --reuid=nobody --regid=nogroup --clear-groups test -x "$IOTRACE" ||
		skip "user nobody cannot run $IOTRACE from this directory"
	setpriv --reuid=nobody --regid=nogroup --clear-groups \
		"$IOTRACE" -q -e trace=%data -o "$shared/trace" "$HELPERS/vec" nodump
	MASK_ADDR=1 normalize <"$shared/trace" >"$out.n"
	printf '%s\n' 'P1    writev(3, ADDR, 2)                = 10' \
		'P1    write(3, ADDR, 36)                = 36' 'P1    +++ exited with 0 +++' >"$out.want"
	assert_same "$out.want" "$out.n"
}

@test "a call shows at most 64 KiB of data (or -s, when larger): then its array ends in ..." {
	local out="$BATS_TEST_TMPDIR/trace"
	# 20 elements of 4 KiB at -s 4096: sixteen fill the budget.  Memory
	# a call holds no longer grows with the tracee's counts and lengths
	# (make bench measures it: 200 threads in 1024-element writevs).
	"$IOTRACE" -q -s 4096 -e trace=writev,write,readv "$HELPERS/vec" budget 2>"$out"
	run perl -pe 's/"[^"]*"/"S"/g; s/(\{iov_base="S", iov_len=4096\}, ){16}/{16 elements} /' "$out"
	assert_output 'writev(3, [{16 elements} ...], 20) = 81920
write(3, "S"..., 100000) = 100000
readv(4, [{16 elements} ...], 20) = 81920
+++ exited with 0 +++'
	# Each shown element whole: 4096 bytes.
	run perl -ne 'print length($1), "\n" while /iov_base="([a-z]+)"/g' "$out"
	assert_equal "$(sort -u <<<"$output")" 4096
	# -s above the budget: one buffer shows -s bytes, and the call no more.
	"$IOTRACE" -q -s 70000 -e trace=writev "$HELPERS/vec" budget 2>"$out"
	run perl -ne 'print length($1), "\n" while /iov_base="([a-z]+)"/g' "$out"
	assert_output "$(printf '4096\n%.0s' $(seq 17); echo 368)"
}

@test "-e write= never dumps past what one call can take (0x7ffff000 bytes)" {
	# A write of 4 GiB and a writev of 4 x 1 GiB over one readable page:
	# the dump says how much it did not show, counted to the kernel's
	# limit, not to the tracee's count (which could dump gigabytes).
	"$IOTRACE" -q -e write=3 -e trace=write,writev "$HELPERS/vec" hugedump 2>"$out"
	run grep -v '^ | 0' "$out"
	assert_line --index 1 --regexp '^ \| <unreadable from 0x[0-9a-f]+: 2147475456 bytes not shown>$'
	assert_line --index 3 ' * 1073741824 bytes in buffer 0'
	assert_line --index 5 ' * 1073737728 bytes in buffer 1'
	assert_line --index 6 --regexp '^ \| <unreadable from 0x[0-9a-f]+: 1073733632 bytes not shown>$'
	assert_line --index 7 '+++ exited with 0 +++'
	# Each buffer's readable page, dumped whole.
	run grep -c '^ | 0' "$out"
	assert_output 768
}
