#!/bin/sh
# The readers call one way (src/read.h): no file of src/read*.c calls into
# a file that calls it back, directly or round a longer loop.
# usage: sh tests/layers.sh build   (the folder of the objects)
set -u
dir=$1
# (one nm a file: each pair of files by nm was 3,000 runs, minutes under
# load)
for o in "$dir"/read*.o; do
	nm "$o" | awk -v f="$(basename "$o" .o)" '
		$2 ~ /^[TDR]$/ && $3 ~ /^rd_/ { print "def", $3, f }
		$1 == "U" && $2 ~ /^rd_/ { print "use", $2, f }'
done >"$dir/layers.sym"
edges=$(awk '$1 == "def" { def[$2] = $3 }
	$1 == "use" { use[$2, $3] = 1 }
	END { for (k in use) { split(k, p, SUBSEP);
		if ((p[1] in def) && def[p[1]] != p[2]) print p[2], def[p[1]] } }' \
	"$dir/layers.sym" | sort -u)
rm -f "$dir/layers.sym"
if ! echo "$edges" | tsort >/dev/null 2>"$dir/layers.err"; then
	echo "layers: the readers call each other in a loop:"
	cat "$dir/layers.err"
	echo "$edges" | sed 's/^/  calls: /'
	exit 1
fi
echo "layers: the readers call one way ($(echo "$edges" | wc -l) calls between files)"
