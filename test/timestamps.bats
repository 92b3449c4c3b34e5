#!/usr/bin/env bats
# -t, -tt, -ttt, -r and -T: the times lines start and end with (and -n
# and -i, the syscall number and code address that follow).  Times
# vary, so tests check their form and mask their digits.

load common

setup() {
	out="$BATS_TEST_TMPDIR/trace"
}

# Timestamps and -T durations to fixed-width N placeholders.
mask_times() {
	perl -pe 's/^\d\d:\d\d:\d\d(\.\d{6})? /"NN:NN:NN" . ($1 ? ".NNNNNN" : "") . " "/e;
		s/^\d{10}\.\d{6} /NNNNNNNNNN.NNNNNN /; s/^ *\d+\.\d{6} /     N.NNNNNN /;
		s/ <\d+\.\d{6}>$/ <N.NNNNNN>/' "$1"
}

@test "-t, -tt, -ttt, -r and -T: the same lines as strace, times masked" {
	require_strace
	local opts
	for opts in "-t" "-tt" "-ttt" "-r" "-T" "-tt -T"; do
		# shellcheck disable=SC2086
		strace $opts -e trace=read,write,pread64,pwrite64 "$HELPERS/rw" octal 2>"$out.s"
		# shellcheck disable=SC2086
		"$IOTRACE" $opts -e trace=read,write,pread64,pwrite64 "$HELPERS/rw" octal 2>"$out.i"
		mask_times "$out.s" >"$out.sn"
		mask_times "$out.i" >"$out.in"
		assert_same "$out.sn" "$out.in"
	done
}

@test "-tt is the time of day and -ttt the epoch, within seconds of now" {
	"$IOTRACE" -ttt -e trace=write "$HELPERS/rw" octal 2>"$out"
	local first now
	first=$(head -n 1 "$out" | cut -d. -f1)
	now=$(date +%s)
	[ $((now - first)) -ge 0 ] && [ $((now - first)) -le 10 ]
	"$IOTRACE" -tt -e trace=write "$HELPERS/rw" octal 2>"$out"
	run grep -cE '^[0-2][0-9]:[0-5][0-9]:[0-6][0-9]\.[0-9]{6} write\(' "$out"
	assert_output 8
}

@test "-r starts at 0 and counts up from line to line" {
	"$IOTRACE" -r -e trace=%data "$HELPERS/rw" octal 2>"$out"
	assert_equal "$(head -c 14 "$out")" "     0.000000 "
	run grep -cE '^ +[0-9]+\.[0-9]{6} ' "$out"
	assert_output 9
}

@test "-n and -i: each line's syscall number and where the call was made, as strace (signals, exits, i386)" {
	require_strace
	local tracer
	# The helpers are static: their code is at the same address under
	# both tracers.  A signal's line has the syscall the thread was in or
	# last made, an exit's the one it ended in, and where, "????".
	# (SIGCHLD left out: whether it finds the parent in clone or in wait4
	# is the scheduler's)
	same_as_strace write lifecycle siginfo "-n -e signal=!SIGCHLD" "-i -e signal=!SIGCHLD" \
		"-n -i -e signal=!SIGCHLD"
	same_as_strace write lifecycle32 siginfo "-n -e signal=!SIGCHLD"
	# An i386 program makes its calls through the vDSO, which moves from
	# run to run: both tracers run it unrandomized.  "[ Process PID=N
	# runs in 32 bit mode. ]" is left out: its -i is where strace next
	# stopped the program, iotrace's the new image's entry point.
	if [ -x "$HELPERS/lifecycle32" ] && setarch "$(uname -m)" -R true 2>/dev/null; then
		for tracer in strace "$IOTRACE"; do
			setarch "$(uname -m)" -R "$tracer" -f -n -i --quiet=personality -e trace=write -e signal='!SIGCHLD' \
				-o "$out.$(basename "$tracer")" "$HELPERS/lifecycle32" siginfo >/dev/null
			normalize <"$out.$(basename "$tracer")" >"$out.$(basename "$tracer").n"
		done
		assert_same "$out.strace.n" "$out.iotrace.n"
		grep -q '^P1 *\[ *4\] \[[0-9a-f]\{8\}\] write(1, ' "$out.iotrace.n"
	fi
	# i386's socket calls made through socketcall(2): its number, 102
	same_as_strace "%net" sock32 mux-tcp "-n"
	"$IOTRACE" -n -i -e trace=write "$HELPERS/lifecycle" siginfo 2>"$out"
	run grep -E '^\[ *[0-9]+\] \[[0-9a-f]{16}\] write\(1, ' "$out"
	[ "${#lines[@]}" -ge 1 ]
	run tail -1 "$out"
	assert_output '[ 231] [????????????????] +++ exited with 0 +++'
}

@test "-n and -i come after the pid and the time, in every line of a thread; --json has nr and ip; --normalize names the ip" {
	"$IOTRACE" -f -o "$out" -tt -n -i -e trace=write "$HELPERS/threads" 2 1
	run grep -cvE '^[0-9]+ +[0-9:.]{15} \[ *[0-9]+\] \[([0-9a-f]{16}|\?{16})\] ' "$out"
	assert_output 0
	"$IOTRACE" --json -n -i -e trace=write -o "$out" "$HELPERS/rw" basic
	run jq -c 'select(.type == "syscall") | [.nr, (.ip | test("^0x[0-9a-f]+$"))]' "$out"
	assert_line --index 0 '[1,true]'
	run jq -c 'select(.type == "exited") | [.nr, has("ip")]' "$out"
	assert_output '[231,false]'
	# A line held back (--normalize=merge-reads joins reads) keeps its own.
	"$IOTRACE" --normalize=merge-reads -n -e trace=read,write -o "$out" "$HELPERS/rw" basic
	run grep -cvE '^1 +(\[   0\] read|\[   1\] write|\[ 231\] \+\+\+)' "$out"
	assert_output 0
	# Code addresses named by first appearance: two runs, the same bytes.
	"$IOTRACE" --normalize -n -i -e trace=write -o "$out.1" "$HELPERS/rw" basic
	"$IOTRACE" --normalize -n -i -e trace=write -o "$out.2" "$HELPERS/rw" basic
	assert_same "$out.1" "$out.2"
	run grep -c '^1 *\[   1\] \[ADDR[0-9]\+\] write(' "$out.1"
	assert_output 7
}
