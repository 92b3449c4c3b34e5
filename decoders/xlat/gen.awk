# Generates the flag and value lists of decoders/xlat (NAME.xlat) as C.
# With out=c (one list file): its table, and a check of every value
# against the headers the list names, so a wrong value is a compile
# error that names the list and the constant (names the build host's
# headers lack are not checked: the tracee's kernel may be newer).
# With out=h (every list file): the header that declares them all.
# A list file: "#" comments; directives "@values" (a list of values, not
# of bits), "@unknown TEXT" (the mark for what has no name; "-" for
# none: flags with no name print bare, as some of strace's do), "@header
# <h>" (repeatable), "@field MASK LIST" (bits that hold a value named
# by another list, printed first), "@split" (the field and the bits
# print as two values joined by "|", also with -X raw and verbose, as
# strace prints a socket type; it needs @field and @bits), "@bits LIST" (the bit names, or with
# @values and no items of its own the value names, are another list's), "@shift MASK SHIFT NAME" (a number in the MASK bits,
# printed last as N<<NAME); then one "NAME VALUE" a line, in print order.
# usage: awk -v out=c -v src=PATH -f gen.awk LIST.xlat
#        awk -v out=h -f gen.awk LIST.xlat...
function list_name(file,    n) {
	n = file
	sub(/.*\//, "", n)
	sub(/\.xlat$/, "", n)
	return n
}
FNR == 1 && FILENAME ~ /\.xlat$/ {
	name = list_name(FILENAME)
	names[++nlists] = name
}
/^#/ || /^[ \t]*$/ { next }
out == "h" { next }
$1 == "@values" { values = 1; next }
$1 == "@unknown" { unknown = $2; next }
$1 == "@header" { headers[++nheaders] = $2; next }
$1 == "@field" { field_mask = $2; field_list = $3; next }
$1 == "@bits" { bits_list = $2; next }
$1 == "@split" { split_field = 1; next }
$1 == "@shift" { shift_mask = $2; shift_by = $3; shift_name = $4; next }
/^@/ { printf "%s:%d: unknown directive %s\n", FILENAME, FNR, $1 > "/dev/stderr"; exit 1 }
{
	if (NF != 2) {
		printf "%s:%d: want NAME VALUE\n", FILENAME, FNR > "/dev/stderr"
		exit 1
	}
	item_name[++n] = $1
	item_val[n] = $2
}
END {
	if (out == "h") {
		print "/* Generated from the lists in decoders/xlat by gen.awk: do not edit. */"
		print "#ifndef IOTRACE_XLAT_LISTS_H"
		print "#define IOTRACE_XLAT_LISTS_H"
		print "#include \"util/xlat.h\""
		for (i = 1; i <= nlists; i++)
			printf "extern const struct xlat_list xlat_%s;\n", names[i]
		print "#endif"
		exit 0
	}
	if (unknown == "") {
		printf "%s: no @unknown\n", src > "/dev/stderr"
		exit 1
	}
	# The renderers print a split list's bits by its @bits list: by
	# itself, it would print its field again and again.
	if (split_field && (field_mask == "" || bits_list == "")) {
		printf "%s: @split needs @field and @bits\n", src > "/dev/stderr"
		exit 1
	}
	printf "/* Generated from %s by gen.awk: do not edit. */\n", src
	print "#include \"config.h\""
	print "#include <stddef.h>"
	for (i = 1; i <= nheaders; i++)
		printf "#include %s\n", headers[i]
	print "#include \"decoders/xlat_lists.h\""
	for (i = 1; i <= n; i++)
		printf "#ifdef %s\n_Static_assert((%s) == (%s), \"%s: %s is not %s in the kernel's headers\");\n#endif\n", \
			item_name[i], item_name[i], item_val[i], src, item_name[i], item_val[i]
	if (n) {
		printf "static const struct xlat items[] = {\n"
		for (i = 1; i <= n; i++)
			printf "\t{ (uint64_t)(%s), \"%s\" },\n", item_val[i], item_name[i]
		printf "};\n"
	}
	printf "const struct xlat_list xlat_%s = {\n", name
	printf "\t.items = %s,\n\t.n = %d,\n", n ? "items" : "NULL", n
	if (unknown == "-")	# flags with no name print bare, no mark
		printf "\t.unknown = NULL,\n"
	else
		printf "\t.unknown = \"%s\",\n", unknown
	if (values)
		printf "\t.values = 1,\n"
	if (field_mask != "")
		printf "\t.field_mask = %s,\n\t.field = &xlat_%s,\n", field_mask, field_list
	if (bits_list != "")
		printf "\t.bits = &xlat_%s,\n", bits_list
	if (split_field)
		printf "\t.split = 1,\n"
	if (shift_mask != "")
		printf "\t.shift_mask = %s,\n\t.shift = %s,\n\t.shift_name = \"%s\",\n", shift_mask, shift_by, shift_name
	printf "};\n"
}
