#!/bin/sh
# Real programs for make bench: what they do to files, on files made here.
# usage: real.sh prepare DIR     make the inputs (once, untimed)
#        real.sh NAME DIR        run one workload (what is timed)
# Workloads: tar (tar | gzip), sqlite (inserts in transactions), git (add
# and commit a tree), fio-psync and fio-pvsync2 (random 4 KiB reads and
# writes), pigz (a threaded compressor), shell (a fork-heavy script).
# Each run starts by removing what the last one left.  DIR is best on
# tmpfs, where an fsync costs little and the tracer's cost shows.
set -eu
what=$1
dir=$2

prepare() {
	rm -rf "$dir"
	mkdir -p "$dir/src"
	# 400 text files of 1 to 16 KiB, the same every time.
	awk -v dir="$dir/src" 'BEGIN {
		srand(42)
		for (f = 0; f < 400; f++) {
			name = sprintf("%s/f%03d.txt", dir, f)
			n = 64 + int(rand() * 1000)
			for (l = 0; l < n; l++)
				printf "line %d of file %d: %08x %08x\n", l, f, int(rand() * 2^31), l * f >name
			close(name)
		}
	}'
	# 8 MiB of the same kind of text for the compressor.
	cat "$dir"/src/* "$dir"/src/* | head -c 8388608 >"$dir/big.txt"
	# 400 transactions of 25 inserts each.
	awk 'BEGIN {
		print "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, v INTEGER);"
		for (t = 0; t < 400; t++) {
			print "BEGIN;"
			for (i = 0; i < 25; i++)
				printf "INSERT INTO t (name, v) VALUES (%cname %d-%d%c, %d);\n", 39, t, i, 39, t * i
			print "COMMIT;"
		}
	}' >"$dir/inserts.sql"
}

fio_job() {
	rm -f "$dir/fio.dat"
	fio --name=bench --ioengine="$1" --rw=randrw --bs=4k --size=4m --io_size=8m \
		--filename="$dir/fio.dat" --randseed=42 --output=/dev/null
}

case $what in
prepare)
	prepare
	;;
tar)
	tar cf - -C "$dir" src | gzip -1 >"$dir/out.tgz"
	;;
sqlite)
	rm -f "$dir/db.sqlite" "$dir/db.sqlite-journal"
	sqlite3 "$dir/db.sqlite" <"$dir/inserts.sql"
	;;
git)
	rm -rf "$dir/g"
	git init -q "$dir/g"
	GIT_DIR="$dir/g/.git" GIT_WORK_TREE="$dir/src" git add -A
	GIT_DIR="$dir/g/.git" GIT_WORK_TREE="$dir/src" \
		git -c user.name=bench -c user.email=bench@example.org commit -q -m bench
	;;
fio-psync)
	fio_job psync
	;;
fio-pvsync2)
	fio_job pvsync2
	;;
pigz)
	pigz -p 2 -c "$dir/big.txt" >"$dir/big.gz"
	;;
shell)
	i=0
	while [ $i -lt 150 ]; do
		echo "$i" >"$dir/n"
		cat "$dir/n" >/dev/null
		i=$((i + 1))
	done
	;;
*)
	echo "real.sh: unknown workload $what" >&2
	exit 2
	;;
esac
