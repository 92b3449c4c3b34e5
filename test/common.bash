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
: "${SRCDIR:=$BATS_TEST_DIRNAME/..}"
export IOTRACE HELPERS EXPECTED SRCDIR

# Masks what varies between runs and nothing else:
#  - process and thread ids ("[pid  N]", the "N  " leader of -o, si_pid=,
#    "pid N", "PID=N", "Process N", process_vm_*'s and pidfd_open's pid,
#    SCM_CREDENTIALS' {pid=N})
#    become P1, P2, ... in order of first
#    appearance, so which line belongs to which thread is still checked;
#    since a pid's width moves the result column, lines that had a pid
#    leader are re-padded to column ${ALIGN:-40} (alignment itself is
#    checked by tests without leaders or addresses);
#  - with MASK_ADDR=1, hex addresses become ADDR, and such lines are
#    re-padded the same way; REPAD=1 re-pads every line (for callers that
#    mask something else of varying width first);
#  - with MASK_INODE=1, the inodes of pipes, sockets and anonymous inodes
#    ("pipe:[123]", -yy's "UNIX-STREAM:[123->124]"), and the inode that
#    names an O_TMPFILE file ("/dir/#123"), become N, and such lines are
#    re-padded;
#  - with MASK_PORT=1, a port the kernel picked (32768 and up, where
#    ip_local_port_range starts) becomes htons(PORT), "PORT" as -X raw
#    and verbose show its bytes, and 127.0.0.1:PORT in -yy's endpoints;
#  - with MASK_LEFT=1, what is left of a timeout after the call
#    ("(left {tv_sec=0, tv_nsec=998211})") becomes "(left {TIME})".
normalize() {
	perl -ne '
		BEGIN { $align = $ENV{ALIGN} // 40; $mask = $ENV{MASK_ADDR}; $repad = $ENV{REPAD};
			$inode = $ENV{MASK_INODE}; $port = $ENV{MASK_PORT}; $left = $ENV{MASK_LEFT}; }
		sub p { my $n = shift; $m{$n} //= "P" . ++$c; $m{$n} }
		# (pids, or the lineage names of --normalize: 1.2, ?1, x3)
		my $lead = s/^\[pid +([\d.?x]+)\] /sprintf("[pid %5s] ", p($1))/e
			|| s/^([\d.]+|\?\d+|x\d+) +/sprintf("%-5s ", p($1))/e;
		s/\b(si_pid=|pid |PID=|Process |process_vm_readv\(|process_vm_writev\(|pidfd_open\()(\d+)/$1 . p($2)/ge;
		s/(\{pid=)(\d+)/$1 . p($2)/ge;	# SCM_CREDENTIALS
		# (the level and type of a control message are values, not addresses)
		my $masked = $mask && s/(?<!cmsg_level=)(?<!cmsg_type=)0x[0-9a-f]+/ADDR/g;
		# What is left of a timeout (recvmmsg) depends on how long the call took.
		$masked = (s/\(left \{tv_sec=\d+, tv_nsec=\d+\}\)/(left {TIME})/g) || $masked if $left;
		$masked = (s/\b(pipe|socket|anon_inode):\[\d+\]/$1:[N]/g) || $masked if $inode;
		# -yy: a socket by its protocol, with its peer inode for UNIX
		$masked = (s/\b(TCP|TCPv6|UDP|UDPv6|UNIX|UNIX-STREAM|NETLINK):\[\d+(?=\]|->|,)(->\d+)?/"$1:[N" . ($2 ? "->N" : "")/ge) || $masked if $inode;
		$masked = (s{/#\d+>}{/#N>}g) || $masked if $inode;	# an O_TMPFILE file
		# A port the kernel picked (ip_local_port_range starts at 32768).
		$masked = (s/htons\((\d+)\)/$1 >= 32768 ? "htons(PORT)" : "htons($1)"/ge) || $masked if $port;
		$masked = (s/(\d+\.\d+\.\d+\.\d+|\]):(\d+)(?=[\]-])/$2 >= 32768 ? "$1:PORT" : "$1:$2"/ge) || $masked if $port;	# -yy
		$masked = (s/(sin6?_port=)"\\x([0-9a-f]{2})\\x([0-9a-f]{2})"/hex($2) >= 128 ? "$1\"PORT\"" : $&/ge) || $masked if $port;	# -X raw
		if (($lead || $masked || $repad) && /^(.*\)) +(= .*)$/s) {
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

# Runs strace and iotrace on each helper in $2 and mode in $3 with each
# option set in $4...; requires the same output, pids, addresses and
# inodes masked.  $1 is the -e trace= set both are given.  With
# FRESH_DIR=DIR each run starts in DIR, emptied, so that the files a
# helper makes there are new to both.
same_as_strace() {
	local set=$1 helpers=$2 modes=$3 helper mode opts tracer
	shift 3
	for helper in $helpers; do
		[ -x "$HELPERS/$helper" ] || continue
		for opts in "$@"; do
			for mode in $modes; do
				for tracer in strace "$IOTRACE"; do
					if [ -n "${FRESH_DIR:-}" ]; then
						rm -rf "$FRESH_DIR" && mkdir "$FRESH_DIR"
					fi
					# shellcheck disable=SC2086
					(cd "${FRESH_DIR:-.}" && "$tracer" $([ "$tracer" = strace ] && echo -f) \
						$opts -o "$out.$([ "$tracer" = strace ] && echo s || echo i)" \
						-e trace="$set" "$HELPERS/$helper" "$mode")
				done
				MASK_ADDR=1 MASK_INODE=1 MASK_PORT=1 MASK_LEFT=1 normalize <"$out.s" >"$out.sn"
				MASK_ADDR=1 MASK_INODE=1 MASK_PORT=1 MASK_LEFT=1 normalize <"$out.i" >"$out.in"
				# what iotrace shows beyond strace, left out (a perl substitution)
				[ -z "${DROP_OWN:-}" ] || perl -pi -e "$DROP_OWN" "$out.in"
				assert_same "$out.sn" "$out.in"
			done
		done
	done
}

# Runs strace on iotrace itself (to count iotrace's own syscalls).
# LeakSanitizer cannot work in a ptraced process, so in a sanitizer build
# leak checking is off for this run only; ASan and UBSan stay on.
strace_iotrace() {
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" strace "$@"
}

# How many times iotrace itself called syscall $1, tracing the rest of
# the arguments with -q -o /dev/null (strace does not follow iotrace's
# child: it would seize it before iotrace could).
count_own_calls() {
	local sc=$1
	shift
	strace_iotrace -c -e trace="$sc" -o "$BATS_TEST_TMPDIR/sum" "$IOTRACE" -q -o /dev/null "$@"
	awk -v sc="$sc" '$NF == sc { n = $4 } END { print n + 0 }' "$BATS_TEST_TMPDIR/sum"
}

# The syscalls iotrace decodes, one a line, as -h lists them by class
# (a class's line may go on over indented lines).
decoded_syscalls() {
	"$IOTRACE" -h | sed -n '/^Syscalls decoded/,/^io_uring operations/{
		s/^  %[a-z]* *//p
		s/^          //p
	}' | tr ' ' '\n' | grep .
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

# Traces helper $1 in mode $2 with iotrace options $3...: the trace (on
# stderr) in $out, and with pids and addresses masked in $out.n.  Only
# the data calls are traced (the helpers' set-up opens and closes fds),
# unless the options say otherwise with -e trace=.
trace_helper() {
	local helper=$1 mode=$2
	shift 2
	"$IOTRACE" -e trace=%data "$@" "$HELPERS/$helper" "$mode" 2>"$out"
	MASK_ADDR=1 normalize <"$out" >"$out.n"
}

# Waits until the shell condition $1 holds, 10 seconds at the most.
wait_for() {
	local i
	for i in $(seq 200); do
		eval "$1" && return 0
		sleep 0.05
	done
	echo "timed out waiting for: $1" >&2
	return 1
}

# The state letter of process $1 from /proc: R, S, T (stopped), t (traced)...
state_of() {
	sed -n 's/^State:[[:space:]]*\([A-Za-z]\).*/\1/p' "/proc/$1/status"
}
