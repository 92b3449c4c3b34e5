#!/usr/bin/env bats
# -c, -C, -S and --summary=files: the tables at exit.  Times vary and are
# masked; counts and bytes are exact.

load common

setup() {
	out="$BATS_TEST_TMPDIR/trace"
}

@test "-c: a table of calls, errors and bytes per syscall instead of the trace" {
	"$IOTRACE" -c -S name "$HELPERS/rw" basic 2>"$out"
	# Masked: % time, seconds, usecs/call.
	sed -E 's/^ *[0-9.]+ +[0-9.]+ +[0-9]+ //' "$out" >"$out.n"
	printf '%s\n' \
		'% time     seconds  usecs/call     calls    errors          bytes syscall' \
		'------ ----------- ----------- --------- --------- -------------- ----------------' \
		'        4         1             15 pread64' \
		'        1                       10 pwrite64' \
		'        3         1              3 read' \
		'        7         1             84 write' \
		'------ ----------- ----------- --------- --------- -------------- ----------------' \
		'       15         3            112 total' >"$out.want"
	assert_same "$out.want" "$out.n"
}

@test "-C: the trace, then the table; -S calls sorts by calls" {
	"$IOTRACE" -C -S calls "$HELPERS/rw" basic 2>"$out"
	assert_equal "$(grep -c '^write(' "$out")" 7
	assert_equal "$(grep -n '^+++ exited with 0 +++' "$out" | cut -d: -f1)" 16
	run sed -n '19p;20p' "$out"
	assert_line --index 0 --regexp ' 7 +1 +84 write$'
	assert_line --index 1 --regexp ' 4 +1 +15 pread64$'
}

@test "-c counts the calls of every thread: 8 x 10,000 writes of one byte" {
	"$IOTRACE" -c -o "$out" "$HELPERS/threads" 8 10000
	run grep -E ' write$' "$out"
	assert_output --regexp ' 80000 +80000 write$'
}

@test "a bad -S value" {
	run "$IOTRACE" -c -S size true
	assert_failure 1
	assert_output "iotrace: invalid value for -S: 'size' (time, calls, name or nothing)"
}

@test "--summary=files: bytes read and written per file, calls per syscall, zero-copy credited to both ends" {
	"$IOTRACE" -q --summary=files --normalize "$HELPERS/zc" sendfile 2>"$out"
	sed -n '/^Files, by bytes transferred:$/,$p' "$out" >"$out.n"
	# Written: the 64-byte set-up pwrite64; read: 16 + 8 + 8 + 5 + 4 by sendfile.
	printf '%s\n' \
		'Files, by bytes transferred:' \
		'          read        written    calls   errors  file' \
		'            41             64       10        2  /memfd:src (deleted)' \
		'                                                  pwrite64 1, sendfile 9' \
		'             0             25        6        1  /memfd:dst (deleted)' \
		'                                                  sendfile 6' \
		'             8              8        2        0  pipe:[1]' \
		'                                                  read 1, sendfile 1' \
		'             0              8        1        0  socket:[2]' \
		'                                                  sendfile 1' \
		'             8              0        1        0  socket:[3]' \
		'                                                  read 1' \
		'             0              0        1        1  (fds not open)' \
		'                                                  sendfile 1' >"$out.want"
	assert_same "$out.want" "$out.n"
	# The trace is still there, before the table.
	run grep -c '^sendfile(' "$out"
	assert_output 9
}

@test "--summary=files with splice, tee and copy_file_range" {
	# The pipe: written 12 (splice) + 8 (vmsplice); read 6 (tee) + 12 + 8 by
	# splice, one splice refused (EINVAL).  The destination: 12 + 8 + 20 + 3.
	"$IOTRACE" -q -c --summary=files --normalize "$HELPERS/zc" splice 2>"$out"
	sed -n '/^Files, by bytes transferred:$/,$p' "$out" >"$out.n"
	printf '%s\n' \
		'Files, by bytes transferred:' \
		'          read        written    calls   errors  file' \
		'            35             64        5        1  /memfd:src (deleted)' \
		'                                                  pwrite64 1, splice 1, copy_file_range 3' \
		'            26             20        6        1  pipe:[1]' \
		'                                                  splice 4, tee 1, vmsplice 1' \
		'             0             43        6        2  /memfd:dst (deleted)' \
		'                                                  splice 3, copy_file_range 3' \
		'             6              6        2        0  pipe:[2]' \
		'                                                  read 1, tee 1' >"$out.want"
	assert_same "$out.want" "$out.n"
	# -c: no trace lines, the syscall table first.
	assert_equal "$(head -n 1 "$out")" "% time     seconds  usecs/call     calls    errors          bytes syscall"
}

@test "--summary=files stays bounded: 10,000 files, then (other files); closed fds are one row" {
	local table
	run "$IOTRACE" -c --summary=files -S calls -- "$HELPERS/rw" pipes
	assert_success
	table=$output
	# 10,000 rows: 9,999 pipes and the closed fds; the rest folded.
	run grep -c 'pipe:\[' <<<"$table"
	assert_output 9999
	run grep -A1 -E '\((other files|fds not open)\)$' <<<"$table"
	assert_output "             0           2001     2001        0  (other files)
                                                  write 2001
--
             0              0    12000    12000  (fds not open)
                                                  write 12000"
}
