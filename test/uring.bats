#!/usr/bin/env bats
# io_uring's syscalls (io_uring_setup, io_uring_enter, io_uring_register),
# against strace on the x86_64 and i386 helpers, which drive the rings
# with raw syscalls.  What the rings hold is not decoded yet.

load common

URING_CALLS=io_uring_setup,io_uring_enter,io_uring_register

setup() {
	out="$BATS_TEST_TMPDIR/trace"
	cwd="$BATS_TEST_TMPDIR/cwd"
	mkdir -p "$cwd"
	# The helper exits 77 when the kernel refuses io_uring.
	local rc=0
	(cd "$cwd" && "$HELPERS/uring" setup >/dev/null 2>&1) || rc=$?
	[ "$rc" != 77 ] || skip "io_uring is not available: disabled (kernel.io_uring_disabled) or not allowed here"
}

# strace 6.1 names the features up to IORING_FEAT_LINKED_FILE; iotrace
# names the newer ones too: both are masked to FEATURES.
mask_features() {
	perl -pe 's/features=[^,]*(, sq_off=)/features=FEATURES$1/'
}

@test "io_uring_setup, io_uring_enter and io_uring_register as strace prints them" {
	require_strace
	local h m tracer
	for h in uring uring32; do
		[ -x "$HELPERS/$h" ] || continue
		for m in basic batch setup; do
			for tracer in strace "$IOTRACE"; do
				rm -rf "$cwd" && mkdir "$cwd"
				(cd "$cwd" && "$tracer" -q -e trace="$URING_CALLS" "$HELPERS/$h" "$m" >/dev/null) 2>"$out"
				MASK_ADDR=1 normalize <"$out" | mask_features >"$out.$(basename "$tracer")"
			done
			assert_same "$out.strace" "$out.iotrace"
		done
	done
}

@test "io_uring_setup names the features the kernel answers, newer ones too; a failed setup shows what was asked" {
	(cd "$cwd" && "$IOTRACE" -q -e trace=io_uring_setup "$HELPERS/uring" setup >/dev/null) 2>"$out"
	run cat "$out"
	assert_line 'io_uring_setup(4, {flags=0x80000000 /* IORING_SETUP_??? */, sq_thread_cpu=0, sq_thread_idle=0}) = -1 EINVAL (Invalid argument)'
	assert_line --regexp '^io_uring_setup\(2, \{flags=0, sq_thread_cpu=0, sq_thread_idle=0, sq_entries=2, cq_entries=4, features=IORING_FEAT_SINGLE_MMAP[|]IORING_FEAT_NODROP[|][A-Z0-9_|]*, sq_off=\{head=0, tail=[0-9]+, ring_mask=[0-9]+, ring_entries=[0-9]+, flags=[0-9]+, dropped=[0-9]+, array=[0-9]+\}, cq_off=\{head=[0-9]+, tail=[0-9]+, ring_mask=[0-9]+, ring_entries=[0-9]+, overflow=[0-9]+, cqes=[0-9]+, flags=[0-9]+\}\}\) = 3$'
	# -X raw: every flag as hex
	(cd "$cwd" && "$IOTRACE" -q -X raw -e trace=io_uring_enter "$HELPERS/uring" batch >/dev/null) 2>"$out"
	run cat "$out"
	assert_line 'io_uring_enter(3, 0, 5, 0x1, NULL, 0)   = 0'
}
