#!/usr/bin/env bats
# The durability calls: fsync, fdatasync.

load common

setup() {
	out="$BATS_TEST_TMPDIR/trace"
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
	assert_line --regexp '^ {50}latency sync \(2\) p50 [0-9.]+[nmu]?s p99 [0-9.]+[nmu]?s max [0-9.]+[nmu]?s$'
}
