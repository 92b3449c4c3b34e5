#!/usr/bin/env bats
# Sockets: socket, socketpair, bind, connect, listen, accept, accept4,
# shutdown, getsockname, getpeername, sendto, recvfrom, sendmsg, recvmsg,
# sendmmsg, recvmmsg (the %net class).
# Against strace on x86_64 and i386 helpers (direct socket syscalls),
# each run in a new, empty directory; pids, addresses, socket inodes and
# the ports the kernel picks masked.

load common

setup() {
	out="$BATS_TEST_TMPDIR/trace"
	cwd="$BATS_TEST_TMPDIR/cwd"
}

# Runs helper $1 in mode $2 with iotrace options $3... in a new $cwd: the
# trace in $out, and masked as strace comparisons mask it in $out.n.
trace_fresh() {
	local helper=$1 mode=$2
	shift 2
	rm -rf "$cwd" && mkdir "$cwd"
	(cd "$cwd" && "$IOTRACE" "$@" "$HELPERS/$helper" "$mode") 2>"$out"
	MASK_ADDR=1 MASK_PORT=1 MASK_LEFT=1 normalize <"$out" >"$out.n"
}

@test "TCP over loopback: listen, connect, accept4, sendto, recvfrom, names, shutdown (as strace, -y, -s 3, dumps)" {
	require_strace
	FRESH_DIR=$cwd same_as_strace "%net" "sock sock32" tcp "" "-y" "-s 3" "-e read=all -e write=all" "-X abbrev -v"
}

@test "UDP datagrams with addresses; a receive cut short by MSG_TRUNC shows the bytes the buffer holds" {
	require_strace
	FRESH_DIR=$cwd same_as_strace "%net" "sock sock32" udp "" "-y" "-e write=all" "-xx" "-xx -X verbose"
	# strace dumps the datagram's length (8 bytes, 5 past the buffer); iotrace what the buffer holds.
	trace_fresh sock udp -q -e trace=recvfrom -e read=all
	run grep -A1 -F 'MSG_TRUNC' "$out.n"
	assert_line 'recvfrom(3, "dat", 3, MSG_TRUNC, {sa_family=AF_INET, sin_port=htons(PORT), sin_addr=inet_addr("127.0.0.1")}, [128 => 16]) = 8'
	assert_line ' | 00000  64 61 74                                          dat              |'
}

@test "UNIX sockets: socketpair, a path, an abstract name with odd bytes, an unnamed address" {
	require_strace
	FRESH_DIR=$cwd same_as_strace "%net" "sock sock32" unix "" "-y" "-s 2" "-X raw" "-X verbose"
	trace_fresh sock unix -q -e trace=bind,getsockname
	printf '%s\n' \
		'bind(7, {sa_family=AF_UNIX, sun_path="sock\"1"}, 110) = 0' \
		'bind(7, {sa_family=AF_UNIX}, 2)         = 0' \
		'getsockname(7, {sa_family=AF_UNIX, sun_path="sock\"1"}, [128 => 9]) = 0' \
		'bind(8, {sa_family=AF_UNIX, sun_path=@"iotrace\0test\n"}, 16) = 0' \
		'getsockname(8, {sa_family=AF_UNIX, sun_path=@"iotrace\0test\n"}, [128 => 16]) = 0' \
		'+++ exited with 0 +++' >"$out.want"
	assert_same "$out.want" "$out.n"
}

