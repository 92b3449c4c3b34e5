#!/usr/bin/env bats
# --toctou: data a write-side call consumes, changed while the call ran.
# The helper makes every change deterministic (a writer asleep in a full
# pipe, or a pwritev whose elements share a mapping of the file); masked:
# pids (P1, P2), and with MASK_ADDR hex addresses (ADDR).

load common

setup() {
	out="$BATS_TEST_TMPDIR/trace"
	dir=
}

teardown() {
	if [ -n "$dir" ]; then rm -rf "$dir"; fi
	if [ -n "${mnt:-}" ]; then unhang_fuse "$mnt"; fi
}

# A FUSE mount left behind by a failed test, whose server may be stuck
# under a hung tracer: abort its connection (found by the mount's device
# number, without touching the mount itself), then detach it.
unhang_fuse() {
	local dev
	dev=$(awk -v m="$1" '$5 == m { print $3 }' /proc/self/mountinfo)
	[ -n "$dev" ] || return 0
	mountpoint -q /sys/fs/fuse/connections || mount -t fusectl none /sys/fs/fuse/connections || true
	echo 1 >"/sys/fs/fuse/connections/$(( ${dev%%:*} << 20 | ${dev##*:} ))/abort" || true
	umount -l "$1" || true
}

# Runs iotrace with options $@ (then the helper and its mode, after --),
# the trace in $out.n, pids masked.
trace() {
	run "$IOTRACE" -o "$out" "$@"
	assert_success
	normalize <"$out" >"$out.n"
}

# Helper $1 in mode $2, with options $3...: the same trace with and without --toctou.
same_with_toctou() {
	local helper=$1 mode=$2
	shift 2
	"$IOTRACE" -e signal=none "$@" -o "$out.off" "$HELPERS/$helper" "$mode" >/dev/null
	"$IOTRACE" -e signal=none "$@" --toctou -o "$out.on" "$HELPERS/$helper" "$mode" >/dev/null
	MASK_ADDR=1 normalize <"$out.off" >"$out.off.n"
	MASK_ADDR=1 normalize <"$out.on" >"$out.on.n"
	assert_same "$out.off.n" "$out.on.n"
}

# The helper, and its i386 build when there is one.
helpers() {
	echo toctou
	if [ -x "$HELPERS/toctou32" ]; then echo toctou32; fi
}

