#!/bin/sh
# --watch: scograph left running in the background on copies of graphs,
# which are then changed as people and editors change files; each step
# waits (a bounded poll, no fixed sleep) for the outputs to change.
# usage: sh tests/watch.sh ./scograph [memcheck]   (from the top of the
# repository; memcheck: only the first steps, under $VALGRIND)
set -u
suite=watch
. tests/check.sh
mode=${2:-all}
under=
[ "$mode" = memcheck ] && under=${VALGRIND:?memcheck needs VALGRIND}
d=$tmp/in
o=$tmp/out
mkdir "$d" "$o"

# graph NAME: a graph of two entities, the first named NAME
graph() {
	printf '{"entities": [{"id": "a", "name": "%s", "type": "t"},\n' "$1"
	printf ' {"id": "b", "name": "Other", "type": "t"}],\n'
	printf ' "relations": [{"from": "a", "to": "b", "type": "r"}]}\n'
}
# until COMMAND...: polls COMMAND for up to 20 s (valgrind is slow)
until_() {
	n=0
	while ! "$@" 2>/dev/null; do
		[ $n -ge 400 ] && { echo "  still not: $*"; return 1; }
		sleep 0.05; n=$((n + 1))
	done
}
has() { grep -qF -- "$2" "$1"; }
not() { ! "$@"; }
lines() { [ "$(grep -cF -- "$2" "$1")" -ge "$3" ]; }
# start ARGS...: scograph --watch ARGS in the background, into $pid, its
# standard error in $tmp/err; waits until its first drawing is done
start() {
	: >"$tmp/err"
	# (a background job of a shell without job control ignores SIGINT)
	# shellcheck disable=SC2086 # $under is words
	env --default-signal=INT $under "$bin" --watch "$@" 2>"$tmp/err" &
	pid=$!
	until_ has "$tmp/err" "watching the input files"
}
# stop SIGNAL STATUS: sends SIGNAL, and the command ends with STATUS
stop() {
	kill -"$1" $pid
	wait $pid
	status=$?
	[ "$status" = "$2" ] || { echo "  ended $status, not $2:"; cat "$tmp/err"; return 1; }
}
# only FOLDER NAME...: FOLDER holds the NAMEs and nothing else (no file
# half-written beside them)
only() {
	dir=$1; shift
	printf '%s\n' "$@" | sort >"$tmp/want"
	ls -A "$dir" | sort >"$tmp/got"
	cmp -s "$tmp/want" "$tmp/got" || { diff -u "$tmp/want" "$tmp/got"; return 1; }
}

graph Alpha >"$d/g.json"
start "$d/g.json" -o "$o/g.dot" -o "$o/g.svg"
check "drawn at first" has "$o/g.svg" Alpha
# in place, as `cat > file` or an editor writing the same file does
graph Beta >"$d/g.json"
check "a file written in place is drawn again" until_ has "$o/g.svg" Beta
check "both outputs" has "$o/g.dot" Beta
check "one short line a redraw" until_ has "$tmp/err" \
	"scograph: $d/g.json: note: changed; wrote $o/g.dot, $o/g.svg ("
# renamed over, as vim, VS Code and sed -i save
graph Gamma >"$d/.g.json.new"
mv "$d/.g.json.new" "$d/g.json"
check "a file renamed over the old one" until_ has "$o/g.svg" Gamma
if [ "$mode" = memcheck ]; then
	check "memcheck: SIGINT ends it, 0" stop INT 0
	check "memcheck: no temporary file" only "$o" g.dot g.svg
	summary
	exit
fi
# half written: an error, the outputs kept; the rest written: drawn
graph Delta | head -c 60 >"$d/g.json"
check "half a file: an error with its place" until_ has "$tmp/err" \
	"scograph: $d/g.json:2:"
check "half a file: said to be not drawn" until_ has "$tmp/err" \
	"changed; not drawn: the outputs are as they were"
