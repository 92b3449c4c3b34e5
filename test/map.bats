#!/usr/bin/env bats
# File mappings: mmap, i386's mmap2, munmap, mremap, msync (the %map
# class).  An anonymous mapping is not I/O: not stopped, not shown; a
# munmap or mremap shows only over a file mapping.

load common

setup() {
	out="$BATS_TEST_TMPDIR/trace"
	cwd="$BATS_TEST_TMPDIR/cwd"
	all=$(decoded_syscalls | paste -sd,)
}

@test "mmap and mmap2 of a file, msync, munmap of its ranges, mremap: as strace, -y, -X raw/verbose" {
	require_strace
	FRESH_DIR=$cwd same_as_strace "$all" "fdlife fdlife32" map "" "-y" "-X raw" "-X verbose"
}

@test "anonymous mappings and their munmaps and mremaps are not shown; the file mapping and msync are" {
	local opts
	for opts in "" "--no-seccomp"; do
		rm -rf "$cwd" && mkdir "$cwd"
		# shellcheck disable=SC2086
		(cd "$cwd" && "$IOTRACE" -q $opts -e signal=none -e trace=%map "$HELPERS/fdlife" anon) 2>"$out"
		MASK_ADDR=1 normalize <"$out" >"$out.n"
		# The child unmaps shared anonymous memory: /proc gives it an inode, not a file.
		printf '%s\n' \
			'mmap(NULL, 4096, PROT_READ, MAP_SHARED, 3, 0) = ADDR' \
			'msync(ADDR, 4096, MS_SYNC)              = 0' \
			'munmap(ADDR, 4096)                      = 0' \
			'[pid    P1] +++ exited with 0 +++' \
			'+++ exited with 0 +++' >"$out.want"
		assert_same "$out.want" "$out.n"
	done
	# The munmap is of the mapping the mmap made.
	run awk '/^mmap/ { a = $NF } /^munmap/ { sub(/^munmap\(/, ""); sub(/,.*/, ""); print ($0 == a) }' "$out"
	assert_output 1
}

@test "munmap traced alone still knows the file mappings: the mmaps and mremaps are stopped, not shown" {
	rm -rf "$cwd" && mkdir "$cwd"
	(cd "$cwd" && "$IOTRACE" -q -e trace=munmap "$HELPERS/fdlife" map) 2>"$out"
	# Two of the first mappings' ranges, the rest of one, the last one, and
	# the one mremap moved (its new address).
	run grep -c '^munmap(' "$out"
	assert_output 5
	run grep -c -E '^(mmap|mremap)' "$out"
	assert_output 0
	# With mremap shown too: the last munmap is of where the mapping moved.
	(cd "$cwd" && "$IOTRACE" -q -e trace=munmap,mremap "$HELPERS/fdlife" map) 2>"$out"
	run awk '/^mremap\(.*MREMAP_FIXED/ { a = $NF } /^munmap/ { sub(/^munmap\(/, ""); sub(/,.*/, ""); m = $0 } END { print (a != "" && a == m) }' "$out"
	assert_output 1
}

@test "an anonymous mmap does not stop the tracee: 1000 of them cost no ptrace stop" {
	require_strace
	# Two stops a traced call; the write is the only one here, beside
	# set-up (glibc's readlink of /proc/self/exe, close_range).
	strace_iotrace -c -e trace=ptrace -o "$out.sum" "$IOTRACE" -q -o "$out" "$HELPERS/fdlife" anonloop
	run awk '$NF == "ptrace" { print ($4 < 100) }' "$out.sum"
	assert_output 1
	run grep -c '^' "$out"
	assert_output 4
}
