#!/usr/bin/env bats
# --json: valid JSON Lines for every decoder, every byte, big numbers.

load common

setup() {
	command -v jq >/dev/null || skip "jq is not installed"
	out="$BATS_TEST_TMPDIR/trace"
}

# Traces helper $1 in mode $2 with --json and options $3..; fails unless every line parses.
trace_json() {
	local helper=$1 mode=$2
	shift 2
	"$IOTRACE" -q --json "$@" -o "$out" "$HELPERS/$helper" "$mode"
	jq -e -c . "$out" >/dev/null
}

# jq filter $1 over the events, compact, one result a line.
q() {
	jq -c "$1" "$out"
}

@test "read/write/pread64/pwrite64: typed arguments, results, errors" {
	trace_json rw basic
	run q 'select(.name == "write") | .args.buf.data'
	assert_line --index 0 '"hello\n"'
	assert_line --index 1 '"0123456789abcdefghijklmnopqrstuv"'
	assert_line --index 2 'null'
	run q 'select(.name == "write" and .args.count == 46) | [.args.buf.total, .args.buf.shown, .args.buf.readable, .result]'
	assert_output '[46,32,32,46]'
	run q 'select(.error != null) | [.name, .result, .errno, .error]'
	assert_line --index 0 '["write",-1,9,"EBADF"]'
	assert_line --index 1 '["read",-1,9,"EBADF"]'
	assert_line --index 2 '["pread64",-1,22,"EINVAL"]'
	run q 'select(.name == "pread64" and .result == 5) | [.args.fd, .args.buf.data, .args.count, .args.pos]'
	assert_output '[4,"ional",64,105]'
	run q 'select(.type == "exited") | .status'
	assert_output 0
}

@test "every byte value 0..255 is valid JSON and comes back exactly" {
	trace_json rw bytes -s 256
	run q 'select(.name == "write" and .args.count == 256) | .args.buf.data | explode == [range(256)]'
	assert_output true
	run q 'select(.name == "write" and .args.count == 1) | .args.buf.data | explode[0]'
	assert_equal "${#lines[@]}" 256
	assert_equal "$(printf '%s\n' "${lines[@]}" | sort -n | uniq | wc -l)" 256
}

@test "vectored calls: elements, data spread, flags, offsets" {
	trace_json vec basic
	run q 'select(.name == "readv" and .result == 10) | [.args.iov.elements[] | .iov_base.data]'
	assert_output '["hel","loworld",""]'
	run q 'select(.name == "readv" and .result == -1) | [.args.iov.elements[] | .iov_base | type]'
	assert_output '["string","string"]'
	run q 'select(.name == "pwritev2" and .args.flags.value == 3) | .args.flags'
	assert_output '{"value":3,"names":["RWF_HIPRI","RWF_DSYNC"],"unknown":0}'
	run q 'select(.name == "writev" and .args.iov == null) | .args.iovcnt'
	assert_output 0
	trace_json vec rwf
	run q 'select(.args.flags.value == 2147487748) | .args.flags'
	assert_output '{"value":2147487748,"names":["RWF_SYNC"],"unknown":2147487744}'
}

@test "values above 2^53 are strings; unreadable memory is marked" {
	trace_json vec limits
	run q 'select(.args.iov.count == 1 and .name == "writev") | .args.iov.elements[0].iov_len'
	assert_output '"18446744073709551615"'
	run q 'select(.name == "writev" and .args.iov.count == 1) | .args.iov.elements[0].iov_base | [.data, .readable, (.unreadable_from | startswith("0x"))]'
	assert_output '["end",3,true]'
	run q 'select(.name == "writev" and .args.iovcnt == 4294967297) | [.args.iov.truncated, (.args.iov.elements | length)]'
	assert_output '[true,32]'
	trace_json vec guard
	run q 'select(.name == "writev" and .args.iov.elements == null) | .args.iov.count'
	assert_output 2
}

