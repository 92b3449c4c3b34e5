#!/usr/bin/env bats
# --normalize: two runs of the same deterministic program give the same
# bytes, with ASLR on; a one-byte change shows as exactly one call.

load common

setup() {
	out="$BATS_TEST_TMPDIR/trace"
	[ "$(cat /proc/sys/kernel/randomize_va_space)" != 0 ] ||
		skip "ASLR is off on this machine: addresses would not differ anyway"
}

@test "two runs (two processes, two threads, ASLR on) give identical output" {
	local opts
	for opts in "" "-y" "-k" "-tt -T" "-e write=all -e read=all"; do
		# shellcheck disable=SC2086
		"$IOTRACE" --normalize $opts -o "$out.1" "$HELPERS/norm" same
		# shellcheck disable=SC2086
		"$IOTRACE" --normalize $opts -o "$out.2" "$HELPERS/norm" same
		assert_same "$out.1" "$out.2"
	done
	# Something did vary: the raw traces differ (pids, addresses).
	"$IOTRACE" -o "$out.3" "$HELPERS/norm" same
	"$IOTRACE" -o "$out.4" "$HELPERS/norm" same
	! diff -q "$out.3" "$out.4" >/dev/null
}

@test "a joined thread's end comes before what the joiner does next" {
	# wait4 reports the thread's death after pthread_join has returned, so
	# only printing it at the thread's exit event keeps the program's order.
	local i end child
	for i in 1 2 3 4 5; do
		"$IOTRACE" --normalize=interleaved -o "$out" "$HELPERS/norm" same
		end=$(grep -nE '^1\.1 +\+\+\+ exited with 0 \+\+\+$' "$out" | cut -d: -f1)
		child=$(grep -n -m1 '^1\.2 ' "$out" | cut -d: -f1)
		[ -n "$end" ] && [ -n "$child" ] || fail "no thread end or no child line: $(cat "$out")"
		[ "$end" -lt "$child" ] || fail "run $i: the thread's end (line $end) after the child's first line ($child)"
	done
	# Exactly one end line per thread and process.
	run grep -c '+++ exited' "$out"
	assert_output 3
}

@test "what is rewritten: pids and tids by lineage, addresses, inodes; CPU times 0; no times" {
	"$IOTRACE" --normalize -y -tt -T -e trace=%data -o "$out" "$HELPERS/norm" same
	# The process is 1, the thread it makes first 1.1, the child it forks next 1.2.
	run grep -c '^1 ' "$out"
	refute_output 0
	run grep -E '^1\.1 +write\(3</dev/null>, "from the thread", 15\) += 15$' "$out"
	assert_success
	run grep -E '^1\.2 +write\(5<pipe:\[1\]>, "hello", 5\) += 5$' "$out"
	assert_success
	run grep -E '^1 +--- SIGCHLD \{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=1\.2, si_uid=0, si_status=0, si_utime=0, si_stime=0\} ---$' "$out"
	assert_success
	run grep -E '^1 +read\(3</dev/null>, ADDR1, 16\) += -1 EBADF' "$out"
	assert_success
	# No timestamps, no durations, no unfinished lines.
	run grep -cE '[0-9]{2}:[0-9]{2}:[0-9]{2}|<[0-9]+\.[0-9]+>$|unfinished|resumed' "$out"
	assert_output 0
}

@test "a changed byte gives a diff of exactly that call" {
	"$IOTRACE" --normalize -o "$out.1" "$HELPERS/norm" same
	"$IOTRACE" --normalize -o "$out.2" "$HELPERS/norm" variant
	run diff "$out.1" "$out.2"
	assert_failure 1
	assert_equal "$(grep -c '^[<>]' <<<"$output")" 2
	assert_line --regexp '^< 1\.1 +write\(3, "from the thread", 15\) += 15$'
	assert_line --regexp '^> 1\.1 +write\(3, "from the threaD", 15\) += 15$'
}

@test "-ff files are named by lineage" {
	"$IOTRACE" --normalize -ff -o "$out" "$HELPERS/norm" same
	run ls "$BATS_TEST_TMPDIR"
	assert_output "$(printf 'trace.1\ntrace.1.1\ntrace.1.2')"
	assert_equal "$(cat "$out.1.2")" "$(printf 'write(5, "hello", 5)                    = 5\n+++ exited with 0 +++')"
}

@test "only pseudo-files are renumbered: a regular file named log[2024] keeps its name" {
	local f="$BATS_TEST_TMPDIR/log[2024]"
	"$IOTRACE" --normalize -y -e trace=write -o "$out" sh -c 'echo x >"$0"; echo y | cat >/dev/null' "$f"
	run grep -F 'write(1<' "$out"
	assert_line --partial "write(1<$f>, \"x\\n\", 2)"
	# ...while a pipe's inode still is.
	assert_line --partial 'write(1<pipe:[1]>, "y\n", 2)'
}

