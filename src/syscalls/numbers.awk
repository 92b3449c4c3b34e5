# Generates a C file that checks the numbers of syscalls/list.h against
# the kernel's headers when iotrace is built: a wrong or missing number
# is a compile error that names the row.
# usage: awk -v arch=NAME -v header=asm/unistd_64.h -v col=2 -f numbers.awk list.h
#
# A row's name is the kernel's, but for old_mmap: i386's old mmap, which
# the kernel's headers call mmap (and which the mmap row, -1 on i386,
# therefore does not claim).
/^(SYSCALL|WATCHED)\(/ {
	line = $0
	sub(/^[A-Z]+\(/, "", line)
	split(line, f, /, */)
	name = f[1]
	nr = f[col]
	if (name == "old_mmap") {
		if (nr == "-1")
			next
		name = "mmap"
		taken[name] = 1
	}
	names[++n] = name
	nrs[n] = nr
}
END {
	print "/* Generated from src/syscalls/list.h by numbers.awk: do not edit. */"
	print "#include <" header ">"
	for (i = 1; i <= n; i++) {
		if (nrs[i] == "-1" && (names[i] in taken))
			continue
		if (nrs[i] == "-1") {
			printf "#ifdef __NR_%s\n#error \"syscalls/list.h: %s has a number on %s, not -1\"\n#endif\n", names[i], names[i], arch
		} else {
			printf "#ifndef __NR_%s\n#error \"syscalls/list.h: %s has no number on %s\"\n#endif\n", names[i], names[i], arch
			printf "_Static_assert(__NR_%s == %s, \"syscalls/list.h: the number of %s on %s\");\n", names[i], nrs[i], names[i], arch
		}
	}
	print "typedef int syscall_numbers_checked;"
}