@test "families, types and protocols by name, unknown ones by number; INET6, NETLINK and raw addresses" {
	require_strace
	# -X raw and verbose: a type apart from its flags, address fields as bytes.
	same_as_strace "%net" "sock sock32" names "" "-X raw" "-X verbose" "-xx" "-xx -X raw"
	run "$IOTRACE" -q -X raw -e trace=socket,connect "$HELPERS/sock" names
	assert_line 'socket(0xa, 0x2|0x800, 0x11)            = 5'
	assert_line 'connect(5, {sa_family=0xa, sin6_port="\x00\x09", sin6_flowinfo="\x00\x00\x00\x07", sin6_addr="\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01", sin6_scope_id=0}, 28) = 0'
	run "$IOTRACE" -q -X verbose -e trace=connect "$HELPERS/sock" names
	assert_line 'connect(6, {sa_family=0x2 /* AF_INET */, sa_data="\0"}, 3) = -1 EINVAL (Invalid argument)'
	assert_line --partial 'sin6_port="\x00\x09" /* htons(9) */, sin6_flowinfo="\x00\x00\x00\x07" /* htonl(7) */, sin6_addr="\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01" /* inet_pton(AF_INET6, "::1") */, sin6_scope_id=0}, 28) = 0'
	# The comparison masks hex: these lines say what the hex is.
	trace_fresh sock names -q -e trace=socket,bind,accept4,sendto,connect
	printf '%s\n' \
		'socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE) = 3' \
		'bind(3, {sa_family=AF_NETLINK, nl_pid=0, nl_groups=0x000001}, 12) = 0' \
		'socket(AF_NETLINK, SOCK_DGRAM|SOCK_CLOEXEC, NETLINK_SOCK_DIAG) = 4' \
		'socket(AF_INET6, SOCK_DGRAM|SOCK_NONBLOCK, IPPROTO_UDP) = 5' \
		'connect(5, {sa_family=AF_INET6, sin6_port=htons(9), sin6_flowinfo=htonl(7), inet_pton(AF_INET6, "::1", &sin6_addr), sin6_scope_id=0}, 28) = 0' \
		'connect(5, {sa_family=AF_INET6, sin6_port=htons(9), sin6_flowinfo=htonl(7), inet_pton(AF_INET6, "::1", &sin6_addr)}, 24) = 0' \
		'socket(AF_INET, SOCK_DGRAM, 0xc8 /* IPPROTO_??? */) = -1 EPROTONOSUPPORT (Protocol not supported)' \
		'socket(0x4d2 /* AF_??? */, 0x4d /* SOCK_??? */, 5) = -1 EINVAL (Invalid argument)' \
		'socket(AF_INET, 0x4000f /* SOCK_??? */, IPPROTO_IP) = -1 EINVAL (Invalid argument)' \
		'socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 6' \
		'bind(6, {sa_family=0x63 /* AF_??? */, sa_data="ab\1\0\0\0\0\0\0\0\0\0\0\0"}, 16) = -1 EAFNOSUPPORT (Address family not supported by protocol)' \
		'connect(6, {sa_family=AF_INET, sa_data="\0"}, 3) = -1 EINVAL (Invalid argument)' \
		'accept4(99, NULL, NULL, 0x1234 /* SOCK_??? */) = -1 EBADF (Bad file descriptor)' \
		'accept4(99, NULL, NULL, SOCK_CLOEXEC|0x1) = -1 EBADF (Bad file descriptor)' \
		'sendto(6, "x", 1, MSG_MORE|MSG_CMSG_COMPAT|0x100000, NULL, 0) = -1 EDESTADDRREQ (Destination address required)' \
		'+++ exited with 0 +++' >"$out.want"
	REPAD=1 normalize <"$out" >"$out.n"
	assert_same "$out.want" "$out.n"
}

