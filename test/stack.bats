#!/usr/bin/env bats
# -k: the caller's stack after each call.

load common

setup() {
	out="$BATS_TEST_TMPDIR/trace"
	if "$IOTRACE" -k true 2>&1 | grep -q 'built without'; then
		skip "this iotrace was built without libunwind-ptrace"
	fi
}

# The symbol names of the frames after the first line matching $1, in order.
frame_names() {
	awk -v call="$1" '
		found && /^ > / { s = $0; sub(/^[^(]*\(/, "", s); sub(/\+0x.*$/, "", s); print s; next }
		found { exit }
		index($0, call) == 1 { found = 1 }' "$2"
}

@test "a call chain across source files: f3, f2, f1, f0, main, in order, with binary and offsets" {
	"$IOTRACE" -q -k -e trace=write "$HELPERS/stack" chain 2>"$out"
	run frame_names 'write(3, "x", 1)' "$out"
	# Frame 0 is libc's write wrapper, whatever this libc calls it.
	assert_line --index 1 f3
	assert_line --index 2 f2
	assert_line --index 3 f1
	assert_line --index 4 f0
	assert_line --index 5 main
	run grep -cE "^ > $HELPERS/stack\(f[0-3]\+0x[0-9a-f]+\) \[0x[0-9a-f]+\]$" "$out"
	assert_output 4
}

@test "a symbol name longer than 100 characters prints whole" {
	"$IOTRACE" -q -k -e trace=write "$HELPERS/stack" long 2>"$out"
	run frame_names 'write(3, "x", 1)' "$out"
	assert_line --index 1 f3
	assert_line --index 2 a_function_whose_name_is_far_longer_than_one_hundred_characters_so_that_no_fixed_buffer_can_hold_it_whole_0123456789
}

@test "frames inside a library loaded with dlopen after start are named" {
	"$IOTRACE" -q -k -e trace=write "$HELPERS/stack" dlopen "$HELPERS/libstackdl.so" 2>"$out"
	run frame_names 'write(3, "dl", 2)' "$out"
	assert_line --index 1 dl_inner
	assert_line --index 2 dl_writer
	assert_line --index 3 main
	run grep -c "^ > $HELPERS/libstackdl.so(dl_" "$out"
	assert_output 2
}

@test "--stack-trace-frame-limit=N prints at most N frames" {
	"$IOTRACE" -q -k --stack-trace-frame-limit=3 -e trace=write "$HELPERS/stack" chain 2>"$out"
	run frame_names 'write(3, "x", 1)' "$out"
	assert_equal "${#lines[@]}" 3
	assert_line --index 2 f2
}

@test "-k with -p" {
	"$HELPERS/stack" wait &
	local victim=$! i caught
	# SIGUSR1 (0x200 in SigCgt) must be caught before it is sent.
	for i in $(seq 100); do
		caught=$(awk '/^SigCgt:/ { print $2 }' "/proc/$victim/status")
		[ $((0x$caught & 0x200)) != 0 ] && break
		sleep 0.05
	done
	"$IOTRACE" -k -e trace=write -p "$victim" -o "$out" 2>"$out.err" &
	local tracer=$!
	for i in $(seq 100); do grep -q attached "$out.err" && break; sleep 0.05; done
	kill -USR1 "$victim"
	wait_status "$victim"
	assert_equal "$status" 0
	wait_status "$tracer"
	assert_equal "$status" 0
	sed -i 's/^[0-9][0-9]* *//' "$out"
	run frame_names 'write(3, "x", 1)' "$out"
	assert_line --index 1 f3
	assert_line --index 4 f0
}

@test "-k on an i386 tracee: one clear line instead of wrong frames" {
	require_m32
	"$IOTRACE" -q -k -e trace=write "$HELPERS/rw32" octal 2>"$out"
	run grep -c '^ > ' "$out"
	assert_output 8
	run grep -vc -e '^ > \[no stack trace: libunwind cannot unwind a 32-bit tracee from the 64-bit iotrace\]$' -e '^write(' -e '^+++' "$out"
	assert_output 0
}

@test "the maps cache follows munmap and mmap: a library unloaded, its place taken, loaded again elsewhere" {
	local opts
	for opts in "" --no-seccomp; do
		# shellcheck disable=SC2086
		"$IOTRACE" -q -k $opts -e trace=write "$HELPERS/stack" reload "$HELPERS/libstackdl.so" 2>"$out"
		run grep -c "^ > $HELPERS/libstackdl.so(dl_inner+0x[0-9a-f]*) \[0x[0-9a-f]*\]$" "$out"
		assert_output 2
		run grep -c "^ > $HELPERS/libstackdl.so(dl_writer+" "$out"
		assert_output 2
		# Both calls at the same file offsets, though at other addresses.
		assert_equal "$(grep 'dl_inner' "$out" | sort -u | wc -l)" 1
	done
}

@test "frame names from the tracee's files are escaped: a binary path with a tab and 0xff" {
	local dir="$BATS_TEST_TMPDIR/"$'odd\t\xff'
	mkdir "$dir"
	cp "$HELPERS/stack" "$dir/stack"
	"$IOTRACE" -q -k -e trace=write "$dir/stack" chain 2>"$out"
	run grep -c "^ > $BATS_TEST_TMPDIR/odd\\\\011\\\\377/stack(f3+0x[0-9a-f]*) \\[0x[0-9a-f]*\\]$" "$out"
	assert_output 1
	# No raw control byte or byte above 0x7e anywhere in the trace.
	run grep -c $'[\x01-\x09\x0b-\x1f\x7f-\xff]' "$out"
	assert_output 0
}

@test "a library's file cut short under a frame: the frame prints without a symbol, iotrace goes on" {
	# The program keeps only the library's code in its file, then writes;
	# -k used to read past the end of what it had mapped and crash,
	# killing the program with it.
	cp "$HELPERS/libstackdl.so" "$BATS_TEST_TMPDIR/cut.so"
	run "$IOTRACE" -q -k -e trace=write "$HELPERS/stack" cut "$BATS_TEST_TMPDIR/cut.so"
	assert_success
	assert_line --index 0 --regexp '^write\(3, "c", 1\) += 1$'
	assert_line --regexp "^ > $BATS_TEST_TMPDIR/cut\\.so\\(\\) \\[0x[0-9a-f]+\\]\$"
	assert_line '+++ exited with 0 +++'
}

@test "a library truncated and rewritten while its frame is on the stack: no crash, every write shown" {
	# Another thread empties the file and writes it back a page at a time,
	# as copying a rebuilt library over a running one does; each write
	# follows an munmap, so -k looks for the library's unwind table anew.
	# iotrace used to die of SIGSEGV or SIGBUS here in every run.
	cp "$HELPERS/libstackdl.so" "$BATS_TEST_TMPDIR/lib.so"
	run "$IOTRACE" -k -e trace=write -o "$out" "$HELPERS/stack" truncate "$BATS_TEST_TMPDIR/lib.so" 3000
	assert_success
	assert_output "survived 3000 writes"
	run grep -cE '^[0-9]+ +write\(3, "t", 1\) += 1$' "$out"
	assert_output 3000
	# The library's frame: named, or without a name while its file was short.
	run grep -cE "^ > $BATS_TEST_TMPDIR/lib\\.so\\((dl_call\\+0x[0-9a-f]+)?\\) \\[0x[0-9a-f]+\\]\$" "$out"
	assert_output 3000
}
