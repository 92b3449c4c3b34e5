#!/usr/bin/env bats
# A descriptor's life: open, openat, openat2, creat, close, close_range,
# dup, dup2, dup3, fcntl, pipe, pipe2, memfd_create, and a file's status:
# fstat, newfstatat, statx (the %desc class).
# Against strace on x86_64 and i386 helpers, each run in a new, empty
# directory; pids, addresses and pipe inodes masked.

load common

setup() {
	out="$BATS_TEST_TMPDIR/trace"
	cwd="$BATS_TEST_TMPDIR/cwd"
	all=$(decoded_syscalls | paste -sd,)
}

# Runs helper $1 in mode $2 with iotrace options $3... in a new $cwd:
# the trace in $out, and with pids, addresses, inodes and $cwd masked
# in $out.n.
trace_fresh() {
	local helper=$1 mode=$2
	shift 2
	rm -rf "$cwd" && mkdir "$cwd"
	(cd "$cwd" && "$IOTRACE" "$@" "$HELPERS/$helper" "$mode") 2>"$out"
	sed "s#$cwd#CWD#g" "$out" | MASK_ADDR=1 MASK_INODE=1 REPAD=1 normalize >"$out.n"
}

# fdlife and fdlife32 in mode $1 select the same calls under each of the
# -e trace= sets $2... with strace as with iotrace (names only, in order).
same_calls_as_strace() {
	local mode=$1 h set tracer
	shift
	for h in fdlife fdlife32; do
		[ -x "$HELPERS/$h" ] || continue
		for set in "$@"; do
			for tracer in strace "$IOTRACE"; do
				rm -rf "$cwd" && mkdir "$cwd"
				(cd "$cwd" && "$tracer" -qq -e trace="$set" "$HELPERS/$h" "$mode") 2>&1 |
					grep -oE '^[a-z0-9_]+\(' >"$out.$(basename "$tracer")"
			done
			[ -s "$out.strace" ]
			assert_same "$out.strace" "$out.iotrace"
		done
	done
}

@test "open, openat, openat2, creat: flags, modes, dirfds, odd names; close (as strace, -y, -X raw/verbose)" {
	require_strace
	FRESH_DIR=$cwd same_as_strace "$all" "fdlife fdlife32" open "" "-y" "-X raw" "-X verbose" "-s 4"
}

@test "dup, dup2, dup3, close, close_range; -y names the new fd and a newfd that was open" {
	require_strace
	FRESH_DIR=$cwd same_as_strace "$all" "fdlife fdlife32" dup "" "-y" "-z" "-Z" "-X verbose"
	trace_fresh fdlife dup -q -y -e trace=dup2
	printf '%s\n' \
		'dup2(3</dev/null>, 20)                  = 20</dev/null>' \
		'dup2(3</dev/null>, 3</dev/null>)        = 3</dev/null>' \
		'dup2(99, 23)                            = -1 EBADF (Bad file descriptor)' \
		'dup2(4</dev/null>, 20</dev/null>)       = 20</dev/null>' \
		'+++ exited with 0 +++' >"$out.want"
	assert_same "$out.want" "$out.n"
}

@test "fcntl: every command's argument and result; struct flock and flock64; i386's fcntl and fcntl64; flock" {
	require_strace
	FRESH_DIR=$cwd same_as_strace "$all" "fdlife fdlife32" fcntl "" "-y" "-X raw" "-X verbose"
}

@test "pipe, pipe2 and memfd_create: the pair at exit, -y on both ends and on the memfd" {
	require_strace
	# -s cuts the fd pair as strace does: [...] at 0, [5, ...] at 1
	FRESH_DIR=$cwd same_as_strace "$all" "fdlife fdlife32" pipe "" "-y" "-X raw" "-s 8" "-v" "-s 0" "-s 1 -y"
	trace_fresh fdlife pipe -q -y -e trace=pipe2,memfd_create
	run grep -c '^pipe2(\[5<pipe:\[N\]>, 6<pipe:\[N\]>\], O_NONBLOCK|O_CLOEXEC) = 0$' "$out.n"
	assert_output 1
	run grep -c '^memfd_create("demo-memfd", MFD_CLOEXEC|MFD_ALLOW_SEALING) = 9</memfd:demo-memfd>(deleted)$' "$out.n"
	assert_output 1
	trace_fresh fdlife pipe -q -s 1 -e trace=pipe2
	run grep -c '^pipe2(\[5, \.\.\.\], O_NONBLOCK|O_CLOEXEC) *= 0$' "$out.n"
	assert_output 1
}

