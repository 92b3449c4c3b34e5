#!/usr/bin/env bats
# The command line: help, version, and one clear line for every bad input.

load common
bats_require_minimum_version 1.5.0

@test "-h prints usage and every decoded syscall once, by class; each name and class is accepted" {
	local names classes name class
	run "$IOTRACE" -h
	assert_success
	assert_line --index 0 "usage: iotrace [options] -- command [args...]"
	classes=$(sed -n 's/^  %\([a-z]*\) .*/\1/p' <<<"$output")
	names=$(decoded_syscalls)
	# As many as the syscall list has rows to decode, none twice.
	assert_equal "$(wc -l <<<"$names")" "$(grep -c '^SYSCALL(' "$SRCDIR/src/syscalls/list.h")"
	assert_equal "$(sort <<<"$names" | uniq -d)" ""
	for name in $names; do
		"$IOTRACE" -e trace="$name" true || fail "-e trace=$name refused"
	done
	for class in $classes; do
		"$IOTRACE" -e trace=%"$class" true || fail "-e trace=%$class refused"
	done
	run "$IOTRACE" -e trace=%frob true
	assert_failure 1
	assert_output "iotrace: -e trace: unknown class '%frob'"
}

@test "-V prints the version" {
	run "$IOTRACE" -V
	assert_success
	assert_output --regexp '^iotrace version [0-9]+\.[0-9]+\.[0-9]+$'
}

@test "no command and no -p: one line, status 1" {
	run "$IOTRACE"
	assert_failure 1
	assert_output "iotrace: nothing to trace: give a command or -p PID (see iotrace -h)"
}

@test "unknown short and long options: one line, status 1" {
	run "$IOTRACE" -Q true
	assert_failure 1
	assert_output "iotrace: unknown option '-Q' (see iotrace -h)"
	run "$IOTRACE" --frobnicate true
	assert_failure 1
	assert_output "iotrace: unknown option '--frobnicate' (see iotrace -h)"
}

@test "an option missing its value" {
	run "$IOTRACE" -s
	assert_failure 1
	assert_output "iotrace: option '-s' needs a value"
}

@test "bad numbers for -s, -a and -p" {
	run "$IOTRACE" -s abc true
	assert_failure 1
	assert_output "iotrace: invalid value for -s: 'abc' (a number from 0 to 2147483647)"
	run "$IOTRACE" -a -3 true
	assert_failure 1
	assert_output "iotrace: invalid value for -a: '-3' (a number from 0 to 4096)"
	run "$IOTRACE" -p 12x
	assert_failure 1
	assert_output "iotrace: invalid process id: '12x'"
	run "$IOTRACE" -p 0
	assert_failure 1
	assert_output "iotrace: invalid process id: '0'"
}

@test "-e trace= with an unknown or undecoded syscall" {
	run "$IOTRACE" -e trace=write,frob true
	assert_failure 1
	assert_output "iotrace: -e trace: unknown or undecoded syscall 'frob'"
	run "$IOTRACE" -e trace=getpid true
	assert_failure 1
	assert_output "iotrace: -e trace: unknown or undecoded syscall 'getpid'"
	run "$IOTRACE" -e signal=SIGFOO true
	assert_failure 1
	assert_output "iotrace: -e signal: unknown signal 'SIGFOO'"
	run "$IOTRACE" -e verbose=all true
	assert_failure 1
	assert_output "iotrace: -e: unknown qualifier 'verbose' (iotrace knows trace=, signal=, status=, read=, write=, inject=, fault=, quiet=)"
}

@test "bad values for -X and -e read=/write=" {
	run "$IOTRACE" -X fancy true
	assert_failure 1
	assert_output "iotrace: invalid value for -X: 'fancy' (raw, abbrev or verbose)"
	run "$IOTRACE" -e write=3,x true
	assert_failure 1
	assert_output "iotrace: -e write: invalid file descriptor 'x'"
	run "$IOTRACE" -e read=-1 true
	assert_failure 1
	assert_output "iotrace: -e read: invalid file descriptor '-1'"
}

@test "a command that does not exist" {
	run "$IOTRACE" -- no-such-command-iotrace
	assert_failure 1
	assert_output "iotrace: cannot run 'no-such-command-iotrace': command not found"
	run "$IOTRACE" -- ./no/such/path
	assert_failure 1
	assert_output "iotrace: cannot run './no/such/path': No such file or directory"
}

@test "-ff without -o" {
	run "$IOTRACE" -ff true
	assert_failure 1
	assert_output "iotrace: -ff needs -o FILE: the files are named FILE.TID"
}