@test "hostile pointers and lengths: unreadable, half-readable, huge or negative; nothing sized by them" {
	require_strace
	trace_fresh sock bad -q -e trace=%net
	printf '%s\n' \
		'socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 3' \
		'connect(3, ADDR, 16)                    = -1 EFAULT (Bad address)' \
		'connect(3, ADDR, 16)                    = -1 EFAULT (Bad address)' \
		'connect(3, ADDR, 0)                     = -1 EINVAL (Invalid argument)' \
		'connect(3, ADDR, -1)                    = -1 EINVAL (Invalid argument)' \
		'connect(3, {sa_family=AF_INET, sin_port=htons(9), sin_addr=inet_addr("127.0.0.1")}, 2147483647) = -1 EINVAL (Invalid argument)' \
		'getsockname(3, ADDR, NULL)              = -1 EFAULT (Bad address)' \
		'getsockname(3, ADDR, [128])             = -1 EFAULT (Bad address)' \
		'getsockname(3, ADDR, ADDR)              = -1 EFAULT (Bad address)' \
		'getsockname(3, ADDR, [1 => 16])         = 0' \
		'getsockname(3, ADDR, [-1])              = -1 EINVAL (Invalid argument)' \
		'getsockname(3, ADDR, ADDR)              = -1 EFAULT (Bad address)' \
		'sendto(3, ADDR, 100, 0, {sa_family=AF_INET, sin_port=htons(9), sin_addr=inet_addr("127.0.0.1")}, 16) = -1 EFAULT (Bad address)' \
		'sendto(3, "\377\377\377\377" /* unreadable from ADDR */, 100, 0, {sa_family=AF_INET, sin_port=htons(9), sin_addr=inet_addr("127.0.0.1")}, 16) = -1 EFAULT (Bad address)' \
		'recvfrom(3, ADDR, 2147483647, MSG_DONTWAIT, ADDR, ADDR) = -1 EAGAIN (Resource temporarily unavailable)' \
		'recvfrom(3, ADDR, 128, MSG_DONTWAIT, ADDR, ADDR) = -1 EAGAIN (Resource temporarily unavailable)' \
		'+++ exited with 0 +++' >"$out.want"
	assert_same "$out.want" "$out.n"
	# strace prints the same but for the half-readable buffer (its address).
	require_m32
	trace_fresh sock32 bad -q -e trace=%net
	assert_same "$out.want" "$out.n"
}

@test "messages: sendmsg, recvmsg, sendmmsg, recvmmsg with addresses, iovecs, SCM_RIGHTS, SCM_CREDENTIALS (as strace)" {
	require_strace
	# -s 2 cuts iovec and message arrays and the fds of SCM_RIGHTS; -y names passed fds.
	# -s 0 cuts every array, yet msghdr and recvmmsg's timeout stay whole with their
	# entry values (msg_namelen=128 => 16, {msg_namelen=0} of a failed recvmsg).
	# %net takes in the helper's setsockopt(SO_PASSCRED) too.
	FRESH_DIR=$cwd same_as_strace %net \
		"sock sock32" msg "" "-y" "-s 2" "-e read=all -e write=all" "-X verbose -v" "-X raw" \
		"-s 0" "-s 1"
}

@test "socket options: setsockopt and getsockopt, ints, structs and strings of every length (as strace)" {
	require_strace
	# Unknown options and levels, bad pointers, a negative length; the value
	# getsockopt wrote as long as it says ([8 => 4], a short int in hex,
	# a struct's whole fields); -s cuts strings, not ints or structs.
	same_as_strace setsockopt,getsockopt "sock sock32" "opts mcast" "" "-X raw" "-X verbose" "-s 0" "-s 2" "-xx"
	same_as_strace setsockopt,getsockopt sock32 "mux-opts mux-mcast" "" "-X verbose"
}