@test "stat, lstat, fstat, newfstatat, statx (i386: their 64-bit forms, the old ones): mode and size, a device's numbers (as strace)" {
	require_strace
	local calls=stat,lstat,stat64,lstat64,fstat,fstat64,newfstatat,fstatat64,statx
	FRESH_DIR=$cwd same_as_strace "$calls" "fdlife fdlife32" stat "" "-y" "-X verbose" "-s 1"
	# -v prints every field, dated; /dev/null's are the same from run to run.
	# With -X raw strace leaves statx's sync type out ("|0x1000"), iotrace
	# prints it ("0|0x1000"): put back to strace's form before comparing.
	FRESH_DIR=$cwd same_as_strace "$calls" "fdlife fdlife32" statdev "-v" "-v -X verbose"
	FRESH_DIR=$cwd DROP_OWN='s/^(\S+ +statx\(\d+, "", )0\|/$1|/' \
		same_as_strace "$calls" "fdlife fdlife32" statdev "-v -X raw"
}

@test "a file's names: rename, renameat2's flags, link, symlink, unlink, mkdir, rmdir (as strace, -y); -P from each dirfd" {
	require_strace
	local calls=rename,renameat,renameat2,link,linkat,symlink,symlinkat,unlink,unlinkat,mkdir,mkdirat,rmdir
	FRESH_DIR=$cwd same_as_strace "$calls" "fdlife fdlife32" names "" "-y" "-X verbose" "-s 1"
	# %names is those calls; -P takes each path from its own dirfd:
	# renameat(3, "b", AT_FDCWD, "nmd/c") renames nmd/b to nmd/c.
	trace_fresh fdlife names -q -e trace=%names -P nmd/c
	run grep -c -E '^renameat\(3, "b", AT_FDCWD, "nmd/c"\) += 0$|^renameat2\(AT_FDCWD, "nmd/c", 3, "b", RENAME_NOREPLACE\) += 0$' "$out"
	assert_output 2
	run grep -c -v '^+++' "$out"
	assert_output 2
	trace_fresh fdlife names -q -e trace=%names -P nmd/b
	run grep -c -E '^(rename|renameat|renameat2|unlinkat|rmdir)\(' "$out"
	assert_output 7
}

@test "descriptors of other kinds: eventfd, signalfd, timerfd, inotify, fanotify, pidfd, userfaultfd, memfd_secret (as strace)" {
	require_strace
	local calls=eventfd,eventfd2,signalfd,signalfd4,timerfd_create,timerfd_settime,timerfd_gettime
	calls+=,timerfd_settime64,timerfd_gettime64,inotify_init,inotify_init1,inotify_add_watch
	calls+=,inotify_rm_watch,fanotify_init,fanotify_mark,pidfd_open,pidfd_getfd,userfaultfd
	calls+=,memfd_secret,read,write
	# (fanotify wants CAP_SYS_ADMIN: refused, both tracers print the same)
	FRESH_DIR=$cwd same_as_strace "$calls" "fdlife fdlife32" fdkinds "" "-X raw" "-X verbose" "-v" "-s 1"
	FRESH_DIR=$cwd same_as_strace "$calls" "fdlife fdlife32" fdkinds "-y"
	# pidfd_getfd's targetfd is an fd of the process the pidfd refers
	# to: -y names it there, as strace (the caller has no fd 9)
	FRESH_DIR=$cwd same_as_strace pidfd_getfd "fdlife fdlife32" pidfd "-y -qq -e signal=none"
	trace_fresh fdlife pidfd -q -y -e trace=pidfd_getfd
	run grep -c 'pidfd_getfd(7<anon_inode:\[pidfd\]>, 9</dev/null>, 0) *= 8</dev/null>$' "$out"
	assert_output 1
	# They are %desc: the fds they return named by -y (an eventfd2, two
	# signalfd4, the second on the first's fd, a timerfd_create, an
	# inotify_init1, two pidfd_open)
	trace_fresh fdlife fdkinds -q -e trace=%desc -y
	run grep -cE '^(eventfd2|signalfd4|timerfd_create|inotify_init1|pidfd_open)\(.*= [0-9]+<anon_inode:' "$out"
	assert_output 7
}

