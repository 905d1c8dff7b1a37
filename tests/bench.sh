#!/bin/sh
# Benchmark, not a test: load, link and select on a large generated graph,
# timed against python3's json.load of the same file in the same run (this
# machine is noisy, so only the ratio means something), and peak memory
# against the file's size.  usage: sh tests/bench.sh ./scograph [ENTITIES]
set -eu
bin=$1
n=${2:-200000}
tmp=$(mktemp -d /tmp/scograph-bench.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

# n entities with names and aliases; 1.5 n relations, a few hubs among them
awk -v n="$n" 'BEGIN {
	srand(1);
	printf "{\"entities\": [\n";
	for (i = 0; i < n; i++)
		printf "%s{\"id\": \"e%d\", \"name\": \"Entity number %d\", \"type\": \"t%d\", \"aliases\": [\"E-%d\"]}\n", i ? "," : "", i, i, i % 7, i;
	printf "], \"relations\": [\n";
	for (i = 0; i < n * 1.5; i++) {
		from = int(rand() * n); to = rand() < 0.2 ? int(rand() * 10) : int(rand() * n);
		printf "%s{\"from\": \"e%d\", \"to\": \"e%d\", \"type\": \"r%d\", \"evidence\": \"generated\"}\n", i ? "," : "", from, to, i % 5;
	}
	printf "]}\n";
}' >"$tmp/big.json"
size_kb=$(( $(wc -c <"$tmp/big.json") / 1024 ))

seconds() { # the best of three runs of a command, in seconds
	best=
	for _ in 1 2 3; do
		/usr/bin/time -f %e -o "$tmp/t" "$@" >/dev/null 2>&1
		t=$(cat "$tmp/t")
		best=$(echo "$t ${best:-$t}" | awk '{print ($1 < $2) ? $1 : $2}')
	done
	echo "$best"
}
peak_kb() { /usr/bin/time -f %M -o "$tmp/m" "$@" >/dev/null 2>&1; cat "$tmp/m"; }

base=$(seconds python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$tmp/big.json")
check=$(seconds "$bin" --check "$tmp/big.json")
stats=$(seconds "$bin" --stats "$tmp/big.json")
focus=$(seconds "$bin" --focus "entity number 3" --depth 2 "$tmp/big.json")
mem=$(peak_kb "$bin" --stats "$tmp/big.json")

echo "graph: $n entities, $((n * 3 / 2)) relations, $size_kb KiB of JSON"
echo "baseline python3 json.load: ${base}s"
for row in "--check:$check" "--stats:$stats" "--focus, depth 2, DOT:$focus"; do
	echo "$row" | awk -F: -v b="$base" '{printf "scograph %-22s %6.2fs  %.2fx the baseline\n", $1, $2, $2 / b}'
done
echo "peak memory (--stats): $mem KiB, $(awk -v m="$mem" -v s="$size_kb" 'BEGIN {printf "%.2f", m / s}')x the file"