@test "-ff with -o '|COMMAND'" {
	run "$IOTRACE" -ff -o '|cat' true
	assert_failure 1
	assert_output "iotrace: -ff and -o '|cat' do not go together: -ff writes files"
}

@test "an output file that cannot be created" {
	run "$IOTRACE" -o /nonexistent-dir/trace true
	assert_failure 1
	assert_output "iotrace: cannot open output file '/nonexistent-dir/trace': No such file or directory"
}

@test "-p with a process that does not exist" {
	# pid_max bounds real pids; this one is above the largest possible.
	run "$IOTRACE" -p 2147483647
	assert_failure 1
	assert_output "iotrace: cannot attach to process 2147483647: no such process"
}

@test "-p with iotrace's own pid is refused" {
	run bash -c 'exec "$IOTRACE" -p $$'
	assert_failure 1
	assert_output --regexp "^iotrace: cannot trace iotrace itself \(pid [0-9]+\)$"
}

@test "-p with a process iotrace may not trace (unprivileged user)" {
	[ "$(id -u)" = 0 ] || skip "needs root to run iotrace as another user"
	command -v setpriv >/dev/null || skip "setpriv (util-linux) is not installed"
	id nobody >/dev/null 2>&1 || skip "no user 'nobody' on this machine"
	sleep 30 &
	local victim=$!
	# nobody may not ptrace a root process: EPERM from PTRACE_SEIZE.
	run setpriv --reuid=nobody --regid=nogroup --clear-groups "$IOTRACE" -p "$victim"
	kill "$victim"
	if [[ "$output" == *"Permission denied"* && "$output" == *"exec"* ]]; then
		skip "user nobody cannot run $IOTRACE from this directory"
	fi
	assert_failure 1
	assert_output "iotrace: cannot attach to process $victim: Operation not permitted"
}

@test "misused long options: said as typed, control bytes escaped, one line" {
	run "$IOTRACE" --json=1 true
	assert_failure 1
	assert_output "iotrace: option '--json=1' takes no value"
	run "$IOTRACE" --no-follow=x true
	assert_failure 1
	assert_output "iotrace: option '--no-follow=x' takes no value"
	run "$IOTRACE" --toctou-bytes
	assert_failure 1
	assert_output "iotrace: option '--toctou-bytes' needs a value"
	run "$IOTRACE" "--json=a$(printf '\001')b" true
	assert_failure 1
	assert_output "iotrace: option '--json=a\\001b' takes no value"
	run "$IOTRACE" "-$(printf '\001')" true
	assert_failure 1
	assert_output "iotrace: unknown option '-\\001' (see iotrace -h)"
	run "$IOTRACE" -X "$(printf 'a\nb')" true
	assert_failure 1
	assert_output "iotrace: invalid value for -X: 'a\\012b' (raw, abbrev or verbose)"
}

@test "a command that exists but cannot run: one line, status 1 (not a shell's 127)" {
	local d="$BATS_TEST_TMPDIR"
	printf '#!/nonexistent/interpreter\n' >"$d/badinterp"
	printf '\177ELF garbage, not a program' >"$d/badelf"
	chmod +x "$d/badinterp" "$d/badelf"
	run "$IOTRACE" -- "$d"
	assert_failure 1
	assert_output "iotrace: cannot run '$d': Permission denied"
	run "$IOTRACE" -- "$d/badinterp"
	assert_failure 1
	assert_output "iotrace: cannot run '$d/badinterp': No such file or directory"
	run "$IOTRACE" -- "$d/badelf"
	assert_failure 1
	assert_output "iotrace: cannot run '$d/badelf': Exec format error"
	# A command that runs and exits 127 itself keeps its status.
	run -127 "$IOTRACE" -e trace=none -- sh -c 'exit 127'
}

@test "-A appends to -o FILE; without -o it is said, as strace" {
	local out="$BATS_TEST_TMPDIR/trace"
	"$IOTRACE" -e trace=write -o "$out" -- "$HELPERS/rw" basic >/dev/null
	local once
	once=$(wc -l <"$out")
	"$IOTRACE" -A -e trace=write -o "$out" -- "$HELPERS/rw" basic >/dev/null
	assert_equal "$(wc -l <"$out")" "$((once * 2))"
	"$IOTRACE" -e trace=write -o "$out" -- "$HELPERS/rw" basic >/dev/null
	assert_equal "$(wc -l <"$out")" "$once"
	"$IOTRACE" --output-append-mode -e trace=write -o "$out" -- "$HELPERS/rw" basic >/dev/null
	assert_equal "$(wc -l <"$out")" "$((once * 2))"
	run "$IOTRACE" -A -e trace=none true
	assert_success
	assert_output "iotrace: warning: -A has no effect without -o FILE
+++ exited with 0 +++"
}

