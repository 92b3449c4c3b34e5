#!/usr/bin/env bats
# --json into the tools people already use: the README's jq and sqlite3
# queries, run here, answer what --summary=files and --timeline say.

load common

setup() {
	out="$BATS_TEST_TMPDIR/trace"
	command -v jq >/dev/null || skip "jq is not installed"
}

# "file<TAB>read<TAB>written<TAB>calls" of each named file in the
# --summary=files table on stderr file $1, sorted.
summary_rows() {
	awk '/^Files, by bytes transferred:$/ { on = 1; next }
	     on && $1 ~ /^[0-9]+$/ && NF >= 9 {
		f = $0; sub(/^ +/, "", f)
		for (i = 0; i < 8; i++) sub(/^[^ ]+ +/, "", f)
		if (f !~ /^\(/) print f "\t" $1 "\t" $2 "\t" $3
	     }' "$1" | sort
}

# The README's jq query: bytes read and written and calls per file.
jq_per_file() {
	jq -s -r 'map(select(.type == "syscall" and .args.fd_path))
		| group_by(.args.fd_path)[]
		| [.[0].args.fd_path,
		   (map(select(.name | test("read")) | .result | select(. > 0)) | add // 0),
		   (map(select(.name | test("write")) | .result | select(. > 0)) | add // 0),
		   length] | @tsv' "$1" | sort
}

# The README's sqlite3 query: the same, in SQL over the events as one array.
sql_per_file() {
	jq -s -c . "$1" >"$1.array"
	sqlite3 -separator "$(printf '\t')" :memory: "
		SELECT j ->> '\$.args.fd_path',
		       sum(CASE WHEN j ->> '\$.name' LIKE '%read%' AND j ->> '\$.result' > 0
			   THEN j ->> '\$.result' ELSE 0 END),
		       sum(CASE WHEN j ->> '\$.name' LIKE '%write%' AND j ->> '\$.result' > 0
			   THEN j ->> '\$.result' ELSE 0 END),
		       count(*)
		FROM (SELECT value AS j FROM json_each(readfile('$1.array')))
		WHERE j ->> '\$.type' = 'syscall' AND j ->> '\$.args.fd_path' IS NOT NULL
		GROUP BY 1 ORDER BY 1" | sort
}

@test "bytes and calls per file, by jq and by sqlite3 over --json, equal --summary=files" {
	command -v sqlite3 >/dev/null || skip "sqlite3 is not installed"
	"$IOTRACE" -q -y --json -e trace=%data -o "$out.json" "$HELPERS/rw" basic
	"$IOTRACE" -q --summary=files -e trace=%data "$HELPERS/rw" basic 2>"$out.summary"
	summary_rows "$out.summary" >"$out.want"
	[ "$(wc -l <"$out.want")" = 2 ]	# /dev/null and the memfd
	jq_per_file "$out.json" >"$out.jq"
	assert_same "$out.want" "$out.jq"
	sql_per_file "$out.json" >"$out.sql"
	assert_same "$out.want" "$out.sql"
}

@test "the slowest calls, by jq over --json -T: a pipe read that waited 24 ms comes first" {
	"$IOTRACE" -q -f -T --json -e trace=read,write -o "$out.json" "$HELPERS/rw" slowpipe
	run jq -s -r 'map(select(.type == "syscall")) | sort_by(-.duration_us) | .[0] | "\(.name) \(.duration_us >= 16384)"' "$out.json"
	assert_output 'read true'
}

@test "calls per thread, by jq over --json, equal the timeline's events per track" {
	"$IOTRACE" -f --json -o "$out.json" --timeline="$out.tl" "$HELPERS/norm" same >/dev/null
	jq -s -r 'map(select(.type == "syscall")) | group_by(.tid)[] | "\(.[0].tid) \(length)"' "$out.json" |
		sort >"$out.jq"
	jq -r '[.[] | select(.ph == "X")] | group_by(.tid)[] | "\(.[0].tid) \(length)"' "$out.tl" |
		sort >"$out.want"
	[ "$(wc -l <"$out.want")" = 3 ]	# two processes, one with a thread
	assert_same "$out.want" "$out.jq"
}
