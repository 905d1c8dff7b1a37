#!/bin/sh
# Graphs written by Graphviz itself, with its own counts: each DOT file here
# as dot -Tjson0 and -Tjson write it, and counts.tsv with the nodes and
# edges Graphviz's gc counts, for the DOT and for each JSON; its clusters
# count as entities too (scograph draws each as the box of an entity).
# Regenerate:  sh make.sh
set -eu
cd "$(dirname "$0")"
: >counts.tsv
for dot in *.dot; do
	name=${dot%.dot}
	dot -Tjson0 "$dot" >"$name.json0.json"
	dot -Tjson "$dot" >"$name.json.json"
	set -- $(gc -n -e -C "$dot")
	printf '%s\t-\t%s\t%s\n' "$dot" $(($1 + $3)) "$2" >>counts.tsv
	printf '%s\t-\t%s\t%s\n' "$name.json0.json" $(($1 + $3)) "$2" >>counts.tsv
	printf '%s\t-\t%s\t%s\n' "$name.json.json" $(($1 + $3)) "$2" >>counts.tsv
done
