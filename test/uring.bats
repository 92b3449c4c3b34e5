#!/usr/bin/env bats
# io_uring's syscalls (io_uring_setup, io_uring_enter, io_uring_register),
# against strace on the x86_64 and i386 helpers, which drive the rings
# with raw syscalls; and what the rings hold: each submission under its
# io_uring_enter, each completion when iotrace first sees it.

load common

URING_CALLS=io_uring_setup,io_uring_enter,io_uring_register

setup() {
	out="$BATS_TEST_TMPDIR/trace"
	cwd="$BATS_TEST_TMPDIR/cwd"
	mkdir -p "$cwd"
	# The helper exits 77 when the kernel refuses io_uring.
	local rc=0
	(cd "$cwd" && "$HELPERS/uring" setup >/dev/null 2>&1) || rc=$?
	[ "$rc" != 77 ] || skip "io_uring is not available: disabled (kernel.io_uring_disabled) or not allowed here"
}

# strace 6.1 names the features up to IORING_FEAT_LINKED_FILE; iotrace
# names the newer ones too: both are masked to FEATURES.
mask_features() {
	perl -pe 's/features=[^,]*(, sq_off=)/features=FEATURES$1/'
}

@test "IORING_REGISTER_PROBE: the kernel's ops, -s of them, as strace; the ring's entries still shown after it" {
	require_strace
	# With -X raw the opcodes are numbers for both tracers (strace 6.1
	# does not name the kernel's last ones; iotrace names every one).
	FRESH_DIR=$cwd same_as_strace io_uring_register "uring uring32" probe "-X raw" "-X raw -s 1"
	rm -rf "$cwd" && mkdir "$cwd"
	(cd "$cwd" && "$IOTRACE" -q -e trace=io_uring_register,IORING_OP_NOP "$HELPERS/uring" probe) 2>"$out" >/dev/null
	run cat "$out"
	assert_line --regexp '^io_uring_register\(3, IORING_REGISTER_PROBE, \{last_op=IORING_OP_[A-Z0-9_]+, ops_len=2, ops=\[\{op=IORING_OP_NOP, flags=IO_URING_OP_SUPPORTED\}, \{op=IORING_OP_READV, flags=IO_URING_OP_SUPPORTED\}\]\}, 2\) += 0$'
	assert_line --regexp '^io_uring_register\(3, IORING_REGISTER_PROBE, \{last_op=IORING_OP_[A-Z0-9_]+, ops_len=[0-9]+, ops=\[(\{op=IORING_OP_[A-Z0-9_]+, flags=(IO_URING_OP_SUPPORTED|0)\}, ){32}\.\.\.\]\}, 256\) += 0$'
	assert_line 'io_uring_register(3, IORING_REGISTER_PROBE, 0x8, 2) = -1 EFAULT (Bad address)'
	assert_line '  sqe IORING_OP_NOP(user_data=0x1)'
	assert_line '  cqe IORING_OP_NOP(user_data=0x1) = 0'
	(cd "$cwd" && "$IOTRACE" -q --json -e trace=io_uring_register "$HELPERS/uring" probe) 2>"$out" >/dev/null
	run jq -c 'select(.result == 0) | .args.arg | [.ops_len, (.ops | length), .ops[1].op.name]' "$out"
	assert_line '[2,2,"IORING_OP_READV"]'
}

@test "io_uring_setup, io_uring_enter and io_uring_register as strace prints them" {
	require_strace
	local h m tracer
	for h in uring uring32; do
		[ -x "$HELPERS/$h" ] || continue
		for m in basic batch setup; do
			for y in "" -y; do
				for tracer in strace "$IOTRACE"; do
					rm -rf "$cwd" && mkdir "$cwd"
					(cd "$cwd" && "$tracer" -q $y -e trace="$URING_CALLS" "$HELPERS/$h" "$m" >/dev/null) 2>"$out"
					MASK_ADDR=1 MASK_INODE=1 normalize <"$out" | mask_features >"$out.$(basename "$tracer")"
				done
				assert_same "$out.strace" "$out.iotrace"
			done
		done
	done
}

@test "io_uring_setup names the features the kernel answers, newer ones too; a failed setup shows what was asked" {
	(cd "$cwd" && "$IOTRACE" -q -e trace=io_uring_setup "$HELPERS/uring" setup >/dev/null) 2>"$out"
	run cat "$out"
	assert_line 'io_uring_setup(4, {flags=0x80000000 /* IORING_SETUP_??? */, sq_thread_cpu=0, sq_thread_idle=0}) = -1 EINVAL (Invalid argument)'
	assert_line --regexp '^io_uring_setup\(2, \{flags=0, sq_thread_cpu=0, sq_thread_idle=0, sq_entries=2, cq_entries=4, features=IORING_FEAT_SINGLE_MMAP[|]IORING_FEAT_NODROP[|][A-Z0-9_|]*, sq_off=\{head=0, tail=[0-9]+, ring_mask=[0-9]+, ring_entries=[0-9]+, flags=[0-9]+, dropped=[0-9]+, array=[0-9]+\}, cq_off=\{head=[0-9]+, tail=[0-9]+, ring_mask=[0-9]+, ring_entries=[0-9]+, overflow=[0-9]+, cqes=[0-9]+, flags=[0-9]+\}\}\) = 3$'
	# -X raw: every flag as hex
	(cd "$cwd" && "$IOTRACE" -q -X raw -e trace=io_uring_enter "$HELPERS/uring" batch >/dev/null) 2>"$out"
	run cat "$out"
	assert_line 'io_uring_enter(3, 0, 5, 0x1, NULL, 0)   = 0'
}