@test "statfs, fstatfs (i386: statfs64, fstatfs64 too): a file system's status (as strace); %statfs, %fstatfs, %%statfs" {
	require_strace
	local calls=statfs,fstatfs,statfs64,fstatfs64
	# /proc's: the same numbers from run to run
	FRESH_DIR=$cwd same_as_strace "$calls" "fdlife fdlife32" statfs "" "-X raw" "-X verbose" "-y"
	same_calls_as_strace statfs %statfs %fstatfs %%statfs
}

@test "mknod, mknodat: a file's type and mode, a device's numbers, no such type (as strace)" {
	require_strace
	# (a device node wants CAP_MKNOD: refused, both tracers print the same)
	FRESH_DIR=$cwd same_as_strace mknod,mknodat "fdlife fdlife32" nodes "" "-X raw" "-X verbose" "-y"
	trace_fresh fdlife nodes -q -e trace=%names
	run grep -c '^mknod' "$out"
	assert_output 9
}

@test "chdir, fchdir, chroot, getcwd: where relative names start (as strace); getcwd's path never cut by -s" {
	require_strace
	FRESH_DIR=$cwd same_as_strace chdir,fchdir,chroot,getcwd "fdlife fdlife32" cwd "" "-y" "-s 2" "-X raw"
	trace_fresh fdlife cwd -q -s 2 -e trace=getcwd,fchdir -y
	run grep -c "^getcwd(\"$cwd\", 4096) *= $((${#cwd} + 1))\$" "$out"
	assert_output 2
	run grep -c "^fchdir(3<$cwd>) *= 0\$" "$out"
	assert_output 1
}

@test "POSIX message queues: mq_open, mq_timedsend, mq_timedreceive (i386: their _time64 forms too), mq_getsetattr, mq_notify, mq_unlink (as strace, dumps)" {
	require_strace
	local calls=mq_open,mq_unlink,mq_notify,mq_getsetattr,mq_timedsend,mq_timedreceive
	calls+=,mq_timedsend_time64,mq_timedreceive_time64
	trace_fresh fdlife mqueue -q -e trace=mq_open
	grep -q '^mq_open("iotrace-[0-9a-f]*", O_RDWR|O_CREAT|O_EXCL, 0600, {.*}) *= 3$' "$out" ||
		skip "no POSIX message queues here: $(head -1 "$out")"
	FRESH_DIR=$cwd same_as_strace "$calls" "fdlife fdlife32" mqueue "" "-y" "-X raw" "-X verbose" "-s 2" "-v"
	# A message is data: dumped as a write's or a read's (iotrace also
	# says what it could not read of a bad pointer, strace nothing).
	FRESH_DIR=$cwd DROP_OWN='$_ = "" if /^ \| <unreadable from ADDR: 5 bytes not shown>$/' \
		same_as_strace "$calls" "fdlife fdlife32" mqueue "-e write=all -e read=all"
	trace_fresh fdlife mqueue -q -e trace=%data
	run grep -cvE '^(mq_timedsend|mq_timedreceive)\(|^\+\+\+' "$out"
	assert_output 0
	# -c: the bytes received, 5 and 4 in 4 calls (2 failed; a send returns
	# 0, not its bytes)
	trace_fresh fdlife mqueue -q -c -e trace=mq_timedreceive
	run grep -E ' mq_timedreceive$' "$out"
	assert_output --regexp '^ *[0-9.]+ +[0-9.]+ +[0-9]+ +4 +2 +9 mq_timedreceive$'
}