@test "the descriptor calls: two runs give the same bytes; addresses renumbered, fds and flags kept" {
	local cwd="$BATS_TEST_TMPDIR/cwd" run
	for run in 1 2; do
		rm -rf "$cwd" && mkdir "$cwd"
		(cd "$cwd" && "$IOTRACE" --normalize -y -e trace=%desc,%pos,%map -o "$out.$run" "$HELPERS/fdlife" map)
	done
	assert_same "$out.1" "$out.2"
	run grep -E '^1 +mmap\(NULL, 4096, PROT_READ\|PROT_WRITE, MAP_SHARED, 3<.*/f1>, 0x1000\) += ADDR2$' "$out.1"
	assert_success
	run grep -E '^1 +munmap\(ADDR2, 4096\) += 0$' "$out.1"
	assert_success
	# No address is left (flags stay as they are: the mmap with every prot bit).
	run grep -v PROT_GROWSDOWN "$out.1"
	refute_output --regexp '0x[0-9a-f]{6,}'
}

@test "two processes of two threads, unsynchronised: 20 runs, 20 identical traces, a block a thread in lineage order" {
	local i
	for i in $(seq 20); do
		"$IOTRACE" --normalize -o "$out.$i" "$HELPERS/chaos" same
		[ "$i" = 1 ] || assert_same "$out.1" "$out.$i"
	done
	# the blocks: 1, its thread 1.1, its child 1.2, the child's thread 1.2.1
	run sh -c "cut -d' ' -f1 '$out.1' | uniq"
	assert_output "$(printf '1\n1.1\n1.2\n1.2.1')"
	run grep -c '^1\.1 *write(3, "parent.s thread line' "$out.1"
	assert_output 50
	run grep -c '^1\.2\.1 *read(4, ' "$out.1"
	assert_output 50
	# --json: the same names and order, two runs the same bytes
	"$IOTRACE" --normalize --json -o "$out.j1" "$HELPERS/chaos" same
	"$IOTRACE" --normalize --json -o "$out.j2" "$HELPERS/chaos" same
	assert_same "$out.j1" "$out.j2"
	run jq -r -s '[.[] | .tid] | unique | join(" ")' "$out.j1"
	assert_output '1 1.1 1.2 1.2.1'
	run jq -r -s 'map(select(.tid == "1.2.1")) | .[0].pid' "$out.j1"
	assert_output '1.2'
}

@test "a thread's changed byte is a diff of exactly that line, however the threads ran" {
	"$IOTRACE" --normalize -o "$out.1" "$HELPERS/chaos" same
	"$IOTRACE" --normalize -o "$out.2" "$HELPERS/chaos" variant
	run diff "$out.1" "$out.2"
	assert_failure 1
	assert_equal "$(grep -c '^[<>]' <<<"$output")" 2
	assert_line --regexp '^< 1\.1 +write\(3, "parent.s thread line 0\\n", 23\) += 23$'
	assert_line --regexp '^> 1\.1 +write\(3, "parent.s thread linE 0\\n", 23\) += 23$'
}

@test "a thread of 1,000,000 calls: its block is spilled to a temporary file, memory stays bounded" {
	command -v /usr/bin/time >/dev/null || skip "GNU time is not installed"
	/usr/bin/time -f %M -o "$out.rss" "$IOTRACE" --normalize -e trace=write -o "$out" "$HELPERS/chaos" million
	run grep -c '^1 \+write(3, "m", 1) *= 1$' "$out"
	assert_output 1000000
	# about 35 MB of lines went through the block; iotrace kept a few MB
	echo "max RSS: $(cat "$out.rss") KiB"
	[ "$(cat "$out.rss")" -lt 32768 ]
}

@test "--normalize=merge-reads: a pipe read in however many chunks is one line with all the data" {
	local i
	for i in $(seq 10); do
		"$IOTRACE" --normalize=merge-reads -s 200 -e trace=read -o "$out.$i" "$HELPERS/chaos" chunks
		[ "$i" = 1 ] || assert_same "$out.1" "$out.$i"
	done
	run grep -c '^1 \+read(7, ' "$out.1"
	assert_output 2	# the data, then the end of the pipe
	run grep -F "read(7, \"$(printf 'chunk-%.0s' $(seq 20))\", 120) = 120" "$out.1"
	assert_success
	# the loader's read of libc (on an fd the pipe later gets) never joins: the file differs
	run grep -c '^1 \+read([0-9]*, "\\177ELF' "$out.1"
	assert_output 1
	# a bad value is one line
	run "$IOTRACE" --normalize=frob true
	assert_failure 1
	assert_output "iotrace: invalid value for --normalize: 'frob' (interleaved, merge-reads, or none)"
}

@test "a block is written once its thread and every block before it ended: a daemon's parent's block need not wait" {
	local stop="$BATS_TEST_TMPDIR/stop" i
	"$IOTRACE" --normalize -e trace=write -o "$out" -- sh -c \
		'(while [ ! -e "$1" ]; do sleep 0.05; done; echo child >/dev/null) & echo parent >/dev/null' \
		sh "$stop" &
	local tracer=$!
	for i in $(seq 100); do	# the parent's block, while its child still runs
		grep -q '^1 \+++ exited with 0 +++$' "$out" 2>/dev/null && break
		sleep 0.1
	done
	run cat "$out"
	assert_line --regexp '^1 +write\(1, "parent\\n", 7\) += 7$'
	assert_line '1     +++ exited with 0 +++'
	refute_output --partial 'child'
	touch "$stop"
	wait $tracer
	run cat "$out"
	assert_line --regexp '^1\.1 +write\(1, "child\\n", 6\) += 6$'
}
