#!/usr/bin/env bats
# -p: attach to running processes, trace them, detach on a signal and
# leave them running normally.

load common

setup() {
	out="$BATS_TEST_TMPDIR/trace"
	data="$BATS_TEST_TMPDIR/data"
	pidfile="$BATS_TEST_TMPDIR/pid"
}

teardown() {
	[ -n "${victim:-}" ] && kill -KILL "$victim" 2>/dev/null || true
}

start_victim() {
	"$HELPERS/attachme" "$pidfile" "$data" "$@" &
	victim=$!
	wait_for '[ -s "$pidfile" ]'
}

@test "-p attaches to every thread, detaches on SIGINT; the process finishes its work" {
	start_victim
	# Background jobs start with SIGINT ignored, which iotrace respects.
	env --default-signal=INT "$IOTRACE" -p "$victim" -o "$out" 2>"$out.err" &
	local tracer=$!
	wait_for 'grep -q "write(3, \"x\", 1)" "$out" 2>/dev/null'
	local i
	for i in $(seq 10); do kill -s RTMIN+1 "$victim"; done
	# Handled by the victim means seen and re-injected by iotrace.
	wait_for '[ "$(stat -c %s "$data.sig" 2>/dev/null)" = 10 ]'
	kill -INT "$tracer"
	wait_status "$tracer"
	assert_success
	# Detached, not left stopped: it keeps running and finishes.
	run state_of "$victim"
	refute_output --regexp '^[Tt]$'
	for i in $(seq 10); do kill -s RTMIN+1 "$victim"; done
	wait_for '! grep -q "^State:.*[Tt]" /proc/$victim/status && [ "$(stat -c %s "$data")" = 4000 ]'
	kill -USR2 "$victim"
	wait_status "$victim"
	assert_success
	victim=
	# Every write and every one of the 20 queued signals arrived exactly once.
	assert_equal "$(cat "$data.done")" "done 4000 20"
	assert_equal "$(sed -n 1p "$out.err")" "iotrace: Process $(cat "$pidfile") attached with 5 threads"
	run grep -c "^iotrace: Process [0-9]* detached$" "$out.err"
	assert_output 5
	run grep -c 'SIGRT_3 {si_signo=SIGRT_3, si_code=SI_USER' "$out"
	assert_output 10
}

@test "-p catches threads created after the attach" {
	start_victim late
	"$IOTRACE" -p "$victim" -o "$out" 2>"$out.err" &
	local tracer=$!
	wait_for 'grep -q attached "$out.err"'
	kill -USR1 "$victim"
	wait_for '[ "$(stat -c %s "$data")" = 4000 ]'
	kill -USR2 "$victim"
	wait_status "$victim"
	assert_success
	victim=
	wait_status "$tracer"
	assert_success
	# All 4,000 writes of the four late threads were traced.
	run grep -c 'write(3, "x", 1' "$out"
	assert_output 4000
	run grep -c '+++ exited with 0 +++' "$out"
	assert_output 5
}

@test "-p takes comma and space lists and repeats; SIGTERM detaches, processes keep running" {
	sleep 60 &
	local a=$!
	sleep 60 &
	local b=$!
	sleep 60 &
	local c=$!
	wait_for '[ "$(state_of "$a")$(state_of "$b")$(state_of "$c")" = SSS ] && grep -qx sleep /proc/$c/comm'
	"$IOTRACE" -p "$a, $b" -p "$c" -o "$out" 2>"$out.err" &
	local tracer=$!
	wait_for '[ "$(grep -c attached "$out.err")" = 3 ]'
	kill -TERM "$tracer"
	wait_status "$tracer"
	assert_success
	local p
	for p in $a $b $c; do
		run state_of "$p"
		assert_output S
	done
	kill "$a" "$b" "$c"
	sort "$out.err" >"$out.sorted"
	printf 'iotrace: Process %s attached\n' "$a" "$b" "$c" >"$out.want"
	printf 'iotrace: Process %s detached\n' "$a" "$b" "$c" >>"$out.want"
	sort -o "$out.want" "$out.want"
	assert_same "$out.want" "$out.sorted"
}

@test "-p on a stopped process: SIGHUP detaches, it stays stopped" {
	sleep 60 &
	local p=$!
	kill -STOP "$p"
	wait_for '[ "$(state_of "$p")" = T ]'
	"$IOTRACE" -p "$p" -o "$out" 2>"$out.err" &
	local tracer=$!
	wait_for 'grep -q "stopped by SIGSTOP" "$out"'
	kill -HUP "$tracer"
	wait_status "$tracer"
	assert_success
	run state_of "$p"
	assert_output T
	kill -CONT "$p"
	wait_for '[ "$(state_of "$p")" = S ]'
	kill "$p"
}

@test "detach hands back a signal that came while iotrace was blocked writing its output" {
	local fifo="$BATS_TEST_TMPDIR/fifo" tracer reader pid tid
	mkfifo "$fifo"
	"$HELPERS/sigdetach" "$pidfile" >"$data" &
	victim=$!
	wait_for '[ -s "$pidfile" ]'
	read -r pid tid <"$pidfile"
	# A reader that opens the FIFO, then stops: iotrace's output fills it.
	( exec 3<"$fifo"; kill -STOP "$BASHPID"; exec cat <&3 >/dev/null ) &
	reader=$!
	"$IOTRACE" -q -p "$pid" -o "$fifo" &
	tracer=$!
	# iotrace asleep in write(2) on the full FIFO, a tracee's stop uncollected...
	wait_for '[ "$(cut -d" " -f1 /proc/$tracer/syscall 2>/dev/null)" = 1 ]'
	kill -USR1 "$pid"
	# ...and the receiving thread in its signal-delivery stop.
	wait_for '[ "$(state_of "$pid/task/$tid")" = t ]'
	kill -TERM "$tracer"
	kill -CONT "$reader"
	wait_status "$tracer"
	assert_success
	wait "$reader" || true
	kill -USR2 "$pid"
	wait_status "$victim"
	victim=
	assert_success
	assert_equal "$(cat "$data")" "SIGUSR1 seen"
}

@test "-p: the call a process is in when iotrace detaches ends in <detached ...>, as strace's; -e status=detached selects it" {
	local fifo="$BATS_TEST_TMPDIR/fifo" opts tracer
	mkfifo "$fifo"
	for opts in "" "-e status=detached,successful"; do
		cat "$fifo" >/dev/null &
		victim=$!
		exec 7>"$fifo"
		# shellcheck disable=SC2086
		env --default-signal=INT "$IOTRACE" $opts -e trace=read,write -p "$victim" -o "$out" 2>"$out.err" &
		tracer=$!
		wait_for 'grep -q attached "$out.err"'
		echo hello >&7
		# The write is done and the next call is the read it waits in.
		# (With -o, every line starts with the pid, padded to 5 columns.)
		wait_for 'grep -q "^$victim  *write(1, \"hello\\\\n\", 6) *= 6$" "$out" && [ "$(cut -d" " -f1 /proc/$victim/syscall)" = 0 ]' ||
			{ cat "$out" "$out.err" "/proc/$victim/syscall"; false; }
		kill -INT "$tracer"
		wait_status "$tracer"
		assert_success
		# (the fifo's fd is whatever bats left free)
		run tail -n 1 "$out"
		assert_output --regexp "^$victim +read\([0-9]+,  <detached \.\.\.>\$"
		exec 7>&-
		wait_status "$victim"
		assert_success
		victim=
	done
}