# The ring lines of helper mode $2 on helper $1 ($3...: more options), the
# setup and register lines left out (their features vary by kernel), the
# addresses of READ and RECV buffers, RECVMSG's msghdr and READV's iovecs
# masked as ADDR.
ring_lines() {
	local h=$1 m=$2 rc=0
	shift 2
	rm -rf "$cwd" && mkdir "$cwd"
	(cd "$cwd" && "$IOTRACE" -q -e trace=%async "$@" "$HELPERS/$h" "$m" >"$out.stdout") 2>"$out" || rc=$?
	[ "$rc" != 78 ] || skip "this kernel lacks a setup flag mode $m needs (SQE128, CQE32, NO_SQARRAY, NO_MMAP: 6.6 or newer)"
	normalize <"$out" | grep -v '^io_uring_setup\|^io_uring_register\|^\[ Process' |
		perl -pe 's/(IORING_OP_(?:READ|RECV|RECVMSG)\([^,]*, )0x[0-9a-f]+/$1ADDR/; s/iov_base=0x[0-9a-f]+/iov_base=ADDR/g'
}

@test "ring entries: each submission under its io_uring_enter, each completion with its result and what a read brought (x86_64, i386)" {
	local h
	for h in uring uring32; do
		[ -x "$HELPERS/$h" ] || continue
		run ring_lines "$h" basic
		assert_output - <<'EOF'
io_uring_enter(4, 1, 1, IORING_ENTER_GETEVENTS, NULL, 0) = 1
  sqe IORING_OP_WRITE(3, "hello\n", 6, 0, user_data=0x1)
  cqe IORING_OP_WRITE(3, user_data=0x1) = 6
io_uring_enter(4, 1, 1, IORING_ENTER_GETEVENTS, NULL, 0) = 1
  sqe IORING_OP_WRITEV(3, [{iov_base="ab", iov_len=2}, {iov_base="cde\n", iov_len=4}], 2, 6, user_data=0x2)
  cqe IORING_OP_WRITEV(3, user_data=0x2) = 6
io_uring_enter(4, 1, 1, IORING_ENTER_GETEVENTS, NULL, 0) = 1
  sqe IORING_OP_FSYNC(3, fsync_flags=IORING_FSYNC_DATASYNC, user_data=0x3)
  cqe IORING_OP_FSYNC(3, user_data=0x3) = 0
io_uring_enter(4, 1, 1, IORING_ENTER_GETEVENTS, NULL, 0) = 1
  sqe IORING_OP_READ(3, ADDR, 32, 0, user_data=0x4)
  cqe IORING_OP_READ(3, "hello\nabcde\n", user_data=0x4) = 12
+++ exited with 0 +++
EOF
		run ring_lines "$h" batch
		assert_output - <<'EOF'
io_uring_enter(3, 5, 0, 0, NULL, 0)     = 5
  sqe IORING_OP_NOP(user_data=0xa)
  sqe IORING_OP_NOP(user_data=0xb)
  sqe IORING_OP_NOP(user_data=0xc)
  sqe IORING_OP_NOP(user_data=0xd)
  sqe IORING_OP_READ(99, ADDR, 4, 0, user_data=0x14)
  cqe IORING_OP_NOP(user_data=0xa) = 0
  cqe IORING_OP_NOP(user_data=0xb) = 0
  cqe IORING_OP_NOP(user_data=0xc) = 0
  cqe IORING_OP_NOP(user_data=0xd) = 0
  cqe IORING_OP_READ(99, user_data=0x14) = -1 EBADF (Bad file descriptor)
io_uring_enter(3, 0, 5, IORING_ENTER_GETEVENTS, NULL, 0) = 0
+++ exited with 0 +++
EOF
		# The program's own view agrees: every completion it reaped.
		run cat "$out.stdout"
		assert_line 'cqe 20 res -9'
	done
}

@test "ring entries: SQE128, CQE32, NO_SQARRAY and one mapping; a registered file, linked entries, rw_flags" {
	local h
	for h in uring uring32; do
		[ -x "$HELPERS/$h" ] || continue
		run ring_lines "$h" wide
		assert_output - <<'EOF'
io_uring_enter(4, 2, 2, IORING_ENTER_GETEVENTS, NULL, 0) = 2
  sqe IORING_OP_WRITE(fixed_file=0, fd=3, "wide ring\n", 10, 0, rw_flags=RWF_DSYNC, flags=IOSQE_FIXED_FILE|IOSQE_IO_LINK, user_data=0x100)
  sqe IORING_OP_READV(3, [{iov_base=ADDR, iov_len=4}, {iov_base=ADDR, iov_len=8}], 2, 0, user_data=0x200)
  cqe IORING_OP_WRITE(fixed_file=0, fd=3, user_data=0x100) = 10
  cqe IORING_OP_READV(3, [{iov_base="wide", iov_len=4}, {iov_base=" ring\n", iov_len=8}], user_data=0x200) = 10
+++ exited with 0 +++
EOF
		assert_equal "$(cat "$cwd/data")" "wide ring"
	done
}

