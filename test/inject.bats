#!/usr/bin/env bats
# -e inject= and -e fault=: strace's syntax and lines, and short= counts
# that really run short.

load common

setup() {
	out="$BATS_TEST_TMPDIR/trace"
	cwd="$BATS_TEST_TMPDIR/cwd"
}

@test "error=, retval=, fault= and when= as strace injects and prints them (x86_64, i386)" {
	require_strace
	same_as_strace write "rw rw32" basic "-e inject=write:error=ENOSPC:when=2" \
		"-e inject=write:retval=1:when=3+2" "-e fault=write:when=4+" \
		"-e inject=write:error=EIO:when=2 -e inject=write:retval=42"
}

@test "short=N: the write really moves N bytes; a loop that ignores it leaves a short copy" {
	rm -rf "$cwd" && mkdir "$cwd"
	(cd "$cwd" && "$IOTRACE" -q -e trace=write -e inject=write:short=7 "$HELPERS/rw" copy-naive) 2>"$out"
	run cat "$out"
	assert_line 'write(5, "01234567890123456789012345678901"..., 100) = 7 (INJECTED: short=7)'
	assert_equal "$(cat "$cwd/copy")" "0123456"
	# the fixed loop writes on until all is written: a correct copy, in 15 writes
	rm -rf "$cwd" && mkdir "$cwd"
	(cd "$cwd" && "$IOTRACE" -q -e trace=write -e inject=write:short=7 "$HELPERS/rw" copy-loop) 2>"$out"
	assert_equal "$(cat "$cwd/copy")" "$(printf '0123456789%.0s' $(seq 10))"
	assert_equal "$(grep -c '(INJECTED: short=7)$' "$out")" 14
	run grep -c '^write(5, "89", 2) *= 2$' "$out"
	assert_output 1
	# a percentage, on i386 too; --json marks it
	rm -rf "$cwd" && mkdir "$cwd"
	(cd "$cwd" && "$IOTRACE" -q --json -e trace=write -e inject=write:short=50%:when=1 \
		"$HELPERS/rw32" copy-loop) 2>"$out"
	run jq -c 'select(.type == "syscall") | [.args.count, .result, .injected_short]' "$out"
	assert_line --index 0 '[100,50,50]'
	assert_line --index 1 '[50,50,null]'
	run cat "$cwd/copy"
	assert_output "$(printf '0123456789%.0s' $(seq 10))"
}

@test "--json and -c count injected calls" {
	"$IOTRACE" -q --json -e trace=write -e inject=write:error=ENOSPC:when=2 "$HELPERS/rw" basic 2>"$out"
	run jq -c 'select(.type == "syscall" and .injected) | [.name, .errno, .error]' "$out"
	assert_output '["write",28,"ENOSPC"]'
	"$IOTRACE" -q -c -e trace=write -e inject=write:error=ENOSPC "$HELPERS/rw" basic 2>"$out"
	run grep -E ' write$' "$out"
	assert_output --regexp '^ *[0-9.]+ +[0-9.]+ +[0-9]+ +7 +7 +0 write$'
}

@test "bad -e inject= and -e fault= values: one clear line, status 1" {
	local bad want
	while IFS='|' read -r bad want; do
		run "$IOTRACE" -e "$bad" true
		assert_failure 1
		assert_output "iotrace: $want"
	done <<'EOF'
inject=write:error=EFOO|-e inject: unknown error 'EFOO'
inject=write:when=0|-e inject: invalid when '0' (FIRST[..LAST][+[STEP]], from 1 to 65535)
inject=write:short=150%|-e inject: invalid short percentage '150%'
inject=write:error=EIO:retval=1|-e inject: error= and retval= together
inject=write:short=7:error=EIO|-e inject: short= runs the call; error= and retval= skip it
inject=write|-e inject: nothing to inject (error=, retval=, short=, delay_enter= or delay_exit=)
inject=write:frob=1|-e inject: unknown or unsupported key 'frob' (error, retval, short, delay_enter, delay_exit, when)
inject=nosuch:error=EIO|-e inject: unknown or undecoded syscall 'nosuch'
EOF
}
