#!/usr/bin/env bats
# -e inject= and -e fault=: strace's syntax and lines, and short= counts
# that really run short.

load common

setup() {
	out="$BATS_TEST_TMPDIR/trace"
	cwd="$BATS_TEST_TMPDIR/cwd"
}

@test "error=, retval=, fault=, delays and when= as strace injects and prints them (x86_64, i386)" {
	require_strace
	same_as_strace write "rw rw32" basic "-e inject=write:error=ENOSPC:when=2" \
		"-e inject=write:retval=1:when=3+2" "-e fault=write:when=4+" \
		"-e inject=write:error=EIO:when=2 -e inject=write:retval=42" \
		"--inject=write:error=EIO:when=2..4 --fault=write:when=6" \
		"-e inject=write:delay_enter=1000:when=2 -e inject=write:retval=3:delay_exit=1000:when=3+" \
		"-P /dev/null -e inject=write:error=EIO" \
		"-e inject=write:retval=-4096:when=3" "-e inject=write:retval=18446744073709551615:when=4"
	# when= counts each syscall of the set apart, per thread, as strace
	same_as_strace write,pread64 "rw rw32" basic "-e inject=write,pread64:error=EIO:when=2" \
		"-e inject=write,pread64:delay_enter=10:when=3"
	# -P scopes it: the five writes to /dev/null, not those to fd -1 or the
	# memfd, nor the memfd's preads
	"$IOTRACE" -q -c -P /dev/null -e inject=write,pread64:error=EIO -e trace=write,pread64 \
		"$HELPERS/rw" basic 2>"$out"
	run grep -E ' (write|pread64)$' "$out"
	assert_line --regexp '^ *[0-9.]+ +[0-9.]+ +[0-9]+ +5 +5 +0 +5 write$'
	assert_equal "${#lines[@]}" 1
}

@test "signal= is delivered as strace delivers it, alone or with a result" {
	require_strace
	# signals whose default is to ignore, so both runs go on to the end
	same_as_strace write "rw rw32" basic "-e inject=write:signal=SIGWINCH:when=3" \
		"--inject=write:error=EIO:signal=SIGURG:when=2..4"
	"$IOTRACE" -q --json -e trace=write -e inject=write:signal=SIGWINCH:when=3 "$HELPERS/rw" basic 2>"$out"
	run jq -c 'select(.injected) | [.result, .injected, .injected_signal]' "$out"
	assert_output '[0,"signal","SIGWINCH"]'
	# names as strace takes them: the kernel's real-time bounds too
	run "$IOTRACE" -q -o /dev/null -e inject=write:signal=RTMIN:when=1000 -e signal=SIGRTMAX "$HELPERS/rw" basic
	assert_success
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
	run jq -c 'select(.injected) | .injected' "$out"
	assert_output '"short"'
	run cat "$cwd/copy"
	assert_output "$(printf '0123456789%.0s' $(seq 10))"
}