@test "ring entries: IORING_SETUP_NO_MMAP rings in the program's own memory" {
	run ring_lines uring nommap -y
	assert_output - <<EOF
io_uring_enter(4<anon_inode:[io_uring]>, 1, 1, IORING_ENTER_GETEVENTS, NULL, 0) = 1
  sqe IORING_OP_WRITE(3<$cwd/data>, "no mmap\n", 8, 0, user_data=0x7)
  cqe IORING_OP_WRITE(3<$cwd/data>, user_data=0x7) = 8
io_uring_enter(4<anon_inode:[io_uring]>, 1, 1, IORING_ENTER_GETEVENTS, NULL, 0) = 1
  sqe IORING_OP_READ(3<$cwd/data>, ADDR, 16, 0, user_data=0x8)
  cqe IORING_OP_READ(3<$cwd/data>, "no mmap\n", user_data=0x8) = 8
+++ exited with 0 +++
EOF
}

@test "a completion the program reaps without a syscall shows at the process's next stop" {
	run ring_lines uring reap -e trace=%async,close
	assert_output - <<'EOF'
io_uring_enter(5, 1, 0, 0, NULL, 0)     = 1
  sqe IORING_OP_READ(3, ADDR, 16, -1, user_data=0x2a)
  cqe IORING_OP_READ(3, "late\n", user_data=0x2a) = 5
close(-1)                               = -1 EBADF (Bad file descriptor)
+++ exited with 0 +++
EOF
}

