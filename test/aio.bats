#!/usr/bin/env bats
# Linux AIO: io_setup, io_destroy, io_submit, io_cancel, io_getevents,
# io_pgetevents (the %async class with io_uring), against strace on the
# x86_64 and i386 helpers; addresses and pids masked.

load common

AIO_CALLS=io_setup,io_destroy,io_submit,io_cancel,io_getevents,io_pgetevents

setup() {
	out="$BATS_TEST_TMPDIR/trace"
	cwd="$BATS_TEST_TMPDIR/cwd"
}

@test "iocbs as strace prints them: a write's data, a writev's iovecs, a read's buffer as an address; events" {
	require_strace
	# (not -X raw: strace prints aio_lio_opcode in decimal there, iotrace in hex as other values)
	# Each event's iocb={...} is iotrace's own (tested below).
	DROP_OWN='s/, iocb=(\{(?:[^{}]++|(?1))*\})//g' FRESH_DIR=$cwd \
		same_as_strace "$AIO_CALLS" "aio aio32" basic "" "-y" "-s 2" "-v"
}

@test "io_getevents: each event's iocb, with the data a completed read brought, cut to its res" {
	local h
	for h in aio aio32; do
		[ -x "$HELPERS/$h" ] || continue
		rm -rf "$cwd" && mkdir "$cwd"
		(cd "$cwd" && "$IOTRACE" -q -e trace=io_getevents "$HELPERS/$h" basic >/dev/null) 2>"$out"
		MASK_ADDR=1 normalize <"$out" >"$out.n"
		run cat "$out.n"
		assert_output - <<'EOF'
io_getevents(ADDR, 2, 4, [{data=ADDR, obj=ADDR, res=6, res2=0, iocb={aio_lio_opcode=IOCB_CMD_PWRITE}}, {data=ADDR, obj=ADDR, res=5, res2=0, iocb={aio_lio_opcode=IOCB_CMD_PWRITEV}}], {tv_sec=1, tv_nsec=0}) = 2
io_getevents(ADDR, 2, 4, [{data=0, obj=ADDR, res=4, res2=0, iocb={aio_lio_opcode=IOCB_CMD_PREADV, aio_buf=[{iov_base="hell", iov_len=4}], aio_offset=0}}, {data=0, obj=ADDR, res=0, res2=0, iocb={aio_lio_opcode=IOCB_CMD_FSYNC}}], {tv_sec=1, tv_nsec=0}) = 2
io_getevents(ADDR, 1, 4, [{data=ADDR, obj=ADDR, res=11, res2=0, iocb={aio_lio_opcode=IOCB_CMD_PREAD, aio_buf="hello\nabcd\n", aio_offset=0}}], NULL) = 1
+++ exited with 0 +++
EOF
	done
}

@test "the AIO calls are the %async class; the program's data arrives" {
	rm -rf "$cwd" && mkdir "$cwd"
	run sh -c 'cd "$1" && "$2" -q -e trace=%async "$4/aio" basic 2>"$3"' sh "$cwd" "$IOTRACE" "$out" "$HELPERS"
	assert_success
	assert_output 'read back: hello
abcd'
	run grep -c -v -E '^(io_setup|io_submit|io_getevents|io_cancel|io_pgetevents|io_destroy)\(|^\+\+\+ exited' "$out"
	assert_output 0
	run grep -c -E '^io_' "$out"
	assert_output 15
	# io_pgetevents' signal mask, as strace prints it (the test above compares)
	run grep -c -E '\{sigmask=\[USR1 TERM\], sigsetsize=8\}\) += 0$|\{sigmask=~\[INT\], sigsetsize=8\}\) += 0$' "$out"
	assert_output 2
}

