#!/usr/bin/env bats
# sendfile, sendfile64, splice, tee, vmsplice, copy_file_range; fd paths
# (-y) and the -P, -z, -Z filters.

load common

setup() {
	out="$BATS_TEST_TMPDIR/trace"
}

# Traces helper $1 in mode $2 with options $3..; writes are left out (the
# helper's set-up); masked output in $out.n.
trace_zc() {
	local helper=$1 mode=$2
	shift 2
	"$IOTRACE" -q -e 'trace=!write' "$@" "$HELPERS/$helper" "$mode" 2>"$out"
	MASK_ADDR=1 normalize <"$out" >"$out.n"
}

@test "sendfile: file to file, pipe and socket; NULL; count 0; short at EOF; unreadable offset; [old => new]" {
	trace_zc zc sendfile
	assert_same "$EXPECTED/zc-sendfile.out" "$out.n"
	# An i386 program with a 64-bit off_t calls sendfile64.
	require_m32
	trace_zc zc32 sendfile
	assert_same "$EXPECTED/zc32-sendfile.out" "$out.n"
}

@test "splice with offsets before and after, tee, vmsplice like writev, copy_file_range with and without offsets" {
	local helper
	for helper in zc zc32; do
		[ -x "$HELPERS/$helper" ] || continue
		trace_zc "$helper" splice
		assert_same "$EXPECTED/zc-splice.out" "$out.n"
	done
}

@test "offsets above 2 GiB: x86_64 sendfile; i386 sendfile64, and sendfile's 32-bit off_t" {
	trace_zc zc offsets
	assert_same "$EXPECTED/zc-offsets.out" "$out.n"
	require_m32
	trace_zc zc32 offsets
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

# -y paths, with the test directory as TMP and pipe inodes as N.
mask_paths() {
	sed "s#$BATS_TEST_TMPDIR#TMP#g; s/pipe:\[[0-9]*\]/pipe:[N]/g; s/socket:\[[0-9]*\]/socket:[N]/g" "$1" |
		REPAD=1 normalize
}

@test "-y after dup2, close and reopen, in a forked child, and after execve with O_CLOEXEC" {
	"$IOTRACE" -q -y -e signal=none "$HELPERS/fdpaths" "$BATS_TEST_TMPDIR" 2>"$out"
	mask_paths "$out" >"$out.n"
	printf '%s\n' \
		'write(3<TMP/a>, "a", 1)                 = 1' \
		'write(3<TMP/b>, "b", 1)                 = 1' \
		'write(3<TMP/c>, "c", 1)                 = 1' \
		'write(6<pipe:[N]>, "p", 1)              = 1' \
		'[pid    P1] write(3<TMP/c>, "child c", 7) = 7' \
		'[pid    P1] write(3<TMP/d>, "child d", 7) = 7' \
		'[pid    P1] +++ exited with 0 +++' \
		'write(3<TMP/c>, "parent c", 8)          = 8' \
		'write(7<TMP/e>, "e", 1)                 = 1' \
		'write(7, "x", 1)                        = -1 EBADF (Bad file descriptor)' \
		'write(7<TMP/f>, "f", 1)                 = 1' \
		'+++ exited with 0 +++' >"$out.want"
	assert_same "$out.want" "$out.n"
}

@test "-y names pipes and sockets by identity" {
	"$IOTRACE" -q -y -e trace=sendfile,read "$HELPERS/zc" sendfile 2>"$out"
	run grep -c 'sendfile(6<pipe:\[[0-9]*\]>, 3</memfd:src>(deleted), \[26 => 34\], 8)' "$out"
	assert_output 1
	run grep -c 'sendfile(7<socket:\[[0-9]*\]>, 3</memfd:src>(deleted), \[34 => 42\], 8)' "$out"
	assert_output 1
	# The two ends of the pipe have one identity.
	local w r
	w=$(sed -n 's/.*sendfile(6<\(pipe:\[[0-9]*\]\)>.*/\1/p' "$out")
	r=$(sed -n 's/^read(5<\(pipe:\[[0-9]*\]\)>.*/\1/p' "$out")
	assert_equal "$w" "$r"
}

@test "-P selects the calls on one of two files written alternately; -y shows the path" {
	"$IOTRACE" -q -P "$BATS_TEST_TMPDIR/a" "$HELPERS/fdpaths" "$BATS_TEST_TMPDIR" alt 2>"$out"
	printf '%s\n' 'write(3, "a", 1)                        = 1' 'write(3, "a", 1)                        = 1' \
		'write(3, "a", 1)                        = 1' '+++ exited with 0 +++' >"$out.want"
	assert_same "$out.want" "$out"
	# Through a symlink and "..", to a file the command has yet to create.
	mkdir "$BATS_TEST_TMPDIR/sub"
	ln -s "$BATS_TEST_TMPDIR/sub" "$BATS_TEST_TMPDIR/link"
	rm -f "$BATS_TEST_TMPDIR/b"
	"$IOTRACE" -q -y -P "$BATS_TEST_TMPDIR/link/../b" "$HELPERS/fdpaths" "$BATS_TEST_TMPDIR" alt 2>"$out"
	run grep -c "^write(4<$BATS_TEST_TMPDIR/b>, \"b\", 1) *= 1$" "$out"
	assert_output 3
	assert_equal "$(wc -l <"$out")" 4
}

@test "-y escapes the bytes of a path like data: newline, quote, 0xff" {
	local dir="$BATS_TEST_TMPDIR/"$'odd\n"\xff'
	mkdir "$dir"
	"$IOTRACE" -q -y -e trace=write "$HELPERS/fdpaths" "$dir" alt 2>"$out"
	run head -n 1 "$out"
	assert_output --partial "write(3<$BATS_TEST_TMPDIR/odd\\n\\\"\\377/a>, \"a\", 1)"
	assert_equal "$(wc -l <"$out")" 7
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

@test "-y on a deleted file: <path>(deleted), the mark outside the brackets, as strace" {
	require_strace
	"$IOTRACE" -q -y -e trace=write "$HELPERS/fdpaths" "$BATS_TEST_TMPDIR" deleted 2>"$out"
	strace -q -y -e trace=write "$HELPERS/fdpaths" "$BATS_TEST_TMPDIR" deleted 2>"$out.s"
	assert_same "$out.s" "$out"
	run grep -c "^write(3<$BATS_TEST_TMPDIR/gone>(deleted), \"after\", 5) = 5$" "$out"
	assert_output 1
}
