#!/usr/bin/env bats
# sendfile, sendfile64, splice, tee, vmsplice, copy_file_range; the -z
# and -Z filters.

load common

setup() {
	out="$BATS_TEST_TMPDIR/trace"
}

@test "sendfile: file to file, pipe and socket; NULL; count 0; short at EOF; unreadable offset; [old => new]" {
	trace_helper zc sendfile -q -e trace=read,pwrite64,sendfile,sendfile64,splice,tee,vmsplice,copy_file_range
	assert_same "$EXPECTED/zc-sendfile.out" "$out.n"
	# An i386 program with a 64-bit off_t calls sendfile64.
	require_m32
	trace_helper zc32 sendfile -q -e trace=read,pwrite64,sendfile,sendfile64,splice,tee,vmsplice,copy_file_range
	assert_same "$EXPECTED/zc32-sendfile.out" "$out.n"
}

@test "splice with offsets before and after, tee, vmsplice like writev, copy_file_range with and without offsets" {
	local helper
	for helper in zc zc32; do
		[ -x "$HELPERS/$helper" ] || continue
		trace_helper "$helper" splice -q -e trace=read,pwrite64,sendfile,sendfile64,splice,tee,vmsplice,copy_file_range
		assert_same "$EXPECTED/zc-splice.out" "$out.n"
	done
}

@test "offsets above 2 GiB: x86_64 sendfile; i386 sendfile64, and sendfile's 32-bit off_t" {
	trace_helper zc offsets -q -e trace=read,pwrite64,sendfile,sendfile64,splice,tee,vmsplice,copy_file_range
	assert_same "$EXPECTED/zc-offsets.out" "$out.n"
	require_m32
	trace_helper zc32 offsets -q -e trace=read,pwrite64,sendfile,sendfile64,splice,tee,vmsplice,copy_file_range
	assert_same "$EXPECTED/zc32-offsets.out" "$out.n"
}

@test "vmsplice data is dumped with -e write=" {
	"$IOTRACE" -q -e trace=vmsplice -e write=6 "$HELPERS/zc" splice 2>"$out"
	printf '%s\n' \
		'vmsplice(6, [{iov_base="vm", iov_len=2}, {iov_base="splice", iov_len=6}], 2, SPLICE_F_GIFT) = 8' \
		' * 2 bytes in buffer 0' \
		' | 00000  76 6d                                             vm               |' \
		' * 6 bytes in buffer 1' \
		' | 00000  73 70 6c 69 63 65                                 splice           |' \
		'+++ exited with 0 +++' >"$out.want"
	assert_same "$out.want" "$out"
}

@test "-z prints only calls that succeeded, -Z only those that failed" {
	"$IOTRACE" -q -e trace=sendfile -z "$HELPERS/zc" sendfile 2>"$out"
	assert_same "$EXPECTED/zc-sendfile-z.out" "$out"
	"$IOTRACE" -q -e trace=sendfile -Z "$HELPERS/zc" sendfile 2>"$out"
	MASK_ADDR=1 normalize <"$out" >"$out.n"
	assert_same "$EXPECTED/zc-sendfile-Z.out" "$out.n"
}

@test "vmsplice from a pipe's read end: its dump shows what the call delivered, as strace's" {
	require_strace
	# The line shows the buffers as they were (dots); the dump, read at
	# exit, what arrived: every buffer whole, as strace dumps it.
	same_as_strace vmsplice "zc zc32" vmread "-e trace=vmsplice -e write=5"
	"$IOTRACE" -q -e trace=vmsplice -e write=5 "$HELPERS/zc" vmread 2>"$out"
	run grep -c 'hell\|o world' "$out"
	assert_output 2
}