@test "--json, -c and --summary=files count injected calls" {
	"$IOTRACE" -q --json -e trace=write -e inject=write:error=ENOSPC:when=2 "$HELPERS/rw" basic 2>"$out"
	run jq -c 'select(.type == "syscall" and .injected) | [.name, .errno, .error, .injected]' "$out"
	assert_output '["write",28,"ENOSPC","error"]'
	# an injected column, and the errors it gave counted as errors
	"$IOTRACE" -q -c -e trace=write -e inject=write:error=ENOSPC:when=2+2 "$HELPERS/rw" basic 2>"$out"
	run grep -E ' (write|syscall)$' "$out"
	assert_line --index 0 --regexp '^% time +seconds +usecs/call +calls +errors +bytes injected syscall$'
	assert_line --index 1 --regexp '^ *[0-9.]+ +[0-9.]+ +[0-9]+ +7 +4 +9 +3 write$'
	rm -rf "$cwd" && mkdir "$cwd"
	(cd "$cwd" && "$IOTRACE" -q --summary=files -e trace=write -e inject=write:short=7 \
		"$HELPERS/rw" copy-loop) 2>"$out"
	run grep -E 'injected +file$|/copy$' "$out"
	assert_line --index 0 --regexp '^ +read +written +calls +errors +opens +syncs +sync-s +total-s +injected  file$'
	assert_line --index 1 --regexp '^ +0 +100 +15 +0 +0 +0 +[0-9.]+ +[0-9.]+ +14  .*/cwd/copy$'
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
inject=write:short=150%|-e inject: invalid short percentage '150%' (1% to 100%)
inject=write:short=0|-e inject: invalid short '0'
inject=write:short=-3|-e inject: invalid short '-3'
inject=write:short=0%|-e inject: invalid short percentage '0'
inject=write:short=x%|-e inject: invalid short percentage 'x'
inject=write:error=EIO:retval=1|-e inject: error= and retval= together
inject=write:short=4294967297%|-e inject: invalid short percentage '4294967297%' (1% to 100%)
inject=write:error=4294967301|-e inject: unknown error '4294967301'
inject=write:retval=x|-e inject: invalid retval 'x'
inject=write:retval=-|-e inject: invalid retval '-'
inject=write:retval=18446744073709551616|-e inject: invalid retval '18446744073709551616'
fault=write:retval=1|-e fault: unknown or unsupported key 'retval' (error, when)
inject=write:short=7:error=EIO|-e inject: short= and error= together
inject=write:eintr:torn=5|-e inject: eintr and torn= together
inject=write:enospc-after=1M:short=1|-e inject: enospc-after= and short= together
inject=write:enospc-after=12Q|-e inject: invalid enospc-after '12Q' (bytes, or a number with K, M or G)
inject=write:enospc-after=-1|-e inject: invalid enospc-after '-1' (bytes, or a number with K, M or G)
inject=write:enospc-after=99999999999999999999|-e inject: invalid enospc-after '99999999999999999999' (bytes, or a number with K, M or G)
inject=write:torn=|-e inject: invalid torn '' (bytes, or a number with K, M or G)
inject=write:signal=SIGFOO|-e inject: invalid signal 'SIGFOO'
inject=write:signal=0|-e inject: invalid signal '0'
inject=write:signal=65|-e inject: invalid signal '65'
inject=write:when=3..2|-e inject: invalid when '3..2' (FIRST[..LAST][+[STEP]], from 1 to 65535)
inject=write:when=1+0|-e inject: invalid when '1+0' (FIRST[..LAST][+[STEP]], from 1 to 65535)
inject=write:when=65536|-e inject: invalid when '65536' (FIRST[..LAST][+[STEP]], from 1 to 65535)
inject=write|-e inject: nothing to inject (error=, retval=, signal=, short=, enospc-after=, torn=, eintr, delay_enter= or delay_exit=)
inject=write:frob=1|-e inject: unknown or unsupported key 'frob' (error, retval, signal, short, enospc-after, torn, eintr, delay_enter, delay_exit, when)
inject=write:eintr=1|-e inject: unknown or unsupported key 'eintr' (error, retval, signal, short, enospc-after, torn, eintr, delay_enter, delay_exit, when)
inject=nosuch:error=EIO|-e inject: unknown or undecoded syscall 'nosuch'
inject=IORING_OP_WRITE:error=EIO|-e inject: nothing in 'IORING_OP_WRITE' can be injected (io_uring's operations run in the kernel, without a stop)
fault=write:short=7:error=EIO|-e fault: unknown or unsupported key 'short' (error, when)
EOF
}

@test "short= of vectored calls, sendmsg and i386 socketcall: the iovec total cut, the program's memory untouched" {
	local h m
	for h in faults faults32; do
		[ -x "$HELPERS/$h" ] || continue
		for m in writev-loop sendmsg-loop sendto-loop; do
			rm -rf "$cwd" && mkdir "$cwd"
			# the helper exits 4 if the call left its iovec or msghdr changed
			run bash -c 'cd "$1" && "$2" -q -e trace=writev,sendmsg,sendto \
				-e inject=writev,sendmsg,sendto:short=7 "$4" "$5" 2>"$3"' _ "$cwd" "$IOTRACE" "$out" "$HELPERS/$h" "$m"
			assert_success
			assert_equal "$(grep -c '= 7 (INJECTED: short=7)$' "$out")" 14
			run grep -c '= 2$' "$out"
			assert_output 1
		done
		assert_equal "$(head -1 "$out")" 'sendto(3, "01234567890123456789012345678901"..., 100, 0, NULL, 0) = 7 (INJECTED: short=7)'
		rm -rf "$cwd" && mkdir "$cwd"
		(cd "$cwd" && "$IOTRACE" -q -e trace=writev -e inject=writev:short=40% \
			"$HELPERS/$h" writev-loop 2>"$out")
		assert_equal "$(cat "$cwd/copy")" "$(printf '0123456789%.0s' $(seq 10))"
		run head -2 "$out"
		assert_line --index 0 'writev(3, [{iov_base="012345678901234567890123456789", iov_len=30}, {iov_base="012345678901234567890123456789", iov_len=30}, {iov_base="01234567890123456789012345678901"..., iov_len=40}], 3) = 40 (INJECTED: short=40)'
		assert_line --index 1 'writev(3, [{iov_base="01234567890123456789", iov_len=20}, {iov_base="01234567890123456789012345678901"..., iov_len=40}], 2) = 24 (INJECTED: short=24)'
	done
}

@test "short= cuts by copies below the stack: a recvmsg sees its msghdr written back as the kernel writes it" {
	local h
	for h in faults faults32; do
		[ -x "$HELPERS/$h" ] || continue
		# a datagram cut short is MSG_TRUNC, and the sender's name length 0
		run "$IOTRACE" -q -o "$out" -e trace=recvmsg -e inject=recvmsg:short=10 "$HELPERS/$h" recvmsg-trunc
		assert_success
		assert_output 'r=10 flags=0x20 namelen=0 iovlen=2'
		run sed -E 's/^[0-9]+ +//; s/msg_name=0x[0-9a-f]+/msg_name=ADDR/' "$out"	# the pid (-o), the address
		assert_line --index 0 'recvmsg(4, {msg_name=ADDR, msg_namelen=128 => 0, msg_iov=[{iov_base="0123456789", iov_len=60}, {iov_base="", iov_len=40}], msg_iovlen=2, msg_controllen=0, msg_flags=MSG_TRUNC}, 0) = 10 (INJECTED: short=10)'
	done
}

@test "short= of two threads in writev at once with one iovec array leaves the array as it was" {
	local h
	for h in faults faults32; do
		[ -x "$HELPERS/$h" ] || continue
		# the first is cut to 15 (10 + 5); the second, had the first's cut
		# been written into the shared array, would take 5 for the length
		# and put it back last (the helper exits 4 if it is changed)
		run timeout 60 "$IOTRACE" -q -o "$out" -e trace=writev -e inject=writev:short=75% \
			"$HELPERS/$h" shared-iov
		assert_success
		assert_equal "$(grep -c '(INJECTED: short=15)$' "$out")" 2
	done
}

@test "enospc-after=: per file, writes until the file has its bytes, one that fills it, then ENOSPC" {
	"$IOTRACE" -q -e trace=write,pwrite64 -e inject=write,pwrite64:enospc-after=4 "$HELPERS/rw" basic 2>"$out"
	# /dev/null is no disk: untouched; the memfd is a file: full after 4 bytes
	run grep -E '^(write|pwrite64)\((3|4|-1),' "$out"
	assert_line --index 0 'write(3, "hello\n", 6)                  = 6'
	assert_line --index 6 'pwrite64(4, "positional", 10, 100)      = 4 (INJECTED: short=4)'
	assert_line --index 7 'write(4, "abc", 3)                      = -1 ENOSPC (No space left on device) (INJECTED)'
	assert_equal "$(grep -c INJECTED "$out")" 2
}

@test "enospc-after=: cp and dd fail with 'No space left on device' at the byte count" {
	rm -rf "$cwd" && mkdir -p "$cwd/to"
	head -c 100000 /dev/urandom >"$cwd/a"
	head -c 30000 /dev/urandom >"$cwd/b"
	# every file takes 10000 bytes: each of the two copies is cut there
	run "$IOTRACE" -q -o "$out" -e inject=%data:enospc-after=10000 cp "$cwd/a" "$cwd/b" "$cwd/to/"
	assert_failure 1
	assert_line --partial "'$cwd/a'"
	assert_line --partial "'$cwd/b'"
	assert_equal "$(grep -c 'No space left on device' <<<"$output")" 2
	assert_equal "$(stat -c %s "$cwd/to/a" "$cwd/to/b")" "$(printf '10000\n10000')"
	cmp -n 10000 "$cwd/a" "$cwd/to/a"
	cmp -n 10000 "$cwd/b" "$cwd/to/b"
	assert_equal "$(grep -c '(INJECTED: short=10000)$' "$out")" 2
	# dd writes in 4096-byte blocks: two whole, one of 1808, then ENOSPC
	run "$IOTRACE" -q -o "$out" -e trace=write -e inject=write:enospc-after=10K \
		dd if="$cwd/a" of="$cwd/dd" bs=4096
	assert_failure 1
	assert_line "dd: error writing '$cwd/dd': No space left on device"
	assert_line --partial '10240 bytes (10 kB, 10 KiB) copied'
	assert_equal "$(stat -c %s "$cwd/dd")" 10240
	# (-o: lines start with the pid, as strace's when following forks)
	run grep -E '^[0-9]+ +write\(1, ' "$out"
	assert_line --index 0 --regexp '^[0-9]+ +write\(1, ".*"\.\.\., 4096\) += 4096$'
	assert_line --index 1 --regexp '^[0-9]+ +write\(1, ".*"\.\.\., 4096\) += 4096$'
	assert_line --index 2 --regexp '^[0-9]+ +write\(1, ".*"\.\.\., 4096\) += 2048 \(INJECTED: short=2048\)$'
	assert_line --index 3 --regexp '^[0-9]+ +write\(1, ".*"\.\.\., 2048\) += -1 ENOSPC \(No space left on device\) \(INJECTED\)$'
}

@test "eintr: a pipe read that would block fails with EINTR, a write returns what it moved; a read that would not block is left alone" {
	local h
	for h in faults faults32; do
		[ -x "$HELPERS/$h" ] || continue
		# the helper's child writes only after the first read is over: without
		# the interruption it would wait for ever, so a timeout guards the run
		# (--json: whole lines, whether or not the second read had to wait)
		run timeout 20 "$IOTRACE" -q --json -o "$out" -e trace=read -e inject=read:eintr:when=1 \
			"$HELPERS/$h" eintr
		assert_success
		run jq -c 'select(.type == "syscall") | [.name, .args.fd, .result, .error, .injected]' "$out"
		assert_output "$(printf '%s\n' '["read",3,-1,"EINTR","eintr"]' '["read",3,1,null,null]')"
		run grep -c SIGURG "$out"	# iotrace's own signal is never shown, nor delivered
		assert_output 0
		# a write that moved data before it would block returns that count:
		# a pipe holds 65536 bytes, and its reader waits for the write to end
		run timeout 20 "$IOTRACE" -q --json -o "$out" -e trace=write -e inject=write:eintr:when=1 \
			"$HELPERS/$h" eintr-write
		assert_success
		run jq -c 'select(.type == "syscall") | [.args.count, .result]' "$out"
		assert_output "$(printf '%s\n' '[100000,65536]' '[34464,34464]')"
	done
	# reads of a memfd never block: nothing interrupted, nothing marked
	"$IOTRACE" -q -e trace=read -e inject=read:eintr "$HELPERS/rw" basic 2>"$out"
	run grep -c -E 'INJECTED|SIGURG' "$out"
	assert_output 0
	run grep -c '^read(4, "ab", 2) *= 2$' "$out"
	assert_output 1
}

@test "signal=SIGKILL: a write ends in ') = ?', a read in ' <unfinished ...>) = ?', as under strace" {
	local sc tracer
	for sc in write read; do
		for tracer in strace "$IOTRACE"; do
			run bash -c 'exec "$1" -qq -e trace="$2" -e inject="$2":signal=SIGKILL:when=2 "$3" basic 2>"$4" >/dev/null' \
				_ "$tracer" "$sc" "$HELPERS/rw" "$out.$(basename "$tracer")"
			assert_failure 137
		done
		assert_same "$out.strace" "$out.iotrace"
	done
	assert_equal "$(sed -n 2p "$out.iotrace")" 'read(4,  <unfinished ...>)              = ?'
}

@test "torn=N: the write lands N bytes, then SIGKILL, as a crash would leave the file" {
	rm -rf "$cwd" && mkdir "$cwd"
	run bash -c 'cd "$1" && exec "$2" -q -e trace=write -e inject=write:torn=7 "$4" torn 2>"$3"' \
		_ "$cwd" "$IOTRACE" "$out" "$HELPERS/faults"
	assert_failure 137	# as strace: 128 + the signal that killed the command
	assert_equal "$(cat "$cwd/torn")" "0123456"
	run cat "$out"
	assert_line --index 0 'write(3, "01234567890123456789012345678901"..., 100) = 7 (INJECTED: torn=7)'
	assert_line --index 1 '+++ killed by SIGKILL +++'
	# a vectored write: torn inside its second element
	rm -rf "$cwd" && mkdir "$cwd"
	run bash -c 'cd "$1" && exec "$2" -q --json -o "$3" -e trace=writev -e inject=writev:torn=45 "$4" writev-loop' \
		_ "$cwd" "$IOTRACE" "$out" "$HELPERS/faults"
	assert_failure 137
	assert_equal "$(stat -c %s "$cwd/copy")" 45
	run jq -c 'select(.type == "syscall") | [.result, .injected, .injected_short]' "$out"
	assert_output '[45,"torn",45]'
}

@test "a delay holds its own thread only: iotrace serves the others meanwhile" {
	local pid i
	# the parent's write is held for a minute; its child's calls and end
	# must come first (--json: whole lines; the file is flushed every 250 ms)
	"$IOTRACE" -f --json -o "$out" -e trace=write,writev -e inject=write:delay_enter=60000000 \
		"$HELPERS/faults" delay &
	pid=$!
	for i in $(seq 300); do
		grep -q '"type":"exited"' "$out" 2>/dev/null && break
		sleep 0.1	# polling for the child's end, at most 30 s
	done
	kill -TERM "$pid"	# (a background job ignores SIGINT) ends the run: the write is let go
	wait "$pid" || true
	run jq -c '[.type, .name, .result, .injected]' "$out"
	assert_line --index 0 '["syscall","writev",1,null]'
	assert_line --index 1 '["syscall","writev",1,null]'
	assert_line --index 2 '["syscall","writev",1,null]'
	assert_line --index 3 '["exited",null,null,null]'
}

@test "short= with a delay, spinning or without the seccomp filter: each call shown and cut once" {
	local mode
	for mode in --spin-always --no-seccomp; do
		rm -rf "$cwd" && mkdir "$cwd"
		(cd "$cwd" && "$IOTRACE" -q "$mode" -e trace=writev -e inject=writev:short=7:delay_enter=1000 \
			"$HELPERS/faults" writev-loop 2>"$out")
		assert_equal "$(cat "$cwd/copy")" "$(printf '0123456789%.0s' $(seq 10))"
		assert_equal "$(grep -c '^writev(' "$out")" 15
		assert_equal "$(grep -c '= 7 (INJECTED: short=7) (DELAYED)$' "$out")" 14
	done
}
