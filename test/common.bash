# Shared set-up for iotrace's bats tests.
#
# Paths come from the environment that `make check` sets (so VPATH and
# distcheck builds work); running a file with plain `bats` from the
# source tree falls back to the in-tree build.

bats_load_library bats-support
bats_load_library bats-assert

: "${IOTRACE:=$BATS_TEST_DIRNAME/../iotrace}"
: "${HELPERS:=$BATS_TEST_DIRNAME/helpers}"
: "${EXPECTED:=$BATS_TEST_DIRNAME/expected}"
export IOTRACE HELPERS EXPECTED

# Masks what varies between runs and nothing else:
#  - process and thread ids ("[pid  N]", the "N  " leader of -o, si_pid=,
#    "pid N", "PID=N", "Process N", process_vm_*'s pid) become P1, P2, ... in order of first
#    appearance, so which line belongs to which thread is still checked;
#    since a pid's width moves the result column, lines that had a pid
#    leader are re-padded to column ${ALIGN:-40} (alignment itself is
#    checked by tests without leaders or addresses);
#  - with MASK_ADDR=1, hex addresses become ADDR, and such lines are
#    re-padded the same way.
normalize() {
	perl -ne '
		BEGIN { $align = $ENV{ALIGN} // 40; $mask = $ENV{MASK_ADDR}; }
		sub p { my $n = shift; $m{$n} //= "P" . ++$c; $m{$n} }
		my $lead = s/^\[pid +(\d+)\] /sprintf("[pid %5s] ", p($1))/e
			|| s/^(\d+) +/sprintf("%-5s ", p($1))/e;
		s/\b(si_pid=|pid |PID=|Process |process_vm_readv\(|process_vm_writev\()(\d+)/$1 . p($2)/ge;
		my $masked = $mask && s/0x[0-9a-f]+/ADDR/g;
		if (($lead || $masked) && /^(.*\)) +(= .*)$/s) {
			my ($head, $tail) = ($1, $2);
			$_ = $head . (length($head) < $align ? " " x ($align - length($head)) : " ") . $tail;
		}
		print;'
}

# Compares file $2 (actual) with expected file $1 and shows a diff on failure.
assert_same() {
	if ! diff -u "$1" "$2"; then
		echo "actual output differs from $1" >&2
		return 1
	fi
}

# Skips unless the -m32 helpers were built.
require_m32() {
	[ -x "$HELPERS/rw32" ] || skip "no -m32 helpers: gcc-multilib (i386 libc) is not installed"
}

require_strace() {
	command -v strace >/dev/null || skip "strace is not installed"
}

# Waits for background job $1 in this shell (bats' run would use a
# subshell, which cannot wait for it) and puts its exit status in $status.
wait_status() {
	status=0
	output=
	wait "$1" || status=$?
}