@test "a write blocked on a full pipe while another thread rewrites the buffer's tail" {
	local h
	cat >"$out.want" <<-'EOF'
	P1    write(4, "ffffffffffffffffffffffffffffffff"..., 4096) = 4096
	P2    write(4, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"..., 100) = 100 /* toctou: buf[90..99] "AAAAAAAAAA" => "BBBBBBBBBB" */
	P1    write(1, "reader got: AAAAAAAAAAAAAAAAAAAA"..., 113) = 113
	P2    +++ exited with 0 +++
	P1    +++ exited with 0 +++
	EOF
	for h in $(helpers); do
		trace --toctou -e trace=write -- "$HELPERS/$h" pipe
		assert_output "reader got: $(printf 'A%.0s' {1..90})BBBBBBBBBB"
		assert_same "$out.want" "$out.n"
	done
}

# A send blocked on a full socket (helper mode $1, traced call $1) while
# another thread rewrites the buffer's tail: the line in $2.
blocked_send() {
	local h
	printf '%s\n' "P1    $2" 'P1    +++ exited with 0 +++' 'P2    +++ exited with 0 +++' >"$out.want"
	for h in $(helpers); do
		trace --toctou -e trace="$1" -- "$HELPERS/$h" "$1"
		assert_output "reader got: $(printf 'A%.0s' {1..90})BBBBBBBBBB"
		assert_same "$out.want" "$out.n"
	done
}

@test "sendto blocked on a full socket while another thread rewrites the buffer's tail" {
	blocked_send sendto 'sendto(4, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"..., 100, 0, NULL, 0) = 100 /* toctou: buf[90..99] "AAAAAAAAAA" => "BBBBBBBBBB" */'
}

@test "sendmsg blocked on a full socket: a change in its msghdr's iovecs is reported like writev's" {
	blocked_send sendmsg 'sendmsg(4, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"..., iov_len=50}, {iov_base="AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"..., iov_len=50}], msg_iovlen=2, msg_controllen=0, msg_flags=0}, 0) = 100 /* toctou: msg_iov[1][40..49] "AAAAAAAAAA" => "BBBBBBBBBB" */'
}

@test "before and after are quoted within -s, and past --toctou-bytes hashed" {
	trace --toctou -s 4 -e trace=write -- "$HELPERS/toctou" pipe
	run grep -F '/* toctou:' "$out.n"
	assert_output 'P2    write(4, "AAAA"..., 100)          = 100 /* toctou: buf[90..99] "AAAA"... => "BBBB"... */'
	trace --toctou --toctou-bytes=4 -e trace=write -- "$HELPERS/toctou" pipe
	run grep -F '/* toctou:' "$out.n"
	assert_output 'P2    write(4, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"..., 100) = 100 /* toctou: buf[4..99] changed (past --toctou-bytes: compared by hash) */'
	# The budget is per call: copied bytes first, the rest hashed.
	trace --toctou --toctou-bytes=95 -e trace=write -- "$HELPERS/toctou" pipe
	run grep -o '/\* toctou: .*' "$out.n"
	assert_output '/* toctou: buf[90..94] "AAAAA" => "BBBBB", buf[95..99] changed (past --toctou-bytes: compared by hash) */'
}

@test "writev blocked on a full pipe: an element's iov_base swapped, another's data rewritten" {
	local h old new
	cat >"$out.want" <<-'EOF'
	P1    writev(5, [{iov_base="aaaa", iov_len=4}, {iov_base="bbbb", iov_len=4}, {iov_base="cccc", iov_len=4}], 3) = 12
	P1    writev(5, [{iov_base="aaaa", iov_len=4}, {iov_base="bbbb", iov_len=4}, {iov_base="cccc", iov_len=4}], 3) = 12
	P2    writev(4, [{iov_base="aaaa", iov_len=4}, {iov_base="bbbb", iov_len=4}, {iov_base="cccc", iov_len=4}], 3) = 12 /* toctou: iov[1] {iov_base=ADDR, iov_len=4} => {iov_base=ADDR, iov_len=4}, iov[2][2..3] "cc" => "CC" */
	P2    +++ exited with 0 +++
	P1    +++ exited with 0 +++
	EOF
	for h in $(helpers); do
		trace --toctou -e trace=writev -- "$HELPERS/$h" writev
		assert_output "reader got: aaaabbbbccCC"
		MASK_ADDR=1 normalize <"$out" >"$out.n"
		assert_same "$out.want" "$out.n"
		# The swapped pointer is a different address, not just a masked one.
		run grep -oE 'iov\[1\] \{iov_base=0x[0-9a-f]+, iov_len=4\} => \{iov_base=0x[0-9a-f]+' "$out"
		assert_success
		old=$(sed -E 's/.*\{iov_base=(0x[0-9a-f]+), iov_len=4\} => .*/\1/' <<<"$output")
		new=$(sed -E 's/.* => \{iov_base=(0x[0-9a-f]+)$/\1/' <<<"$output")
		[ -n "$old" ] || fail "no old iov_base in: $output"
		[ "$old" != "$new" ] || fail "iov_base $old reported as changed to itself"
		# --normalize names the two addresses by first appearance.
		run "$IOTRACE" --normalize --toctou -e trace=writev -o "$out" "$HELPERS/$h" writev
		run grep -o '/\* toctou: .*' "$out"
		assert_output '/* toctou: iov[1] {iov_base=ADDR1, iov_len=4} => {iov_base=ADDR2, iov_len=4}, iov[2][2..3] "cc" => "CC" */'
	done
}

@test "single-threaded: every write-side call, nothing changes, nothing reported" {
	local helper h
	trace --toctou -- "$HELPERS/toctou" single
	# vmsplice from a pipe's read end fills its iovecs: not a write, not watched.
	assert_output "vmsplice read: aaaa, process_vm_writev: bbbb"
	grep -q 'vmsplice(4, ' "$out.n"
	grep -q 'process_vm_writev(' "$out.n"
	run grep -c '/\* toctou' "$out.n"
	assert_output 0
	# The same calls, and the vectored helper's (x86_64 and i386), print as without --toctou.
	for h in $(helpers); do
		same_with_toctou "$h" single
	done
	# Hostile ones too: guard pages, counts past UIO_MAXIOV, SIZE_MAX
	# lengths, a non-dumpable tracee, 1 MiB past the budget (hashed).
	for helper in vec vec32; do
		[ -x "$HELPERS/$helper" ] || continue
		same_with_toctou "$helper" basic
		same_with_toctou "$helper" offsets
		same_with_toctou "$helper" guard
		same_with_toctou "$helper" limits
		same_with_toctou "$helper" nodump
		same_with_toctou "$helper" bigdump
		# Only the traced process's lines: its child's interleave differently each run.
		same_with_toctou "$helper" pvm -e trace=process_vm_readv,process_vm_writev --no-follow
	done
	for helper in rw rw32; do
		[ -x "$HELPERS/$helper" ] || continue
		same_with_toctou "$helper" basic
		same_with_toctou "$helper" guard
	done
	same_with_toctou zc splice
}

@test "--toctou=verify on a regular file: which version landed, the offset left alone" {
	local f="$BATS_TEST_TMPDIR/file" h
	cat >"$out.want" <<-'EOF'
	pwrite64(3, "0123456789abcdefghij", 20, 0) = 20 /* toctou: unchanged; landed: entry */
	pwritev(3, [{iov_base="NEWDATA000", iov_len=10}, {iov_base="0123456789", iov_len=10}], 2, 0) = 20 /* toctou: iov[1][0..9] "0123456789" => "NEWDATA000"; landed: exit */
	pwrite64(3, "0123456789abcdefghij", 20, 0) = 20 /* toctou: unchanged; landed: entry */
	pwritev(3, [{iov_base="abcdefghij", iov_len=10}, {iov_base="ZZZZZZZZZZ", iov_len=10}], 2, 0) = 20 /* toctou: iov[0][0..9] "abcdefghij" => "ZZZZZZZZZZ"; landed: entry */
	write(3, "pos", 3)                = 3 /* toctou: unchanged; landed: entry */
	write(3, "POS", 3)                = 3 /* toctou: unchanged; landed: entry */
	pwrite64(4, "app", 3, 0)          = 3 /* toctou: unchanged; landed: entry */
	pread64(3, "abcdefghijZZZZZZZZZZposPOSapp", 29, 0) = 29
	EOF
	for h in $(helpers); do
		trace --toctou=verify -e trace=%data -- "$HELPERS/$h" file "$f"
		# The helper's pread64 shows the file, lseek its offset: not moved by the read-backs.
		assert_output "file: abcdefghijZZZZZZZZZZposPOSapp, offset 26"
		# stdout (fd 1) is whatever bats gives: left out.
		grep -v '^P1 *write(1,\|+++' "$out.n" | sed 's/^P1    //' >"$out.got"
		assert_same "$out.want" "$out.got"
	done
	# One element changed partly before the kernel copied it, partly after.
	for h in $(helpers); do
		trace --toctou=verify -e trace=pwritev -- "$HELPERS/$h" mixed "$f"
		assert_output "file: NEW00aaaaaNEW00"
		run grep -o 'pwritev(3, \[{iov_base="NEW00", iov_len=5}, {iov_base="aaaaabbbbb", iov_len=10}, .* = 8192 .*' "$out.n"
		assert_output --partial ' = 8192 /* toctou: iov[1][0..9] "aaaaabbbbb" => "ZZZZZNEW00"; landed: mixed */'
	done
	# Plain --toctou says what changed, not what landed.
	trace --toctou -e trace=pwritev -- "$HELPERS/toctou" file "$f"
	run grep -c 'landed' "$out.n"
	assert_output 0
	run grep -c 'toctou: iov' "$out.n"
	assert_output 2
}

# Sets $dir to a fresh directory holding copies of iotrace and the helper
# (nobody may not reach the build tree), and $as to the command prefix
# that runs them unprivileged: root reads any file and any process.
unprivileged() {
	as=()
	dir=$(mktemp -d /tmp/iotrace-toctou.XXXXXX)
	if [ "$(id -u)" = 0 ]; then
		command -v setpriv >/dev/null || skip "setpriv (util-linux) is not installed"
		chmod 777 "$dir"
		as=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
	fi
	cp "$IOTRACE" "$HELPERS/toctou" "$dir/"
}

@test "memory iotrace can read at entry but not at exit is not reported as changed" {
	local as
	unprivileged
	# The process makes itself non-dumpable while the writer sleeps in write.
	run "${as[@]}" "$dir/iotrace" --toctou -e trace=write -o "$dir/trace" "$dir/toctou" unread
	assert_success
	assert_output "reader got: $(printf 'A%.0s' {1..100})"
	run grep -E '^[0-9]+ +write\(4, "A' "$dir/trace"
	assert_output --regexp '^[0-9]+ +write\(4, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"\.\.\., 100\) += 100$'
}

@test "--toctou=verify: a file iotrace may not read says why it could not check" {
	local as
	unprivileged
	run "${as[@]}" "$dir/iotrace" --toctou=verify -o "$dir/trace" "$dir/toctou" wronly "$dir/f"
	assert_success
	run cat "$dir/trace"
	assert_line --regexp '^[0-9]+ +write\(3, "secret", 6\) += 6 /\* toctou: unchanged; landed: unknown \(read back failed: Permission denied\) \*/$'
	if command -v jq >/dev/null; then
		run "${as[@]}" "$dir/iotrace" --json --toctou=verify -o "$dir/trace" "$dir/toctou" wronly "$dir/f"
		assert_success
		run jq -c 'select(.name == "write") | .toctou' "$dir/trace"
		assert_output '{"changes":[],"landed":"unknown","verify_error":"EACCES"}'
	fi
}

@test "--json carries the changes and the verify outcome as a toctou field" {
	command -v jq >/dev/null || skip "jq is not installed"
	"$IOTRACE" --json --toctou -e trace=writev -o "$out" "$HELPERS/toctou" writev >/dev/null
	# Addresses vary: dropped from the array change.
	run jq -c 'select(.name == "writev" and .toctou) | .toctou.changes[] |
		if .kind == "array" then (.before, .after) |= del(.iov_base) else . end' "$out"
	assert_output - <<-'EOF'
	{"kind":"array","arg":"iov","element":1,"before":{"iov_len":4},"after":{"iov_len":4}}
	{"kind":"bytes","arg":"iov","element":2,"first":2,"last":3,"before":"cc","after":"CC"}
	EOF
	"$IOTRACE" --json --toctou=verify -e trace=pwritev -o "$out" "$HELPERS/toctou" file "$BATS_TEST_TMPDIR/f" >/dev/null
	run jq -c 'select(.name == "pwritev") | .toctou' "$out"
	assert_output - <<-'EOF'
	{"changes":[{"kind":"bytes","arg":"iov","element":1,"first":0,"last":9,"before":"0123456789","after":"NEWDATA000"}],"landed":"exit"}
	{"changes":[{"kind":"bytes","arg":"iov","element":0,"first":0,"last":9,"before":"abcdefghij","after":"ZZZZZZZZZZ"}],"landed":"entry"}
	EOF
	"$IOTRACE" --json --toctou --toctou-bytes=4 -e trace=write -o "$out" "$HELPERS/toctou" pipe >/dev/null
	run jq -c 'select(.name == "write" and .args.count == 100) | .toctou' "$out"
	assert_output '{"changes":[{"kind":"hash","arg":"buf","element":null,"first":4,"last":99}]}'
	# Without --toctou there is no such field.
	"$IOTRACE" --json -e trace=write -o "$out" "$HELPERS/toctou" pipe >/dev/null
	run jq -c 'select(has("toctou"))' "$out"
	assert_output ""
}

@test "-c and --summary=files count the calls whose data changed" {
	# -S calls: the default order, by time, is not the same from run to run.
	trace --toctou -c -S calls -e trace=write,writev -- "$HELPERS/toctou" writev
	# calls, errors (blank), bytes, toctou, name
	run awk '/^ *[0-9]/ { print $(NF-3), $(NF-1), $NF }' "$out"
	assert_output - <<-'EOF'
	3 1 writev
	2 0 write
	5 1 total
	EOF
	run head -1 "$out"
	assert_output "% time     seconds  usecs/call     calls    errors          bytes   toctou syscall"
	trace --toctou --summary=files -e trace=write,writev -- "$HELPERS/toctou" writev
	run grep -A1 'pipe:\[' "$out"
	assert_line --index 0 --regexp '^             0           4108        2        0        0        0 +[0-9]+\.[0-9]{6} +[0-9]+\.[0-9]{6}         1  pipe:\[[0-9]+\]$'
	# Without --toctou, the tables keep their usual columns.
	trace -c -e trace=write -- "$HELPERS/toctou" pipe
	run head -1 "$out"
	assert_output "% time     seconds  usecs/call     calls    errors          bytes syscall"
}

@test "with --toctou a watched call costs one more batched read, at exit; none without" {
	require_strace
	# A 64-element writev: the array, then all the data, at entry ...
	strace_iotrace -c -e trace=process_vm_readv -o "$out.sum" "$IOTRACE" -q -e trace=%data -o "$out" "$HELPERS/vec" many
	run awk '$NF == "process_vm_readv" { print $4 }' "$out.sum"
	assert_output 2
	# ... and with --toctou its copy joins the entry reads; the exit adds one.
	strace_iotrace -c -e trace=process_vm_readv -o "$out.sum" "$IOTRACE" --toctou -q -e trace=%data -o "$out" "$HELPERS/vec" many
	run awk '$NF == "process_vm_readv" { print $4 }' "$out.sum"
	assert_output 3
	# Ten writevs of one array: 2 + 1 each without --toctou (see vectored.bats),
	# 3 + 3 + 8 x 2 with it: the copy rides on the speculative read too.
	strace_iotrace -c -e trace=process_vm_readv -o "$out.sum" "$IOTRACE" --toctou -q -e trace=%data -o "$out" "$HELPERS/vec" same10
	run awk '$NF == "process_vm_readv" { print $4 }' "$out.sum"
	assert_output 22
	# A 1 MiB write past a 4-byte budget is hashed in 64 KiB chunks at entry
	# and exit; one that -P hides costs only the read its fd check rides on.
	strace_iotrace -c -e trace=process_vm_readv -o "$out.sum" "$IOTRACE" --toctou --toctou-bytes=4 -q -e trace=%data -o "$out" "$HELPERS/vec" bigdump
	run awk '$NF == "process_vm_readv" { print $4 }' "$out.sum"
	assert_output 36
	strace_iotrace -c -e trace=process_vm_readv -o "$out.sum" "$IOTRACE" --toctou --toctou-bytes=4 -P /nonexistent -q -e trace=%data -o "$out" "$HELPERS/vec" bigdump
	run awk '$NF == "process_vm_readv" { print $4 }' "$out.sum"
	assert_output 1
}

@test "bad --toctou values are refused with one line" {
	run "$IOTRACE" --toctou=maybe -- true
	assert_failure 1
	assert_output "iotrace: invalid value for --toctou: 'maybe' (detect or verify)"
	run "$IOTRACE" --toctou-bytes=10 -- true
	assert_failure 1
	assert_output "iotrace: --toctou-bytes needs --toctou"
	run "$IOTRACE" --toctou --toctou-bytes=lots -- true
	assert_failure 1
	assert_output "iotrace: invalid value for --toctou-bytes: 'lots' (a number from 0 to 268435456)"
}

@test "--toctou=verify never blocks on a FUSE file system served by a traced thread" {
	[ -x "$HELPERS/fusewrite" ] || skip "the FUSE helper was not built: libfuse3 is not installed"
	[ -c /dev/fuse ] || skip "no /dev/fuse on this machine"
	mnt="$BATS_TEST_TMPDIR/mnt"
	mkdir "$mnt"
	# The helper serves the file system from a thread iotrace stops at
	# every read of /dev/fuse; reading the written file back would wait
	# for that thread forever (and did, unkillable by SIGTERM).  Output
	# goes to files: a hung helper would hold a pipe open for good.
	fuse_trace --normalize
	[ "$status" != 77 ] || skip "cannot mount a FUSE file system here: $(cat "$out.stdout")"
	[ "$status" = 0 ] || { cat "$out.stdout"; false; }
	run cat "$out.stdout"
	assert_output "read back: fuse-payload"
	run cat "$out"
	assert_line --regexp '^1 +write\(4, "fuse-payload", 12\) += 12 /\* toctou: unchanged; landed: unknown \(not read back: fuse file system\) \*/$'
	fuse_trace --json
	[ "$status" = 0 ]
	run jq -c 'select(.name == "write") | .toctou' "$out"
	assert_output '{"changes":[],"landed":"unknown","not_read_back":"fuse file system"}'
}

# iotrace --toctou=verify with options $@ on the FUSE helper, killed if it
# hangs; its status in $status.
fuse_trace() {
	status=0
	timeout -s KILL 60 "$IOTRACE" "$@" --toctou=verify -P "$mnt/data" -o "$out" \
		"$HELPERS/fusewrite" "$mnt" >"$out.stdout" 2>&1 </dev/null || status=$?
}

@test "--toctou=verify reads back through the program's own descriptor: its lease holds" {
	# A new open of a leased file breaks the lease (SIGIO); a duplicate of
	# the program's read-write fd does not.
	run "$IOTRACE" --toctou=verify -e trace=write -o "$out" "$HELPERS/toctou" lease "$BATS_TEST_TMPDIR/f"
	assert_success
	assert_output "lease kept"
	run cat "$out"
	assert_line --regexp '^[0-9]+ +write\(3, "leased", 6\) += 6 /\* toctou: unchanged; landed: entry \*/$'
	# A write-only fd cannot be read through: no new open while the lease is held.
	run "$IOTRACE" --toctou=verify -e trace=write -o "$out" "$HELPERS/toctou" lease-w "$BATS_TEST_TMPDIR/g"
	assert_success
	assert_output "lease kept"
	run cat "$out"
	assert_line --regexp '^[0-9]+ +write\(3, "leased", 6\) += 6 /\* toctou: unchanged; landed: unknown \(not read back: a lease is held on the file\) \*/$'
}