@test "sendfile, splice, tee, vmsplice, copy_file_range: offsets before and after, fd paths" {
	trace_json zc sendfile -y
	run q 'select(.name == "sendfile") | .args.offset'
	assert_line --index 0 --regexp '^\{"addr":"0x[0-9a-f]+","before":10,"after":26\}$'
	assert_line --index 3 'null'
	assert_line --index 4 --regexp '"before":42\}$'
	run q 'select(.name == "sendfile" and .args.count == 16) | [.args.out_fd_path, .args.in_fd_path]'
	assert_output '["/memfd:dst (deleted)","/memfd:src (deleted)"]'
	trace_json zc splice
	run q 'select(.name == "copy_file_range" and .result == 20) | [.args.off_in.before, .args.off_in.after, .args.off_out.before, .args.off_out.after]'
	assert_output '[0,20,200,220]'
	run q 'select(.name == "tee") | .args.flags.names'
	assert_output '["SPLICE_F_NONBLOCK"]'
	run q 'select(.name == "vmsplice") | [.args.iov.elements[].iov_base.data]'
	assert_output '["vm","splice"]'
}

@test "process_vm_readv/writev: local data, remote addresses" {
	trace_json vec pvm -e trace=process_vm_readv,process_vm_writev
	run q 'select(.name == "process_vm_readv" and .result == 11) | [.args.local_iov.elements[0].iov_base.data, (.args.remote_iov.elements[0].iov_base | type)]'
	assert_output '["remote data","string"]'
}

@test "signals, exits, threads: pid and tid" {
	trace_json lifecycle signal
	run q 'select(.type == "signal") | [.signal, .code, .si_pid == .pid]'
	assert_output '["SIGUSR1","SI_USER",true]'
	# iotrace dies of the tracee's SIGSEGV, as it should.
	"$IOTRACE" -q --json -o "$out" "$HELPERS/lifecycle" segv >/dev/null || true
	run q 'select(.type == "killed") | [.signal, (.core_dumped | type)]'
	assert_output '["SIGSEGV","boolean"]'
	"$IOTRACE" -q --json -o "$out" "$HELPERS/threads" 2 10
	run q 'select(.name == "write") | .pid != .tid'
	assert_equal "${#lines[@]}" 20
	refute_line false
}

@test "-k stack frames, -T durations and -tt times when asked" {
	"$IOTRACE" -h | grep -q -- '--stack-trace' || skip "no -k"
	if "$IOTRACE" -k true 2>&1 | grep -q 'built without'; then
		skip "built without libunwind-ptrace"
	fi
	"$IOTRACE" -q --json -k -T -tt -e trace=write -o "$out" "$HELPERS/stack" chain
	run q 'select(.type == "syscall") | [.stack[1:5][] | .symbol | sub("\\+0x.*"; "")]'
	assert_line --index 0 '["f3","f2","f1","f0"]'
	run q 'select(.type == "syscall") | .duration_us | type'
	assert_line --index 0 '"number"'
	run q 'select(.type == "syscall") | .time | test("^[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{6}$")'
	assert_line --index 0 true
}

@test "--json --normalize: two runs give the same bytes" {
	"$IOTRACE" -q --json --normalize -o "$out.1" "$HELPERS/norm" same
	"$IOTRACE" -q --json --normalize -o "$out.2" "$HELPERS/norm" same
	assert_same "$out.1" "$out.2"
	jq -e -c . "$out.1" >/dev/null
	run jq -c 'select(.name == "read" and .result == -1) | .args.buf' "$out.1"
	assert_output --regexp '^"ADDR[0-9]+"$'
}