@test "socket options: each form of value, exactly; --json types them" {
	trace_fresh sock opts -q -e trace=setsockopt,getsockopt
	run cat "$out"	# the lines with no pointer or pid in them, as printed
	assert_line 'setsockopt(3, SOL_SOCKET, SO_REUSEADDR, [7], 8) = 0'
	assert_line 'setsockopt(3, SOL_SOCKET, SO_LINGER, {l_onoff=1, l_linger=5}, 8) = 0'
	assert_line 'setsockopt(3, SOL_SOCKET, SO_TXREHASH, [SOCK_TXREHASH_ENABLED], 4) = 0'
	assert_line --regexp '^setsockopt\(3, SOL_TCP, TCP_CONGESTION, "reno\\0\\1\\377", 7\) += '
	assert_line 'setsockopt(3, 0x777 /* SOL_?? */, 1, [1], 4) = -1 ENOPROTOOPT (Protocol not available)'
	assert_line 'setsockopt(3, SOL_SOCKET, 0x999 /* SO_??? */, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"..., -1) = -1 EINVAL (Invalid argument)'
	assert_line 'setsockopt(3, SOL_SOCKET, SO_REUSEADDR, 0x8, 4) = -1 EFAULT (Bad address)'
	assert_line --regexp '^setsockopt\(4, SOL_IP, IP_ADD_MEMBERSHIP, \{imr_multiaddr=inet_addr\("224.0.0.1"\), imr_interface=inet_addr\("127.0.0.1"\)\}, 8\) += '
	assert_line 'getsockopt(3, SOL_SOCKET, SO_REUSEADDR, [1], [8 => 4]) = 0'
	assert_line 'getsockopt(3, SOL_SOCKET, SO_REUSEADDR, "\x01\x00", [2]) = 0'
	assert_line 'getsockopt(3, SOL_SOCKET, SO_LINGER, {l_onoff=1}, [4]) = 0'
	assert_line 'getsockopt(3, SOL_SOCKET, SO_LINGER, {l_onoff=1, l_linger="\x05\x00"}, [6]) = 0'
	assert_line 'getsockopt(5, SOL_NETLINK, NETLINK_LIST_MEMBERSHIPS, [1, 0], [8]) = 0'
	run cat "$out.n"	# pointers masked (ADDR), pids numbered (P1)
	assert_line 'setsockopt(3, SOL_SOCKET, SO_REUSEADDR, ADDR, 2) = -1 EINVAL (Invalid argument)'
	assert_line 'setsockopt(4, SOL_SOCKET, SO_ATTACH_FILTER, {len=1, filter=ADDR}, 16) = 0'
	assert_line 'getsockopt(3, SOL_IP, IP_OPTIONS, ADDR, [64 => 0]) = 0'
	assert_line --regexp '^getsockopt\(6, SOL_SOCKET, SO_PEERCRED, \{pid=P1, uid=[0-9]+, gid=[0-9]+\}, \[64 => 12\]\) += 0$'
	assert_line 'getsockopt(3, SOL_SOCKET, SO_REUSEADDR, ADDR, NULL) = -1 EFAULT (Bad address)'
	trace_fresh sock opts -q --json -e trace=setsockopt,getsockopt
	run jq -c '.args.optval | select(type == "object") | del(.addr)' "$out"
	assert_line '{"int":7}'
	assert_line '{"int":{"value":1,"name":"SOCK_TXREHASH_ENABLED"}}'
	assert_line '{"l_onoff":1}'
	assert_line '{"imr_multiaddr":"224.0.0.1","imr_interface":"127.0.0.1"}'
	assert_line '{"total":7,"data":"reno\u0000\u0001ÿ"}'	# bytes as code points 0-255
	assert_line '{"total":2,"ints":[1,0]}'
	run jq -c 'select(.name == "getsockopt" and .args.optname.name == "SO_REUSEADDR" and .result == 0) | .args.optlen | del(.addr)' "$out"
	assert_line '{"before":8,"after":4}'
}

@test "messages: received data cut to the result and to each msg_len; msg_namelen before and after" {
	trace_fresh sock msg -q -y -e trace=recvmsg,recvmmsg -e read=all
	run cat "$out.n"
	# The second iovec holds 5 of its 8 bytes; the fds arrive as new fds with their file.
	assert_line --partial 'msg_iov=[{iov_base="ab", iov_len=2}, {iov_base="\ncdef", iov_len=8}], msg_iovlen=2, msg_control=[{cmsg_len=28, cmsg_level=SOL_SOCKET, cmsg_type=SCM_CREDENTIALS, cmsg_data={pid=P1, uid=0, gid=0}}, {cmsg_len=24, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[6<'"$cwd"'/passed>, 7<'"$cwd"'/passed>]}], msg_controllen=56, msg_flags=MSG_CMSG_CLOEXEC}, MSG_CMSG_CLOEXEC) = 7'
	# Control data cut short: MSG_CTRUNC, and no msg_control when the kernel wrote none.
	assert_line --partial 'msg_iov=[{iov_base="ab", iov_len=2}], msg_iovlen=1, msg_controllen=0, msg_flags=MSG_CTRUNC|MSG_TRUNC}, MSG_DONTWAIT) = 2'
	# A failed recvmsg shows msg_namelen alone, as strace.
	assert_line --regexp '^recvmsg\(5<socket:\[[0-9]+\]>, \{msg_namelen=0\}, MSG_DONTWAIT\) += -1 EAGAIN'
	# What is left of the timeout follows the result (unmasked here).
	run grep -c -E '^recvmmsg\(.*, 2, MSG_WAITFORONE, \{tv_sec=0, tv_nsec=1000000\}\) = 1 \(left \{tv_sec=0, tv_nsec=[0-9]+\}\)$' "$out"
	assert_output 1
	run cat "$out.n"
	# Each message's data is cut to its own msg_len; the dump too.
	run grep -A9 'MSG_WAITFORONE, NULL) = 3$' "$out.n"
	assert_line --partial 'msg_namelen=128 => 16, msg_iov=[{iov_base="th", iov_len=2}], msg_iovlen=1, msg_controllen=0, msg_flags=MSG_TRUNC}, msg_len=2}]'
	assert_line ' = 1 buffers in vector 2'
	assert_line ' | 00000  74 68                                             th               |'
}