@test "hostile rings: a lying tail, an index past the ring, data from unmapped memory" {
	local h
	for h in uring uring32; do
		[ -x "$HELPERS/$h" ] || continue
		run ring_lines "$h" lie
		assert_output - <<'EOF'
io_uring_enter(3, 1, 1, IORING_ENTER_GETEVENTS, NULL, 0) = 1
[ io_uring fd 3: the SQ ring's tail is past its head by more than its entries: not a ring the kernel would take ]
  cqe IORING_OP_UNKNOWN(user_data=0) = 0
io_uring_enter(3, 1, 0, 0, NULL, 0)     = 0
[ io_uring fd 3: an SQ array index past the ring: the kernel drops that entry ]
io_uring_enter(3, 1, 1, IORING_ENTER_GETEVENTS, NULL, 0) = 1
  sqe IORING_OP_WRITE(1, 0x1000, 100, 0, user_data=0x2)
  cqe IORING_OP_WRITE(1, user_data=0x2) = -1 EFAULT (Bad address)
+++ exited with 0 +++
EOF
	done
}

@test "ring entries in -e write=/read= dumps, --json, -c and --summary=files; -e trace=io_uring_enter alone shows none, as strace" {
	run ring_lines uring basic -e write=3 -e read=3
	assert_line ' | 00000  68 65 6c 6c 6f 0a                                 hello.           |'
	assert_line ' | 00000  68 65 6c 6c 6f 0a 61 62  63 64 65 0a              hello.abcde.     |'
	(cd "$cwd" && "$IOTRACE" -q --json -e trace=%async "$HELPERS/uring" basic >/dev/null) 2>"$out"
	jq -e . "$out" >/dev/null
	run grep '"type":"[sc]qe"' "$out"
	assert_line --index 0 --regexp '^\{"v":1,"type":"sqe","pid":[0-9]+,"tid":[0-9]+,"name":"IORING_OP_WRITE","args":\{"fd":3,"buf":\{"addr":"0x[0-9a-f]+","total":6,"shown":6,"readable":6,"data":"hello\\u000a"\},"len":6,"off":0,"user_data":1\}\}$'
	assert_line --index 7 --regexp '^\{"v":1,"type":"cqe","pid":[0-9]+,"tid":[0-9]+,"name":"IORING_OP_READ","args":\{"fd":3,"buf":\{"addr":"0x[0-9a-f]+","total":12,"shown":12,"readable":12,"data":"hello\\u000aabcde\\u000a"\},"user_data":4\},"result":12\}$'
	(cd "$cwd" && "$IOTRACE" -q -c -e trace=%async "$HELPERS/uring" basic >/dev/null) 2>"$out"
	run cat "$out"
	assert_line --regexp '^ +[0-9.]+ +[0-9.]+ +[0-9]+ +1 +6 IORING_OP_WRITE$'
	assert_line --regexp '^ +[0-9.]+ +[0-9.]+ +[0-9]+ +1 +12 IORING_OP_READ$'
	assert_line --regexp '^ +[0-9.]+ +[0-9.]+ +[0-9]+ +1 +0 IORING_OP_FSYNC$'
	(cd "$cwd" && "$IOTRACE" -q --summary=files -e trace=%async "$HELPERS/uring" basic >/dev/null) 2>"$out"
	run cat "$out"
	assert_line --regexp "^ +12 +12 +4 +0 +0 +1 +[0-9.]+ +[0-9.]+  $cwd/data\$"
	run ring_lines uring basic -e trace=io_uring_enter
	refute_output --partial 'sqe'
	assert_line --index 0 'io_uring_enter(4, 1, 1, IORING_ENTER_GETEVENTS, NULL, 0) = 1'
	# A class selects its operations: %data the WRITE, the WRITEV and the READ.
	run ring_lines uring basic -e trace=io_uring_setup,io_uring_enter,%data
	assert_line '  sqe IORING_OP_WRITE(3, "hello\n", 6, 0, user_data=0x1)'
	refute_output --partial 'IORING_OP_FSYNC'
}

@test "SQPOLL: a submission the kernel's thread takes without a syscall shows at the next stop, with a note" {
	run ring_lines uring sqpoll -e trace=IORING_OP_WRITE,close
	assert_output - <<'EOF'
[ io_uring fd 4: IORING_SETUP_SQPOLL: a kernel thread takes submissions without a syscall; iotrace shows those it finds at the program's stops, the trace may be incomplete ]
  sqe IORING_OP_WRITE(3, "polled\n", 7, 0, user_data=0x5)
  cqe IORING_OP_WRITE(3, user_data=0x5) = 7
close(-1)                               = -1 EBADF (Bad file descriptor)
+++ exited with 0 +++
EOF
}

@test "rings resized by IORING_REGISTER_RESIZE_RINGS are found again where the program maps them" {
	local h
	for h in uring uring32; do
		[ -x "$HELPERS/$h" ] || continue
		run ring_lines "$h" resize -e trace=%async
		assert_line --index 0 'io_uring_enter(4, 1, 1, IORING_ENTER_GETEVENTS, NULL, 0) = 1'
		assert_line --index 1 '  sqe IORING_OP_WRITE(3, "small ", 6, 0, user_data=0x1)'
		assert_line --index 2 '  cqe IORING_OP_WRITE(3, user_data=0x1) = 6'
		assert_line --index 3 'io_uring_enter(4, 1, 1, IORING_ENTER_GETEVENTS, NULL, 0) = 1'
		assert_line --index 4 '  sqe IORING_OP_WRITE(3, "then big\n", 9, 6, user_data=0x2)'
		assert_line --index 5 '  cqe IORING_OP_WRITE(3, user_data=0x2) = 9'
		assert_equal "$(cat "$cwd/data")" "small then big"
		run grep -c 'IORING_REGISTER_RESIZE_RINGS, {flags=IORING_SETUP_CQSIZE|IORING_SETUP_NO_SQARRAY, sq_thread_cpu=0, sq_thread_idle=0, sq_entries=8, cq_entries=16, ' "$out"
		assert_output 1
	done
}

@test "-e trace=IORING_OP_... alone, and -P, show the entries: io_uring_setup and io_uring_enter are stopped quietly" {
	run ring_lines uring basic -e trace=IORING_OP_WRITE,IORING_OP_READ
	assert_output - <<'EOF'
  sqe IORING_OP_WRITE(3, "hello\n", 6, 0, user_data=0x1)
  cqe IORING_OP_WRITE(3, user_data=0x1) = 6
  sqe IORING_OP_READ(3, ADDR, 32, 0, user_data=0x4)
  cqe IORING_OP_READ(3, "hello\nabcde\n", user_data=0x4) = 12
+++ exited with 0 +++
EOF
	# -P: the entries on that file; io_uring_enter itself names no such file
	run ring_lines uring basic -e trace=all -P "$cwd/data"
	assert_line --index 0 'openat(AT_FDCWD, "data", O_RDWR|O_CREAT|O_TRUNC, 0644) = 3'
	assert_line --index 1 '  sqe IORING_OP_WRITE(3, "hello\n", 6, 0, user_data=0x1)'
	refute_output --partial 'io_uring_enter('
	assert_equal "$(grep -c '^  [sc]qe ' <<<"$output")" 8
}

@test "liburing: batches submitted and waited for by io_uring_submit_and_wait, also through a registered ring fd" {
	[ -x "$HELPERS/liburing" ] || skip "liburing-dev was not installed when iotrace was configured"
	local m
	for m in plain regring; do
		rm -rf "$cwd" && mkdir "$cwd"
		(cd "$cwd" && "$IOTRACE" -q -e trace=%async "$HELPERS/liburing" $m >"$out.stdout") 2>"$out"
		run cat "$out.stdout"
		assert_line 'read back: liburing writes this'
		run perl -pe 's/(IORING_OP_READV?\([^,]*, )(0x[0-9a-f]+|\[\{iov_base=0x[0-9a-f]+, iov_len=9\}, \{iov_base=0x[0-9a-f]+, iov_len=12\}\])/$1ADDR/' "$out"
		assert_line '  sqe IORING_OP_WRITE(3, "liburing ", 9, 0, user_data=0x1)'
		assert_line '  sqe IORING_OP_WRITEV(3, [{iov_base="writes ", iov_len=7}, {iov_base="this\n", iov_len=5}], 2, 9, user_data=0x2)'
		assert_line '  cqe IORING_OP_WRITE(3, user_data=0x1) = 9'
		assert_line '  cqe IORING_OP_WRITEV(3, user_data=0x2) = 12'
		assert_line '  sqe IORING_OP_FSYNC(3, user_data=0x3)'
		assert_line '  cqe IORING_OP_FSYNC(3, user_data=0x3) = 0'
		assert_line '  sqe IORING_OP_READ(3, ADDR, 32, 0, user_data=0x4)'
		assert_line '  sqe IORING_OP_READV(3, ADDR, 2, 0, user_data=0x5)'
		assert_line '  cqe IORING_OP_READ(3, "liburing writes this\n", user_data=0x4) = 21'
		assert_line '  cqe IORING_OP_READV(3, [{iov_base="liburing ", iov_len=9}, {iov_base="writes this\n", iov_len=12}], user_data=0x5) = 21'
		assert_equal "$(grep -c '^  [sc]qe ' "$out")" 10
	done
	run grep -c 'IORING_ENTER_REGISTERED_RING' "$out"
	assert_output 3
	run grep 'IORING_REGISTER_RING_FDS' "$out"
	assert_output 'io_uring_register(4, IORING_REGISTER_RING_FDS, [{offset=0, data=4}], 1) = 1'
}

# The file image the trace says was written ($2 = write) or read back
# ($2 = read), from -xx data: io_uring WRITE submissions and READ
# completions (placed at their submission's offset: fio runs one at a
# time), Linux AIO's PWRITE iocbs and the PREAD iocbs io_getevents shows.
image() {
	perl -e '
		my ($want, $img, $roff) = ($ARGV[0], "", 0);
		sub put { my ($off, $hex) = @_; my $d = pack("H*", join("", $hex =~ /\\x(..)/g));
			  $img .= "\0" x ($off + length($d) - length($img)) if length($img) < $off + length($d);
			  substr($img, $off, length $d) = $d; }
		open(my $t, "<", $ARGV[1]) or die;
		while (<$t>) {
			put($2, $1) if $want eq "write" && /sqe IORING_OP_WRITE\(\d+, "([^"]*)", \d+, (\d+),/;
			put($2, $1) if $want eq "write" && /IOCB_CMD_PWRITE, aio_fildes=\d+, aio_buf="([^"]*)", aio_nbytes=\d+, aio_offset=(\d+)/;
			$roff = $1 if /sqe IORING_OP_READ\(\d+, 0x[0-9a-f]+, \d+, (\d+),/;
			put($roff, $1) if $want eq "read" && /cqe IORING_OP_READ\(\d+, "([^"]*)",/;
			put($2, $1) for $want eq "read" ? /iocb=\{aio_lio_opcode=IOCB_CMD_PREAD, aio_buf="([^"]*)", aio_offset=(\d+)\}/g : ();
		}
		print $img;' "$2" "$1"
}

