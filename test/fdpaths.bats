#!/usr/bin/env bats
# -y and -P: what fds refer to, looked up at every call, and the calls
# on given paths.

load common

setup() {
	out="$BATS_TEST_TMPDIR/trace"
}

# -y paths, with the test directory as TMP and pipe inodes as N.
mask_paths() {
	sed "s#$BATS_TEST_TMPDIR#TMP#g; s/pipe:\[[0-9]*\]/pipe:[N]/g; s/socket:\[[0-9]*\]/socket:[N]/g" "$1" |
		REPAD=1 normalize
}

@test "-y after dup2, close and reopen, in a forked child, and after execve with O_CLOEXEC" {
	# (every class but %attr: glibc's start-up readlink of /proc/self/exe
	# names the build's helper)
	(cd "$BATS_TEST_TMPDIR" && "$IOTRACE" -q -y -e signal=none -e 'trace=!%attr' \
		"$HELPERS/fdpaths" "$BATS_TEST_TMPDIR") 2>"$out"
	mask_paths "$out" >"$out.n"
	printf '%s\n' \
		'close_range(3, 4294967295, 0)           = 0' \
		'openat(AT_FDCWD<TMP>, "TMP/a", O_WRONLY|O_CREAT|O_TRUNC, 0644) = 3<TMP/a>' \
		'write(3<TMP/a>, "a", 1)                 = 1' \
		'openat(AT_FDCWD<TMP>, "TMP/b", O_WRONLY|O_CREAT|O_TRUNC, 0644) = 4<TMP/b>' \
		'dup2(4<TMP/b>, 3<TMP/a>)                = 3<TMP/b>' \
		'write(3<TMP/b>, "b", 1)                 = 1' \
		'close(3<TMP/b>)                         = 0' \
		'openat(AT_FDCWD<TMP>, "TMP/c", O_WRONLY|O_CREAT|O_TRUNC, 0644) = 3<TMP/c>' \
		'write(3<TMP/c>, "c", 1)                 = 1' \
		'pipe2([5<pipe:[N]>, 6<pipe:[N]>], 0)    = 0' \
		'write(6<pipe:[N]>, "p", 1)              = 1' \
		'[pid    P1] write(3<TMP/c>, "child c", 7) = 7' \
		'[pid    P1] close(3<TMP/c>)             = 0' \
		'[pid    P1] openat(AT_FDCWD<TMP>, "TMP/d", O_WRONLY|O_CREAT|O_TRUNC, 0644) = 3<TMP/d>' \
		'[pid    P1] write(3<TMP/d>, "child d", 7) = 7' \
		'[pid    P1] +++ exited with 0 +++' \
		'write(3<TMP/c>, "parent c", 8)          = 8' \
		'openat(AT_FDCWD<TMP>, "TMP/e", O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC, 0644) = 7<TMP/e>' \
		'write(7<TMP/e>, "e", 1)                 = 1' \
		'write(7, "x", 1)                        = -1 EBADF (Bad file descriptor)' \
		'openat(AT_FDCWD<TMP>, "TMP/f", O_WRONLY|O_CREAT|O_TRUNC, 0644) = 7<TMP/f>' \
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
	"$IOTRACE" -q -e trace=%data -P "$BATS_TEST_TMPDIR/a" "$HELPERS/fdpaths" "$BATS_TEST_TMPDIR" alt 2>"$out"
	printf '%s\n' 'write(3, "a", 1)                        = 1' 'write(3, "a", 1)                        = 1' \
		'write(3, "a", 1)                        = 1' '+++ exited with 0 +++' >"$out.want"
	assert_same "$out.want" "$out"
	# Through a symlink and "..", to a file the command has yet to create.
	mkdir "$BATS_TEST_TMPDIR/sub"
	ln -s "$BATS_TEST_TMPDIR/sub" "$BATS_TEST_TMPDIR/link"
	rm -f "$BATS_TEST_TMPDIR/b"
	"$IOTRACE" -q -y -e trace=%data -P "$BATS_TEST_TMPDIR/link/../b" "$HELPERS/fdpaths" "$BATS_TEST_TMPDIR" alt 2>"$out"
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

@test "-yy: a device with its type and numbers, </dev/null<char 1:3>> (as strace); --json apart" {
	require_strace
	cd "$BATS_TEST_TMPDIR"
	"$IOTRACE" -q -yy -e trace=openat,read,write,dup2,pipe2,newfstatat "$HELPERS/fdpaths" "$BATS_TEST_TMPDIR" devices 2>"$out"
	strace -q -yy -e trace=openat,read,write,dup2,pipe2,newfstatat "$HELPERS/fdpaths" "$BATS_TEST_TMPDIR" devices 2>"$out.s"
	mask_paths "$out" >"$out.n"
	mask_paths "$out.s" >"$out.sn"
	assert_same "$out.sn" "$out.n"
	printf '%s\n' \
		'openat(AT_FDCWD<TMP>, "/dev/null", O_WRONLY) = 3</dev/null<char 1:3>>' \
		'openat(AT_FDCWD<TMP>, "/dev/zero", O_RDONLY) = 4</dev/zero<char 1:5>>' \
		'read(4</dev/zero<char 1:5>>, "\0", 1)   = 1' \
		'write(3</dev/null<char 1:3>>, "x", 1)   = 1' \
		'newfstatat(3</dev/null<char 1:3>>, "", {st_mode=S_IFCHR|0666, st_rdev=makedev(0x1, 0x3), ...}, AT_EMPTY_PATH) = 0' \
		'dup2(4</dev/zero<char 1:5>>, 7)         = 7</dev/zero<char 1:5>>' \
		'openat(AT_FDCWD<TMP>, "TMP/f", O_WRONLY|O_CREAT|O_TRUNC, 0644) = 5<TMP/f>' \
		'write(5<TMP/f>, "f", 1)                 = 1' \
		'pipe2([6<pipe:[N]>, 8<pipe:[N]>], 0)    = 0' \
		'write(8<pipe:[N]>, "p", 1)              = 1' \
		'+++ exited with 0 +++' >"$out.want"
	assert_same "$out.want" "$out.n"
	# -y alone names the file only; --json gives the device beside the path
	"$IOTRACE" -q -y -e trace=write "$HELPERS/fdpaths" "$BATS_TEST_TMPDIR" devices 2>"$out"
	run head -n 1 "$out"
	assert_output 'write(3</dev/null>, "x", 1)             = 1'
	"$IOTRACE" -q -yy --json -e trace=read "$HELPERS/fdpaths" "$BATS_TEST_TMPDIR" devices 2>"$out"
	run jq -c 'select(.name == "read") | .args | {fd_path, fd_device}' "$out"
	assert_output '{"fd_path":"/dev/zero","fd_device":{"type":"char","major":1,"minor":5}}'
}

@test "-y on a deleted file: <path>(deleted), the mark outside the brackets, as strace" {
	require_strace
	"$IOTRACE" -q -y -e trace=write "$HELPERS/fdpaths" "$BATS_TEST_TMPDIR" deleted 2>"$out"
	strace -q -y -e trace=write "$HELPERS/fdpaths" "$BATS_TEST_TMPDIR" deleted 2>"$out.s"
	assert_same "$out.s" "$out"
	run grep -c "^write(3<$BATS_TEST_TMPDIR/gone>(deleted), \"after\", 5) = 5$" "$out"
	assert_output 1
}