@test "messages: hostile msghdrs (unreadable, half-readable, huge counts, lying cmsg_len) size and crash nothing" {
	local h
	printf '%s\n' \
		'socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 3' \
		'sendmsg(3, ADDR, 0)                     = -1 EFAULT (Bad address)' \
		'sendmsg(3, ADDR, 0)                     = -1 EFAULT (Bad address)' \
		'sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=ADDR, msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0) = -1 EFAULT (Bad address)' \
		'sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="x", iov_len=1}, ... /* ADDR */], msg_iovlen=HUGE, msg_controllen=0, msg_flags=0}, 0) = -1 EMSGSIZE (Message too long)' \
		'sendmsg(3, {msg_name=ADDR, msg_namelen=16, msg_iov=[{iov_base="x", iov_len=1}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0) = -1 EFAULT (Bad address)' \
		'sendmsg(3, {msg_name=ADDR, msg_namelen=16, msg_iov=[{iov_base="x", iov_len=1}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0) = -1 EFAULT (Bad address)' \
		'sendmsg(3, {msg_name={sa_family=AF_INET, sin_port=htons(9), sin_addr=inet_addr("127.0.0.1")}, msg_namelen=2147483647, msg_iov=[{iov_base="x", iov_len=1}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0) = 1' \
		'sendmsg(3, {msg_name={sa_family=AF_INET, sin_port=htons(9), sin_addr=inet_addr("127.0.0.1")}, msg_namelen=16, msg_iov=[{iov_base="x", iov_len=1}], msg_iovlen=1, msg_control=ADDR, msg_controllen=64, msg_flags=0}, 0) = -1 EFAULT (Bad address)' \
		'sendmsg(3, {msg_name={sa_family=AF_INET, sin_port=htons(9), sin_addr=inet_addr("127.0.0.1")}, msg_namelen=16, msg_iov=[{iov_base="x", iov_len=1}], msg_iovlen=1, msg_control=[{cmsg_len=0, cmsg_level=SOL_IP, cmsg_type=0 /* IP_??? */}, ... /* ADDR */], msg_controllen=HUGE, msg_flags=0}, 0) = -1 ERR' \
		'sendmsg(3, {msg_name={sa_family=AF_INET, sin_port=htons(9), sin_addr=inet_addr("127.0.0.1")}, msg_namelen=16, msg_iov=[{iov_base="x", iov_len=1}], msg_iovlen=1, msg_control=[{cmsg_len=1000, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=FDS}], msg_controllen=CTL, msg_flags=0}, 0) = -1 EINVAL (Invalid argument)' \
		'sendmsg(3, {msg_name={sa_family=AF_INET, sin_port=htons(9), sin_addr=inet_addr("127.0.0.1")}, msg_namelen=16, msg_iov=[{iov_base="x", iov_len=1}], msg_iovlen=1, msg_control=[{cmsg_len=5, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS}, ... /* ADDR */], msg_controllen=CTL, msg_flags=0}, 0) = -1 EINVAL (Invalid argument)' \
		'sendmsg(3, {msg_name={sa_family=AF_INET, sin_port=htons(9), sin_addr=inet_addr("127.0.0.1")}, msg_namelen=16, msg_iov=[{iov_base="x", iov_len=1}], msg_iovlen=1, msg_control=[{cmsg_len=LEN, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[0]}, ... /* ADDR */], msg_controllen=CTL, msg_flags=0}, 0) = RES' \
		'sendmsg(3, {msg_name={sa_family=AF_INET, sin_port=htons(9), sin_addr=inet_addr("127.0.0.1")}, msg_namelen=16, msg_iov=[{iov_base="x", iov_len=1}], msg_iovlen=1, msg_control=[{cmsg_len=LEN, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ...]}], msg_controllen=LEN, msg_flags=0}, 0) = 1' \
		'sendmsg(3, {msg_name={sa_family=AF_INET, sin_port=htons(9), sin_addr=inet_addr("127.0.0.1")}, msg_namelen=16, msg_iov=[{iov_base="x", iov_len=1}], msg_iovlen=1, msg_control=[{cmsg_len=LEN, cmsg_level=SOL_IP, cmsg_type=0x63 /* IP_??? */, cmsg_data="\1\2\3"}, {cmsg_len=LEN, cmsg_level=0x3e7 /* SOL_??? */, cmsg_type=0x5, cmsg_data="\377"}], msg_controllen=CTL, msg_flags=0}, 0) = RES' \
		'recvmsg(3, ADDR, MSG_DONTWAIT)          = -1 EFAULT (Bad address)' \
		'recvmsg(3, ADDR, MSG_DONTWAIT)          = -1 EFAULT (Bad address)' \
		'sendmmsg(3, ADDR, 1048576, 0)           = -1 EFAULT (Bad address)' \
		'recvmmsg(3, ADDR, 1, MSG_DONTWAIT, ADDR) = -1 EFAULT (Bad address)' \
		'recvmmsg(3, ADDR, 4294967295, MSG_DONTWAIT, NULL) = -1 EFAULT (Bad address)' \
		'+++ exited with 0 +++' >"$out.want"
	for h in sock sock32; do
		[ -x "$HELPERS/$h" ] || continue
		trace_fresh "$h" msgbad -q -e trace=%net
		# What differs by arch: huge counts, control lengths, and whether the kernel
		# (native or compat) refuses a torn or unknown control message.
		perl -pe 's/(msg_iovlen|msg_controllen)=(4503599627370496|1048576)/$1=HUGE/;
			s/= -1 (ENOBUFS|EINVAL) \(.*\)$/= -1 ERR/ if /msg_controllen=HUGE/;
			s/cmsg_data=\[0(, 0)?\]\}\], msg_controllen=(16|24)/cmsg_data=FDS}], msg_controllen=CTL/;
			s/msg_controllen=(19|27|32|48)\b/msg_controllen=CTL/; s/cmsg_len=(16|20|15|19|13|17|1212|1216)\b/cmsg_len=LEN/g;
			s/msg_controllen=(1212|1216)\b/msg_controllen=LEN/; s/\) = (-1 EINVAL \(Invalid argument\)|1)$/) = RES/ if /cmsg_data=\[0\]\}, \.\.\.|SOL_IP, cmsg_type=0x63/' \
			"$out.n" >"$out.arch"
		assert_same "$out.want" "$out.arch"
	done
}