@test "fio with ioengine=io_uring and libaio: every byte written and read back is in the trace" {
	command -v fio >/dev/null || skip "fio is not installed"
	local engine
	for engine in io_uring libaio; do
		rm -rf "$cwd" && mkdir "$cwd"
		# in $cwd: fio leaves its verify state file where it runs
		(cd "$cwd" && "$IOTRACE" -f -qq -xx -s 4096 -e trace=%async -o "$out" -- fio --name=t \
			--ioengine=$engine --rw=write --bs=4k --size=32k --filename="$cwd/f" \
			--verify=crc32c --do_verify=1 --output-format=terse >"$out.fio" 2>&1) ||
			fail "fio failed under iotrace: $(cat "$out.fio")"
		[ "$(stat -c %s "$cwd/f")" = 32768 ]
		image "$out" write >"$out.written"
		cmp "$out.written" "$cwd/f"
		if [ $engine = io_uring ]; then
			assert_equal "$(grep -c 'sqe IORING_OP_WRITE(' "$out")" 8
			assert_equal "$(grep -c 'cqe IORING_OP_WRITE(.*) = 4096$' "$out")" 8
			assert_equal "$(grep -c 'cqe IORING_OP_READ(.*) = 4096$' "$out")" 8
		else
			assert_equal "$(grep -c 'io_submit(.*IOCB_CMD_PWRITE' "$out")" 8
			assert_equal "$(grep -c 'io_getevents(.*iocb={aio_lio_opcode=IOCB_CMD_PREAD' "$out")" 8
		fi
		image "$out" read >"$out.read"	# io_uring's READ completions, AIO's PREAD events
		cmp "$out.read" "$cwd/f"
	done
	# --normalize: two runs, the same ring lines (fio's user_data is a
	# pointer: numbered as an address; -s 0: its data is random)
	for r in 1 2; do
		rm -rf "$cwd" && mkdir "$cwd"
		(cd "$cwd" && "$IOTRACE" -f --normalize -s 0 -e trace=%async -o "$out.$r" -- fio --name=t \
			--ioengine=io_uring --rw=write --bs=4k --size=16k --filename="$cwd/f" \
			--output-format=terse >/dev/null 2>&1)
		grep -E '^[0-9.]+ +[sc]qe ' "$out.$r" >"$out.$r.q"
	done
	assert_equal "$(grep -c 'user_data=ADDR' "$out.1.q")" 8
	assert_same "$out.1.q" "$out.2.q"
}

