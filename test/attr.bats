#!/usr/bin/env bats
# A file's attributes (the %attr class): access, faccessat, faccessat2,
# readlink, readlinkat, chmod, fchmod, fchmodat, chown, lchown, fchown,
# fchownat (i386: the 16-bit forms and chown32, lchown32, fchown32),
# utime, utimes, futimesat, utimensat (i386: utimensat_time64 too), and
# the extended attributes' setxattr, getxattr, listxattr, removexattr
# and their l* and f* forms.
# Against strace on x86_64 and i386 helpers, each run in a new, empty
# directory; pids and addresses masked.

load common

setup() {
	out="$BATS_TEST_TMPDIR/trace"
	cwd="$BATS_TEST_TMPDIR/cwd"
	calls=access,faccessat,faccessat2,readlink,readlinkat,chmod,fchmod,fchmodat
	calls+=,chown,lchown,fchown,chown32,lchown32,fchown32,fchownat
	calls+=,utime,utimes,futimesat,utimensat,utimensat_time64
	xattrs=setxattr,lsetxattr,fsetxattr,getxattr,lgetxattr,fgetxattr
	xattrs+=,listxattr,llistxattr,flistxattr,removexattr,lremovexattr,fremovexattr
}

# Runs fdlife in mode $1 with iotrace options $2... in a new $cwd: the
# trace in $out.
trace_mode() {
	local mode=$1
	shift
	rm -rf "$cwd" && mkdir "$cwd"
	(cd "$cwd" && "$IOTRACE" -q "$@" "$HELPERS/fdlife" "$mode") 2>"$out"
}

trace_attr() {
	trace_mode attr "$@"
}

@test "access, readlink, chmod, chown, utimensat and their kin: modes, ids, times, bad pointers (as strace, -y, -X, -s, -v, -x)" {
	require_strace
	# The times print dated (local time, the same for both tracers);
	# UTIME_NOW and UTIME_OMIT by name; a pair cut at -s without -v.
	FRESH_DIR=$cwd same_as_strace "$calls" "fdlife fdlife32" attr "" "-y" "-X raw" "-X verbose" \
		"-s 0" "-s 1" "-s 1 -v" "-x"
}

@test "i386's 16-bit chown cuts the ids the kernel cuts; chown32 and x86_64's chown take them whole" {
	trace_attr -e trace=chown,chown32
	run grep -F 'missing' "$out"
	assert_output 'chown("missing", 65535, 4000000000)     = -1 ENOENT (No such file or directory)'
	require_m32
	(cd "$cwd" && "$IOTRACE" -q -e trace=chown,chown32 "$HELPERS/fdlife32" attr) 2>"$out"
	run grep -F 'missing' "$out"
	assert_line --index 0 'chown("missing", -1, 10240)             = -1 ENOENT (No such file or directory)'
	assert_line --index 1 'chown32("missing", 65535, 4000000000)   = -1 ENOENT (No such file or directory)'
}

@test "%attr is those calls; %file takes the ones with a path; the default traces them" {
	trace_attr -e trace=%attr
	run grep -vcE '^(access|faccessat|faccessat2|readlink|readlinkat|chmod|fchmod|fchmodat|chown|lchown|fchown|fchownat|utime|utimes|futimesat|utimensat)\(|^\+\+\+' "$out"
	assert_output 0
	# 42 calls, glibc's start-up readlink of /proc/self/exe, the exit
	run grep -c '' "$out"
	assert_output 44
	# fchmod and fchown take an fd, not a path; utimensat(3, NULL, ...) is
	# in %file all the same, as in strace (it may take a path).
	trace_attr -e trace=%file
	run grep -cE '^(fchmod|fchown)\(' "$out"
	assert_output 0
	run grep -cE '^utimensat\(3, NULL, NULL, 0\) ' "$out"
	assert_output 1
	# 4 access, 4 readlink and glibc's start-up one, 3 chmod, 3 chown, 6 utimensat
	trace_attr
	run grep -cE '^(access|readlink|chmod|chown|utimensat)\(' "$out"
	assert_output 21
}