@test "name_to_handle_at, open_by_handle_at: a file's handle, its size rewritten, and the file opened from it (as strace)" {
	require_strace
	# (/'s handle is the same from run to run; opening one wants
	# CAP_DAC_READ_SEARCH: refused, both tracers print the same)
	FRESH_DIR=$cwd same_as_strace name_to_handle_at,open_by_handle_at "fdlife fdlife32" handles \
		"" "-X raw" "-X verbose" "-s 1" "-x"
	# -y names the file open_by_handle_at opened (strace 6.1 does not)
	FRESH_DIR=$cwd DROP_OWN='s/^(\S+ +open_by_handle_at\(.*\) += 4)<\/>$/$1/' \
		same_as_strace name_to_handle_at,open_by_handle_at "fdlife fdlife32" handles "-y"
	trace_fresh fdlife handles -q -e trace=name_to_handle_at
	grep -q '^name_to_handle_at(AT_FDCWD, "/", {handle_bytes=128 => ' "$out" ||
		skip "/ has no file handles here: $(head -1 "$out")"
	run grep -cE '^name_to_handle_at\(AT_FDCWD, "/", \{handle_bytes=0 => [0-9]+\}, 0x[0-9a-f]+, AT_SYMLINK_FOLLOW\) += -1 EOVERFLOW ' "$out"
	assert_output 1
}

@test "getdents64: the entries counted, with -v each one (as strace); --json" {
	require_strace
	rm -rf "$cwd" && mkdir -p "$cwd/dents/sub"
	touch "$cwd/dents/a" "$cwd/dents/"$'odd\n"\xff' "$cwd/dents/a-rather-long-name-for-one-entry"
	ln -s a "$cwd/dents/l"
	# Both tracers list the same directory: the same inodes and offsets.
	same_as_strace getdents64 "fdlife fdlife32" dirents "" "-v" "-v -X raw" "-v -X verbose" "-v -s 1" "-y"
	(cd "$cwd" && "$IOTRACE" -q -v -e trace=getdents64 "$HELPERS/fdlife" dirents) 2>"$out"
	run grep -o 'd_type=[A-Z_]*, d_name="[^"]*\(\\"[^"]*\)*"' "$out"
	assert_line 'd_type=DT_DIR, d_name="sub"'
	assert_line 'd_type=DT_LNK, d_name="l"'
	assert_line 'd_type=DT_REG, d_name="odd\n\"\377"'
	run grep -c -E '^getdents64\(3, \[\{d_ino=[0-9]+, d_off=-?[0-9]+, d_reclen=[0-9]+, d_type=DT_[A-Z]+, d_name=' "$out"
	[ "$output" -ge 2 ]
	run grep -c -E '^getdents64\(3, \[\], 96\) += 0$' "$out"
	assert_output 1
	(cd "$cwd" && "$IOTRACE" -q -e trace=getdents64 "$HELPERS/fdlife" dirents) 2>"$out"
	run grep -E 'getdents64\((4|99), ' "$out"
	assert_line --regexp '^getdents64\(4, 0x[0-9a-f]+, 96\) += -1 ENOTDIR '
	assert_line --regexp '^getdents64\(99, 0x[0-9a-f]+, 96\) += -1 EBADF '
	(cd "$cwd" && "$IOTRACE" -q --json -e trace=getdents64 "$HELPERS/fdlife" dirents) 2>"$out"
	run jq -r 'select(.result > 0) | .args.dirp.entries[] | "\(.d_type.name) \(.d_name)"' "$out"
	assert_line 'DT_LNK l'
	assert_line 'DT_REG a-rather-long-name-for-one-entry'
	run jq -s '[.[] | select(.result > 0) | .args.dirp.count] | add' "$out"
	assert_output 7	# . .. sub a odd long l
}