@test "--toctou: a write's buffer changed between submission and completion is reported at the completion" {
	local h
	for h in uring uring32; do
		[ -x "$HELPERS/$h" ] || continue
		run ring_lines "$h" toctou --toctou -e trace=%async,close
		assert_output - <<'EOF'
io_uring_enter(5, 1, 0, 0, NULL, 0)     = 1
  sqe IORING_OP_WRITE(4, "AAAA", 4, -1, user_data=0x9)
  cqe IORING_OP_WRITE(4, user_data=0x9) = 4 /* toctou: buf[0..3] "AAAA" => "BBBB" */
close(-1)                               = -1 EBADF (Bad file descriptor)
+++ exited with 0 +++
EOF
		run cat "$out.stdout"
		assert_line 'the pipe got BBBB'
	done
	(cd "$cwd" && "$IOTRACE" -q --json --toctou -e trace=IORING_OP_WRITE "$HELPERS/uring" toctou >/dev/null) 2>"$out"
	run grep '"type":"cqe"' "$out"
	assert_output --regexp '^\{"v":1,"type":"cqe","pid":[0-9]+,"tid":[0-9]+,"name":"IORING_OP_WRITE","args":\{"fd":4,"user_data":9\},"result":4,"toctou":\{"changes":\[\{"kind":"bytes","arg":"buf","element":null,"first":0,"last":3,"before":"AAAA","after":"BBBB"\}\]\}\}$'
	# Buffers left alone: nothing to say.
	run ring_lines uring basic --toctou
	refute_output --partial 'toctou'
	assert_line '  cqe IORING_OP_WRITEV(3, user_data=0x2) = 6'
}

@test "provided buffers: a read the kernel gave a buffer of a group shows the data, by the CQE's buffer id" {
	local h
	for h in uring uring32; do
		[ -x "$HELPERS/$h" ] || continue
		run ring_lines "$h" select
		assert_line --regexp '^  sqe IORING_OP_PROVIDE_BUFFERS\(nbufs=2, addr=0x[0-9a-f]+, len=16, bid=0, bgid=7, user_data=0x1\)$'
		assert_line '  sqe IORING_OP_READ(3, buf_group=7, 16, 0, flags=IOSQE_BUFFER_SELECT, user_data=0x2)'
		assert_line '  cqe IORING_OP_READ(3, "selected", user_data=0x2, cqe_flags=IORING_CQE_F_BUFFER, buf_id=0) = 8'
		refute_output --partial '[ io_uring'
	done
}

@test "rings the program unmapped: said once, nothing guessed" {
	local h
	for h in uring uring32; do
		[ -x "$HELPERS/$h" ] || continue
		run ring_lines "$h" unmap
		assert_output - <<'EOF'
io_uring_enter(3, 1, 1, IORING_ENTER_GETEVENTS, NULL, 0) = 1
  sqe IORING_OP_NOP(user_data=0x1)
  cqe IORING_OP_NOP(user_data=0x1) = 0
io_uring_enter(3, 1, 1, IORING_ENTER_GETEVENTS, NULL, 0) = 1
[ io_uring fd 3: its SQ ring cannot be read (unmapped?): submissions not shown ]
+++ exited with 0 +++
EOF
	done
}

@test "cost: a batch of submissions is read with one process_vm_readv for all their data" {
	# 100 io_uring_enter calls, each submitting 4 WRITEs from 4 buffers.
	# Per enter: the completions at its entry stop, the SQ indexes with
	# the entries (read with them, on the guess they follow the last
	# ones), one batch for the 4 entries' data, the completions at its
	# exit: 4, whatever the batch's size.  (A count, not a time.)
	strace_iotrace -c -e trace=process_vm_readv -o "$BATS_TEST_TMPDIR/sum" \
		"$IOTRACE" -q -o "$out" -e trace=%async "$HELPERS/uring" many
	assert_equal "$(grep -cE '^[0-9]+ +sqe IORING_OP_WRITE\(' "$out")" 400
	assert_equal "$(grep -cE '^[0-9]+ +cqe IORING_OP_WRITE\(.*\) = 64$' "$out")" 400
	run awk '$NF == "process_vm_readv" { print $4 }' "$BATS_TEST_TMPDIR/sum"
	[ "$output" -le 410 ] || fail "process_vm_readv: $output calls for 100 enters of 4 writes"
}

