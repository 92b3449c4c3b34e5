#!/usr/bin/env bats
# -c, -C, -S and --summary=files: the tables at exit.  Times vary and are
# masked; counts and bytes are exact.

load common

setup() {
	out="$BATS_TEST_TMPDIR/trace"
}

# The --summary=files table of file $1, its times masked: the sync-s
# and total-s columns as S.SSSSSS and T.TTTTTT, each latency as D, each
# histogram as "hist H" (tested on its own below).
files_table() {
	sed -n '/^Files, by bytes transferred:$/,$p' "$1" |
		sed -E 's/^( +[0-9]+ +[0-9]+ +[0-9]+ +[0-9]+ +[0-9]+ +[0-9]+) +[0-9]+\.[0-9]{6} +[0-9]+\.[0-9]{6}  /\1   S.SSSSSS     T.TTTTTT  /;
			/^ +latency /s/ hist [^[]*\[[^]]*\] [0-9.]+(ns|us|ms|s)/ hist H/g;
			/^ +latency /s/[0-9.]+(ns|us|ms|s)\b/D/g'
}

@test "-c: a table of calls, errors and bytes per syscall instead of the trace; bytes only for data calls" {
	"$IOTRACE" -c -S name "$HELPERS/rw" basic 2>"$out"
	# Masked: % time, seconds, usecs/call.  The latencies after the
	# table are tested below.
	sed -E '/^$/,$d; s/^ *[0-9.]+ +[0-9.]+ +[0-9]+ //' "$out" >"$out.n"
	printf '%s\n' \
		'% time     seconds  usecs/call     calls    errors          bytes syscall' \
		'------ ----------- ----------- --------- --------- -------------- ----------------' \
		'        1                        0 close_range' \
		'        1                        0 lseek' \
		'        1                        0 memfd_create' \
		'        1                        0 openat' \
		'        4         1             15 pread64' \
		'        1                       10 pwrite64' \
		'        3         1              3 read' \
		'        1                        0 readlink' \
		'        7         1             84 write' \
		'------ ----------- ----------- --------- --------- -------------- ----------------' \
		'       20         3            112 total' >"$out.want"
	assert_same "$out.want" "$out.n"
}

@test "-C: the trace, then the table; -S calls sorts by calls" {
	"$IOTRACE" -C -S calls "$HELPERS/rw" basic 2>"$out"
	assert_equal "$(grep -c '^write(' "$out")" 7
	assert_equal "$(grep -n '^+++ exited with 0 +++' "$out" | cut -d: -f1)" 21
	run sed -n '24p;25p' "$out"
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
	files_table "$out" >"$out.n"
	# Written: the 64-byte set-up pwrite64; read: 16 + 8 + 8 + 5 + 4 by
	# sendfile.  memfd_create and pipe2 open a file each (pipe's two ends:
	# one file), and so does each end of the socketpair.
	printf '%s\n' \
		'Files, by bytes transferred:' \
		'          read        written    calls   errors    opens    syncs     sync-s      total-s  file' \
		'            41             64       11        2        1        0   S.SSSSSS     T.TTTTTT  /memfd:src (deleted)' \
		'                                                  pwrite64 1, sendfile 9, memfd_create 1' \
		'                                                  latency read (9) p50 D p99 D max D hist H; write (1) p50 D p99 D max D hist H; open (1) p50 D p99 D max D hist H' \
		'             0             25        7        1        1        0   S.SSSSSS     T.TTTTTT  /memfd:dst (deleted)' \
		'                                                  sendfile 6, memfd_create 1' \
		'                                                  latency write (6) p50 D p99 D max D hist H; open (1) p50 D p99 D max D hist H' \
		'             8              8        3        0        1        0   S.SSSSSS     T.TTTTTT  pipe:[1]' \
		'                                                  read 1, sendfile 1, pipe2 1' \
		'                                                  latency read (1) p50 D p99 D max D hist H; write (1) p50 D p99 D max D hist H; open (1) p50 D p99 D max D hist H' \
		'             0              8        2        0        1        0   S.SSSSSS     T.TTTTTT  socket:[2]' \
		'                                                  sendfile 1, socketpair 1' \
		'                                                  latency write (1) p50 D p99 D max D hist H; open (1) p50 D p99 D max D hist H' \
		'             8              0        2        0        1        0   S.SSSSSS     T.TTTTTT  socket:[3]' \
		'                                                  read 1, socketpair 1' \
		'                                                  latency read (1) p50 D p99 D max D hist H; open (1) p50 D p99 D max D hist H' \
		'             0              0        1        1        0        0   S.SSSSSS     T.TTTTTT  (fds not open)' \
		'                                                  sendfile 1' \
		'                                                  latency write (1) p50 D p99 D max D hist H' \
		'             0              0        1        0        1        0   S.SSSSSS     T.TTTTTT  pipe:[4]' \
		'                                                  pipe2 1' \
		'                                                  latency open (1) p50 D p99 D max D hist H' >"$out.want"
	assert_same "$out.want" "$out.n"
	# The trace is still there, before the table.
	run grep -c '^sendfile(' "$out"
	assert_output 9
}