@test "a file's status, exactly: -v dates the times in the local zone; --json gives every field; -P by fd and path" {
	local calls=stat,lstat,stat64,lstat64,fstat,fstat64,newfstatat,fstatat64,statx
	TZ=UTC0 trace_fresh fdlife stat -q -v -e trace=$calls
	run grep -c -E '^fstat\(3, \{st_dev=makedev\(0x[0-9a-f]+, (0|0x[0-9a-f]+)\), st_ino=[0-9]+, st_mode=S_IFREG\|S_ISUID\|0750, st_nlink=1, st_uid=[0-9]+, st_gid=[0-9]+, st_blksize=[0-9]+, st_blocks=[0-9]+, st_size=12, st_atime=1000000000 /\* 2001-09-09T01:46:40.123456789\+0000 \*/, st_atime_nsec=123456789, st_mtime=1000000000 /\* 2001-09-09T01:46:40.123456789\+0000 \*/, st_mtime_nsec=123456789, st_ctime=[0-9]+ /\* [-0-9T:.]+\+0000 \*/, st_ctime_nsec=[0-9]+\}\) += 0$' "$out"
	assert_output 2
	run grep -c -E '^statx\(AT_FDCWD, "f1", AT_STATX_SYNC_AS_STAT, STATX_BASIC_STATS, \{stx_mask=STATX_BASIC_STATS(\|STATX_MNT_ID)?, .*stx_mode=S_IFREG\|S_ISUID\|0750, .*stx_size=12, .*stx_mtime=\{tv_sec=1000000000, tv_nsec=123456789\} /\* 2001-09-09T01:46:40.123456789\+0000 \*/' "$out"
	assert_output 1
	trace_fresh fdlife stat -q --json -e trace=$calls
	run jq -c 'select(.name == "newfstatat" and .args.pathname == "/dev/null") | .args.statbuf | {st_mode, st_rdev}' "$out"
	assert_output '{"st_mode":8630,"st_rdev":{"major":1,"minor":3}}'
	run jq -c 'select(.name == "fstat" and .result == 0) | .args.statbuf | {st_size, st_mtime, st_mtime_nsec}' "$out"
	assert_line '{"st_size":12,"st_mtime":1000000000,"st_mtime_nsec":123456789}'
	run jq -c 'select(.name == "statx" and .result == 0) | .args.statxbuf.stx_mtime // empty' "$out"
	assert_line '{"tv_sec":1000000000,"tv_nsec":123456789}'
	# -P: by fd, by path and by both; not the link to it, nor the others
	trace_fresh fdlife stat -q -P f1 -e trace=$calls
	run grep -c -E '^(fstat|newfstatat)\(3, |^(newfstatat|statx)\(AT_FDCWD, "f1", |^statx\(3, ' "$out"
	assert_output 9
	run grep -c -v -E '^(fstat|newfstatat)\(3, |^(newfstatat|statx)\(AT_FDCWD, "f1", |^statx\(3, |^\+\+\+ exited' "$out"
	assert_output 0
}

@test "unreadable and hostile pointers: NULL, 1, paths and structs that run into an unmapped page, PATH_MAX" {
	require_strace
	# strace shows the anonymous mapping the helper makes its guard page with.
	FRESH_DIR=$cwd same_as_strace "$(decoded_syscalls | grep -vxE 'mmap2?|munmap' | paste -sd,)" \
		"fdlife fdlife32" bad "" "-s 8"
}

@test "names newer than strace 6.1: write-life hints, F_DUPFD_QUERY, F_CREATED_QUERY, F_SEAL_EXEC, MFD_EXEC..." {
	trace_fresh fdlife newer -q -e trace=%desc,fallocate
	# What the kernel answers depends on its version: results masked.
	sed -E 's/ += .*$/ = RESULT/' "$out.n" >"$out.r"
	printf '%s\n' \
		'close_range(3, 4294967295, 0) = RESULT' \
		'memfd_create("newer", MFD_ALLOW_SEALING) = RESULT' \
		'fcntl(3, F_SET_RW_HINT, [RWH_WRITE_LIFE_SHORT]) = RESULT' \
		'fcntl(3, F_GET_RW_HINT, [RWH_WRITE_LIFE_SHORT]) = RESULT' \
		'fcntl(3, F_DUPFD_QUERY, 0) = RESULT' \
		'fcntl(3, F_CREATED_QUERY) = RESULT' \
		'fcntl(3, F_ADD_SEALS, F_SEAL_EXEC) = RESULT' \
		'memfd_create("noexec", MFD_NOEXEC_SEAL) = RESULT' \
		'memfd_create("exec", MFD_EXEC) = RESULT' \
		'fallocate(3, FALLOC_FL_WRITE_ZEROES, 0, 4096) = RESULT' \
		'pipe2([6, 7], 0) = RESULT' \
		'fcntl(7, F_DUPFD_QUERY, 7) = RESULT' \
		'+++ exited with 0 = RESULT' >"$out.want"
	sed -i 's/^+++ exited with 0 +++$/+++ exited with 0 = RESULT/' "$out.r"
	assert_same "$out.want" "$out.r"
}