@test "sockets through the ring: SEND, RECV, SENDMSG with its iovecs' data, RECVMSG's message cut to the result" {
	local h
	for h in uring uring32; do
		[ -x "$HELPERS/$h" ] || continue
		run ring_lines "$h" sock
		assert_output - <<'EOF'
io_uring_enter(5, 1, 1, IORING_ENTER_GETEVENTS, NULL, 0) = 1
  sqe IORING_OP_SEND(3, "ping", 4, 0, user_data=0x1)
  cqe IORING_OP_SEND(3, user_data=0x1) = 4
io_uring_enter(5, 1, 1, IORING_ENTER_GETEVENTS, NULL, 0) = 1
  sqe IORING_OP_RECV(4, ADDR, 8, 0, user_data=0x2)
  cqe IORING_OP_RECV(4, "ping", user_data=0x2) = 4
io_uring_enter(5, 1, 1, IORING_ENTER_GETEVENTS, NULL, 0) = 1
  sqe IORING_OP_SENDMSG(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="two ", iov_len=4}, {iov_base="parts", iov_len=5}], msg_iovlen=2, msg_controllen=0, msg_flags=0}, 0, user_data=0x3)
  cqe IORING_OP_SENDMSG(3, user_data=0x3) = 9
io_uring_enter(5, 1, 1, IORING_ENTER_GETEVENTS, NULL, 0) = 1
  sqe IORING_OP_RECVMSG(4, ADDR, 0, user_data=0x4)
  cqe IORING_OP_RECVMSG(4, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="two ", iov_len=4}, {iov_base="parts", iov_len=8}], msg_iovlen=2, msg_controllen=0, msg_flags=0}, user_data=0x4) = 9
+++ exited with 0 +++
EOF
	done
}

@test "found by fuzzing: --toctou while another thread's stops take the completions; two WRITEs with the same user_data" {
	# (the ASan build of the suite is where these failed: a watch freed
	# under its submission line; memcmp of two empty snapshots)
	(cd "$cwd" && "$IOTRACE" -f -o "$out" --toctou -e trace=%async,close "$HELPERS/uring" race)
	assert_equal "$(grep -cE '^[0-9]+ +sqe IORING_OP_WRITE\(' "$out")" 500
	assert_equal "$(grep -cE '^[0-9]+ +cqe IORING_OP_WRITE\(.*\) = 19$' "$out")" 500
	run ring_lines uring samedata --toctou
	assert_line '  sqe IORING_OP_WRITE(3, "", 0, 0, flags=IOSQE_ASYNC, user_data=0)'
	assert_line '  sqe IORING_OP_WRITE(3, "sixteen bytes...", 16, 0, user_data=0)'
	assert_equal "$(grep -c '^  cqe IORING_OP_WRITE(3, user_data=0) = ' <<<"$output")" 2
}

# Starts helper $1 in mode "late $2" in $cwd, attaches to it with -f
# and the options $3..., lets it go on, and leaves the trace, pids and
# the READ's buffer address masked, in $out.n.  Skips when the kernel lacks a setup flag.
trace_late() {
	local h=$1 how=$2 victim tracer rc=0
	shift 2
	rm -rf "$cwd" && mkdir "$cwd"
	(cd "$cwd" && exec "$HELPERS/$h" late "$how") &
	victim=$!
	wait_for '[ -s "$cwd/pid" ] || ! kill -0 $victim 2>/dev/null'
	if [ ! -s "$cwd/pid" ]; then
		wait "$victim" || rc=$?
		[ "$rc" != 78 ] || skip "this kernel lacks a setup flag mode late $how needs (SQE128, CQE32, NO_SQARRAY: 6.6 or newer)"
		false
	fi
	"$IOTRACE" -f --quiet=personality -e trace=%async,close "$@" -p "$victim" -o "$out" 2>"$out.err" &
	tracer=$!
	wait_for 'grep -q attached "$out.err"'
	kill -USR1 "$victim"
	wait_status "$victim"
	assert_success
	wait_status "$tracer"
	assert_success
	# (normalize puts the pids in a column of their own: the ring lines' indent goes)
	normalize <"$out" | perl -pe 's/(IORING_OP_READ\(3, )0x[0-9a-f]+/$1ADDR/' >"$out.n"
	assert_equal "$(cat "$cwd/data")" "late
kid"
}

@test "-p: rings set up before the attach are followed from the next enter, their flags read from /proc (x86_64, i386)" {
	local h how
	for h in uring uring32; do
		[ -x "$HELPERS/$h" ] || continue
		for how in plain wide; do
			trace_late "$h" "$how"
			# P1 is the attached process, P2 the child it forks after.
			assert_same - "$out.n" <<'EOF'
P1    io_uring_enter(4, 1, 1, IORING_ENTER_GETEVENTS, NULL, 0) = 1
P1    [ io_uring fd 4: set up before iotrace followed it: entries shown from here on ]
P1    sqe IORING_OP_WRITE(3, "late\n", 5, 0, user_data=0x10)
P1    cqe IORING_OP_WRITE(3, user_data=0x10) = 5
P1    io_uring_enter(4, 1, 1, IORING_ENTER_GETEVENTS, NULL, 0) = 1
P1    sqe IORING_OP_READ(3, ADDR, 16, 0, user_data=0x20)
P1    cqe IORING_OP_READ(3, "late\n", user_data=0x20) = 5
P2    io_uring_enter(4, 1, 1, IORING_ENTER_GETEVENTS, NULL, 0) = 1
P2    sqe IORING_OP_WRITE(3, "kid\n", 4, 5, user_data=0x30)
P2    cqe IORING_OP_WRITE(3, user_data=0x30) = 4
P2    +++ exited with 0 +++
P1    --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=P2, si_uid=0, si_status=0, si_utime=0, si_stime=0} ---
P1    close(-1)                         = -1 EBADF (Bad file descriptor)
P1    +++ exited with 0 +++
EOF
		done
	done
}

