#!/usr/bin/env bats
# -t, -tt, -ttt, -r and -T: the times lines start and end with.  Times
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