@test "hostile iocb arrays: unreadable, cut by an unmapped page, a negative count; a half-readable buffer" {
	local h
	printf '%s\n' \
		'io_setup(2, ADDR)                       = -1 EFAULT (Bad address)' \
		'io_setup(2, [ADDR])                     = 0' \
		'io_submit(ADDR, 1, ADDR)                = -1 EFAULT (Bad address)' \
		'io_submit(ADDR, 2, [{aio_data=ADDR, aio_lio_opcode=IOCB_CMD_PWRITE, aio_fildes=3, aio_buf="x", aio_nbytes=1, aio_offset=0}, ADDR]) = 1' \
		'io_submit(ADDR, -1, ADDR)               = -1 EINVAL (Invalid argument)' \
		'io_submit(ADDR, 1048576, [{aio_data=ADDR, aio_lio_opcode=IOCB_CMD_PWRITE, aio_fildes=3, aio_buf="x", aio_nbytes=1, aio_offset=0}, ... /* ADDR */]) = 1' \
		'io_submit(ADDR, 1, [{aio_data=ADDR, aio_lio_opcode=IOCB_CMD_PWRITE, aio_fildes=3, aio_buf="ok" /* unreadable from ADDR */, aio_nbytes=100, aio_offset=0}]) = 1' \
		'io_getevents(ADDR, 1, 1, ADDR, ADDR)    = -1 EFAULT (Bad address)' \
		'io_cancel(ADDR, ADDR, ADDR)             = -1 EFAULT (Bad address)' \
		'io_destroy(ADDR)                        = -1 EINVAL (Invalid argument)' \
		'+++ exited with 0 +++' >"$out.want"
	for h in aio aio32; do
		[ -x "$HELPERS/$h" ] || continue
		rm -rf "$cwd" && mkdir "$cwd"
		(cd "$cwd" && "$IOTRACE" -q -e trace=%async "$HELPERS/$h" bad) 2>"$out"
		MASK_ADDR=1 normalize <"$out" >"$out.n"	# aio_data too: a hex cookie
		assert_same "$out.want" "$out.n"
	done
	# strace prints the same, but the half-readable buffer as its address.
}

@test "--json: iocbs typed, their opcode named, a write's data as bytes" {
	rm -rf "$cwd" && mkdir "$cwd"
	(cd "$cwd" && "$IOTRACE" -q --json -e trace=io_submit -o "$out" "$HELPERS/aio" basic >/dev/null)
	run jq -c -s '[.[] | select(.name == "io_submit")][0].args.iocbpp.elements[0] | {aio_lio_opcode, aio_buf: .aio_buf.data}' "$out"
	assert_line --index 0 '{"aio_lio_opcode":{"value":1,"name":"IOCB_CMD_PWRITE"},"aio_buf":"hello\n"}'
}

@test "-e write= dumps the data io_submit's writes pass, -e read= what the reaped reads brought, iocb by iocb, for the fds asked" {
	local h
	for h in aio aio32; do
		[ -x "$HELPERS/$h" ] || continue
		rm -rf "$cwd" && mkdir "$cwd"
		(cd "$cwd" && "$IOTRACE" -q -e trace=io_submit,io_getevents -e write=3 -e read=3 "$HELPERS/$h" basic >/dev/null) 2>"$out"
		run grep -E '^ ' "$out"
		assert_output - <<'EOF'
 * 6 bytes in iocb 0 (fd 3)
 | 00000  68 65 6c 6c 6f 0a                                 hello.           |
 = 2 buffers in iocb 1 (fd 3)
 * 2 bytes in buffer 0
 | 00000  61 62                                             ab               |
 * 3 bytes in buffer 1
 | 00000  63 64 0a                                          cd.              |
 = 1 buffers in event 0 (fd 3)
 * 4 bytes in buffer 0
 | 00000  68 65 6c 6c                                       hell             |
 * 11 bytes in event 0 (fd 3)
 | 00000  68 65 6c 6c 6f 0a 61 62  63 64 0a                 hello.abcd.      |
EOF
		# other fds: nothing dumped
		(cd "$cwd" && "$IOTRACE" -q -e trace=io_submit,io_getevents -e write=4 -e read='!3' "$HELPERS/$h" basic >/dev/null) 2>"$out"
		run grep -cE '^ ' "$out"
		assert_output 0
		# hostile arrays and iocbs: the calls show, nothing is dumped that cannot be read
		(cd "$cwd" && "$IOTRACE" -q -e write=all -e read=all "$HELPERS/$h" bad >/dev/null) 2>"$out"
		run grep -c '^io_submit(' "$out"
		assert_output --regexp '^[1-9][0-9]*$'
	done
}