@test "a forked child's enters through its parent's ring show its entries; each completion shows once" {
	local h
	for h in uring uring32; do
		[ -x "$HELPERS/$h" ] || continue
		run ring_lines "$h" forkring -f
		assert_output - <<'EOF'
io_uring_enter(4, 1, 1, IORING_ENTER_GETEVENTS, NULL, 0) = 1
  sqe IORING_OP_NOP(user_data=0x1)
  cqe IORING_OP_NOP(user_data=0x1) = 0
[pid    P1] io_uring_enter(4, 1, 1, IORING_ENTER_GETEVENTS, NULL, 0) = 1
[pid    P1]   sqe IORING_OP_WRITE(3, "kid\n", 4, 0, user_data=0x30)
[pid    P1]   cqe IORING_OP_WRITE(3, user_data=0x30) = 4
[pid    P1] +++ exited with 0 +++
--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=P1, si_uid=0, si_status=0, si_utime=0, si_stime=0} ---
io_uring_enter(4, 1, 1, IORING_ENTER_GETEVENTS, NULL, 0) = 1
  sqe IORING_OP_WRITE(3, "parent\n", 7, 4, user_data=0x40)
  cqe IORING_OP_WRITE(3, user_data=0x40) = 7
+++ exited with 0 +++
EOF
		assert_equal "$(cat "$cwd/data")" "kid
parent"
	done
}

@test "-p: what /proc cannot tell of a ring set up before is said, not guessed quietly" {
	# SQE128 with NO_SQARRAY in a ring of 4 entries: the mappings are one
	# page either way and the kernel lists no pending entry without the SQ
	# array; CQE32 is told by the completions it lists at the enter's exit.
	trace_late uring small
	run grep -c 'io_uring fd 4: set up before iotrace followed it, with NO_SQARRAY in a ring too small to tell SQE128 from its mappings: entries read as 64-byte ones \]$' "$out.n"
	assert_output 1
	# The CQEs, read as 32 bytes, still carry their user_data.
	run grep -c 'cqe IORING_OP_UNKNOWN(user_data=0x10) = 5$' "$out.n"
	assert_output 1
}

@test "fixed files: IORING_REGISTER_FILES_UPDATE, FILES2 and FILES_UPDATE2 as strace; the entries name the files the table holds after each change" {
	require_strace
	FRESH_DIR=$cwd same_as_strace io_uring_register "uring uring32" files "" "-y" "-X raw" "-X verbose" "-s 0"
	local h
	for h in uring uring32; do
		[ -x "$HELPERS/$h" ] || continue
		# A direct descriptor (OPENAT into slot 1) has no fd: its index alone.
		run ring_lines "$h" files -e trace=IORING_OP_WRITE,IORING_OP_OPENAT,IORING_OP_CLOSE
		assert_output - <<'EOF'
  sqe IORING_OP_WRITE(fixed_file=0, fd=3, "to a\n", 5, 0, flags=IOSQE_FIXED_FILE, user_data=0x1)
  cqe IORING_OP_WRITE(fixed_file=0, fd=3, user_data=0x1) = 5
  sqe IORING_OP_WRITE(fixed_file=0, fd=4, "to b\n", 5, 0, flags=IOSQE_FIXED_FILE, user_data=0x2)
  cqe IORING_OP_WRITE(fixed_file=0, fd=4, user_data=0x2) = 5
  sqe IORING_OP_OPENAT(AT_FDCWD, "c", O_WRONLY|O_CREAT|O_TRUNC, 0644, file_index=1, user_data=0x3)
  cqe IORING_OP_OPENAT(user_data=0x3) = 0
  sqe IORING_OP_WRITE(fixed_file=1, "to c\n", 5, 0, flags=IOSQE_FIXED_FILE, user_data=0x4)
  cqe IORING_OP_WRITE(fixed_file=1, user_data=0x4) = 5
  sqe IORING_OP_CLOSE(file_index=1, user_data=0x5)
  cqe IORING_OP_CLOSE(file_index=1, user_data=0x5) = 0
  sqe IORING_OP_WRITE(fixed_file=2, fd=3, "to a again\n", 11, 0, flags=IOSQE_FIXED_FILE, user_data=0x6)
  cqe IORING_OP_WRITE(fixed_file=2, fd=3, user_data=0x6) = 11
+++ exited with 0 +++
EOF
		assert_equal "$(cat "$cwd/a" "$cwd/b" "$cwd/c")" "to a again
to b
to c"
	done
}