@test "-e trace=%CLASS selects a class; the default is every class" {
	local class
	trace_fresh fdlife seek -q -e trace=%desc
	run grep -vcE '^(close_range|memfd_create|openat|close)\(|^\+\+\+' "$out"
	assert_output 0
	trace_fresh fdlife seek -q -e trace=%pos
	run grep -vcE '^(lseek|ftruncate|truncate|fallocate)\(|^\+\+\+' "$out"
	assert_output 0
	trace_fresh fdlife seek -q -e trace=%desc,%pos,%data
	run grep -c '^pwrite64(3, "data", 4, 4096) ' "$out"
	assert_output 1
	# Without -e trace=, every class: the same as all of them named.
	trace_fresh fdlife map -q
	cp "$out.n" "$out.default"
	trace_fresh fdlife map -q -e trace=%data,%desc,%pos,%sync,%map,%net,%async,%names,%attr
	assert_same "$out.default" "$out.n"
	for class in desc pos sync map attr; do
		trace_fresh fdlife map -q -e trace=%$class
		[ -s "$out" ] || fail "%$class traced nothing"
	done
}

@test "strace's classes across ours: %file (a path), %stat, %lstat, %fstat, %%stat (a file's status), %memory (%map)" {
	trace_fresh fdlife stat -q -e trace=%file
	# (and from %attr: glibc's start-up readlink, the mode's chmod and
	# its utimensat(3, NULL, ...), which may take a path)
	run grep -vcE '^(open|openat|stat|lstat|newfstatat|statx|mkdir|symlink|readlink|chmod|utimensat)\(|^\+\+\+' "$out"
	assert_output 0
	run grep -cE '^(newfstatat|statx)\(AT_FDCWD, "f1", ' "$out"
	assert_output 4
	# strace's split of the calls that print a struct stat or statx: a
	# path's (stat), a link's (lstat), the rest (fstat, and the *at calls)
	require_strace
	same_calls_as_strace stat %stat %lstat %fstat %%stat
	trace_fresh fdlife stat -q -e trace=%fstat
	run grep -c '^fstat(3, ' "$out"
	assert_output 3
	trace_fresh fdlife map -q -e trace=%memory
	cp "$out.n" "$out.memory"
	trace_fresh fdlife map -q -e trace=%map
	assert_same "$out.n" "$out.memory"
	trace_fresh fdlife stat -q -e trace=%file,%desc
	run grep -c '^fstat(3, ' "$out"
	assert_output 3
}

@test "-P matches a path argument: absolute, relative to the directory or to a dirfd, with .. and ." {
	trace_fresh fdlife open -q -P "$cwd/d/f2"
	printf '%s\n' \
		'openat(3, "f2", O_WRONLY|O_CREAT|O_EXCL, 0600) = 4' \
		'close(4)                                = 0' \
		'openat(3, "f2", O_WRONLY|O_CREAT|O_EXCL, 0600) = -1 EEXIST (File exists)' \
		'openat2(3, "f2", {flags=O_RDONLY, resolve=RESOLVE_NO_XDEV|RESOLVE_BENEATH}, 24) = 4' \
		'close(4)                                = 0' \
		'+++ exited with 0 +++' >"$out.want"
	assert_same "$out.want" "$out.n"
	trace_fresh fdlife open -q -P "$cwd/./d/../f3"
	printf '%s\n' \
		'creat("f3", 0640)                       = 4' \
		'close(4)                                = 0' \
		'+++ exited with 0 +++' >"$out.want"
	assert_same "$out.want" "$out.n"
	# A symbolic link named as such matches the path that names it (and,
	# resolved, the calls on its target's fds); a directory its dirfds.
	mkdir "$cwd" 2>/dev/null || true
	ln -sf f1 "$cwd/ln1"
	trace_fresh fdlife open -q -e trace=openat -P "$cwd/ln1"
	run grep -c '^openat(AT_FDCWD, "ln1", O_RDONLY) *= 3$' "$out"
	assert_output 1
	trace_fresh fdlife open -q -e trace=openat,openat2 -P "$cwd/d"
	run grep -c '^openat2\?(3, "f2", ' "$out"
	assert_output 3
}