@test "i386 through socketcall(2), as glibc makes the calls: the lines of the direct syscalls, and strace's" {
	require_m32
	require_strace
	local mode
	for mode in tcp udp unix names bad msg msgbad; do
		trace_fresh sock32 "$mode" -q -e trace=%net
		mv "$out.n" "$out.direct"
		trace_fresh sock32 "mux-$mode" -q -e trace=%net
		assert_same "$out.direct" "$out.n"
	done
	FRESH_DIR=$cwd same_as_strace "%net" sock32 "mux-tcp mux-udp mux-unix mux-names" "" "-y"
	FRESH_DIR=$cwd same_as_strace socket,socketpair,bind,getsockname,sendmsg,recvmsg,sendmmsg,recvmmsg,recvmmsg_time64 \
		sock32 mux-msg "" "-y"
	# send and recv exist only as socketcalls.
	same_as_strace "%net" sock32 sendrecv "" "-y"
	# An unreadable array, an unknown call: nothing decoded, nothing broken.
	# (all but %attr: glibc's start-up readlink of /proc/self/exe names the build's helper)
	trace_fresh sock32 muxbad -q -e 'trace=!%attr'
	run cat "$out"
	assert_output "$(printf '%s\n' 'close_range(3, 4294967295, 0)           = 0' '+++ exited with 0 +++')"
}

