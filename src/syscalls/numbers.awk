# Generates a C file that checks the numbers of syscalls/list.h against
# the kernel's headers when iotrace is built: a wrong or missing number
# is a compile error that names the row.
# usage: awk -v arch=NAME -v header=asm/unistd_64.h -v col=2 -f numbers.awk list.h
BEGIN {
	print "/* Generated from src/syscalls/list.h by numbers.awk: do not edit. */"
	print "#include <" header ">"
}
/^(SYSCALL|WATCHED)\(/ {
	line = $0
	sub(/^[A-Z]+\(/, "", line)
	n = split(line, f, /, */)
	name = f[1]
	nr = f[col]
	if (name == "old_mmap") {	# i386's old mmap: the kernel's headers call it mmap
		if (nr == "-1")
			next
		name = "mmap"
	}
	if (nr == "-1") {
		printf "#ifdef __NR_%s\n#error \"syscalls/list.h: %s has a number on %s, not -1\"\n#endif\n", name, name, arch
	} else {
		printf "#ifndef __NR_%s\n#error \"syscalls/list.h: %s has no number on %s\"\n#endif\n", name, name, arch
		printf "_Static_assert(__NR_%s == %s, \"syscalls/list.h: the number of %s on %s\");\n", name, nr, name, arch
	}
}
END {
	print "typedef int syscall_numbers_checked;"
}