@test "readlink's target: a string cut at the result and at -s, escaped; -e read= does not dump it" {
	trace_attr -e trace=readlinkat -s 8 -e read=all
	run cat "$out"
	assert_line --index 0 'readlinkat(4, "l2", "a-longer"..., 64)  = 17'
	assert_line --index 1 'readlinkat(AT_FDCWD, "l2", "a-l", 3)    = 3'
	assert_line --index 2 --regexp '^readlinkat\(AT_FDCWD, "l2", 0x[0-9a-f]+, 18446744073709551615\) = -1 EINVAL \(Invalid argument\)$'
	assert_line --index 3 '+++ exited with 0 +++'
	# -x: a string with a byte that is not ASCII prints all in hex
	trace_attr -e trace=readlinkat -x
	run cat "$out"
	assert_line --index 0 --partial '"\x61\x2d\x6c\x6f\x6e\x67\x65\x72\x0a\x22\x74\x61\x72\x67\x65\x74\xff"'
}

@test "-P: a file's attribute calls by its path and by fds that refer to it" {
	trace_attr -e trace=%attr -P a
	# 19 by path from the cwd, 4 from dirfd 4 (faccessat, fchmodat,
	# utimensat, futimesat), 3 by fd 3 (fchmod, fchown, utimensat(3, NULL)).
	run grep -cvE '^\+\+\+' "$out"
	assert_output 26
	run grep -cE '^[a-z_0-9]+\(4, "a"' "$out"
	assert_output 4
	run grep -cE '^[a-z_0-9]+\(3, ' "$out"
	assert_output 3
}

@test "--json: times by name with UTIME_NOW named, ids as numbers, readlink's target as data" {
	trace_attr --json -e trace=utimensat,chown,readlink
	run jq -c 'select(.name == "utimensat" and .args.dirfd == 4) | .args.times | del(.addr)' "$out"
	assert_output '{"atime":{"tv_sec":-1,"tv_nsec":1073741823,"name":"UTIME_NOW"},"mtime":{"tv_sec":1700000000,"tv_nsec":5}}'
	run jq -c 'select(.name == "chown" and .args.pathname == "missing") | [.args.owner, .args.group]' "$out"
	assert_output '[65535,4000000000]'
	run jq -c 'select(.name == "chown" and .args.pathname == "a") | [.args.owner, .args.group]' "$out"
	assert_output '[-1,-1]'
	run jq -r 'select(.name == "readlink" and .args.pathname == "l" and .result == 1) | .args.buf.data' "$out"
	assert_output 'a'
}

@test "extended attributes: values with NULs, too long, unreadable; lists; by path, link and fd (as strace, -s, -x, -X, -y, -v)" {
	require_strace
	FRESH_DIR=$cwd same_as_strace "$xattrs" "fdlife fdlife32" xattr "" "-s 1" "-s 3" "-x" "-xx" \
		"-X verbose" "-y" "-v"
}

@test "an xattr value: a NUL that ends what is shown left out (strace's form), not with -x; a size of 0: the address" {
	trace_mode xattr -e trace=setxattr,getxattr
	grep -q 'setxattr("a", "user.x", "value", 5, 0) *= 0' "$out" ||
		skip "no user extended attributes on $cwd's file system"
	run grep -F 'setxattr("a", "user.x", "' "$out"
	assert_line --index 1 'setxattr("a", "user.x", "ab", 3, 0)     = 0'
	assert_line --index 2 'setxattr("a", "user.x", "ab\0", 4, 0)   = 0'
	assert_line --index 3 'setxattr("a", "user.x", "", 1, 0)       = 0'
	assert_line --index 6 'setxattr("a", "user.x", "\0\0\0\0", 5, 0) = 0'
	run grep -E '^setxattr\("a", "user.big", 0x[0-9a-f]+, 65537, 0\) += -1 E2BIG ' "$out"
	assert_success
	trace_mode xattr -e trace=setxattr -x
	run grep -F 'setxattr("a", "user.x", "\x61\x62\x00", 3, 0)' "$out"
	assert_success
	# getxattr with a size of 0 says how big the value is and writes
	# nothing: its buffer prints as an address (strace prints the bytes
	# that happen to be there, "zzzzz").
	trace_mode xattr0 -e trace=getxattr
	run cat "$out"
	assert_line --index 0 --regexp '^getxattr\("a", "user.y", 0x[0-9a-f]+, 0\) += 5$'
	# JSON keeps every byte: "ab\0" and "a\0b"
	trace_mode xattr --json -e trace=setxattr
	run jq -r 'select(.args.size == 3 and .args.name == "user.x") | .args.value.data | explode | map(tostring) | join(",")' "$out"
	assert_line --index 0 '97,98,0'
	assert_line --index 1 '97,0,98'
}