@test "--summary=files with splice, tee and copy_file_range" {
	# The pipe: written 12 (splice) + 8 (vmsplice); read 6 (tee) + 12 + 8 by
	# splice, one splice refused (EINVAL).  The destination: 12 + 8 + 20 + 3.
	"$IOTRACE" -q -c --summary=files --normalize "$HELPERS/zc" splice 2>"$out"
	files_table "$out" >"$out.n"
	printf '%s\n' \
		'Files, by bytes transferred:' \
		'          read        written    calls   errors    opens    syncs     sync-s      total-s  file' \
		'            35             64        6        1        1        0   S.SSSSSS     T.TTTTTT  /memfd:src (deleted)' \
		'                                                  pwrite64 1, splice 1, copy_file_range 3, memfd_create 1' \
		'                                                  latency read (4) p50 D p99 D max D hist H; write (1) p50 D p99 D max D hist H; open (1) p50 D p99 D max D hist H' \
		'            26             20        7        1        1        0   S.SSSSSS     T.TTTTTT  pipe:[1]' \
		'                                                  splice 4, tee 1, vmsplice 1, pipe2 1' \
		'                                                  latency read (4) p50 D p99 D max D hist H; write (2) p50 D p99 D max D hist H; open (1) p50 D p99 D max D hist H' \
		'             0             43        7        2        1        0   S.SSSSSS     T.TTTTTT  /memfd:dst (deleted)' \
		'                                                  splice 3, copy_file_range 3, memfd_create 1' \
		'                                                  latency write (6) p50 D p99 D max D hist H; open (1) p50 D p99 D max D hist H' \
		'             6              6        3        0        1        0   S.SSSSSS     T.TTTTTT  pipe:[2]' \
		'                                                  read 1, tee 1, pipe2 1' \
		'                                                  latency read (1) p50 D p99 D max D hist H; write (1) p50 D p99 D max D hist H; open (1) p50 D p99 D max D hist H' \
		'             0              0        1        0        1        0   S.SSSSSS     T.TTTTTT  socket:[3]' \
		'                                                  socketpair 1' \
		'                                                  latency open (1) p50 D p99 D max D hist H' \
		'             0              0        1        0        1        0   S.SSSSSS     T.TTTTTT  socket:[4]' \
		'                                                  socketpair 1' \
		'                                                  latency open (1) p50 D p99 D max D hist H' >"$out.want"
	assert_same "$out.want" "$out.n"
	# -c: no trace lines, the syscall table first.
	assert_equal "$(head -n 1 "$out")" "% time     seconds  usecs/call     calls    errors          bytes syscall"
}

@test "--summary=files stays bounded: 10,000 files, then (other files); closed fds are one row" {
	local table
	run "$IOTRACE" -c --summary=files -S calls -e trace=write,pipe2,close -- "$HELPERS/rw" pipes
	assert_success
	table=$(files_table <(echo "$output"))
	# 10,000 rows: 9,999 pipes and the closed fds; the rest folded: 2,001
	# pipes, each opened (pipe2), written and closed twice.
	run grep -c 'pipe:\[' <<<"$table"
	assert_output 9999
	run grep -A2 -E '\((other files|fds not open)\)$' <<<"$table"
	assert_output "             0           2001     8004        0     2001        0   S.SSSSSS     T.TTTTTT  (other files)
                                                  write 2001, close 4002, pipe2 2001
                                                  latency write (2001) p50 D p99 D max D hist H; open (2001) p50 D p99 D max D hist H; desc (4002) p50 D p99 D max D hist H
--
             0              0    12000    12000        0        0   S.SSSSSS     T.TTTTTT  (fds not open)
                                                  write 12000
                                                  latency write (12000) p50 D p99 D max D hist H"
}

@test "latency histograms: a pipe read that waits 24 ms lands in the 16.4ms..32.8ms bucket; --ascii" {
	# log2 buckets of microseconds: 24,000 us is in [16,384, 32,768)
	"$IOTRACE" -q -f --summary=files -e trace=read "$HELPERS/rw" slowpipe 2>"$out"
	run grep -E '^ {50}latency ' "$out"
	assert_output --regexp '^ {50}latency read \(1\) p50 [0-9.]+ms p99 [0-9.]+ms max [0-9.]+ms hist 16\.4ms \[█\] 32\.8ms$'
	"$IOTRACE" -q -f --ascii --summary=files -e trace=read "$HELPERS/rw" slowpipe 2>"$out"
	run grep -E '^ {50}latency ' "$out"
	assert_output --regexp '^ {50}latency read \(1\) p50 [0-9.]+ms p99 [0-9.]+ms max [0-9.]+ms hist 16\.4ms \[@\] 32\.8ms$'
	# several buckets: bars scaled to the fullest, empty ones blank
	"$IOTRACE" -q --ascii --summary=files -e trace=write,fsync "$HELPERS/rw" basic 2>"$out"
	run grep -E '^ {50}latency write' "$out"
	assert_output --regexp 'hist [0-9.]+[nmu]?s \[[ .:=+*#@-]*@[ .:=+*#@-]*\] [0-9.]+[nmu]?s'
}

@test "-c: after strace's table, each syscall's latency percentiles and histogram" {
	"$IOTRACE" -q -f -c -e trace=read,write "$HELPERS/rw" slowpipe 2>"$out"
	run sed -n '/^Latency per syscall:$/,$p' "$out"
	assert_line --index 0 'Latency per syscall:'
	assert_line --index 1 --regexp '^  read +\(1\) p50 [0-9.]+ms p99 [0-9.]+ms max [0-9.]+ms hist 16\.4ms \[█\] 32\.8ms$'
	assert_line --index 2 --regexp '^  write +\(1\) p50 [0-9.]+[nmu]?s p99 [0-9.]+[nmu]?s max [0-9.]+[nmu]?s hist [0-9.]+[nmu]?s \[█\] [0-9.]+[nmu]?s$'
	# strace's table itself is unchanged: its last row is the total
	run grep -B1 '^$' "$out"
	assert_line --index 0 --regexp ' total$'
}
