#!/usr/bin/env bats
# Launch, exit status, signals, stops, following, exec, -o/-ff/-q.
# Pids are masked as P1, P2... in order of appearance (see normalize).

load common

setup() {
	out="$BATS_TEST_TMPDIR/trace"
	lc="$HELPERS/lifecycle"
}

# Runs iotrace with the given arguments, trace to $out (stderr), the
# tracee's stdout to $out.stdout; sets $status (bats' run would swallow
# the redirections).  The lines that mark the helper's steps are data
# calls: only those are traced, unless the arguments say otherwise.
trace() {
	status=0
	output=
	"$IOTRACE" -e trace=%data "$@" 2>"$out" >"$out.stdout" || status=$?
}

@test "exit 0: status 0; the command's stdout is untouched" {
	trace -- "$lc" exit 0
	assert_success
	assert_equal "$(cat "$out.stdout")" "exiting"
	printf '%s\n' 'write(1, "exiting\n", 8)                = 8' '+++ exited with 0 +++' >"$out.want"
	assert_same "$out.want" "$out"
}

@test "exit 7: iotrace exits 7" {
	trace -- "$lc" exit 7
	assert_failure 7
	assert_equal "$(tail -n 1 "$out")" "+++ exited with 7 +++"
}

@test "stdin reaches the command unchanged" {
	run bash -c '"$IOTRACE" -e trace=none -- cat <<<"input line" 2>/dev/null'
	assert_success
	assert_output "input line"
}

