#!/usr/bin/env bats
# Tracee memory is hostile input: the decoders that read what the kernel
# filled (socket options, a file's status, a directory's entries, a
# signal mask, messages, io_uring's fixed-file tables, times) given random bytes, pointers at the edge of an
# unmapped page or wild, and huge lengths.  iotrace must show every call
# and never crash; the sanitizer build (CI) also catches any bad read.

load common

setup() {
	out="$BATS_TEST_TMPDIR/trace"
}

# The fuzzed calls' lines: the loader's own newfstatat(3, "", ...) left
# out ("." is "\x2e" with -xx, the dirfd named with -y).
FUZZED='(setsockopt|getsockopt|statx|getdents64|io_pgetevents|recvmmsg|io_uring_register|ppoll|epoll_ctl|pselect6|utimensat|readlinkat|utimes|timerfd_settime|mq_notify|mq_getsetattr|name_to_handle_at|setxattr|fanotify_mark)\(|newfstatat\([0-9]+(<[^>]*>)?, "(\.|\\x2e)"'

@test "random arguments to the struct-reading decoders: every call shown, nothing crashes" {
	local seed opts
	cd "$BATS_TEST_TMPDIR"
	for seed in 1 2 3 4 5 6; do
		for opts in "" "-v" "-s 0" "-xx -s 3" "-X verbose -yy" "-e read=all -e write=all"; do
			# shellcheck disable=SC2086
			run "$IOTRACE" -q $opts -o "$out" "$HELPERS/fuzz" $seed
			assert_success
			run grep -c -E "$FUZZED" "$out"
			assert_output 400
		done
		"$IOTRACE" -q --json -o "$out" "$HELPERS/fuzz" $seed
		run jq -s '[.[] | select(.type == "syscall") |
			select((.name | test("^(setsockopt|getsockopt|statx|getdents64|io_pgetevents|recvmmsg|io_uring_register|ppoll|epoll_ctl|pselect6|utimensat|readlinkat|utimes|timerfd_settime|mq_notify|mq_getsetattr|name_to_handle_at|setxattr|fanotify_mark)$")) or
			       (.name == "newfstatat" and .args.pathname == "."))] | length' "$out"
		assert_output 400
	done
}