@test "every decoder gives JSON events that parse, with its arguments by kernel name" {
	local run=0 spec want uring
	: >"$out.all"
	for spec in "rw basic" "rw sync" "vec basic" "vec offsets" "vec pvm" "zc sendfile" "zc splice" "zc32 sendfile" \
		"fdlife open" "fdlife dup" "fdlife fcntl" "fdlife pipe" "fdlife seek" "fdlife sync" \
		"fdlife map" "fdlife bad" "fdlife stat" "fdlife32 stat" "fdlife dirents" "fdlife names" "fdlife attr" "fdlife32 attr" "fdlife xattr" "fdlife fdkinds" "fdlife32 fdkinds" "fdlife statfs" "fdlife32 statfs" "fdlife nodes" "fdlife cwd" "fdlife mqueue" "fdlife32 mqueue" "fdlife handles" "fdlife32 fcntl" "fdlife32 seek" "fdlife32 sync" "fdlife32 map" "fdlife poll" "fdlife32 poll" \
		"sock tcp" "sock unix" "sock names" "sock msg" "sock opts" "sock32 msg" "sock32 sendrecv" "aio basic" "aio32 basic" "uring basic" "uring setup"; do
		set -- $spec
		[ -x "$HELPERS/$1" ] || continue
		rm -rf "$BATS_TEST_TMPDIR/cwd" && mkdir "$BATS_TEST_TMPDIR/cwd"
		# (the io_uring helper exits 77 where the kernel refuses io_uring)
		(cd "$BATS_TEST_TMPDIR/cwd" && "$IOTRACE" -q --json -e trace=all -o "$out.$run" "$HELPERS/$1" "$2") ||
			[ $? = 77 ]
		jq -e -c . "$out.$run" >/dev/null
		cat "$out.$run" >>"$out.all"
		run=$((run + 1))
	done
	run jq -r -s 'map(select(.type == "syscall") | .name) | unique | join(" ")' "$out.all"
	# Every call iotrace decodes, as -h lists them; without the -m32
	# helpers, those only i386 has are left out.
	# Without io_uring (the helper exits 77), its calls are left out too.
	(cd "$BATS_TEST_TMPDIR/cwd" && "$HELPERS/uring" setup >/dev/null 2>&1) || [ $? != 77 ] || uring=no
	want=$(decoded_syscalls | { if [ "${uring:-}" = no ]; then grep -v '^io_uring_'; else cat; fi; } |
		{ if [ -x "$HELPERS/zc32" ]; then cat; else
			grep -vxE 'sendfile64|fcntl64|_llseek|truncate64|ftruncate64|fadvise64_64|mmap2|recvmmsg_time64|send|recv|io_pgetevents_time64|ppoll_time64|pselect6_time64|_newselect|fstat64|fstatat64|stat64|lstat64|chown32|lchown32|fchown32|utimensat_time64|timerfd_settime64|timerfd_gettime64|statfs64|fstatfs64|mq_timedsend_time64|mq_timedreceive_time64'; fi; } |
		sort | tr '\n' ' ')
	assert_output "${want% }"
	# Argument names are the kernel's.
	run jq -r -s 'map(select(.type == "syscall") | "\(.name)(\(.args | keys_unsorted | join(",")))") | unique | .[]' "$out.all"
	assert_line 'preadv2(fd,iov,iovcnt,pos,flags)'
	assert_line 'process_vm_writev(pid,local_iov,liovcnt,remote_iov,riovcnt,flags)'
	assert_line 'splice(fd_in,off_in,fd_out,off_out,len,flags)'
	assert_line 'sendfile(out_fd,in_fd,offset,count)'
	assert_line 'openat2(dirfd,pathname,how,size)'
	assert_line 'mmap(addr,length,prot,flags,fd,offset)'
	assert_line 'fcntl(fd,cmd,arg)'
	assert_line '_llseek(fd,offset,result,whence)'
	assert_line 'recvfrom(sockfd,buf,len,flags,addr,addrlen)'
	assert_line 'socketpair(domain,type,protocol,sv)'
	assert_line 'getsockopt(sockfd,level,optname,optval,optlen)'
	assert_line 'statx(dirfd,pathname,flags,mask,statxbuf)'
}

@test "-y paths in JSON are escaped once and come back byte for byte" {
	local dir="$BATS_TEST_TMPDIR/"$'odd\n"\xff'
	mkdir "$dir"
	"$IOTRACE" -q --json -y -e trace=write -o "$out" "$HELPERS/fdpaths" "$dir" alt
	jq -e -c . "$out" >/dev/null
	# Each byte of the path is one code point, U+0000..U+00FF.
	local bytes
	bytes=$(printf '%s/a' "$dir" | od -An -tu1 | tr -s ' \n' ' ' | sed 's/^ //; s/ $//' | tr ' ' ',')
	run jq -c 'select(.type == "syscall") | .args.fd_path | explode' "$out"
	assert_line --index 0 "[$bytes]"
}

@test "-e write= and -e read= change nothing in JSON (it has no dumps)" {
	trace_json vec basic
	mv "$out" "$out.plain"
	trace_json vec basic -e write=all -e read=all
	# Masked: pids, and addresses (ASLR moves the stack between runs).
	local mask='del(.pid, .tid) | walk(if type == "string" and test("^0x[0-9a-f]+$") then "ADDR" else . end)'
	run diff <(jq -c "$mask" "$out.plain") <(jq -c "$mask" "$out")
	assert_success
	run jq -c 'select(.name == "writev")' "$out"
	assert_output --partial '"iov_base":{"addr":"0x'
}

