#!/usr/bin/env bats
# --timeline=FILE: the trace as Chrome Trace Event JSON (Perfetto), next
# to the text trace of the same run.

load common

setup() {
	out="$BATS_TEST_TMPDIR/trace"
	tl="$BATS_TEST_TMPDIR/timeline.json"
}

# "tid name microseconds" of each call of a text trace made with -f -T -o
# (a call cut by another thread's line ends on its "resumed" line).
text_calls() {
	perl -ne 'next unless /^(\d+) +(?:<\.\.\. (\w+) resumed>|(\w+)\().* <(\d+)\.(\d{6})>$/;
		print "$1 ", $2 // $3, " ", $4 * 1000000 + $5, "\n"' "$1" | sort
}

@test "one complete event per call, on its thread's track, with its arguments; durations as -T says" {
	"$IOTRACE" -f -T -o "$out" --timeline="$tl" "$HELPERS/norm" same >/dev/null
	jq -e 'type == "array"' "$tl" >/dev/null
	# the same calls, tids and durations (-T's microseconds are the event's, cut)
	jq -r '.[] | select(.ph == "X") | "\(.tid) \(.name) \(.dur | floor)"' "$tl" | sort >"$out.x"
	text_calls "$out" >"$out.t"
	[ -s "$out.t" ]
	assert_same "$out.t" "$out.x"
	# two processes of two threads each... three tracks here: the
	# process, its thread, its child; each named by its command
	run jq -r '[.[] | select(.ph == "M" and .name == "thread_name") | .tid] | length' "$tl"
	assert_output 3
	run jq -r '[.[] | select(.ph == "M" and .name == "process_name") | .args.name] | unique | .[]' "$tl"
	assert_output norm
	# arguments by name, fds with their files
	run jq -c '[.[] | select(.ph == "X" and .name == "write" and .args.count == 15)][0].args' "$tl"
	assert_output '{"fd":3,"fd_path":"/dev/null","buf":{"addr":"'"$(jq -r '[.[] | select(.ph == "X" and .name == "write" and .args.count == 15)][0].args.buf.addr' "$tl")"'","total":15,"shown":15,"readable":15,"data":"from the thread"},"count":15,"result":15}'
}

@test "no event overlaps another on the same thread's track" {
	"$IOTRACE" -f -o /dev/null --timeline="$tl" "$HELPERS/norm" same >/dev/null
	run sh -c "jq -r '.[] | select(.ph == \"X\") | \"\(.tid) \(.ts) \(.dur)\"' '$tl' | sort -k1,1n -k2,2g |
		awk '\$1 == tid && \$2 < end - 0.0005 { print \"overlap:\", \$0; bad = 1 } { tid = \$1; end = \$2 + \$3 } END { exit bad }'"
	assert_success
	# signals and ends are instant events, as many as the text shows
	"$IOTRACE" -f -o "$out" --timeline="$tl" "$HELPERS/norm" same >/dev/null
	assert_equal "$(jq '[.[] | select(.ph == "i" and .cat == "process")] | length' "$tl")" \
		"$(grep -c '+++ exited' "$out")"
	assert_equal "$(jq '[.[] | select(.ph == "i" and .cat == "signal")] | length' "$tl")" \
		"$(grep -c '^[0-9]* *--- SIG' "$out")"
}

@test "a killed tracee and an interrupted iotrace still leave valid JSON" {
	run "$IOTRACE" -o /dev/null --timeline="$tl" -- sh -c 'kill -9 $$'
	jq -e '.[-1] | .name == "killed by SIGKILL" and .ph == "i"' "$tl" >/dev/null
	# iotrace interrupted (SIGTERM) while its command runs: the array is closed
	rm -f "$BATS_TEST_TMPDIR/ready"
	"$IOTRACE" -o /dev/null --timeline="$tl" -- sh -c 'touch "$1"; exec sleep 30' sh \
		"$BATS_TEST_TMPDIR/ready" &
	local pid=$! i
	for i in $(seq 100); do	# up to 10 s for the command to start
		[ -e "$BATS_TEST_TMPDIR/ready" ] && break
		sleep 0.1
	done
	[ -e "$BATS_TEST_TMPDIR/ready" ] || fail "the traced command did not start"
	kill -TERM $pid
	wait $pid || true
	jq -e 'type == "array"' "$tl" >/dev/null
}

@test "io_uring submissions and completions are async events joined by user_data, with a flow" {
	local rc=0
	(cd "$BATS_TEST_TMPDIR" && "$HELPERS/uring" setup >/dev/null 2>&1) || rc=$?
	[ "$rc" != 77 ] || skip "io_uring is not available: disabled (kernel.io_uring_disabled) or not allowed here"
	(cd "$BATS_TEST_TMPDIR" && "$IOTRACE" -o /dev/null --timeline="$tl" "$HELPERS/uring" basic >/dev/null)
	run jq -c '[.[] | select(.cat == "io_uring") | [.ph, .name, .id]]' "$tl"
	assert_output '[["b","IORING_OP_WRITE","0x1"],["s","io_uring","0x1"],["e","IORING_OP_WRITE","0x1"],["f","io_uring","0x1"],["b","IORING_OP_WRITEV","0x2"],["s","io_uring","0x2"],["e","IORING_OP_WRITEV","0x2"],["f","io_uring","0x2"],["b","IORING_OP_FSYNC","0x3"],["s","io_uring","0x3"],["e","IORING_OP_FSYNC","0x3"],["f","io_uring","0x3"],["b","IORING_OP_READ","0x4"],["s","io_uring","0x4"],["e","IORING_OP_READ","0x4"],["f","io_uring","0x4"]]'
	# the file's counter track: bytes written by the WRITE and WRITEV, read by the READ
	run jq -c '[.[] | select(.ph == "C" and (.name | endswith("/data"))) | .args] | last' "$tl"
	assert_output '{"read":12,"written":12}'
}

@test "with --normalize the tracks carry lineage names; with -ff and -p the same events" {
	"$IOTRACE" --normalize -o /dev/null --timeline="$tl" "$HELPERS/norm" same >/dev/null
	run jq -r '[.[] | select(.ph == "M" and .name == "thread_name") | .args.name] | sort | join(",")' "$tl"
	assert_output 'norm 1,norm 1.1,norm 1.2'
	# -ff: one event per call of all the files
	mkdir "$BATS_TEST_TMPDIR/ff"
	"$IOTRACE" -ff -o "$BATS_TEST_TMPDIR/ff/t" --timeline="$tl" "$HELPERS/norm" same >/dev/null
	assert_equal "$(jq '[.[] | select(.ph == "X")] | length' "$tl")" \
		"$(cat "$BATS_TEST_TMPDIR"/ff/t.* | grep -cE '^[a-z_0-9]+\(')"
	# -p: attached to a running process until it ends
	local stop="$BATS_TEST_TMPDIR/stop" pid
	sh -c 'while [ ! -e "$1" ]; do sleep 0.05; done; echo end >/dev/null' sh "$stop" &
	pid=$!
	"$IOTRACE" -p $pid -o "$out" --timeline="$tl" 2>"$out.err" &
	local tracer=$! i
	for i in $(seq 100); do	# until iotrace says it has attached
		grep -q attached "$out.err" && break
		sleep 0.1
	done
	grep -q attached "$out.err" || fail "iotrace did not attach: $(cat "$out.err")"
	touch "$stop"
	wait $tracer
	jq -e 'type == "array" and ([.[] | select(.ph == "X" and .name == "write")] | length) >= 1' "$tl" >/dev/null
}