@test "--toctou: an AIO write's data changed between io_submit and the event that reaps it is reported on the reaping call (x86_64, i386)" {
	local h
	for h in aio aio32; do
		[ -x "$HELPERS/$h" ] || continue
		rm -rf "$cwd" && mkdir "$cwd"
		# io_submit is traced quietly: only the reaping calls were asked for
		(cd "$cwd" && "$IOTRACE" -q --toctou -e trace=io_getevents,io_pgetevents "$HELPERS/$h" toctou >"$out.stdout") 2>"$out"
		MASK_ADDR=1 normalize <"$out" >"$out.n"
		run cat "$out.n"
		assert_output - <<'EOF'
io_getevents(ADDR, 2, 4, [{data=ADDR, obj=ADDR, res=4, res2=0, iocb={aio_lio_opcode=IOCB_CMD_PWRITE}}, {data=ADDR, obj=ADDR, res=4, res2=0, iocb={aio_lio_opcode=IOCB_CMD_PWRITEV}}], {tv_sec=1, tv_nsec=0}) = 2 /* toctou: event 0 (aio_data=ADDR): aio_buf[0..3] "AAAA" => "BBBB"; event 1 (aio_data=ADDR): aio_buf[2..3] "cd" => "xy" */
io_pgetevents(ADDR, 1, 4, [{data=ADDR, obj=ADDR, res=4, res2=0, iocb={aio_lio_opcode=IOCB_CMD_PWRITE}}], {tv_sec=1, tv_nsec=0}, NULL) = 1
+++ exited with 0 +++
EOF
		# buffered AIO copies at submission: the file got what was submitted
		assert_equal "$(cat "$out.stdout")" "file: AAAAabcdsame"
		(cd "$cwd" && "$IOTRACE" -q --toctou --json -e trace=io_getevents "$HELPERS/$h" toctou >/dev/null) 2>"$out"
		run jq -c '.aio_toctou // empty' "$out"
		assert_output '[{"event":0,"aio_data":1,"first":0,"last":3,"before":"AAAA","after":"BBBB"},{"event":1,"aio_data":2,"first":2,"last":3,"before":"cd","after":"xy"}]'
		# more writes in flight than are watched: said on io_submit's line
		(cd "$cwd" && "$IOTRACE" -q -s 0 --toctou -e trace=io_submit,io_getevents "$HELPERS/$h" many >/dev/null) 2>"$out"
		MASK_ADDR=1 normalize <"$out" >"$out.n"
		run cat "$out.n"
		assert_output - <<'EOF'
io_submit(ADDR, 70, [...])              = 70 /* toctou: 6 writes not watched (64 in flight a process are) */
io_getevents(ADDR, 70, 70, [...], {tv_sec=5, tv_nsec=0}) = 70
+++ exited with 0 +++
EOF
		(cd "$cwd" && "$IOTRACE" -q --toctou --json -e trace=io_submit "$HELPERS/$h" many >/dev/null) 2>"$out"
		run jq -c '.aio_toctou_unwatched // empty' "$out"
		assert_output 6
		# hostile arrays and iocbs under --toctou: the calls show, nothing breaks
		(cd "$cwd" && "$IOTRACE" -q --toctou "$HELPERS/$h" bad >/dev/null) 2>"$out"
		run grep -c '^io_submit(' "$out"
		assert_output --regexp '^[1-9][0-9]*$'
	done
}