@test "a negative result prints signed: F_GETOWN of a process group" {
	local pgid
	trace_fresh fdlife owner -q -e trace=fcntl
	pgid=$(sed -n 's/^fcntl(3, F_SETOWN, -\([0-9]*\)) *= 0$/\1/p' "$out")
	[ -n "$pgid" ] || fail "no F_SETOWN line: $(cat "$out")"
	# A group id below 4096 comes back looking like an errno (fcntl(2)'s
	# BUGS): then, as strace, an error.
	if [ "$pgid" -gt 4095 ]; then
		run grep -cE "^fcntl\(3, F_GETOWN\) += -$pgid$" "$out"
	else
		run grep -cE "^fcntl\(3, F_GETOWN\) += -1 \(errno $pgid\)$" "$out"
	fi
	assert_output 1
	(cd "$cwd" && "$IOTRACE" -q --json -e trace=fcntl -o "$out" "$HELPERS/fdlife" owner)
	run jq -r -s 'map(select(.type == "syscall")) | (.[0].args.arg | -.) as $g |
		if $g > 4095 then .[1].result == -$g else .[1].errno == $g end' "$out"
	assert_output true
}

@test "-T, -z, -Z on the descriptor calls; -k gives each openat its caller's stack" {
	trace_fresh fdlife dup -q -T -e trace=dup2
	run grep -cE '^dup2\(.*\) += (20|3|-1 EBADF \(Bad file descriptor\)) <[0-9]+\.[0-9]{6}>$' "$out"
	assert_output 4
	# Two dup3, a dup2, a close and two close_range fail; then the exit.
	trace_fresh fdlife dup -q -Z -e trace=%desc
	run grep -c '^' "$out"
	assert_output 7
	"$IOTRACE" -k true 2>&1 | grep -q 'built without' && skip "built without libunwind"
	rm -rf "$cwd" && mkdir "$cwd"
	(cd "$cwd" && "$IOTRACE" -q -k -e trace=openat "$HELPERS/stack" chain) 2>"$out"
	# The dynamic loader opens the libraries: every openat line has frames after it.
	run awk '/^openat\(/ { if (pending) bad++; pending = 1; next } /^ > / { pending = 0 } END { print bad + pending }' "$out"
	assert_output 0
	run grep -c '^openat(' "$out"
	refute_output 0
}

@test "a descriptor call costs the tracer no more than a write: one read for a path, no /proc file per call" {
	require_strace
	rm -rf "$cwd" && mkdir "$cwd"
	cd "$cwd"
	# 1000 x (open, write, fdatasync, fsync, close): one process_vm_readv
	# for open's path and one for write's data; nothing else reads.
	# Two more: glibc's start-up readlink of /proc/self/exe, its path and
	# the target it read.
	run count_own_calls process_vm_readv "$HELPERS/fdlife" commits
	assert_output 2002
	# Set-up opens a few files (the trace file, /proc once); none per call.
	run count_own_calls openat "$HELPERS/fdlife" commits
	[ "$output" -lt 20 ] || fail "iotrace opened $output files for 5000 calls"
}

@test "-e status= (successful, failed, !failed...), -z and -Z select calls as strace's do" {
	require_strace
	FRESH_DIR=$cwd same_as_strace "$all" "fdlife fdlife32" open "-e status=failed" \
		"-e status=successful,unfinished" "-e status=!failed" "-z" "-Z"
	run "$IOTRACE" -e status=failed,finished true
	assert_failure
	assert_output "iotrace: -e status: unknown status (successful, failed, unfinished, unavailable, detached) 'finished'"
}

@test "select, pselect6, poll, ppoll and epoll as strace: ready fds after the result, (Timeout), what is left, events and data" {
	require_strace
	# 200 ready fds with -v: strace's list of them stops near 1 KiB, iotrace's too.
	FRESH_DIR=$cwd same_as_strace select,_newselect,pselect6,pselect6_time64,poll,ppoll,ppoll_time64,epoll_create,epoll_create1,epoll_ctl,epoll_wait,epoll_pwait,epoll_pwait2 \
		"fdlife fdlife32" poll "" "-y" "-X raw" "-X verbose" "-s 1" "-s 0" "-v" "-v -X verbose"
}