@test "-E NAME=VALUE sets and -E NAME unsets a variable for the command, as strace; a bad one is refused" {
	run env FOO=old BAR=gone "$IOTRACE" -q -e trace=none -E FOO=new -E BAR --env=BAZ=1 -- \
		sh -c 'echo "$FOO ${BAR-unset} $BAZ"'
	assert_success
	assert_output "new unset 1
+++ exited with 0 +++"
	run "$IOTRACE" -E =x true
	assert_failure 1
	assert_output "iotrace: -E: '=x' is not NAME or NAME=VALUE"
}

@test "-u USER runs the command as that user with its groups; an unknown user, or an unprivileged iotrace, is one line and status 1" {
	[ "$(id -u)" = 0 ] || skip "needs root to run a command as another user"
	id nobody >/dev/null 2>&1 || skip "no user 'nobody' on this machine"
	run "$IOTRACE" -q -e trace=none -u nobody -- id
	assert_success
	assert_line --index 0 "$(id nobody)"
	run "$IOTRACE" -u no-such-user true
	assert_failure 1
	assert_output "iotrace: -u: cannot find user 'no-such-user'"
	command -v setpriv >/dev/null || skip "setpriv (util-linux) is not installed"
	run setpriv --reuid=nobody --regid=nogroup --clear-groups "$IOTRACE" -u root /bin/true
	if [[ "$output" == *"Permission denied"* && "$output" == *"exec"* ]]; then
		skip "user nobody cannot run $IOTRACE from this directory"
	fi
	assert_failure 1
	assert_output "iotrace: cannot run '/bin/true' as user 'root': Operation not permitted"
}

@test "-e trace=/REGEX and ?NAME as strace: the decoded calls a regex matches; a name that may be unknown" {
	local cwd="$BATS_TEST_TMPDIR/cwd" out="$BATS_TEST_TMPDIR/trace"
	mkdir -p "$cwd"
	(cd "$cwd" && "$IOTRACE" -qq -e 'trace=/^epoll_(wait|ctl)$' "$HELPERS/fdlife" poll) 2>"$out"
	run grep -cvE '^epoll_(wait|ctl)\(' "$out"
	assert_output 0
	run grep -c '^epoll_ctl(' "$out"
	assert_output 6
	run "$IOTRACE" -qq -e 'trace=?no_such_call,?%no_such_class,?/^no_such,write' -- "$HELPERS/rw" basic
	assert_success
	assert_line --index 0 'write(3, "hello\n", 6)                  = 6'
	run "$IOTRACE" -e trace=/^no_such true
	assert_failure 1
	assert_output "iotrace: -e trace: '/^no_such' matches no syscall iotrace decodes"
	run "$IOTRACE" -e 'trace=/[' true
	assert_failure 1
	assert_output --regexp '^iotrace: -e trace: /\[: [A-Za-z].*$'
}

@test "-w is accepted with -c or -C (iotrace's time is wall-clock, strace -w's); alone it is refused, as strace" {
	run "$IOTRACE" -c -w -e trace=write -- "$HELPERS/rw" basic
	assert_success
	assert_line --regexp '^ *[0-9.]+ +[0-9.]+ +[0-9]+ +[0-9]+ .* write$'
	run "$IOTRACE" --summary-wall-clock true
	assert_failure 1
	assert_output "iotrace: -w needs -c or -C: it says how their time is measured"
}

@test "-I 3 and -I 4: iotrace blocks the fatal signals (4: SIGTSTP too), the command none; -I 1, 2: nothing blocked" {
	local mode
	# The shell's parent is iotrace: its mask, then the shell's own.
	for mode in "1 0000000000000000" "waiting 0000000000000000" "3 0000000000005007" "never_tstp 0000000000085007"; do
		set -- $mode
		run "$IOTRACE" -q -I "$1" -e trace=none -o /dev/null sh -c 'grep SigBlk /proc/$PPID/status; grep SigBlk /proc/$$/status'
		assert_success
		assert_line --index 0 "$(printf 'SigBlk:\t%s' "$2")"
		assert_line --index 1 "$(printf 'SigBlk:\t%s' 0000000000000000)"
	done
	run "$IOTRACE" -I 5 true
	assert_failure 1
	assert_output "iotrace: invalid value for -I: '5' (1..4, anywhere, waiting, never or never_tstp)"
}