@test "-yy: sockets by their endpoints, learned from the kernel (as strace)" {
	require_strace
	FRESH_DIR=$cwd same_as_strace "%net" "sock sock32" "tcp udp names" "-yy"
	FRESH_DIR=$cwd same_as_strace socket,socketpair,bind,getsockname,sendmsg,recvmsg,sendmmsg,recvmmsg,recvmmsg_time64 \
		"sock sock32" msg "-yy"
	# A name with a NUL (abstract): strace stops at it, iotrace shows all of it.
	trace_fresh sock unix -q -yy -e trace=getsockname,sendto
	run cat "$out"
	assert_line --regexp '^getsockname\(7<UNIX-STREAM:\[[0-9]+,"sock\\"1"\]>, '
	assert_line --regexp '^sendto\(8<UNIX:\[[0-9]+,@"iotrace\\0test\\n"\]>, "to self", '
	# Passed fds (SCM_RIGHTS) and socketpair's pair: UNIX peers by inode.
	trace_fresh sock msg -q -yy -e trace=socketpair
	run cat "$out"
	assert_output --regexp '^socketpair\(AF_UNIX, SOCK_DGRAM, 0, \[4<UNIX:\[([0-9]+)->([0-9]+)\]>, 5<UNIX:\[\2->\1\]>\]\) = 0'
}

@test "-yy: --summary=files names each socket by its endpoints, one row however they changed, both directions" {
	trace_fresh sock tcp -q -yy -e trace=%net,close --summary=files -o "$cwd/trace"
	run grep -E -A1 '(TCP:\[|fds not open)' "$cwd/trace"
	# The client: socket and connect before it had endpoints; the listener; the accepted one.
	assert_line --regexp '^ +0 +8 +5 +0 +1 +0 .* TCP:\[127\.0\.0\.1:[0-9]+->127\.0\.0\.1:[0-9]+\]$'
	assert_line --regexp '^ +close 1, socket 1, connect 1, shutdown 1, sendto 1$'
	assert_line --regexp '^ +8 +0 +5 +0 +1 +0 .* TCP:\[127\.0\.0\.1:[0-9]+->127\.0\.0\.1:[0-9]+\]$'
	assert_line --regexp '^ +close 1, accept4 1, getpeername 1, recvfrom 2$'
	assert_line --regexp '^ +0 +0 +6 +0 +1 +0 .* TCP:\[127\.0\.0\.1:[0-9]+\]$'
	assert_line --regexp '^ +close 1, socket 1, bind 1, listen 1, accept4 1, getsockname 1$'
}

@test "-yy in JSON: the endpoints as the fd's path" {
	trace_fresh sock tcp -q -yy --json -e trace=sendto
	run jq -r 'select(.name == "sendto") | .args.sockfd_path' "$out"
	assert_output --regexp '^TCP:\[127\.0\.0\.1:[0-9]+->127\.0\.0\.1:[0-9]+\]$'
}

