#!/bin/sh
# The readers call one way (src/read.h): no file of src/read*.c calls into
# a file that calls it back, directly or round a longer loop.
# usage: sh tests/layers.sh build   (the folder of the objects)
set -u
dir=$1
edges=$(for o in "$dir"/read*.o; do
	for d in "$dir"/read*.o; do
		[ "$o" = "$d" ] && continue
		nm "$d" | awk '$2 ~ /^[TDR]$/ && $3 ~ /^rd_/ {print $3}' |
			sort -u >"$dir/layers.def"
		nm "$o" | awk '$1 == "U" && $2 ~ /^rd_/ {print $2}' |
			sort -u >"$dir/layers.use"
		[ -n "$(comm -12 "$dir/layers.def" "$dir/layers.use")" ] &&
			echo "$(basename "$o" .o) $(basename "$d" .o)"
	done
done)
rm -f "$dir/layers.def" "$dir/layers.use"
if ! echo "$edges" | tsort >/dev/null 2>"$dir/layers.err"; then
	echo "layers: the readers call each other in a loop:"
	cat "$dir/layers.err"
	echo "$edges" | sed 's/^/  calls: /'
	exit 1
fi
echo "layers: the readers call one way ($(echo "$edges" | wc -l) calls between files)"