@test "signals ignored when iotrace starts stay ignored in the command, as under strace" {
	local direct
	# SigIgn bits: SIGINT 0x2, SIGPIPE 0x1000, SIGCHLD 0x10000: each one
	# iotrace itself handles or ignores while it runs.  Signals env cannot
	# reset (glibc's own 32 and 33, which a test harness may ignore) are
	# inherited alike: the command's mask is compared with the same
	# command's run without iotrace.
	direct=$(env --default-signal --ignore-signal=INT,PIPE,CHLD grep SigIgn /proc/self/status)
	[ $((0x${direct##*[[:space:]]} & 0x11002)) = $((0x11002)) ] || fail "env did not ignore them: $direct"
	run env --default-signal --ignore-signal=INT,PIPE,CHLD \
		"$IOTRACE" -q -o /dev/null -- grep SigIgn /proc/self/status
	assert_success
	assert_output "$direct"
	direct=$(env --default-signal grep SigIgn /proc/self/status)
	run env --default-signal "$IOTRACE" -q -o /dev/null -- grep SigIgn /proc/self/status
	assert_success
	assert_output "$direct"
}

@test "death by SIGSEGV: iotrace dies of SIGSEGV, without a core of its own" {
	cd "$BATS_TEST_TMPDIR"
	ulimit -c unlimited
	trace -- "$lc" segv
	assert_equal "$status" $((128 + 11))
	printf '%s\n' 'write(1, "crashing\n", 9)               = 9' \
		'--- SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=0x10} ---' \
		'+++ killed by SIGSEGV (core dumped) +++' >"$out.want"
	# The tracee may or may not dump core, depending on core_pattern.
	sed -i 's/ (core dumped)//' "$out" "$out.want"
	assert_same "$out.want" "$out"
	run find "$BATS_TEST_TMPDIR" -maxdepth 1 -name 'core*' -newer "$IOTRACE" -size +0 \
		-exec sh -c 'file "$1" | grep -q iotrace' _ {} \; -print
	assert_output ""
}

@test "death by SIGKILL: iotrace dies of SIGKILL" {
	trace -- "$lc" kill
	assert_equal "$status" $((128 + 9))
	assert_equal "$(tail -n 1 "$out")" "+++ killed by SIGKILL +++"
	# as strace: a signal -e signal= hides does not show as the death either
	trace -e signal='!SIGKILL' -- "$lc" kill
	assert_equal "$status" $((128 + 9))
	assert_equal "$(cat "$out")" 'write(1, "killing myself\n", 15)        = 15'
}

@test "signal 32 is SIGRTMIN, as strace names it; -e signal= takes RTMIN and RT_0" {
	for name in SIGRTMIN rtmin RT_0 32; do
		trace -q -e signal="$name" -- "$lc" rtmin
		assert_equal "$status" $((128 + 32))
		normalize <"$out" >"$out.n"
		printf '%s\n' \
			'write(1, "killing myself\n", 15)        = 15' \
			'--- SIGRTMIN {si_signo=SIGRTMIN, si_code=SI_USER, si_pid=P1, si_uid=0} ---' \
			'+++ killed by SIGRTMIN +++' >"$out.want"
		assert_same "$out.want" "$out.n"
	done
}

@test "a signal is shown and re-injected: the tracee's handler runs" {
	trace -- "$lc" signal
	assert_success
	normalize <"$out" >"$out.n"
	printf '%s\n' \
		'--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=P1, si_uid=0} ---' \
		'write(1, "handled\n", 8)                = 8' \
		'write(1, "after\n", 6)                  = 6' \
		'+++ exited with 0 +++' >"$out.want"
	assert_same "$out.want" "$out.n"
	assert_equal "$(cat "$out.stdout")" "$(printf 'handled\nafter')"
}

@test "siginfo as strace prints it, and with -X raw and -X verbose: codes, senders, values, a killed child" {
	require_strace
	# SIGCHLD's si_utime and si_stime count clock ticks: a child that
	# raises SIGPIPE at once has none, under either tracer.
	same_as_strace write "lifecycle lifecycle32" siginfo "" "-X raw" "-X verbose"
	trace -X raw -- "$lc" siginfo
	run grep -c -E '^(\[pid +[0-9]+\] )?--- SIGUSR1 \{si_signo=10, si_code=0xffffffd6, si_pid=[0-9]+, si_uid=0(, si_int=[0-9-]+, si_ptr=0x[0-9a-f]+)?\} ---$' "$out"
	assert_output 2
	run grep -c -E '^--- SIGCHLD \{si_signo=17, si_code=0x2, si_pid=[0-9]+, si_uid=0, si_status=13, ' "$out"
	assert_output 1
}

@test "-e signal=none hides signal lines, the signal still arrives" {
	trace -e signal=none -- "$lc" signal
	assert_success
	run grep -c -- '---' "$out"
	assert_output 0
	assert_equal "$(head -n 1 "$out.stdout")" "handled"
}

@test "SIGSTOP keeps the tracee stopped until SIGCONT" {
	"$IOTRACE" -e trace=%data -- "$lc" stop 2>"$out" >"$out.stdout" &
	local tracer=$! pid i
	# The trace is flushed within a quarter second when idle.
	for i in $(seq 100); do
		grep -q 'stopped by' "$out" 2>/dev/null && break
		sleep 0.1
	done
	# raise() sends SIGSTOP from the tracee itself: si_pid is its pid.
	pid=$(sed -n 's/.*SIGSTOP.*si_pid=\([0-9]*\).*/\1/p' "$out")
	sleep 0.3
	# Still stopped: the write after raise(SIGSTOP) has not run.
	assert_equal "$(cat "$out.stdout")" "before stop"
	kill -CONT "$pid"
	wait "$tracer"
	normalize <"$out" >"$out.n"
	printf '%s\n' \
		'write(1, "before stop\n", 12)           = 12' \
		'--- SIGSTOP {si_signo=SIGSTOP, si_code=SI_TKILL, si_pid=P1, si_uid=0} ---' \
		'--- stopped by SIGSTOP ---' \
		'--- SIGCONT {si_signo=SIGCONT, si_code=SI_USER, si_pid=P2, si_uid=0} ---' \
		'write(1, "after stop\n", 11)            = 11' \
		'+++ exited with 0 +++' >"$out.want"
	assert_same "$out.want" "$out.n"
}

@test "fork, vfork and clone children are followed" {
	local mode child
	for mode in fork vfork clone; do
		trace -q -e signal=none -- "$lc" "$mode"
		assert_success
		normalize <"$out" >"$out.n"
		case $mode in
		fork) child='[pid    P1] write(1, "child\n", 6)      = 6' ;;
		vfork) child='[pid    P1] write(1, "vchild\n", 7)     = 7' ;;
		clone) child='[pid    P1] write(1, "clone child\n", 12) = 12' ;;
		esac
		printf '%s\n' "$child" \
			"[pid    P1] +++ exited with $(case $mode in fork) echo 3 ;; vfork) echo 4 ;; *) echo 0 ;; esac) +++" \
			'write(1, "parent\n", 7)                 = 7' \
			'+++ exited with 0 +++' >"$out.want"
		assert_same "$out.want" "$out.n"
	done
}

@test "--no-follow traces only the first process" {
	trace -q --no-follow -e signal=none -- "$lc" fork
	assert_success
	printf '%s\n' 'write(1, "parent\n", 7)                 = 7' '+++ exited with 0 +++' >"$out.want"
	assert_same "$out.want" "$out"
	assert_equal "$(cat "$out.stdout")" "$(printf 'child\nparent')"
}

@test "-f is accepted (following is the default)" {
	trace -q -f -e signal=none -- "$lc" fork
	assert_success
	run grep -c 'child' "$out"
	assert_output 1
}

@test "execve from a non-leader thread: the leader is superseded" {
	trace -q -- "$lc" execthread "$lc"
	assert_success
	normalize <"$out" >"$out.n"
	printf '%s\n' \
		'[pid    P1] write(1, "thread\n", 7)     = 7' \
		'[pid    P2] +++ superseded by execve in pid P1 +++' \
		'write(1, "exiting\n", 8)                = 8' \
		'+++ exited with 0 +++' >"$out.want"
	assert_same "$out.want" "$out.n"
}

@test "a thread that dies inside a call: <unfinished ...>) = ?" {
	trace -q -e trace=read,write -- "$lc" diecall
	assert_success
	normalize <"$out" >"$out.n"
	printf '%s\n' \
		'[pid    P1] read(3,  <unfinished ...>' \
		'[pid    P2] write(1, "leaving\n", 8)    = 8' \
		'[pid    P1] <... read resumed> <unfinished ...>) = ?' \
		'[pid    P1] +++ exited with 0 +++' \
		'+++ exited with 0 +++' >"$out.want"
	assert_same "$out.want" "$out.n"
}

@test "the call a thread dies in shows and counts in -e status=unfinished, --normalize, --json and -c; not in -z, -Z, as strace" {
	local lc="$HELPERS/lifecycle" mode
	# Those modes print a call whole at its exit, which never comes: the
	# call used to vanish from them.  -z and -Z are strace's
	# status=successful and status=failed: an unfinished call is neither.
	for mode in "-e status=unfinished" "-e status=!successful" --normalize -z -Z; do
		# shellcheck disable=SC2086
		trace -q $mode -e trace=read -- "$lc" diecall
		assert_success
		normalize <"$out" >"$out.n"
		run grep -c 'read(3,  <unfinished ...>)  = ?$' "$out.n"
		assert_output "$(case $mode in -z|-Z) echo 0;; *) echo 1;; esac)"
	done
	trace -q --json -e trace=read -- "$lc" diecall
	run jq -c 'select(.name == "read") | [.args.fd, .args.buf, .result]' "$out"
	assert_output '[3,null,null]'
	trace -q -c -S name -e trace=read,write -- "$lc" diecall
	run awk '$NF == "read" || $NF == "write" { print $NF, $4 }' "$out"
	assert_output 'read 1
write 1'
}

@test "interleaved calls: <unfinished ...> then <... read resumed>" {
	trace -q -e trace=read,write -- "$lc" interleave
	assert_success
	normalize <"$out" >"$out.n"
	printf '%s\n' \
		'[pid    P1] read(3,  <unfinished ...>' \
		'[pid    P2] write(4, "", 0)             = 0' \
		'[pid    P1] <... read resumed>"x", 1)   = 1' \
		'[pid    P1] +++ exited with 0 +++' \
		'+++ exited with 0 +++' >"$out.want"
	assert_same "$out.want" "$out.n"
}

# The lifecycle helper's fork mode traced into a file: pid on every line.
fork_want_o() {
	printf '%s\n' \
		'P1    write(1, "child\n", 6)            = 6' \
		'P1    +++ exited with 3 +++' \
		'P2    write(1, "parent\n", 7)           = 7' \
		'P2    +++ exited with 0 +++'
}

@test "-o FILE: pid on every line (as strace -f -o), nothing on stderr" {
	trace -o "$out.o" -e signal=none -- "$lc" fork
	assert_success
	assert_equal "$(cat "$out")" ""
	normalize <"$out.o" >"$out.n"
	fork_want_o >"$out.want"
	assert_same "$out.want" "$out.n"
}

@test "-o '|COMMAND' and -o '!COMMAND': the trace is the command's stdin, waited for; one that stops reading" {
	trace -o "|cat >'$out.o'" -e signal=none -- "$lc" fork
	assert_success
	assert_equal "$(cat "$out")" ""
	# iotrace returns once cat has written all of it
	normalize <"$out.o" >"$out.n"
	fork_want_o >"$out.want"
	assert_same "$out.want" "$out.n"
	trace -o "!tr a-z A-Z >'$out.o'" -e signal=none -e trace=none -- "$lc" exit 0
	assert_success
	normalize <"$out.o" >"$out.n"
	assert_equal "$(cat "$out.n")" "P1    +++ EXITED WITH 0 +++"
	# The command closes its stdin before the program ends: the last line
	# cannot be written (a broken pipe, said once), status 1.
	run "$IOTRACE" -o "|exec 0<&-; touch '$out.gone'" -e trace=none -- \
		sh -c "until [ -e '$out.gone' ]; do sleep 0.01; done"
	assert_failure 1
	assert_output "iotrace: cannot write the trace to '|exec 0<&-; touch '$out.gone'': Broken pipe"
}

@test "-ff -o FILE: one file per process, named FILE.PID, no leaders" {
	trace -ff -o "$out.ff" -e signal=none -- "$lc" fork
	assert_success
	run ls "$BATS_TEST_TMPDIR"
	local files=("$out".ff.*)
	assert_equal "${#files[@]}" 2
	local parent child f
	for f in "${files[@]}"; do
		if grep -q parent "$f"; then parent=$f; else child=$f; fi
	done
	printf '%s\n' 'write(1, "child\n", 6)                  = 6' '+++ exited with 3 +++' >"$out.want"
	assert_same "$out.want" "$child"
	printf '%s\n' 'write(1, "parent\n", 7)                 = 7' '+++ exited with 0 +++' >"$out.want"
	assert_same "$out.want" "$parent"
	# The parent's file is named after the command's pid, which SIGCHLD names.
	[[ "$parent" == "$out.ff."[0-9]* && "$child" == "$out.ff."[0-9]* ]]
}

@test "attach messages for followed children on stderr; -q silences them" {
	trace -e signal=none -- "$lc" fork
	run grep -c '^iotrace: Process [0-9]* attached$' "$out"
	assert_output 1
	trace -q -e signal=none -- "$lc" fork
	run grep -c '^iotrace: Process' "$out"
	assert_output 0
}

@test "-qq and -qqq and --quiet=SET leave out what strace's do: exits, superseding, attaches" {
	local q
	# -qq: no "+++ exited" lines, but the attach message goes too
	for q in -qq --quiet=attach,personality,exit "-e quiet=exit,attach" "-q --quiet"; do
		# shellcheck disable=SC2086
		trace $q -e signal=none -- "$lc" fork
		assert_success
		normalize <"$out" >"$out.n"
		printf '%s\n' '[pid    P1] write(1, "child\n", 6)      = 6' \
			'write(1, "parent\n", 7)                 = 7' >"$out.want"
		assert_same "$out.want" "$out.n"
	done
	# only the exits: the attach message stays
	trace --quiet=exit -e signal=none -- "$lc" fork
	run grep -c -e '^iotrace: Process [0-9]* attached$' -e 'exited' "$out"
	assert_output 1
	# a death by a signal is not an exit message: it stays
	trace -qq -- "$lc" kill
	assert_equal "$(tail -n 1 "$out")" "+++ killed by SIGKILL +++"
	# -qqq, all, and the superseded leader; thread-execve is strace's other name
	for q in -qqq --quiet=all -e\ q=superseded -e\ silence=thread-execve --silent='!exit'; do
		# shellcheck disable=SC2086
		trace $q -- "$lc" execthread "$lc"
		assert_success
		run grep -c 'superseded' "$out"
		assert_output 0
	done
	trace --quiet=none -e quiet=all -e quiet='!superseded' -- "$lc" execthread "$lc"
	run grep -c -e 'superseded' -e 'exited' "$out"
	assert_output 1
	run "$IOTRACE" --quiet=exits true
	assert_failure 1
	assert_output "iotrace: -e quiet: unknown message kind (attach, personality, exit, path-resolution, superseded) 'exits'"
}

@test "nothing is printed before the command's execve" {
	trace -q --no-seccomp -- "$lc" exit 0
	assert_success
	printf '%s\n' 'write(1, "exiting\n", 8)                = 8' '+++ exited with 0 +++' >"$out.want"
	assert_same "$out.want" "$out"
}

@test "SIGTERM to iotrace is passed to the command, whose death iotrace shares" {
	"$IOTRACE" -q -- sleep 30 2>"$out" &
	local tracer=$!
	sleep 0.5
	kill -TERM "$tracer"
	wait_status "$tracer"
	assert_equal "$status" $((128 + 15))
	normalize <"$out" >"$out.n"
	assert_equal "$(tail -n 1 "$out.n")" "+++ killed by SIGTERM +++"
}

@test "the trace cannot be written (-o /dev/full): one line that says so, status 1, the command runs on" {
	run "$IOTRACE" -o /dev/full -- "$HELPERS/lifecycle" exit 0
	assert_failure 1
	assert_output "exiting
iotrace: cannot write the trace to '/dev/full': No space left on device"
	# The command's own failure status wins over iotrace's.
	run "$IOTRACE" -o /dev/full -- "$HELPERS/lifecycle" exit 7
	assert_failure 7
	assert_line "iotrace: cannot write the trace to '/dev/full': No space left on device"
}

@test "a fatal error of iotrace's own after start: it stops tracing, the program runs to its end" {
	local limit=$((48 << 20))
	command -v prlimit >/dev/null || skip "prlimit (util-linux) is not installed"
	prlimit --data="$limit":unlimited "$IOTRACE" -V >/dev/null 2>&1 ||
		skip "this iotrace cannot start with a 48 MiB data limit (a sanitizer build)"
	# iotrace, limited to 48 MiB of data, runs out of memory showing a
	# 64 MiB write (-s allows it); the program lifts its own limit.  It
	# used to take the program down with it (PTRACE_O_EXITKILL).
	run prlimit --data="$limit":unlimited "$IOTRACE" -s 100000000 -e trace=write \
		-o "$BATS_TEST_TMPDIR/trace" -- "$HELPERS/lifecycle" bigwrite 64
	assert_failure 1
	assert_output "iotrace: out of memory allocating 67108864 bytes
iotrace: stopped tracing after that error; the traced processes run on untraced
survived"
}

@test "SIGCHLD's CPU times carry strace's comment in seconds when not 0" {
	run "$IOTRACE" -q -e trace=none -- "$HELPERS/lifecycle" burn
	assert_success
	# The child spent at least 50 ms of user time (as the kernel counts it).
	assert_line --regexp '^--- SIGCHLD \{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=[0-9]+, si_uid=0, si_status=3, si_utime=[0-9]+ /\* [0-9]+\.[0-9]{2} s \*/, si_stime=[0-9]+( /\* [0-9]+\.[0-9]{2} s \*/)?\} ---'
	# The comment is the count in seconds (100 ticks a second).
	run perl -ne 'while (/si_[us]time=(\d+) \/\* (\d+)\.(\d\d) s \*\//g) { print $1 == $2 * 100 + $3 && $1 >= 1 ? "ok\n" : "bad $1 $2.$3\n" }' <<<"$output"
	assert_line ok
	refute_line --partial bad
	# --normalize: 0, no comment.
	run "$IOTRACE" -q --normalize -e trace=none -- "$HELPERS/lifecycle" burn
	assert_output --partial 'si_status=3, si_utime=0, si_stime=0} ---'
}

@test "-Y: pids with their command names, in the line's prefix and pid arguments, as strace (the name as the line's stop found it)" {
	# (pids masked as N, with the padding before them; the result's column too)
	"$IOTRACE" -Y -e trace=write -- "$lc" fork 2>"$out" >/dev/null
	run sed -E 's/ *[0-9]+</N</g; s/si_pid=[0-9]+/si_pid=N/; s/\) +=/) =/' "$out"
	assert_line '[pidN<lifecycle>] write(1, "child\n", 6) = 6'
	assert_line '[pidN<lifecycle>] +++ exited with 3 +++'
	assert_line 'write(1, "parent\n", 7) = 7'
	"$IOTRACE" --decode-pids=comm -o "$out" -e trace=write -- "$lc" fork >/dev/null
	run sed -E 's/^[0-9]+</N</; s/si_pid=[0-9]+/si_pid=N/; s/\) +=/) =/' "$out"
	assert_line 'N<lifecycle> write(1, "child\n", 6) = 6'
	assert_line 'N<lifecycle> write(1, "parent\n", 7) = 7'
	# a signal's sender, when it is still there at the signal's stop (a
	# child's SIGCHLD may come after its parent reaped it): here itself
	"$IOTRACE" -Y -e trace=none -- "$HELPERS/lifecycle" siginfo 2>"$out" >/dev/null
	run grep -cE '^--- SIGUSR1 \{si_signo=SIGUSR1, si_code=SI_USER, si_pid=[0-9]+<lifecycle>, si_uid=' "$out"
	assert_output 1
	# a pid argument: process_vm_readv's
	"$IOTRACE" -Y --no-follow -e trace=process_vm_readv -- "$HELPERS/vec" pvm 2>"$out" >/dev/null
	run sed -E 's/\(([0-9]+)</(N</; s/0x[0-9a-f]+/ADDR/g' "$out"
	assert_line 'process_vm_readv(N<vec>, [{iov_base="remote data", iov_len=11}], 1, [{iov_base=ADDR, iov_len=11}], 1, 0) = 11'
	run "$IOTRACE" --decode-pids=pidns true
	assert_failure 1
	assert_output "iotrace: invalid value for --decode-pids: 'pidns' (comm; strace's pidns is not supported)"
}

@test "-b execve: a process is let go at its exec and runs untraced (as strace); iotrace ends as the command does" {
	require_strace
	local tracer
	for tracer in strace "$IOTRACE"; do
		"$tracer" -f -b execve -e trace=write -o "$out.$(basename "$tracer")" \
			sh -c 'echo hi; /bin/echo there' >"$out.stdout"
		assert_equal "$(cat "$out.stdout")" "$(printf 'hi\nthere')"
		sed 's/^\([0-9]*\) *strace: /\1 iotrace: /' "$out.$(basename "$tracer")" | normalize >"$out.$(basename "$tracer").n"
	done
	assert_same "$out.strace.n" "$out.iotrace.n"
	# /bin/echo's write is not traced: its process was let go at its exec
	run grep -c '"there' "$out.iotrace.n"
	assert_output 0
	run grep -c '^P[0-9] *write(1, "hi\\n", 3) *= 3$' "$out.iotrace.n"
	assert_output 1
	# An exec that fails lets nothing go: the shell is traced to its end.
	for tracer in strace "$IOTRACE"; do
		"$tracer" -f -b execve -e trace=write -o "$out.$(basename "$tracer")" \
			sh -c 'exec /nonexistent/x' 2>/dev/null || true
		sed 's/^\([0-9]*\) *strace: /\1 iotrace: /' "$out.$(basename "$tracer")" | normalize >"$out.$(basename "$tracer").n"
	done
	assert_same "$out.strace.n" "$out.iotrace.n"
	grep -q '^P1 *+++ exited with 127 +++$' "$out.iotrace.n"
	# The command itself let go at its exec: its status is iotrace's...
	run "$IOTRACE" -q -b execve -e trace=write -o /dev/null sh -c 'exec sh -c "exit 3"'
	assert_failure 3
	# ...unless iotrace is told to stop first: it does, the command runs on.
	"$IOTRACE" -q -b execve -e trace=none -o /dev/null sh -c 'exec sleep 30' &
	local io=$! cmd
	wait_for "cmd=\$(pgrep -P $io -x sleep) && [ \"\$(awk '/^TracerPid:/ { print \$2 }' /proc/\$cmd/status)\" = 0 ]"
	kill -TERM "$io"
	wait_status "$io"
	assert_equal "$status" 143
	kill -0 "$cmd"
	kill "$cmd"
	run "$IOTRACE" -b open true
	assert_failure 1
	assert_output "iotrace: invalid value for -b: 'open' (only execve)"
}
