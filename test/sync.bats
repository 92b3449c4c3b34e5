#!/usr/bin/env bats
# Durability and hints (the %sync class): fsync, fdatasync, syncfs,
# sync, sync_file_range, fadvise64 (i386: and fadvise64_64), readahead.

load common

setup() {
	out="$BATS_TEST_TMPDIR/trace"
	cwd="$BATS_TEST_TMPDIR/cwd"
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
	assert_line --regexp '^             0              0        2        0        0        2 +[0-9]+\.[0-9]{6} +[0-9]+\.[0-9]{6}  /memfd:rw \(deleted\)$'
	assert_line --regexp '^ {50}latency sync \(2\) p50 [0-9.]+[nmu]?s p99 [0-9.]+[nmu]?s max [0-9.]+[nmu]?s hist [0-9.]+[nmu]?s \[.+\] [0-9.]+[nmu]?s$'
}

@test "syncfs, sync, sync_file_range, fadvise64, fadvise64_64, readahead: split 64-bit values on i386, flags, advice" {
	require_strace
	FRESH_DIR=$cwd same_as_strace "$(decoded_syscalls | paste -sd,)" "fdlife fdlife32" sync \
		"" "-y" "-X raw" "-X verbose" "-Z"
}

@test "a commit's fsyncs per file: opens, syncs and the time in them in --summary=files" {
	rm -rf "$cwd" && mkdir "$cwd"
	(cd "$cwd" && "$IOTRACE" -q --summary=files -o "$out" "$HELPERS/fdlife" commit)
	# Three times: open, write 7 bytes, fdatasync, fsync, close.
	run grep -A2 "$cwd/db\$" "$out"
	assert_line --index 0 --regexp '^ +0 +21 +15 +0 +3 +6 +[0-9]+\.[0-9]{6} +[0-9]+\.[0-9]{6}  .*/db$'
	assert_line --index 1 '                                                  write 3, openat 3, close 3, fsync 3, fdatasync 3'
	assert_line --index 2 --regexp '^ {50}latency write \(3\) p50 [^;]+; open \(3\) p50 [^;]+; desc \(3\) p50 [^;]+; sync \(6\) p50 [0-9.]+[nmu]?s p99 [0-9.]+[nmu]?s max [0-9.]+[nmu]?s hist [^;]+$'
	# The time in the syncs is part of the time in all calls on the file.
	run awk -v f="$cwd/db" '$NF == f { print ($7 <= $8) }' "$out"
	assert_output 1
}