@test "descriptor calls in JSON: flags with raw values, modes as octal strings, open_how and flock objects, -y paths" {
	local cwd="$BATS_TEST_TMPDIR/cwd"
	rm -rf "$cwd" && mkdir "$cwd"
	(cd "$cwd" && "$IOTRACE" -q --json -y -e trace=openat,openat2,creat -o "$out" "$HELPERS/fdlife" open)
	jq -e -c . "$out" >/dev/null
	run jq -c 'select(.name == "openat2") | .args.how | del(.addr)' "$out"
	assert_line --index 0 '{"flags":{"value":524354,"names":["O_RDWR","O_CREAT","O_CLOEXEC"],"unknown":0},"mode":"0600","resolve":{"value":6,"names":["RESOLVE_NO_MAGICLINKS","RESOLVE_NO_SYMLINKS"],"unknown":0}}'
	assert_line --index 1 '{"flags":{"value":0,"names":["O_RDONLY"],"unknown":0},"mode":"000","resolve":{"value":9,"names":["RESOLVE_NO_XDEV","RESOLVE_BENEATH"],"unknown":0}}'
	run jq -c 'select(.name == "creat") | [.args, .result, .result_path]' "$out"
	assert_output "[{\"pathname\":\"f3\",\"mode\":\"0640\"},4,\"$cwd/f3\"]"
	run jq -c 'select(.name == "openat" and .args.dirfd == 3) | [.args.dirfd_path, .args.flags.names, .result]' "$out"
	assert_line --index 0 "[\"$cwd/d\",[\"O_WRONLY\",\"O_CREAT\",\"O_EXCL\"],4]"
	# A path that is not a string: unreadable, or cut at PATH_MAX.
	(cd "$cwd" && "$IOTRACE" -q --json -e trace=openat -o "$out" "$HELPERS/fdlife" bad)
	run jq -c '.args.pathname | if type == "object" then del(.addr) | if has("data") then .data |= length else . end else . end' "$out"
	assert_line --index 0 'null'
	assert_line --index 1 '{"unreadable":true}'
	assert_line --index 2 '{"data":4095,"truncated":true}'
	# fcntl: a named command, a lock as an object, a result's flags.
	(cd "$cwd" && "$IOTRACE" -q --json -e trace=fcntl,pipe -o "$out" "$HELPERS/fdlife" fcntl)
	run jq -c 'select(.args.cmd.name == "F_GETLK") | .args.arg | del(.addr)' "$out"
	assert_output '{"l_type":{"value":2,"name":"F_UNLCK"},"l_whence":{"value":0,"name":"SEEK_SET"},"l_start":0,"l_len":0,"l_pid":0}'
	run jq -c 'select(.args.cmd.name == "F_GETFL") | [.result, .result_flags.names]' "$out"
	assert_line --index 0 '[32770,["O_RDWR","O_LARGEFILE"]]'
	run jq -c 'select(.args.cmd.name == "F_GETSIG") | [.result, .result_name]' "$out"
	assert_output '[10,"SIGUSR1"]'
	run jq -c 'select(.args.cmd.name == "F_SETSIG") | .args.arg' "$out"
	assert_output '{"value":10,"name":"SIGUSR1"}
{"value":0,"name":null}'
	# An extensible struct's nonzero bytes past ours, one code point a byte.
	(cd "$cwd" && "$IOTRACE" -q --json -e trace=openat2 -o "$out" "$HELPERS/fdlife" bad)
	run jq -c 'select(.args.size == 32) | [.args.how.extra_bytes, .args.how.extra_unreadable]' "$out"
	assert_output '[null,null]
["\u0001\u0000\u0000\u0000\u0000\u0000\u0000\u0000",null]
[null,true]'
	# A mapping's result is an address, as addresses are: a string.
	(cd "$cwd" && "$IOTRACE" -q --json -e trace=mmap,mmap2 -o "$out" "$HELPERS/fdlife" map)
	run jq -c -s 'map(select(.type == "syscall" and .errno == null) | .result | type) | [length >= 4, unique]' "$out"
	assert_output '[true,["string"]]'
	(cd "$cwd" && "$IOTRACE" -q --json -y -e trace=pipe -o "$out" "$HELPERS/fdlife" pipe)
	run jq -c 'select(.name == "pipe") | .args.pipefd.elements | map(.fd), map(.path | test("^pipe:\\[[0-9]+\\]$"))' "$out"
	assert_output '[3,4]
[true,true]'
}