@test "--normalize masks the pointers and keeps ports and socket paths" {
	trace_fresh sock tcp -q --normalize -e trace=getsockname,recvfrom
	run cat "$out"
	assert_line --regexp '^getsockname\(3, \{sa_family=AF_INET, sin_port=htons\([0-9]+\), sin_addr=inet_addr\("127.0.0.1"\)\}, \[16\]\) = 0$'
	assert_line 'recvfrom(5, "hello\n\1\377", 64, 0, ADDR1, [128 => 0]) = 8'
	trace_fresh sock unix -q --normalize -e trace=bind
	run cat "$out"
	assert_line 'bind(7, {sa_family=AF_UNIX, sun_path="sock\"1"}, 110) = 0'
	assert_line 'bind(8, {sa_family=AF_UNIX, sun_path=@"iotrace\0test\n"}, 16) = 0'
	# -yy's socket inodes, and a UNIX peer's, numbered by first appearance.
	trace_fresh sock unix -q -yy --normalize -e trace=socketpair,sendto
	run cat "$out"
	assert_line 'socketpair(AF_UNIX, SOCK_STREAM, 0, [3<UNIX-STREAM:[1->2]>, 4<UNIX-STREAM:[2->1]>]) = 0'
	assert_line 'sendto(8<UNIX:[5,@"iotrace\0test\n"]>, "to self", 7, 0, {sa_family=AF_UNIX, sun_path=@"iotrace\0test\n"}, 16) = 7'
}

@test "--json: addresses typed by family; socklen before and after" {
	trace_fresh sock tcp -q --json -e trace=accept4,getsockname
	run jq -c 'select(.name == "accept4") | .args' "$out"
	assert_success
	assert_output --regexp '^\{"sockfd":3,"addr":\{"sa_family":\{"value":2,"name":"AF_INET"\},"sin_port":[0-9]+,"sin_addr":"127.0.0.1"\},"addrlen":\{"addr":"0x[0-9a-f]+","before":128,"after":16\},"flags":.*\}$'
	trace_fresh sock unix -q --json -e trace=bind
	run jq -c '.args.addr // empty' "$out"
	assert_line '{"sa_family":{"value":1,"name":"AF_UNIX"},"sun_path":"sock\"1"}'
	assert_line '{"sa_family":{"value":1,"name":"AF_UNIX"},"sun_path_abstract":"iotrace\u0000test\n"}'
}

@test "%net and %network select the socket calls; --summary=files credits sockets" {
	trace_fresh sock tcp -q -e trace=%network
	run grep -c -E '^(socket|bind|listen|getsockname|connect|accept4|sendto|recvfrom|getpeername|shutdown|accept)\(' "$out"
	assert_output 13
	run grep -c -v -E '^(socket|bind|listen|getsockname|connect|accept4|sendto|recvfrom|getpeername|shutdown|accept)\(|^\+\+\+ exited' "$out"
	assert_output 0
	# Both directions of the socket: 11 bytes sent, 6 received (MSG_TRUNC
	# returns the datagram's 8 bytes, of which 3 fit the buffer).
	trace_fresh sock udp -q -e trace=%net --summary=files
	run grep -E -A1 'socket:\[[0-9]+\]$' "$out"
	assert_line --regexp '^ +6 +11 +7 +0 +1 +0 .*socket:\[[0-9]+\]$'
	assert_line --regexp '^ +socket 1, bind 1, getsockname 1, sendto 2, recvfrom 2$'
	# recvmsg with MSG_TRUNC: 7 returned, 2 in its iovec; 7 + 2 + 2 + 2 read, one EAGAIN
	trace_fresh sock msg -q -e trace=recvmsg --summary=files
	run grep -E -A1 'socket:\[[0-9]+\]$' "$out"
	assert_line --regexp '^ +13 +0 +5 +1 +0 +0 .*socket:\[[0-9]+\]$'
	assert_line --regexp '^ +recvmsg 5$'
	# sendmmsg and recvmmsg count messages: their bytes are the msg_lens,
	# every message's, however few -s shows (3 + 3+3+2 + 3 read, 3 +
	# 3+3+5 + 3 written over UDP).
	trace_fresh sock msg -q -s 1 -e trace=%net --summary=files
	run grep -E -A1 'socket:\[[0-9]+\]$' "$out"
	assert_line --regexp '^ +14 +17 +11 +1 +1 +0 .*socket:\[[0-9]+\]$'
	assert_line --regexp '^ +socket 1, bind 1, getsockname 1, sendmsg 1, recvmsg 1, sendmmsg 3, recvmmsg 3$'
}