check "half a file: the outputs as they were" has "$o/g.svg" Gamma
check "half a file: the DOT too" has "$o/g.dot" Gamma
graph Delta >"$d/g.json"
check "the whole file, then drawn" until_ has "$o/g.svg" Delta
# removed, then made again
rm "$d/g.json"
check "removed: an error naming it" until_ has "$tmp/err" \
	"scograph: $d/g.json: error: cannot open"
graph Epsilon >"$d/g.json"
check "made again: drawn" until_ has "$o/g.svg" Epsilon
# a burst of writes is one drawing
before=$(grep -c "note: changed" "$tmp/err")
for name in One Two Three Four Five; do graph "$name" >"$d/g.json"; done
check "a burst: drawn as it ends" until_ has "$o/g.svg" Five
sleep 0.3
check "a burst: drawn once" test "$(grep -c "note: changed" "$tmp/err")" = $((before + 1))
check "SIGINT after a drawing that worked: 0" stop INT 0
check "nothing left half-written" only "$o" g.dot g.svg

# the last drawing failed: 1, by SIGTERM too
start "$d/g.json" -o "$o/g.svg"
echo '{"entities": [' >"$d/g.json"
check "an error, and watching goes on" until_ has "$tmp/err" "not drawn"
check "SIGTERM after a drawing that failed: 1" stop TERM 1
graph Zeta >"$d/g.json"

# a theme file, and --diff's OLD file, watched too
printf '{"graph": {"bgcolor": "#fbfaf6"}}\n' >"$d/theme.json"
graph Zeta >"$d/old.json"
start "$d/g.json" --diff "$d/old.json" --theme "$d/theme.json" -o "$o/d.svg"
check "a diff of no change" has "$tmp/err" "nothing changed"
printf '{"graph": {"bgcolor": "#123456"}}\n' >"$d/theme.json"
check "the theme changed: drawn" until_ has "$o/d.svg" '#123456'
graph Eta >"$d/old.json"
check "OLD changed: drawn" until_ has "$o/d.svg" Eta
check "SIGINT: 0" stop INT 0
rm "$o/d.svg"

# --render-all: graphs added, changed and removed in the folder
mkdir "$d/all"
graph First >"$d/all/a.json"
start --render-all "$d/all" -o "$o/all"
check "render-all: drawn at first" has "$o/all/a.svg" First
graph Second >"$d/all/b.json"
check "render-all: a new graph" until_ test -f "$o/all/b.svg"
check "render-all: and the line says which" until_ has "$tmp/err" \
	"scograph: $d/all/b.json: note: changed; drew $d/all into $o/all"
graph Third >"$d/all/a.json"
check "render-all: a graph changed" until_ has "$o/all/a.svg" Third
echo 'not a graph' >"$d/all/notes.txt"
rm "$d/all/b.json"
check "render-all: a graph removed" until_ lines "$tmp/err" "note: changed" 3
check "render-all: another file is no graph" not has "$tmp/err" notes.txt
check "render-all: SIGINT: 0" stop INT 0
check "render-all: nothing left half-written" only "$o/all" a.svg b.svg

# a signal during a drawing: it is finished, then the command ends; a
# second one ends it at once, and its files go with it
printf '{"entities": [' >"$d/big.json"
i=0
while [ $i -lt 200 ]; do
	printf '{"id": "e%d", "type": "t%d"},' $i $((i % 7)); i=$((i + 1))
done >>"$d/big.json"
printf '{"id": "hub"}], "relations": [' >>"$d/big.json"
i=0
while [ $i -lt 200 ]; do
	printf '{"from": "e%d", "to": "e%d", "type": "r"},' $i $(((i * 7 + 1) % 200)); i=$((i + 1))
