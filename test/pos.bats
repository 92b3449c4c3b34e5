#!/usr/bin/env bats
# Position and size: lseek, i386's _llseek, truncate and ftruncate (and
# i386's truncate64, ftruncate64), fallocate (the %pos class).  On a
# memfd, so that results do not depend on the file system the test runs
# on; against strace on x86_64 and i386 helpers.

load common

setup() {
	out="$BATS_TEST_TMPDIR/trace"
	cwd="$BATS_TEST_TMPDIR/cwd"
	all=$(decoded_syscalls | paste -sd,)
}

@test "lseek, _llseek, truncate, ftruncate, fallocate: offsets above 4 GiB, negative ones, whence and modes" {
	require_strace
	FRESH_DIR=$cwd same_as_strace "$all" "fdlife fdlife32" seek "" "-y" "-X raw" "-X verbose" "-Z" "-s 0"
}

@test "a seek's result is an offset, not bytes: -c and --summary=files add no bytes for it" {
	rm -rf "$cwd" && mkdir "$cwd"
	(cd "$cwd" && "$IOTRACE" -q -c --summary=files -S name -e trace=%pos "$HELPERS/fdlife" seek) 2>"$out"
	run grep -E ' (lseek|ftruncate|fallocate|total)$' "$out"
	assert_line --regexp '^ +[0-9.]+ +[0-9.]+ +[0-9]+ +9 +3 +0 lseek$'
	assert_line --regexp ' +0 total$'
	run grep -E '^ +[0-9]+ +[0-9]+ +[0-9]+ +[0-9]+ .*/memfd:seek \(deleted\)$' "$out"
	assert_output --regexp '^ +0 +0 +'
}