done >>"$d/big.json"
printf '{"from": "hub", "to": "e0", "type": "r"}]}\n' >>"$d/big.json"
o=$tmp/big
mkdir "$o"
start "$d/big.json" --max-nodes 0 --page none -o "$o/big.svg" -o "$o/big.png"
touch "$d/big.json"
# (the file an output is written to until it is renamed onto its name)
under_way() { ls "$o"/.big.svg.* >/dev/null 2>&1; }
check "a drawing under way" until_ under_way
check "one SIGINT: the drawing is finished, then 0" stop INT 0
check "one SIGINT: it says so" has "$tmp/err" "finishing the drawing under way"
check "one SIGINT: nothing half-written" only "$o" big.png big.svg
rm "$o/big.svg" "$o/big.png"
start "$d/big.json" --max-nodes 0 --page none -o "$o/big.svg" -o "$o/big.png"
touch "$d/big.json"
until_ under_way
kill -INT $pid
sleep 0.05
check "two SIGINTs: ended at once, by the signal" stop INT 130
check "two SIGINTs: nothing half-written" only "$o" big.png big.svg

# N-Triples, read as they come (past the first 64 KiB): changed in place,
# cut short in a line, then whole again
# nt N NAME: N triples in a chain, the first entity named NAME
nt() {
	printf '<http://e.org/a> <http://www.w3.org/2000/01/rdf-schema#label> "%s" .\n' "$2"
	awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++)
		printf "<http://e.org/e%05d> <http://e.org/r> <http://e.org/e%05d> .\n", i, i + 1 }'
	printf '<http://e.org/a> <http://e.org/r> <http://e.org/e00000> .\n'
}
nt 3000 Kappa >"$d/g.nt"
start "$d/g.nt" --focus http://e.org/a -o "$o/nt.dot"
check "ntriples: drawn at first" has "$o/nt.dot" Kappa
check "ntriples: its last line read too" has "$o/nt.dot" e00000
nt 3000 Lambda >"$d/g.nt"
check "ntriples: written in place, drawn again" until_ has "$o/nt.dot" Lambda
nt 3000 Mu | head -c 150000 >"$d/g.nt"
check "ntriples: cut short in a line, an error with its place" until_ has \
	"$tmp/err" "scograph: $d/g.nt:2381:55: error: "
check "ntriples: cut short, the drawing as it was" has "$o/nt.dot" Lambda
nt 3000 Nu >"$d/g.nt"
check "ntriples: whole again, drawn" until_ has "$o/nt.dot" Nu
check "ntriples: SIGINT: 0" stop INT 0
rm "$o/nt.dot"

# --check: checked again at each change
start --check "$d/g.json"
echo '{"entities": [' >"$d/g.json"
check "--check: its problems" until_ has "$tmp/err" "changed; checked: problems found"
graph Theta >"$d/g.json"
check "--check: then none" until_ has "$tmp/err" "changed; checked ("
check "--check: SIGINT: 0" stop INT 0

# what --watch cannot do
check "to standard output: refused" sh -c \
	"'$bin' --watch '$d/g.json' >/dev/null 2>'$tmp/err'; [ \$? = 2 ]"
check "to standard output: said why" has "$tmp/err" \
	"--watch draws into files again and again"
check "from standard input: refused" sh -c \
	"'$bin' --watch - -o '$o/x.svg' </dev/null 2>'$tmp/err'; [ \$? = 2 ]"
check "--stats: refused" sh -c \
	"'$bin' --watch '$d/g.json' --stats 2>'$tmp/err'; [ \$? = 2 ]"
check "the built-in graph alone: nothing to watch" sh -c \
	"'$bin' --watch -o '$o/x.svg' 2>'$tmp/err'; [ \$? = 2 ]"
check "nothing to watch: said why" has "$tmp/err" "nothing to watch"
check "an output that is an input: refused" sh -c \
	"'$bin' --watch '$d/g.json' -T json -o '$d/g.json' 2>'$tmp/err'; [ \$? = 2 ]"
check "an output that is an input: said why" has "$tmp/err" \
	"'$d/g.json' is an output and an input"
check "nothing written" only "$o" big.png big.svg
summary
