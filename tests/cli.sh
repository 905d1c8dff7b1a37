#!/bin/sh
# CLI tests: run the real binary on real files and check what it writes.
# usage: sh tests/cli.sh ./scograph   (from the top of the repository)
set -u
suite=cli
. tests/check.sh
png_ok() { # signature, a sane size in bytes and in pixels
	[ "$(head -c 8 "$1" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] &&
	[ "$(wc -c <"$1")" -gt 10000 ] &&
	w=$(od -An -j16 -N4 -tu1 "$1" | awk '{print $1*16777216+$2*65536+$3*256+$4}') &&
	h=$(od -An -j20 -N4 -tu1 "$1" | awk '{print $1*16777216+$2*65536+$3*256+$4}') &&
	[ "$w" -gt 300 ] && [ "$w" -lt 6000 ] && [ "$h" -gt 200 ] && [ "$h" -lt 6000 ]
}
svg_ok() { xmllint --noout "$1"; }
not() { ! "$@"; }
# a binary built with ASan (make SANITIZE=address,undefined) runs slower,
# and maps terabytes of address space for its shadow memory
asan=$(ldd "$bin" 2>/dev/null | grep -c libasan)
[ "$asan" != 0 ] || asan=
# dot_draws DOT SVG: dot draws DOT as SVG, but for the style that turns
# scograph's dark (--theme auto)
dot_draws() {
	dot -Tsvg "$1" >"$tmp/dot-draws.svg" &&
	sed -e '/^<style>@media/d' -e 's/ class="scograph">$/>/' "$2" >"$tmp/unstyled.svg" &&
	same "$tmp/dot-draws.svg" "$tmp/unstyled.svg"
}

schema_valid() {
	/usr/bin/python3 -c 'import json, sys, jsonschema
graph = json.load(open("graphs/schema.json"))
schema = json.load(open(sys.argv[2])) if len(sys.argv) > 2 else graph
jsonschema.Draft202012Validator.check_schema(schema)
store = {graph["$id"]: graph}
jsonschema.validate(json.load(open(sys.argv[1])), schema,
	resolver=jsonschema.RefResolver.from_schema(schema, store=store))' "$@" 2>"$tmp/schema-err"
}
theme_valid() { schema_valid "$1" graphs/theme-schema.json; }
counts_are() { # FILE ARGS ENTITIES RELATIONS (ARGS "-": none)
	[ "$2" = - ] && set -- "$1" "" "$3" "$4"
	# shellcheck disable=SC2086 # ARGS are words
	run 0 "$1" $2 --stats --max-nodes 0 </dev/null && counted "$3" "$4"
}
counted() { # ENTITIES RELATIONS: what the last run's --stats counted
	printf 'entities selected: %s\nrelations selected: %s\n' "$1" "$2" \
		>"$tmp/want-counts" &&
	sed -n 3,4p "$tmp/out" >"$tmp/got-counts" &&
	same "$tmp/want-counts" "$tmp/got-counts"
}
shape_counts() { # FILE SHAPE ENTITIES RELATIONS
	run 0 "$1" --shape "$2" --stats --max-nodes 0 </dev/null && counted "$3" "$4"
}

# ---- the built-in graph, as the README shows it
check "focus prints golden DOT" run 0 --focus Kazakhstan
check "golden kazakhstan.dot" same tests/golden/kazakhstan.dot "$tmp/out"
check "built-in works from any directory" \
	sh -c "cd / && '$bin' --focus kazakhstan >'$tmp/any' && cmp -s '$tmp/any' '$tmp/out'"
check "graphs/sco.json is the built-in" run 0 graphs/sco.json --focus Kazakhstan
check "same DOT from the file" same tests/golden/kazakhstan.dot "$tmp/out"
check "stdin is '-'" sh -c "'$bin' - --focus KZ <graphs/sco.json >'$tmp/stdin.dot'"
check "same DOT from stdin" same tests/golden/kazakhstan.dot "$tmp/stdin.dot"

mkdir "$tmp/o"
check "three outputs at once" run 0 --focus Kazakhstan -o "$tmp/o/k.svg" \
	-o "$tmp/o/k.png" -o "$tmp/o/k.dot"
check "nothing on stdout with -o" test ! -s "$tmp/out"
check "the .dot output is the golden DOT" same tests/golden/kazakhstan.dot "$tmp/o/k.dot"
check "SVG is well-formed XML" svg_ok "$tmp/o/k.svg"
check "SVG shows the focus" has "$tmp/o/k.svg" ">Kazakhstan</text>"
check "SVG shows a proposal" has "$tmp/o/k.svg" ">SCO Investment</text>"
check "SVG shows a relation" has "$tmp/o/k.svg" ">proposes</text>"
check "PNG signature and size" png_ok "$tmp/o/k.png"
check "no temporary files" sh -c "[ \$(ls -A '$tmp/o' | wc -l) = 3 ]"
check "examples/kazakhstan.svg is current (make examples)" \
	same examples/kazakhstan.svg "$tmp/o/k.svg"
check "clusters come out the same, run after run" sh -c \
	"for i in 1 2 3 4 5; do '$bin' --cluster type --legend -T svg | md5sum; done | uniq | [ \$(wc -l) = 1 ]"
check "examples/sco-report.svg is current (make examples)" sh -c \
	"'$bin' --cluster type --legend --caption -T svg | cmp -s - examples/sco-report.svg"
check "SVG is deterministic" run 0 --focus Kazakhstan -o "$tmp/again.svg"
check "byte-identical SVG" same "$tmp/o/k.svg" "$tmp/again.svg"
check "the drawing is dot's drawing of the DOT" \
	dot_draws tests/golden/kazakhstan.dot "$tmp/o/k.svg"
check "-T names the format" run 0 --focus Kazakhstan -T svg -o "$tmp/svg.out"
check "-T svg is SVG" svg_ok "$tmp/svg.out"
check "-o - is stdout" run 0 --focus Kazakhstan -o - -T svg
check "stdout SVG" same "$tmp/svg.out" "$tmp/out"
check ".gv is DOT" run 0 --focus Kazakhstan -o "$tmp/k.gv"
check "same DOT in .gv" same tests/golden/kazakhstan.dot "$tmp/k.gv"
check ".pdf" run 0 --focus Kazakhstan -o "$tmp/k.pdf"
check "PDF signature" sh -c "head -c 5 '$tmp/k.pdf' | grep -q '^%PDF-'"
check "PNG twice: the same bytes" sh -c "'$bin' --focus Kazakhstan -T png | cmp -s - '$tmp/o/k.png'"
check "PDF twice, a second apart: the same bytes" sh -c \
	"'$bin' --focus KZ -o '$tmp/one.pdf' && sleep 1 && '$bin' --focus KZ -o '$tmp/two.pdf' && cmp -s '$tmp/one.pdf' '$tmp/two.pdf'"
SOURCE_DATE_EPOCH=1719014400 "$bin" --focus KZ -o "$tmp/dated.pdf"
check "a PDF's date is SOURCE_DATE_EPOCH's" has "$tmp/dated.pdf" "/CreationDate (D:20240622000000Z)"
# (time zones as POSIX strings: they need no tzdata)
check "the same PDF in any time zone and locale" sh -c \
	"TZ=KIR-14 LC_ALL=C.UTF-8 '$bin' --focus KZ -T pdf | cmp -s - '$tmp/one.pdf'"
TZ=KIR-14 SOURCE_DATE_EPOCH=1719014400 "$bin" --focus KZ -o "$tmp/dated14.pdf"
check "SOURCE_DATE_EPOCH is a UTC instant" same "$tmp/dated.pdf" "$tmp/dated14.pdf"
check "binary to a pipe is fine" sh -c "'$bin' -T png | head -c 4 | od -An -tx1 | grep -q '89 50 4e 47'"
if command -v script >/dev/null; then
	script -qec "'$bin' -T png; echo status=\$?" /dev/null >"$tmp/tty" 2>&1
	check "binary to a terminal is refused" has "$tmp/tty" \
		"scograph: error: will not write png to a terminal; use -o FILE or a pipe"
	check "with exit 2" has "$tmp/tty" "status=2"
fi
for engine in dot neato fdp sfdp circo twopi auto; do
	check "-K $engine" run 0 --focus Kazakhstan -K $engine -o "$tmp/$engine.svg"
	check "-K $engine SVG" svg_ok "$tmp/$engine.svg"
done
# -K auto judges dot's layout as a reader sees it on the page: Davis' 89
# relations between two columns tangle (12.1 crossings each), but sfdp's
# layout, crossing 3.4, has 4.6 pt text on A4 where dot's has 9.1: dot's
# is drawn, its columns spread over the page (measured below). With no
# page only the crossings count, and sfdp's is drawn; a DOT alone is not
# laid out, and the SCO drawings keep dot
davis=tests/tools/networkx/nx3/davis.json
check "-K auto: Davis" run 0 "$davis" -o "$tmp/davis.svg" -o "$tmp/davis.dot"
check "-K auto: Davis on A4 is dot's" has "$tmp/davis.dot" 'layout=dot'
check "-K auto: its SVG is the DOT's drawing" dot_draws "$tmp/davis.dot" "$tmp/davis.svg"
check "-K auto: Davis' columns spread over the page" has "$tmp/davis.svg" \
	'<svg width="419pt" height="700pt"'
check "-K auto: Davis for no page" run 0 "$davis" --page none -o "$tmp/davis-none.dot" \
	-o "$tmp/davis-none.svg"
check "-K auto: for no page, sfdp's crossing less" has "$tmp/davis-none.dot" 'layout=sfdp'
# (the hub tests below have -K auto keep dot's 6.2 pt over sfdp's 9.2 pt
# whose texts overlap.) Texts that overlap do not make it look further:
# this dot layout has two relations' words 1 pt apart, which sfdp would
# lay over a box
check "-K auto: words close together" run 0 tests/tools/js/cytoscape-json.json \
	-o "$tmp/close.dot" -o "$tmp/close.svg"
check "-K auto: keep dot's layout" has "$tmp/close.dot" 'layout=dot'
check "-K auto: Davis' DOT alone" run 0 "$davis"
check "-K auto: keeps dot" has "$tmp/out" 'layout=dot'
check "-K dot: Davis" run 0 "$davis" -K dot -o "$tmp/davis-dot.svg" -o "$tmp/davis-dot.dot"
check "-K dot is dot" has "$tmp/davis-dot.dot" 'layout=dot'
check "-K auto: Kazakhstan is dot's" has "$tmp/auto.svg" '<svg width="453pt" height="506pt"'
check "-K auto: Kazakhstan as -K dot draws it" same "$tmp/dot.svg" "$tmp/auto.svg"
check "--rankdir" run 0 --focus Kazakhstan --rankdir TB
check "rankdir=TB in DOT" has "$tmp/out" "rankdir=TB"
check "--title" run 0 --focus Kazakhstan --title 'Kazakhstan & "friends"'
check "title in DOT" has "$tmp/out" 'label="Kazakhstan &amp; \"friends\""'

# ---- made for a page: as a reader sees it at a report's text width
# (tests/svgmeasure.py: the SVG's size, its smallest texts once shrunk to
# the page, overlapping texts)
measure() {
	/usr/bin/python3 tests/svgmeasure.py "$@" >"$tmp/measure" 2>&1 ||
		{ cat "$tmp/measure"; return 1; }
}
# (the legend, the title, the caption and the groups' names are text a
# reader must read too: 6 pt, the legend no smaller than the relations')
readable() { measure --check entity=7,relation=6,legend=6,other=6,legend=relation,overlaps=0 "$@"; }
mkdir "$tmp/page" "$tmp/none"
"$bin" --list | tail -n +2 | cut -f1 >"$tmp/ids"
check "the built-in graph has entities to focus on" test -s "$tmp/ids"
while read -r id; do
	"$bin" --focus "$id" -o "$tmp/page/$id.svg" 2>>"$tmp/page-err"
	"$bin" --focus "$id" --page none -o "$tmp/none/$id.svg"
done <"$tmp/ids"
check "every entity's focus drawing is readable on A4" readable "$tmp"/page/*.svg
check "the report figure" run 0 --cluster type --legend --caption -o "$tmp/report-page.svg"
check "the report figure is readable on A4" readable "$tmp/report-page.svg"
check "and says nothing of it" test ! -s "$tmp/err"
check "and says nothing of it" test ! -s "$tmp/page-err"
check "its legend as large as its relations' words" has "$tmp/measure" \
	"relation text 6.5 pt, legend text 6.5 pt"
check "a legend follows the relations' words up" run 0 --focus Kazakhstan --legend -E fontsize=14 --page none -o "$tmp/legend14.svg"
check "to 14 pt" measure --page none --check legend=14,legend=relation "$tmp/legend14.svg"
# (tests/measure/small-legend.svg: as scograph drew it before, its legend
# in 9 pt beside its relations' words in 10)
check "svgmeasure: the legend smaller than the relations' words" not \
	measure --check legend=relation tests/measure/small-legend.svg
check "svgmeasure: says so" has "$tmp/measure" \
	"legend text 9.0 pt (at least the relation text's 10.0)"
check "-K auto: Davis is readable on A4" readable "$tmp/davis.svg"
check "the headline drawing fits an A4 text width at 100%" measure --json "$tmp/page/kazakhstan.svg"
check "at 100%" has "$tmp/measure" '"width": 453.0,'
check "--page none draws as before" run 0 --focus Kazakhstan --page none
check "the DOT of no page" same tests/golden/kazakhstan-none.dot "$tmp/out"
check "no page: the headline drawing is too small on A4" not readable "$tmp/none/kazakhstan.svg"
check "and so is the report figure" sh -c "'$bin' --cluster type --legend --caption --page none -o '$tmp/none/report.svg' && ! /usr/bin/python3 tests/svgmeasure.py --check entity=7,relation=6 '$tmp/none/report.svg' >/dev/null"
for page in letter slide; do
	check "--page $page: Kazakhstan's drawing" run 0 --focus Kazakhstan --page $page -o "$tmp/$page.svg"
	check "--page $page: within the page" measure --page $page --json "$tmp/$page.svg"
	check "--page $page: at 100%" has "$tmp/measure" '"scale": 1.0,'
done
check "a PDF is as large as printed" run 0 --focus Kazakhstan -o "$tmp/page.pdf"
check "its MediaBox" sh -c "strings '$tmp/page.pdf' | grep -q 'MediaBox \[ 0 0 453 '"
check "--rankdir wins over the page" run 0 --focus Kazakhstan --rankdir TB
check "rankdir=TB" has "$tmp/out" "rankdir=TB"
check "unknown page" run 2 --focus Kazakhstan --page a5
check "unknown page's message" stderr_is "scograph: error: unknown page 'a5'; use a4, letter, slide or none"
check "unknown page: nothing written" run 2 --page a5 -o "$tmp/a5.svg"
check "unknown page: no file" test ! -e "$tmp/a5.svg"
# the whole graph without its boxes is a tall column: too small on A4
check "too small: a warning" run 0 --legend --caption -o "$tmp/small.svg"
check "too small: what it reached and what would help" has "$tmp/err" \
	"scograph: warning: the drawing is "
check "too small: the sizes" has "$tmp/err" "its entity text is "
check "too small: overlaps are told only when there are" not grep -q "0 pairs" "$tmp/err"
check "too small, no relation words" run 0 tests/tools/networkx/nx3/karate.json -K sfdp -o "$tmp/small.svg"
check "too small: no relation text to tell of" has "$tmp/err" \
	"its entity text is 4.3 pt (a reader needs 7); draw less"
check "too small: what would help" has "$tmp/err" "draw less (--focus, --max-nodes), or for no page (--page none)"
check "too small: still drawn" svg_ok "$tmp/small.svg"
check "too small, --strict: an error" run 1 --legend --caption --strict -o "$tmp/strict.svg"
check "too small, --strict: nothing written" test ! -e "$tmp/strict.svg"
check "too small, as JSON" run 0 --legend --caption --diagnostics json -o "$tmp/small.svg"
check "too small, its code" has "$tmp/err" '"code": "small-text"'
check "no page, no warning" run 0 --legend --caption --page none -o "$tmp/small.svg"
check "no page: silent" test ! -s "$tmp/err"

# ---- text is data: character references drawn as written; what XML 1.0
# forbids, noncharacters and malformed UTF-8 as U+FFFD, everywhere
t=tests/text/literal.json
check "references and noncharacters" run 0 $t --legend --caption --cluster group --page none \
	--title "$(printf '&lt;i&gt; &#65; \357\277\277 \377')" -o "$tmp/lit.svg" -o "$tmp/lit.dot"
check "the SVG is well-formed" svg_ok "$tmp/lit.svg"
check "no noncharacter reaches it" not grep -q "$(printf '\357\277[\276\277]\|\357\267[\220-\257]\|\364\217\277[\276\277]\|\360\237\277\277')" "$tmp/lit.svg"
check "U+FFFD in their place" has "$tmp/lit.svg" "$(printf 'plane one \357\277\275')"
for text in '>Tom &amp;amp; Jerry ' 'xlink:title="&amp;lt;tag&amp;gt; &amp;#65; ' \
	'>&amp;amp; ' '&amp;#65; ' 'team: &amp;amp; ' 'note: ' '>&amp;lt;g&amp;gt; ' \
	'Source: &amp;amp; ' '>&amp;amp;lt;T&amp;gt; ' '>&amp;lt;i&amp;gt; &amp;#65; '; do
	check "drawn as written: $text" has "$tmp/lit.svg" "$text"
done
check "a link keeps its text" has "$tmp/lit.svg" 'xlink:href="http://x.org/?a=1&amp;amp;b"'
check "the DOT escapes & for Graphviz" has "$tmp/lit.dot" 'label="Tom &amp;amp; Jerry'
check "dot draws the DOT the same" dot_draws "$tmp/lit.dot" "$tmp/lit.svg"
check "PNG too" run 0 $t --legend --caption -o "$tmp/lit.png"
# an id of 5 MB names no node: Graphviz's DOT parser takes no string past
# 16384 bytes; nor long types and urls
/usr/bin/python3 -c 'import json; big = "x" * 5000000; t = "t" * 100000
print(json.dumps({"entities": [{"id": big, "type": t, "url": "http://x.org/" + "a" * 100000}, {"id": "b"}],
	"relations": [{"from": big, "to": "b", "type": "r" * 100000}]}))' >"$tmp/long.json"
check "an id of 5 MB" run 0 "$tmp/long.json" -o "$tmp/long.svg"
check "its SVG" svg_ok "$tmp/long.svg"
x100=$(printf '%0100d' 0 | tr 0 x)
check "its SVG id, cut and numbered" has "$tmp/long.svg" "<g id=\"e.${x100}__0\""
check "the relation's" has "$tmp/long.svg" "<g id=\"r.${x100}__0.$(printf '%0100d' 0 | tr 0 r)__0.b\""
check "its long url dropped" has "$tmp/err" "long.json:1:15: warning: a url longer than 4000 bytes is dropped, of entity 'xxxx"

# ---- data-driven cases: tests/valid/NAME/{args, inputs, expected.dot}
for d in tests/valid/*; do
	name=$(basename "$d")
	(cd "$d" && eval "\"\$bin\" $(cat args)" >"$tmp/valid.dot" 2>"$tmp/err")
	check "valid/$name runs" test $? = 0
	check "valid/$name golden" same "$d/expected.dot" "$tmp/valid.dot"
done

# ---- every bad input: the error, exit 1, nothing written
for d in tests/invalid/*; do
	name=$(basename "$d")
	check "invalid/$name --check exits 1" run 1 --check "$d/input.json"
	check "invalid/$name message" same "$d/expected-error" "$tmp/err"
	mkdir "$tmp/bad-$name"
	check "invalid/$name render exits 1" run 1 "$d/input.json" \
		-o "$tmp/bad-$name/x.svg" -o "$tmp/bad-$name/x.dot"
	check "invalid/$name writes nothing" no_files "$tmp/bad-$name"
done
# ---- all the problems of a run at once, warnings, --strict, JSON, GitHub
d=tests/diagnostics
check "independent errors, all at once" run 1 --check $d/errors.json
check "their messages, in file order" same $d/errors.expected "$tmp/err"
check "unknown entities, all of them" run 1 --check $d/unlinked.json
check "their messages" same $d/unlinked.expected "$tmp/err"
check "errors in two files" run 1 --check $d/errors.json tests/invalid/wrong-type/input.json
check "the first file's errors" has "$tmp/err" "errors.json:9:69: error:"
check "and the second's" has "$tmp/err" "wrong-type/input.json:2:23: error:"
check "warnings do not stop a run" run 0 --check $d/warnings.json
check "warning messages" same $d/warnings.expected "$tmp/err"
check "warnings drawn anyway" run 0 $d/warnings.json
check "a duplicate is drawn once" sh -c "[ \$(grep -c -- '->' '$tmp/out') = 2 ]"
check "--strict makes them errors" run 1 --check --strict $d/warnings.json
check "--strict says error" has "$tmp/err" "warnings.json:8:3: error: relation from 'SCO' to itself"
check "--strict renders nothing" run 1 --strict $d/warnings.json -o "$tmp/strict.svg"
check "--strict wrote nothing" test ! -e "$tmp/strict.svg"
check "--diagnostics=json" run 0 --check --diagnostics=json $d/warnings.json
check "JSON diagnostics" same $d/warnings.jsonl-expected "$tmp/err"
check "JSON diagnostics parse" /usr/bin/python3 -c 'import json, sys
for line in open(sys.argv[1]): json.loads(line)' "$tmp/err"
check "--diagnostics bogus" run 2 --diagnostics=xml
GITHUB_ACTIONS=true "$bin" --check $d/warnings.json 2>"$tmp/err"
check "GitHub annotations" same $d/warnings.github-expected "$tmp/err"
check "--check on good input is silent" run 0 --check graphs/sco.json
check "silent" test ! -s "$tmp/out" -a ! -s "$tmp/err"
check "missing file" run 1 /nonexistent.json
check "missing file message" stderr_is \
	"scograph: /nonexistent.json: error: cannot open file: No such file or directory"
check "unknown focus" run 1 --focus Kazakstan
check "unknown focus message" stderr_is \
	"scograph: error: unknown entity 'Kazakstan'; did you mean 'Kazakhstan'?"
printf '{"entities": [{"id": "a", "name": "Twin"}, {"id": "b", "aliases": ["twin"]}]}' >"$tmp/twins.json"
check "ambiguous focus" run 1 "$tmp/twins.json" --focus TWIN
check "ambiguous focus message" has "$tmp/err" \
	"scograph: error: entity name 'TWIN' is ambiguous: it matches 'a' (Twin), 'b' (b)"
# names as people type them: a note where words found it, candidates
# where they find several, and a way on where they find none
check "a focus by a word of its name" run 0 --focus shanghai --stats
check "says what it took" stderr_is "scograph: note: 'shanghai' is taken for Shanghai Cooperation Organization ('sco')"
check "and draws it" has "$tmp/out" "entities selected: 7"
check "any accent and case" run 0 --focus KAZAKHSTÁN --stats
check "silently" test ! -s "$tmp/err"
check "--from and --to too" run 0 --from nurly --to shanghai -T json
check "with their notes" has "$tmp/err" "scograph: note: 'nurly' is taken for Nurly Zhol ('nurly-zhol')"
check "words of several" run 1 --focus strategy
check "list them with their types" stderr_is "scograph: error: 'strategy' matches 2 entities by their words: 'sco-energy-strategy' (SCO Energy Strategy, strategy), 'sco-development-strategy-2035' (SCO Development Strategy 2035, strategy); give one's id or whole name"
check "words of none" run 1 --focus "Aral Sea"
check "say where to look" stderr_is "scograph: error: unknown entity 'Aral Sea': no id, name or alias is it or holds its words (--list lists them)"
# near misses: a rare type a slip from a common one, a key a slip from
# its field; not scograph's own renamed keys, nor one-letter types
/usr/bin/python3 -c '
import json
e = [{"id": "c%d" % i, "type": "country"} for i in range(6)] + [{"id": "x", "type": "countri", "alias": ["X"]}]
r = [{"from": "c%d" % i, "to": "x", "type": "member_of"} for i in range(5)]
r += [{"from": "c5", "to": "x", "type": "member_off", "soruce": "s"}]
r += [{"from": "c%d" % i, "to": "c0", "type": "a"} for i in range(1, 6)] + [{"from": "x", "to": "c1", "type": "b"}]
print(json.dumps({"entities": e, "relations": r}, indent=1))' >"$tmp/slips.json"
check "near misses are warnings" run 0 "$tmp/slips.json" -T json
check "a rare entity type" has "$tmp/err" "slips.json:27:3: warning: entity type 'countri' (1 entity) looks like 'country' (6)"
check "a rare relation type" has "$tmp/err" "warning: relation type 'member_off' (1 relation) looks like 'member_of' (5)"
check "an entity's key" has "$tmp/err" "warning: key 'alias' looks like 'aliases': it is kept as an attribute"
check "a relation's key" has "$tmp/err" "warning: key 'soruce' looks like 'source': it is kept as an attribute"
check "four, and not the one-letter types" test "$(grep -c 'looks like' "$tmp/err")" = 4
check "errors under --strict" run 1 "$tmp/slips.json" --strict -T json
check "scograph's own renamed keys are no slip" run 0 --strict tests/formats/kgtk-spec/expected-qualifiers.json -T json
check "unknown relation type" run 1 --relation propose
check "unknown relation type message" stderr_is \
	"scograph: error: unknown relation type 'propose'; did you mean 'proposes'?"
mkdir "$tmp/fail"
check "a failing output" run 1 --focus Kazakhstan -o "$tmp/fail/a.png" \
	-o "$tmp/fail/missing/b.svg"
check "failing output message" stderr_is \
	"scograph: $tmp/fail/missing/b.svg: error: cannot write file: No such file or directory"
check "leaves no file behind" no_files "$tmp/fail"
# past a file-size limit (as on a full disk): exit 1, the file and the
# cause named, no temporary left, the older file untouched
mkdir "$tmp/limit" && echo old >"$tmp/limit/k.svg"
limited() { (ulimit -f 1 && run "$@"); }
check "a file-size limit" limited 1 --focus Kazakhstan -o "$tmp/limit/k.svg"
check "names the file and the cause" stderr_is \
	"scograph: $tmp/limit/k.svg: error: cannot write file: File too large"
check "leaves the older file, and no temporary" test "$(ls -A "$tmp/limit")" = k.svg
check "untouched" test "$(cat "$tmp/limit/k.svg")" = old
# a signal during a long render (dot takes minutes over this graph): the
# temporaries made before the layout are removed, the process dies by the
# signal (SIGINT too: a background job of sh would ignore it; SIGABRT, as
# Graphviz's abort() or a failed assert sends it)
awk 'BEGIN { srand(1); printf "{\"entities\": ["; for (i = 0; i < 500; i++)
	printf "%s{\"id\": \"e%d\"}", (i ? "," : ""), i
	printf "], \"relations\": ["; for (i = 1; i < 1250; i++)
	printf "%s{\"from\": \"e%d\", \"to\": \"e%d\", \"type\": \"t%d\"}", (i > 1 ? "," : ""), int(rand() * 500), int(rand() * 500), i
	print "]}" }' >"$tmp/slow.json"
interrupted() { # SIGNAL STATUS: killed once its temporary is there
	d="$tmp/signal-$1"
	mkdir "$d" && echo old >"$d/slow.svg"
	env --default-signal=INT "$bin" "$tmp/slow.json" -K dot --max-nodes 0 -o "$d/slow.svg" \
		-o "$d/slow.png" 2>/dev/null &
	pid=$! i=0
	while [ $i -lt 200 ] && [ "$(ls -A "$d" | wc -l)" != 3 ]; do
		sleep 0.05; i=$((i + 1))
	done
	ls -A "$d" >"$d.during"
	kill -$1 $pid
	wait $pid 2>/dev/null
	status=$?
	[ $status = $2 ] || { echo "  killed by SIG$1: exit status $status, not $2"; return 1; }
}
ulimit -c 0 # (SIGABRT leaves no core file)
for sig in TERM:143 INT:130 ABRT:134; do
	check "SIG${sig%:*} during a render" interrupted ${sig%:*} ${sig#*:}
	check "came while the temporaries were there" \
		grep -q '^\.slow\.png\.' "$tmp/signal-${sig%:*}.during"
	check "which are removed" test "$(ls -A "$tmp/signal-${sig%:*}")" = slow.svg
done
# every input dimension costs linear time: an entity of 200,000 aliases
# took minutes when each was checked against the others (now half a
# second; the bound is generous, not a timing); equal names are held
# linear by test_util's count of slots
/usr/bin/python3 -c 'import json
print(json.dumps({"entities": [{"id": "e", "aliases": ["a%d" % i for i in range(200000)]}]}))' >"$tmp/aliases.json"
check "200,000 aliases in linear time" timeout 30 "$bin" --check "$tmp/aliases.json" 2>/dev/null
# out of memory where the input is linked (sg_graph_resolve's adjacency of
# 12345 entities, 4 bytes each and one more): an error, not a usage error
# nor a silent --check
if [ -f build/failcalloc.so ]; then
	awk 'BEGIN { printf "{\"entities\": ["; for (i = 0; i < 12345; i++)
		printf "%s{\"id\": \"e%d\"}", (i ? "," : ""), i
		print "], \"relations\": [{\"from\": \"e0\", \"to\": \"e1\", \"type\": \"t\"}]}" }' >"$tmp/many.json"
	nomem() { LD_PRELOAD=$top/build/failcalloc.so SG_FAIL_CALLOC=49384 run "$@"; }
	check "out of memory linking, --check" nomem 1 --check "$tmp/many.json"
	check "says so" sh -c "tail -1 '$tmp/err' | grep -qx 'scograph: error: out of memory'"
	check "out of memory linking, drawing" nomem 1 "$tmp/many.json" -o "$tmp/many.svg"
	check "says so, draws nothing" sh -c "tail -1 '$tmp/err' | grep -qx 'scograph: error: out of memory' && test ! -e '$tmp/many.svg'"
fi
if [ -w /dev/full ]; then
	check "a full stdout fails" sh -c "! '$bin' --focus Kazakhstan >/dev/full 2>'$tmp/err'"
	check "full stdout message" has "$tmp/err" "error: cannot write"
fi

# ---- -T json reads back: what other formats hold fits scograph's own
printf '%s\n' '{"graph": {"name": "G"}, "nodes": [{"id": "kz", "label": "Kazakhstan", "name": "Qazaqstan",' \
	'"type": 5}, {"id": "b"}], "links": [{"source": "kz", "target": "b", "evidence": 3}]}' \
	>"$tmp/clash.json"
check "a label and a name" run 0 "$tmp/clash.json" -T json
check "the name not drawn is an alias" has "$tmp/out" '{"id": "kz", "name": "Kazakhstan", "aliases": ["Qazaqstan"], "type_": 5}'
check "a field's name on something else is KEY_" has "$tmp/out" '"evidence_": 3'
cp "$tmp/out" "$tmp/clash-native.json"
check "it reads back" run 0 "$tmp/clash-native.json" -T json
check "to the same bytes" same "$tmp/clash-native.json" "$tmp/out"
check "the alias finds it" run 0 "$tmp/clash.json" --focus qazaqstan --list
printf '{"graph": {"title": "T", "description": "D"}, "entities": [{"id": "a"}]}\n' >"$tmp/described.json"
check "the graph's description" run 0 "$tmp/described.json" -T json
check "is kept" has "$tmp/out" '"graph": {"title": "T", "description": "D"}'

# ---- the README's minimal file of each format loads as it stands, is
# told from its content, and every format has one
mkdir "$tmp/readme"
/usr/bin/python3 tests/readme-formats.py README.md "$tmp/readme" >"$tmp/readme-rows"
"$bin" --from-format list | cut -d' ' -f1 >"$tmp/formats-listed"
check "README: a minimal file for every format" same "$tmp/formats-listed" "$tmp/readme-rows"
for f in "$tmp"/readme/*; do
	name=$(basename "${f%.*}")
	check "README: $name's minimal file loads" run 0 --strict --from-format "$name" "$f" -T json
	mv "$tmp/out" "$tmp/readme-named.json"
	check "README: $name's minimal file is told from its content" run 0 "$f" -T json
	check "README: $name's, read as the same" same "$tmp/readme-named.json" "$tmp/out"
	check "README: $name's has a relation" counts_are "$f" - 2 1
done

# ---- the README is a tour, and every command of it runs as written: in a
# copy of the files it names, its JSON example as mine.json
check "README: a tour of at most 300 lines" test "$(wc -l <README.md)" -le 300
mkdir "$tmp/tour"
cp -r graphs examples "$tmp/tour"
mkdir -p "$tmp/tour/tests/tools/networkx/nx3" "$tmp/tour/tests/shapes"
cp tests/tools/networkx/nx3/miserables.graphml "$tmp/tour/tests/tools/networkx/nx3"
cp tests/shapes/arangodb.json "$tmp/tour/tests/shapes"
awk '/^```json$/ { j = 1; next } /^```$/ { j = 0 } j' README.md >"$tmp/tour/mine.json"
check "README: its graph is valid" run 0 --strict "$tmp/tour/mine.json" -T json
awk '/^```sh$/ { s = 1; next } /^```$/ { s = 0 } s && /^\.\/scograph /' README.md |
	sed 's/  *# .*//' >"$tmp/tour-commands"
check "README: commands to run" test "$(wc -l <"$tmp/tour-commands")" -ge 10
tour_runs() { # each line of the README's commands, in the copy
	while read -r line; do
		(cd "$tmp/tour" && eval "\"\$bin\" ${line#./scograph }" >out 2>err) ||
			{ echo "  $line:"; cat "$tmp/tour/err"; return 1; }
	done <"$tmp/tour-commands"
}
check "README: every command runs" tour_runs
for f in kazakhstan.svg kazakhstan.png kazakhstan.dot kazakhstan.html \
	proposals.svg rendered/sco.svg rendered/sco.png; do
	check "README: writes $f" test -s "$tmp/tour/$f"
done
for f in sco-report.svg miserables.svg; do
	check "README: its picture $f is current" same "examples/$f" "$tmp/tour/examples/$f"
done
check "README: its page examples/kazakhstan.html is current" \
	same examples/kazakhstan.html "$tmp/tour/kazakhstan.html"

# ---- the page (-T html): one file holding the drawing, the view's data,
# and the page's own style and script, allowed by their hashes alone
# (tests/htmlpage.py; tests/browser.sh uses it in chromium)
page_ok() { # NAME ARGS...: NAME.html and NAME.json of ARGS, the page checked
	name=$1; shift
	run 0 "$@" -o "$tmp/$name.html" -o "$tmp/$name.json" &&
	/usr/bin/python3 tests/htmlpage.py "$tmp/$name.html" "$tmp/$name.json"
}
check "-o page.html: a page" page_ok page --focus Kazakhstan
check "it begins as HTML" has "$tmp/page.html" '<!DOCTYPE html>'
check "it holds the drawing" has "$tmp/page.html" '<g id="e.kazakhstan" class="node country">'
check "no comment of Graphviz's" not grep -q '<!--' "$tmp/page.html"
check "nothing it asks for over the network" not grep -qE '(src|href)="(https?:)?//' "$tmp/page.html"
cp "$tmp/page.html" "$tmp/page-first.html"
check "-T html: the same bytes again" run 0 --focus Kazakhstan -T html
check "byte for byte" same "$tmp/page-first.html" "$tmp/out"
check "a page of the hostile graph" page_ok hostile tests/browser/hostile.json --legend --caption
check "its data block is never ended early" test "$(grep -c '</script>' "$tmp/hostile.html")" = 2
check "a page with theme auto's own style" page_ok auto --focus bri --theme auto
check "a page of neato's words as nodes" page_ok neato --focus Kazakhstan -K neato
check "a page of a diff" run 0 --diff examples/sco-before.json -o "$tmp/diff.html"
check "--render-all -T html" run 0 --render-all graphs -o "$tmp/pages" -T html
check "a page a graph" test -s "$tmp/pages/sco.html"

# ---- every format: the same graph reads to the same drawing
for f in tests/formats/*/graph.json tests/formats/*/graph.jsonl \
	tests/formats/graphviz-json/graph-dot_json.json \
	tests/formats/dot/graph.gv; do
	check "format: $f" run 0 "$f" --title ''
	check "format: $f draws as native" same tests/formats/expected.dot "$tmp/out"
done
for f in tests/formats/*/graph.json tests/formats/*/graph.jsonl \
	tests/formats/mcp-memory/memory.jsonl; do
	check "format: $f --focus Kazakhstan -o x.svg" run 0 "$f" \
		--focus Kazakhstan -o "$tmp/format.svg"
	check "format: $f SVG" svg_ok "$tmp/format.svg"
done
# TGF holds names and words only: a graph of its own
check "tgf: yEd's export" run 0 tests/formats/tgf/graph.tgf -T json
check "tgf: labels are names and relations' words" same tests/formats/tgf/expected.json "$tmp/out"
printf '1 A  \r\n\r\n2\tB b \r\n#\r\n1 2  r s  \r\n' >"$tmp/crlf.tgf"
check "tgf: CR LF, tabs, blanks round a label" run 0 "$tmp/crlf.tgf" -T json
check "tgf: the label whole, trimmed" has "$tmp/out" '{"from": "1", "to": "2", "type": "r s"}'
check "tgf: a name with a blank" has "$tmp/out" '{"id": "2", "name": "B b"}'
printf '1 A\n' >"$tmp/nohash.tgf"
check "tgf: no '#', named" run 0 "$tmp/nohash.tgf" --from-format tgf -T json
check "tgf: nodes alone" has "$tmp/out" '{"id": "1", "name": "A"}'
printf '1 A\0\n#\n' >"$tmp/nul.tgf"
check "tgf: a NUL byte" run 1 "$tmp/nul.tgf"
check "tgf: is no text" stderr_is "scograph: $tmp/nul.tgf:1:4: error: a NUL byte: TGF is text"
# a DOT file's id (an SVG id) is an edge's relation's id, a node's id_
printf '%s\n' 'digraph { a [id="node-a"]; a -> b [id="e1", label="x"] }' |
	dot -Tdot_json >"$tmp/ids.json"
check "graphviz json: ids read" run 0 "$tmp/ids.json" -T json --strict
check "graphviz json: a node's id kept" has "$tmp/out" '{"id": "a", "id_": "node-a"}'
check "graphviz json: an edge's its relation's" has "$tmp/out" \
	'{"from": "a", "to": "b", "type": "x", "id": "e1"}'
# DOT itself, read by cgraph (read_graphviz.c): as its Graphviz JSON is
gvt=tests/tools/graphviz
for n in nested undirected; do
	check "dot: $n.dot" run 0 $gvt/$n.dot -T json
	cp "$tmp/out" "$tmp/dot.json"
	check "dot: $n.dot reads as its dot -Tjson0" run 0 $gvt/$n.json0.json -T json
	check "dot: $n.dot, the same graph" same "$tmp/dot.json" "$tmp/out"
done
check "dot: a cluster's attributes are its own, not its graph's" run 0 \
	$gvt/er.dot -T json
check "dot: the graph's fontsize is not the clusters'" has "$tmp/out" \
	'{"id": "cluster_kz", "name": "Kazakhstan"}'
check "dot: ids read as from JSON" run 0 "$tmp/ids.json" -T json
cp "$tmp/out" "$tmp/ids-json.json"
printf '%s\n' 'digraph { a [id="node-a"]; a -> b [id="e1", label="x"] }' \
	>"$tmp/ids.gv"
check "dot: ids" run 0 "$tmp/ids.gv" -T json --strict
check "dot: ids as from Graphviz's JSON" same "$tmp/ids-json.json" "$tmp/out"
printf '%s\n' 'digraph { a -> b [key=k1]; a -> b [key=k2, label=x] }' \
	>"$tmp/keys.gv"
check "dot: an edge's key" run 0 "$tmp/keys.gv" -T json
check "dot: a key is its relation's id" has "$tmp/out" \
	'{"from": "a", "to": "b", "type": "x", "id": "k2"}'
printf 'digraph {\n  a -> b;\n  "c" [label="C"];\n  d -> 2a;\n}\n' \
	>"$tmp/where.gv"
check "dot: warnings placed" run 0 "$tmp/where.gv" --check
check "dot: a node where it is first written, Graphviz's own warning" \
	stderr_is "scograph: $tmp/where.gv:3:4: warning: entity 'C' is in no relation
scograph: $tmp/where.gv:4:8: warning: graphviz: syntax ambiguity - badly delimited number '2a' splits into two tokens"
cp "$tmp/err" "$tmp/where.err"
check "dot: a file after another" run 0 "$tmp/keys.gv" "$tmp/where.gv" --check
check "dot: its places its own" same "$tmp/where.err" "$tmp/err"
check "dot: scograph's own DOT" run 0 --focus Kazakhstan -o "$tmp/own.dot"
check "dot: reads back as drawn" counts_are "$tmp/own.dot" - 14 22
check "dot: a graph's drawing settings named once, as hints" stderr_is \
	"scograph: $tmp/own.dot: warning: drawing hints were not read (scograph lays out and styles its own): 'bgcolor' (1), 'fontname' (1), 'fontsize' (1), 'labelloc' (1), 'layout' (1), 'margin' (1), 'nodesep' (1), 'outputorder' (1), 'pad' (1), 'rankdir' (1), 'ranksep' (1), 'size' (1)"
printf 'digraph {\n { rank=same; a; b }\n subgraph s1 { label="not drawn"; c -> d }\n subgraph cluster_empty { label="E" }\n a -> c\n}\n' \
	>"$tmp/subgraphs.gv"
check "dot: subgraphs that are no clusters" run 0 "$tmp/subgraphs.gv" --check
check "dot: their attributes, and an empty cluster's, named as hints" has \
	"$tmp/err" "not read (scograph lays out and styles its own): 'rank' (1), 'label' (2)"
# MCP memory files have no place for attributes
check "format: mcp" run 0 tests/formats/mcp-memory/memory.jsonl --title ''
check "format: mcp golden" same tests/formats/expected-mcp.dot "$tmp/out"
# graphlib is a shape (read_js.c): options.directed, a multigraph's edge
# names, a value that is text the label, any other value an attribute
printf '%s\n' '{"options": {"directed": false, "multigraph": true},' \
	'"nodes": [{"v": "a", "value": "Alpha"}, {"v": "b"}],' \
	'"edges": [{"v": "a", "w": "b", "name": "x", "value": "likes"},' \
	'{"v": "a", "w": "b", "name": "y", "value": 7}]}' >"$tmp/graphlib.json"
check "graphlib: read" run 0 "$tmp/graphlib.json" -T json
check "graphlib: a node's text its name" has "$tmp/out" '{"id": "a", "name": "Alpha"}'
check "graphlib: an edge's its type, undirected, named" has "$tmp/out" \
	'{"from": "a", "to": "b", "type": "likes", "id": "x", "directed": false}'
check "graphlib: a number is kept" has "$tmp/out" \
	'{"from": "a", "to": "b", "type": "related_to", "id": "y", "directed": false, "value": 7}'
# the graph's value holds its label and whatever else a program hung on it
printf '%s\n' '{"options": {"directed": true, "multigraph": false, "compound": false},' \
	'"nodes": [{"v": "a"}, {"v": "b"}], "edges": [{"v": "a", "w": "b"}],' \
	'"value": {"label": "G", "rankdir": "LR"}}' >"$tmp/graphlib-value.json"
check "graphlib: the graph's other attributes" run 0 "$tmp/graphlib-value.json" --check
check "graphlib: are named, its flags are not" stderr_is \
	"scograph: $tmp/graphlib-value.json:3:36: warning: key 'rankdir' in 'value' was not read"
# of a shape's alternatives (G6's type=data.type|data.category) the one read
# is taken, another beside it is an attribute
printf '%s\n' '{"nodes": [{"id": "kz", "data": {"type": "country", "category": "member"}},' \
	'{"id": "sco"}], "edges": [{"source": "kz", "target": "sco"}], "combos": []}' \
	>"$tmp/g6-alternatives.json"
check "shape alternatives: read" run 0 "$tmp/g6-alternatives.json" -T json
check "shape alternatives: the one not read is kept" has "$tmp/out" \
	'{"id": "kz", "type": "country", "category": "member"}'
# a key a role reads in the object beside an element (G6's data.type) is
# that object's: the element's own key of that name is kept (G6's node
# type, the shape it is drawn as)
printf '%s\n' '{"nodes": [{"id": "kz", "type": "circle", "data": {"type": "country"}},' \
	'{"id": "sco"}], "edges": [{"source": "kz", "target": "sco"}], "combos": []}' \
	>"$tmp/g6-own-type.json"
check "shape: a key beside the one read" run 0 "$tmp/g6-own-type.json" -T json
check "shape: is kept, not lost" has "$tmp/out" \
	'{"id": "kz", "type": "country", "type_": "circle"}'
if /usr/bin/python3 -c 'import networkx' 2>/dev/null; then
	(cd tests/formats/node-link-networkx && /usr/bin/python3 make.py) >"$tmp/nx.json"
	check "networkx writes what is committed" same \
		tests/formats/node-link-networkx/graph.json "$tmp/nx.json"
fi
# ---- graphs real tools wrote, loaded with the tools' own counts
# (tests/tools/TOOL/: the script that writes them, and counts.tsv)
for py in /usr/bin/python3 python3; do
	v=$($py -c 'import networkx; print(networkx.__version__.split(".")[0])' \
		2>/dev/null) || continue
	rm -rf "$tmp/nx" && cp -r tests/tools/networkx "$tmp/nx"
	check "networkx $v writes what is committed" sh -c \
		"$py '$tmp/nx/make.py' 2>/dev/null && diff -r tests/tools/networkx/nx$v '$tmp/nx/nx$v'"
done
for made in tests/tools/*/make.sh; do
	dir=$(dirname "$made")
	rm -rf "$tmp/sh" && cp -r "$dir" "$tmp/sh"
	check "$dir: the tool writes what is committed" sh -c \
		"sh '$tmp/sh/make.sh' && diff -r '$dir' '$tmp/sh'"
done
check "graphviz: labels as drawn (escapes, records, names)" run 0 \
	tests/tools/graphviz/er.json0.json -T json
check "graphviz: labels golden" same tests/tools/graphviz/er.expected.json "$tmp/out"
# found by fuzzing (UBSan, under SANITIZE=address,undefined): a label of
# nothing but line breaks
printf '%s\n' '{"name": "g", "directed": true, "objects": [{"_gvid": 0,' \
	'"name": "a", "label": "\\n \\l"}], "edges": []}' >"$tmp/breaks.json"
check "graphviz: a label of line breaks only" run 0 "$tmp/breaks.json" -T json
check "graphviz: is no name" has "$tmp/out" '{"id": "a"}'
# the JavaScript tools, where `npm ci` has installed them (.ci/run does)
for made in tests/tools/*/make.mjs; do
	dir=$(dirname "$made")
	[ -d "$dir/node_modules" ] || continue
	rm -rf "$tmp/js" && mkdir "$tmp/js" &&
		cp -r "$dir"/* "$tmp/js" && rm -rf "$tmp/js/node_modules" &&
		# (npm's settings for the folder: LangChain's peers are many)
		{ [ ! -f "$dir/.npmrc" ] || cp "$dir/.npmrc" "$tmp/js"; } &&
		ln -s "$PWD/$dir/node_modules" "$tmp/js/node_modules"
	check "$dir: the tool writes what is committed" sh -c \
		"node '$tmp/js/make.mjs' && diff -r -x node_modules '$dir' '$tmp/js'"
done
for counts in tests/tools/*/counts.tsv tests/tools/*/*/counts.tsv; do
	[ -f "$counts" ] || continue
	dir=$(dirname "$counts")
	while IFS='	' read -r file args entities relations; do
		check "$dir/$file $args: the tool's counts" \
			counts_are "$dir/$file" "$args" "$entities" "$relations"
	done <"$counts"
done
# knowledge graphs: what each reader makes of the tool's own words
wd=tests/tools/wikidata
check "wikidata: labels in English, claims as attributes" run 0 $wd/Q232.json -T json
check "wikidata: English name and aliases" has "$tmp/out" \
	'"name": "Kazakhstan", "aliases": ["Republic of Kazakhstan", "KZ"]'
check "wikidata: a population is an integer" has "$tmp/out" '"P1082": 19828165,'
check "wikidata: deprecated claims are not relations" not has "$tmp/out" Q35493
check "wikidata: what has no place in the model is named" has "$tmp/err" \
	"'sitelinks' (1), 'labels' (2), 'descriptions' (1), 'aliases' (1), 'qualifiers' (1), 'deprecated' (1), 'unit' (1)"
check "wikidata: the language the file holds" run 0 $wd/wbgetentities-de.json -T json
check "wikidata: a property's label labels its relations" has "$tmp/out" \
	'"type": "P36", "label": "Hauptstadt"'
check "wdqs: ?prop ?value pair into relations" run 0 $wd/wdqs-item-prop-value.json -T json
check "wdqs: labelled by ?propLabel" has "$tmp/out" '"type": "P463", "label": "member of"'
check "wdqs: a decimal keeps its text" has "$tmp/out" '"population": 19828165, "area": "2724902.0"'
check "llamaindex: a chunk named by its text's beginning" run 0 \
	tests/tools/llamaindex/property_graph_store.json -T json
check "llamaindex: chunk name" has "$tmp/out" \
	'"name": "Kazakhstan, whose capital is Astana, is a founding member of…"'
check "llamaindex: a relation's properties" has "$tmp/out" \
	'"type": "MEMBER_OF", "triplet_source_id": "c1", "since": 2001}'
check "arrows: a diagram as arrows.app keeps it" run 0 tests/tools/arrows/sco.json -T json
check "arrows: its name the title" has "$tmp/out" '"graph": {"title": "Kazakhstan in the SCO"}'
check "arrows: a caption the name, a first label the type" has "$tmp/out" \
	'{"id": "n0", "name": "Kazakhstan", "type": "Country",'
check "arrows: labels past the first are kept" has "$tmp/out" '"labels": ["Country","Founder"]'
check "arrows: the graph's other keys are named" has "$tmp/err" \
	"key 'style' (3 keys) in 'graph' was not read"
# a role drawn as text meeting a value with no text (a label by language)
# keeps it as an attribute: the shapes, ELK's labels
printf '%s\n' '{"nodes": [{"id": "a", "caption": {"en": "A"}}, {"id": "b"}],' \
	' "relationships": [{"fromId": "a", "toId": "b", "type": {"en": "R"}}]}' \
	>"$tmp/arrows.json"
check "shapes: a caption that is no text" run 0 "$tmp/arrows.json" -T json
check "shapes: kept as an attribute" has "$tmp/out" '{"id": "a", "caption": {"en":"A"}}'
check "shapes: a type that is no text too" has "$tmp/out" \
	'"type": "related_to", "type_": {"en":"R"}}'
printf '%s\n' '{"id": "root", "children": [{"id": "a", "labels": [{"text": "A"},' \
	' {"text": "A2"}]}, {"id": "b", "labels": [{"text": 7}]}], "edges": []}' \
	>"$tmp/elk.json"
check "elk: a label past the first" run 1 "$tmp/elk.json" --strict
check "elk: its text is named" has "$tmp/err" \
	"elk.json:2:11: error: key 'text' in 'labels' was not read"
check "elk: a label that is no text is named" has "$tmp/err" \
	"elk.json:2:52: error: key 'text' in 'labels' was not read"
check "graphjson: read as node-link, a caption the name" run 0 \
	tests/tools/graphjson/graph.json -T json
check "graphjson: a node's caption" has "$tmp/out" '{"id": "1", "name": "Kazakhstan",'
check "graphjson: an edge's caption its words" has "$tmp/out" \
	'"type": "MEMBER_OF", "label": "founding member",'
check "jgf: a hyperedge is an entity" run 0 tests/tools/jgf/hyper-undirected.json -T json
check "jgf: its metadata its attributes" has "$tmp/out" \
	'{"id": "/graph/hyperedges/0", "name": "hyperedge 1", "type": "hyperedge", "weight": 17}'
check "jgf: joined to each node, undirected" has "$tmp/out" \
	'{"from": "/graph/hyperedges/0", "to": "x", "type": "related_to", "directed": false}'
check "jgf: hyperedges are read" not has "$tmp/err" hyperedges
check "jgf: a directed hyperedge, from its sources" run 0 \
	tests/tools/jgf/hyper-directed.json --focus f --depth 2 --direction in \
	--stats --max-nodes 0
check "jgf: to its targets" counted 6 8
printf '%s\n' '{"graph": {"directed": false, "nodes": {"kz": {"label": "Kazakhstan"}, "ru": {}, "cn": {}},' \
	' "hyperedges": [{"id": "s5", "nodes": ["kz", "ru", "cn"], "relation": "founded",' \
	'   "label": "Shanghai Five", "metadata": {"year": 1996}}]}}' >"$tmp/hyper.json"
check "jgf: a hyperedge's id, label and relation" run 0 "$tmp/hyper.json" --strict -T json
check "jgf: its name and type" has "$tmp/out" \
	'{"id": "s5", "name": "Shanghai Five", "type": "founded", "year": 1996}'
# what a hyperedge's reading does not take is kept: the other kind's list,
# a label that is not text
printf '%s\n' '{"graph": {"nodes": {"a": {}, "b": {}}, "hyperedges": [{"nodes": ["a", "b"],' \
	' "source": ["a"], "target": ["b"], "label": 3, "relation": "r"}]}}' >"$tmp/hyper.json"
check "jgf: a hyperedge of both kinds" run 0 "$tmp/hyper.json" --strict -T json
check "jgf: the list not read is kept" has "$tmp/out" \
	'"type": "r", "nodes": ["a","b"], "label": 3}'
# a node's label that is not text is no name, and is kept
printf '%s\n' '{"graph": {"nodes": [{"id": "a", "label": {"en": "Alpha"}},' \
	' {"id": "b", "label": 7}], "edges": [{"source": "a", "target": "b"}]}}' \
	>"$tmp/labels.json"
check "jgf: a node's label of another kind" run 0 "$tmp/labels.json" -T json
check "jgf: is an attribute" has "$tmp/out" '{"id": "a", "label": {"en":"Alpha"}}'
check "jgf: a number too" has "$tmp/out" '{"id": "b", "label": 7}'
check "kg-gen: clusters are aliases, scores attributes" run 0 \
	tests/tools/kg-gen/graph.json -T json
check "kg-gen: aliases" has "$tmp/out" '"aliases": ["Republic of Kazakhstan", "KZ"]'
check "kg-gen: score" has "$tmp/out" '"type": "member of", "score": 0.98}'
printf '%s\n' '{"id": "a"}' '["a", "knows", "b"]' >"$tmp/list-line.jsonl"
check "jsonl: a list among records of objects" run 1 "$tmp/list-line.jsonl"
check "jsonl: the line" stderr_is \
	"scograph: $tmp/list-line.jsonl:2:1: error: expected an object, not an array"
check "a picture: named" run 1 examples/kazakhstan.png -o "$tmp/none.svg"
check "a picture: what it is" stderr_is \
	"scograph: examples/kazakhstan.png:1:1: error: this is a PNG image, which scograph does not read; a picture holds no graph: give it the graph it was drawn from"
check "a picture: nothing written" test ! -e "$tmp/none.svg"
check "a drawing of scograph's own: named" run 1 examples/kazakhstan.svg
check "a drawing of scograph's own: a picture" has "$tmp/err" \
	"kazakhstan.svg:1:1: error: this is an SVG picture, which scograph does not read"
check "compressed on standard input: named" run 1 - <tests/tools/others/karate.json.gz
check "compressed on standard input: a command that runs" stderr_is \
	"scograph: <stdin>:1:1: error: this is gzip-compressed, which scograph does not read; zcat makes its text, which it reads, standard input saved as FILE: zcat FILE | scograph -"
check "hextuples: named once, not a line at a time" run 1 tests/tools/others/sco.hext
check "hextuples: one message" test "$(wc -l <"$tmp/err")" = 1
check "triples: an end's type" run 0 tests/tools/triples/head-relation-tail.jsonl -T json
check "triples: head_type" has "$tmp/out" '{"id": "Kazakhstan", "type": "country"}'
check "cytoscape_data: tuple nodes found by value" run 0 \
	tests/tools/networkx/nx3/grid-cytoscape.json -T json
check "cytoscape_data: undirected" has "$tmp/out" \
	'{"from": "(0, 0)", "to": "(1, 0)", "type": "related_to", "directed": false}'
karate=tests/tools/networkx/nx2/karate.json
check "undirected: no arrowheads" run 0 "$karate" --focus 33
check "undirected: dir=none" has "$tmp/out" 'dir=none'
check "undirected: a path against the written order" run 0 "$karate" \
	--from 33 --to 0 --direction out --list
check "undirected: -T json keeps it" run 0 "$karate" -T json
check "undirected: written as directed false" has "$tmp/out" '"directed": false'
cp "$tmp/out" "$tmp/karate-native.json"
check "undirected: native reads back the same" run 0 "$tmp/karate-native.json" -T json
check "undirected: byte-identical" same "$tmp/karate-native.json" "$tmp/out"
check "untyped relations drawn" run 0 "$karate" --focus 33
check "untyped relations have no words" not has "$tmp/out" 'label="related to'
# (its 18 entities have more relations than a page's lines: three are
# folded, and their summary's line counts them, wordless too)
check "untyped relations folded: counted" has "$tmp/out" 'label="3 relations"'
# parents (compound nodes): boxes around their children, nested
parents=tests/valid/parents/input.json
check "parents: drawn" run 0 "$parents"
check "parents: no parent is unused" test ! -s "$tmp/err"
check "parents: a box in a box" has "$tmp/out" "$(printf '\t\tsubgraph cluster_box_1 {')"
check "parents: a relation ends at the box" has "$tmp/out" 'lhead=cluster_box_1'
check "parents: compound" has "$tmp/out" 'compound=true'
check "parents: the box's node is a point" has "$tmp/out" \
	"$(printf '\t\t\t"central-asia"\t[height=0.01,')"
check "parents: an SVG" run 0 "$parents" -T svg
check "parents: the box has the entity's id" has "$tmp/out" '<g id="e.asia" class="cluster region">'
check "parents: -T json" run 0 "$parents" -T json
check "parents: written by id" has "$tmp/out" '"id": "central-asia", "name": "Central Asia", "type": "region", "parent": "asia"}'
cp "$tmp/out" "$tmp/parents.json"
check "parents: read back" run 0 "$tmp/parents.json" -T json
check "parents: the same" same "$tmp/parents.json" "$tmp/out"
check "parents: a left-out parent is skipped" run 0 "$parents" --focus uz \
	--exclude central-asia -T json
check "parents: the next one up" has "$tmp/out" '"id": "uz", "name": "Uzbekistan", "type": "country", "parent": "asia"}'
check "parents: --theme print greys boxes in boxes" run 0 "$parents" --theme print
check "parents: no colour left" not has "$tmp/out" '#0072b2'
# a line of 20,000 parents, each entity inside the one before: cgraph puts
# a node in every box around it, so only 16 are drawn, in linear memory
/usr/bin/python3 -c 'import json, sys
n = int(sys.argv[1])
json.dump({"entities": [{"id": "e%d" % i, "parent": "e%d" % (i - 1)} if i
		       else {"id": "e0"} for i in range(n)],
	   "relations": [{"from": "e%d" % (n - 1), "to": "e0", "type": "r"}]},
	  sys.stdout)' 20000 >"$tmp/deep.json"
# (in 1 GB of address space, but for a binary built with ASan, whose
# shadow memory alone takes terabytes of it)
limit="ulimit -v 1000000 &&"
[ -z "$asan" ] || limit=
check "parents: 20,000 deep" sh -c "$limit
	'$bin' '$tmp/deep.json' >'$tmp/out' 2>/dev/null"
check "parents: boxes 16 deep" test "$(grep -c 'subgraph cluster_box_' "$tmp/out")" = 16
check "parents: the rest are entities in the deepest box" has "$tmp/out" \
	"$(printf '%16s' '' | tr ' ' '\t')e16"

printf '%s\n' '{"elements": [{"data": {"id": "a"}}, {"data": {"id": "b"}},' \
	'{"data": {"id": "e1", "source": "a", "target": "b", "label": "r"}},' \
	'{"data": {"id": "e2", "source": "a", "target": "b", "label": "r"}}]}' \
	>"$tmp/parallel.json"
check "edge ids: parallel edges are two relations" counts_are \
	"$tmp/parallel.json" - 2 2
check "edge ids: kept through -T json" run 0 "$tmp/parallel.json" -T json
check "edge ids: written" has "$tmp/out" '"type": "r", "id": "e2"'
check "edge ids: in SVG ids" run 0 "$tmp/parallel.json" -T svg
check "edge ids: r.a.r.b.e2" has "$tmp/out" 'id="r.a.r.b.e2"'

# ---- RDF: SPARQL results and JSON-LD that rdflib wrote (tests/tools/rdflib)
if /usr/bin/python3 -c 'import rdflib' 2>/dev/null; then
	rm -rf "$tmp/rdflib" && cp -r tests/tools/rdflib "$tmp/rdflib"
	check "rdflib writes what is committed" sh -c \
		"/usr/bin/python3 '$tmp/rdflib/make.py' && diff -r tests/tools/rdflib '$tmp/rdflib'"
fi
rdf=tests/tools/rdflib
check "jsonld: compacted to native" run 0 $rdf/compacted.json -T json
check "jsonld: rdfs:label the name, rdf:type the type, a local prefix shortens" \
	has "$tmp/out" '{"id": "https://example.org/sco/Kazakhstan", "name": "Kazakhstan", "type": "sco:Country", "description": "Central Asian state and founding SCO member.", "rdfs:label@ru": "Казахстан", "sco:region": "Central Asia"}'
check "jsonld: a number stays one" has "$tmp/out" '"sco:founded": 2001}'
check "jsonld: a blank node is an entity" has "$tmp/out" \
	'{"id": "_:summit", "name": "SCO summit 2024", "type": "sco:Event"}'
check "jsonld: a relation keeps its predicate" has "$tmp/out" \
	'"to": "https://example.org/sco/SCO", "type": "sco:member_of", "predicate": "https://example.org/sco/member_of"}'
check "sparql: ?s ?p ?o to native" run 0 $rdf/spo.json -T json
check "sparql: local names without a context" has "$tmp/out" \
	'"name": "Kazakhstan", "type": "Country", "description": "Central Asian state and founding SCO member.", "label@ru": "Казахстан", "region": "Central Asia"}'
check "sparql: typed literals" has "$tmp/out" '"founded": 2001}'
check "sparql: --focus by name" run 0 $rdf/spo.json --focus Kazakhstan --list
check "sparql: 5 entities" test "$(wc -l <"$tmp/out")" = 6
check "sparql: ?node ?linkedNode ?edgeLabel" run 0 $rdf/linked.json -T json
check "sparql: ?edgeLabel types, ?nodeLabel names, once" has "$tmp/out" \
	'{"id": "https://example.org/sco/Kazakhstan", "name": "Kazakhstan"}'
check "sparql: untyped relations" has "$tmp/out" '"type": "member_of"}'
printf '%s\n' '{"head": {"vars": ["item", "itemLabel", "linkTo", "rgb"]},' \
	' "results": {"bindings": [' \
	'  {"item": {"type": "uri", "value": "http://www.wikidata.org/entity/Q232"},' \
	'   "itemLabel": {"xml:lang": "en", "type": "literal", "value": "Kazakhstan"},' \
	'   "linkTo": {"type": "uri", "value": "http://www.wikidata.org/entity/Q485207"},' \
	'   "rgb": {"type": "literal", "value": "FFA500"}},' \
	'  {"item": {"type": "uri", "value": "http://www.wikidata.org/entity/Q485207"},' \
	'   "itemLabel": {"xml:lang": "en", "type": "literal", "value": "Shanghai Cooperation Organisation"}}]}}' \
	>"$tmp/wikidata.json"
check "sparql: Wikidata's graph view, ?item ?linkTo" run 0 "$tmp/wikidata.json" -T json
check "sparql: an untyped link, other variables attributes" has "$tmp/out" \
	'{"id": "http://www.wikidata.org/entity/Q232", "name": "Kazakhstan", "rgb": "FFA500"}'
check "sparql: the link" has "$tmp/out" \
	'{"from": "http://www.wikidata.org/entity/Q232", "to": "http://www.wikidata.org/entity/Q485207", "type": "related_to"}'
printf '%s\n' '{"head": {"vars": ["s", "p", "o"]}, "results": {"bindings": [' \
	'{"o": {"type": "literal", "value": "x"}, "p": {"type": "uri", "value": "http://e.org/tag"}, "s": {"type": "uri", "value": "http://e.org/a"}},' \
	'{"s": {"type": "uri", "value": "http://e.org/a"}, "p": {"type": "uri", "value": "http://e.org/tag"}, "o": {"type": "literal", "value": "y"}},' \
	'{"s": {"type": "uri", "value": "http://e.org/a"}, "p": {"type": "uri", "value": "http://e.org/tag"}, "o": {"type": "literal", "value": "x"}},' \
	'{"s": {"type": "uri", "value": "http://e.org/a"}, "p": {"type": "uri", "value": "http://e.org/tag"}, "o": {"type": "typed-literal", "value": "3", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}}]}}' \
	>"$tmp/values.json"
check "sparql: several values of a predicate" run 0 "$tmp/values.json" -T json
check "sparql: an array, each value once, older endpoints' typed-literal" \
	has "$tmp/out" '{"id": "http://e.org/a", "name": "a", "tag": ["x","y",3]}'
printf '%s\n' '{"head": {"vars": ["s", "sLabel", "p", "pLabel", "o"]}, "results": {"bindings": [' \
	'{"sLabel": {"type": "literal", "value": "Kazakhstan"}, "s": {"type": "uri", "value": "http://www.wikidata.org/entity/Q232"},' \
	' "p": {"type": "uri", "value": "http://www.wikidata.org/prop/direct/P463"}, "pLabel": {"type": "literal", "value": "member of"},' \
	' "o": {"type": "uri", "value": "http://www.wikidata.org/entity/Q485207"}}]}}' >"$tmp/plabel.json"
check "sparql: ?pLabel" run 0 "$tmp/plabel.json" -T json
check "sparql: ?pLabel labels the relation, ?sLabel names" has "$tmp/out" \
	'{"from": "http://www.wikidata.org/entity/Q232", "to": "http://www.wikidata.org/entity/Q485207", "type": "P463", "label": "member of", "predicate": "http://www.wikidata.org/prop/direct/P463"}'
# @vocab, terms that use each other, @type @id, @reverse (its term listed
# first), @list, a nested node without @id (a blank node named by its place)
check "jsonld: terms" run 0 tests/formats/jsonld-terms/context.json -T json
check "jsonld: terms read" same tests/formats/jsonld-terms/expected.json "$tmp/out"
printf '{"@context": "https://www.w3.org/ns/activitystreams", "id": "https://example.org/a", "type": "Note", "attributedTo": {"id": "https://example.org/b", "type": "Person", "name": "B"}}\n' >"$tmp/remote.json"
check "jsonld: a remote context is not fetched" run 0 "$tmp/remote.json" -T json
check "jsonld: said once, as a warning" stderr_is \
	"scograph: $tmp/remote.json:1:14: warning: remote @context 'https://www.w3.org/ns/activitystreams' is not fetched: its terms are read as they stand"
check "jsonld: its terms as they stand, id and type its keywords" has "$tmp/out" \
	'{"id": "https://example.org/b", "name": "B", "type": "Person"}'
check "jsonld: a nested node" has "$tmp/out" \
	'{"from": "https://example.org/a", "to": "https://example.org/b", "type": "attributedTo"}'
printf '{"@context": "https://schema.org", "@type": "Person", "name": "Ada", "knows": {"@id": "https://example.org/charles", "@type": "Person", "name": "Charles"}}\n' >"$tmp/schema.json"
check "jsonld: schema.org's context is its vocabulary" run 0 "$tmp/schema.json" -T json
check "jsonld: no warning for it" test ! -s "$tmp/err"
check "jsonld: names from schema:name, nested nodes related" has "$tmp/out" \
	'{"id": "https://example.org/charles", "name": "Charles", "type": "Person"}'
check "jsonld: the relation to a nested node" has "$tmp/out" \
	'"to": "https://example.org/charles", "type": "knows", "predicate": "http://schema.org/knows"}'

# ---- GraphML and GEXF (tests/tools: networkx, igraph, yed, gephi)
if /usr/bin/python3 -c 'import igraph' 2>/dev/null; then
	rm -rf "$tmp/igraph" && cp -r tests/tools/igraph "$tmp/igraph"
	check "igraph writes what is committed" sh -c \
		"/usr/bin/python3 '$tmp/igraph/make.py' && diff -r tests/tools/igraph '$tmp/igraph'"
fi
# graphs in formats scograph does not read (tests/tools/others: as
# networkx and igraph write them): refused in one message that names the
# format; where the message gives a command, pasted back it reads the
# tool's own counts
oth=tests/tools/others
if /usr/bin/python3 -c 'import igraph, networkx, scipy' 2>/dev/null; then
	rm -rf "$tmp/others" && cp -r $oth "$tmp/others"
	check "others: the tools write what is committed" sh -c \
		"/usr/bin/python3 '$tmp/others/make.py' 2>/dev/null && diff -r $oth '$tmp/others'"
fi
while IFS='	' read -r file words nodes edges; do
	check "others: $file refused" run 1 --check $oth/$file
	check "others: $file, its format named" has "$tmp/err" \
		"$oth/$file:1:1: error: $words"
	way=$(sed -n 's/.* which it reads: \(.*\) | scograph -$/\1/p' "$tmp/err")
	[ -n "$way" ] || continue
	# (with Debian's tools first: rdflib is Debian's python3's)
	PATH=/usr/bin:$PATH sh -c "$way" >"$tmp/way.gv"
	check "others: $file, the command given reads" counts_are \
		"$tmp/way.gv" - "$nodes" "$edges"
done <$oth/named.txt
yed=tests/tools/yed/organisation.graphml
check "yed: read" run 0 $yed -T json
check "yed: a node's label is its name, its description read" has "$tmp/out" \
	'{"id": "n0", "name": "Kazakhstan", "description": "A country in Central Asia"}'
check "yed: a group's nested graph, its members inside it" has "$tmp/out" \
	'{"id": "n2::n0", "name": "Uzbekistan", "parent": "n2"}'
check "yed: an edge's label" has "$tmp/out" \
	'"to": "n1", "type": "related_to", "id": "e0", "label": "member of"}'
check "yed: the drawing hints named in one warning, counted" has "$tmp/err" \
	"organisation.graphml:21:11: warning: drawing hints were not read (scograph lays out and styles its own): 'y:Geometry' (7), 'y:Fill' (7),"
check "yed: and nothing else unread" test "$(wc -l <"$tmp/err")" = 1
check "yed: --strict stops at what is unread" run 1 --strict $yed
check "yed: no arrow heads, no direction" run 0 $yed -T json
check "yed: an undirected edge" has "$tmp/out" \
	'{"from": "n3", "to": "n2", "type": "related_to", "id": "e3", "directed": false}'
printf '%s\n' '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">' \
	'<key for="edge" id="d1" yfiles.type="edgegraphics"/><graph edgedefault="directed">' \
	'<node id="a"/><node id="b"/><edge id="e0" source="a" target="b"><data key="d1"><y:PolyLineEdge>' \
	'<y:Arrows source="standard" target="none"/></y:PolyLineEdge></data></edge></graph></graphml>' >"$tmp/back.graphml"
check "yed: headed at its source alone" run 0 "$tmp/back.graphml" -T json
check "yed: points at its source" has "$tmp/out" '{"from": "b", "to": "a", "type": "related_to", "id": "e0"}'
check "yed: arrows are read, not named" test ! -s "$tmp/err"
check "yed: the group is drawn as a box" run 0 $yed
check "yed: a box" has "$tmp/out" 'subgraph cluster_box_'
gephi=tests/tools/gephi/hierarchy.gexf
check "gephi: read" run 0 $gephi -T json
check "gephi: the title and description of <meta>" has "$tmp/out" \
	'"graph": {"title": "Regional organisations", "description": "Members and partners, grouped by region"}'
check "gephi: attributes by title, typed, a default" has "$tmp/out" \
	'{"id": "kz", "name": "Kazakhstan", "type": "country", "parent": "asia", "population": 19828165, "founding member": true}'
check "gephi: pid is a parent" has "$tmp/out" '{"id": "in", "name": "India", "type": "country", "parent": "south"'
check "gephi: kind the type, weight kept" has "$tmp/out" \
	'{"from": "kz", "to": "sco", "type": "member_of", "id": "0", "weight": 1.0, "since": 2001}'
check "gephi: an undirected edge in a directed graph" has "$tmp/out" \
	'{"from": "kz", "to": "uz", "type": "related_to", "id": "3", "label": "borders", "directed": false}'
check "gephi: a mutual edge both ways" has "$tmp/out" \
	'{"from": "cn", "to": "kz", "type": "trades_with", "id": "4", "weight": 3.5}'
check "gephi: meta's date and creator read, not named" not has "$tmp/err" "meta"
check "gephi: nor creator" not has "$tmp/err" "creator"
check "gephi: viz skipped, named" has "$tmp/err" \
	"'viz:size' (3), 'viz:position' (3), 'viz:color' (5), 'viz:shape' (2), 'viz:thickness' (1)"
nx=tests/tools/networkx/nx2
check "networkx graphml: typed keys, a default, the graph's name" run 0 $nx/kg.graphml -T json
check "networkx graphml: as written" has "$tmp/out" \
	'{"id": "sco", "name": "Shanghai Cooperation Organisation", "type": "organisation", "founding": false}'
check "networkx graphml: the title" has "$tmp/out" '"graph": {"title": "SCO members"}'
check "networkx graphml: nothing unread" test ! -s "$tmp/err"
check "networkx gexf: an edge's 'type' networkx wrote is its type" run 0 \
	$nx/multigraph.gexf -T json
check "networkx gexf: member_of" has "$tmp/out" '"type": "member_of", "id": "0"'
# (but the Davis graph's own attributes, its two sets of nodes, which the
# model has no place for)
for f in tests/tools/networkx/nx*/*.gexf tests/tools/networkx/nx*/*.graphml \
	tests/tools/networkx/nx*/*.json; do
	case $f in
	*/davis*) check "networkx: $f names its graph's sets" run 1 --check --strict "$f"
		check "networkx: top" has "$tmp/err" "key 'top' (18 items) in '" ;;
	*) check "networkx: $f passes --strict" run 0 --check --strict "$f" ;;
	esac
done
check "lightrag: entity_type the type, keywords the label" run 0 $nx/lightrag.graphml -T json
check "lightrag: the entity" has "$tmp/out" \
	'{"id": "Alex", "type": "person", "description": "Alex is a member of the team.", "entity_id": "Alex"'
check "lightrag: the relation's words" has "$tmp/out" \
	'{"from": "Alex", "to": "Taylor", "type": "related_to", "label": "leadership, trust", "directed": false, "weight": 2.0'
check "igraph: names are aliases, labels names" run 0 tests/tools/igraph/members.graphml --focus sco --list
check "graphml: --from-format gexf on GraphML" run 1 --from-format gexf $nx/kg.graphml
check "graphml: says what it is not" has "$tmp/err" \
	'kg.graphml:2:1: error: no <gexf> at the top: this is no GEXF document'
printf '%s\n' '<?xml version="1.0"?>' '<!-- a > b -->' '<g:graphml xmlns:g="http://graphml.graphdrawing.org/xmlns">' \
	'<g:graph edgedefault="undirected"><g:node id="a"/><g:node id="b"/>' \
	'<g:edge source="a" target="b" sourceport="p"/><g:hyperedge><g:endpoint node="a"/></g:hyperedge>' \
	'<g:hyperedge/></g:graph></g:graphml>' >"$tmp/prefixed.xml"
check "graphml: prefixed, after a comment" run 0 "$tmp/prefixed.xml" --stats --max-nodes 0
check "graphml: ports named" has "$tmp/err" \
	"prefixed.xml:5:1: warning: attribute 'sourceport' of <g:edge> was not read"
check "graphml: hyperedges named, counted" has "$tmp/err" \
	"prefixed.xml:5:47: warning: element 'g:hyperedge' (2 of them, the first here) was not read"
# (past its first 64 KiB, a file is given to expat as it is read, a piece
# at a time: positions count from the text's start, the end is the end)
awk 'BEGIN { print "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">"
	print "<graph edgedefault=\"directed\">"
	for (i = 0; i < 20000; i++) printf "<node id=\"n%05d\"/>\n", i
	for (i = 0; i < 19999; i++)
		printf "<edge source=\"n%05d\" target=\"n%05d\"/>\n", i, i + 1
	print "</graph>"; print "</graphml>" }' >"$tmp/long.graphml"
sed '35000s/target="n[0-9]*"/target="n14997"/' "$tmp/long.graphml" >"$tmp/long-loop.graphml"
check "graphml: a long text, a loop far in" run 0 "$tmp/long-loop.graphml" \
	--stats --max-nodes 0
check "graphml: a long text, every edge" has "$tmp/out" 'relations selected: 19999'
check "graphml: a long text, the loop's place" stderr_is \
	"scograph: $tmp/long-loop.graphml:35000:1: warning: relation from 'n14997' to itself"
check "graphml: a long text from standard input" run 0 - --stats \
	--max-nodes 0 <"$tmp/long-loop.graphml"
check "graphml: from standard input, every edge" has "$tmp/out" 'relations selected: 19999'
check "graphml: from standard input, the loop's place" stderr_is \
	"scograph: <stdin>:35000:1: warning: relation from 'n14997' to itself"
sed '35000s/"\/>$/" \/ >/' "$tmp/long.graphml" >"$tmp/long-bad.graphml"
check "graphml: a long text, an error far in" run 1 "$tmp/long-bad.graphml" \
	-o "$tmp/bad.dot"
check "graphml: a long text, the error's place" stderr_is \
	"scograph: $tmp/long-bad.graphml:35000:40: error: not well-formed (invalid token)"
check "graphml: a long text, an error: nothing written" test ! -e "$tmp/bad.dot"
head -c 1000000 "$tmp/long.graphml" >"$tmp/long-cut.graphml"
check "graphml: a long text cut short" run 1 "$tmp/long-cut.graphml"
check "graphml: a long text cut short, where" stderr_is \
	"scograph: $tmp/long-cut.graphml:35000:1: error: unclosed token"
awk 'BEGIN { print "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\"><graph><nodes>"
	for (i = 0; i < 20000; i++) printf "<node id=\"n%05d\" label=\"N %d\"/>\n", i, i
	print "</nodes><edges>"
	for (i = 0; i < 19999; i++)
		printf "<edge source=\"n%05d\" target=\"n%05d\"/>\n", i, i + 1
	print "</edges></graph></gexf>" }' >"$tmp/long.gexf"
check "gexf: a long text through a pipe" sh -c "cat '$tmp/long.gexf' |
	'$bin' - --stats --max-nodes 0 >'$tmp/out'"
check "gexf: through a pipe, every edge" has "$tmp/out" 'relations selected: 19999'
head -c 1000000 "$tmp/long.gexf" >"$tmp/long-cut.gexf"
check "gexf: a long text cut short, through a pipe" sh -c "cat '$tmp/long-cut.gexf' |
	'$bin' - 2>'$tmp/err'; [ \$? = 1 ]"
check "gexf: cut short, where" stderr_is \
	"scograph: <stdin>:27278:1: error: unclosed token"
# ---- RDF as text through serd: the same graph as rdflib writes it
check "ntriples: to native" run 0 $rdf/sco.nt -T json
cp "$tmp/out" "$tmp/nt.json"
check "ntriples: the same graph's SPARQL results" run 0 $rdf/spo.json -T json
check "ntriples: read as they are" same "$tmp/nt.json" "$tmp/out"
check "turtle: to native" run 0 $rdf/sco.ttl -T json
check "turtle: its prefixes shorten as a @context does" has "$tmp/out" \
	'{"id": "https://example.org/sco/Kazakhstan", "name": "Kazakhstan", "type": "sco:Country", "description": "Central Asian state and founding SCO member.", "rdfs:label@ru": "Казахстан", "sco:region": "Central Asia"}'
check "turtle: a [ ] blank node is an entity" has "$tmp/out" \
	'{"id": "_:b1", "name": "SCO summit 2024", "type": "sco:Event"}'
check "turtle: and related" has "$tmp/out" \
	'{"from": "_:b1", "to": "https://example.org/sco/SCO", "type": "sco:held_by", "predicate": "https://example.org/sco/held_by"}'
check "nquads: to native" run 0 $rdf/sco.nq -T json
check "nquads: a triple in two graphs is one relation, in both" has "$tmp/out" \
	'"type": "member_of", "predicate": "https://example.org/sco/member_of", "graph": ["https://example.org/sco/plans","https://example.org/sco/members"]}'
check "trig: to native" run 0 $rdf/sco.trig -T json
check "trig: a relation keeps its graph" has "$tmp/out" \
	'"type": "sco:part_of", "predicate": "https://example.org/sco/part_of", "graph": "https://example.org/sco/members"}'
check "trig: the default graph's have none" has "$tmp/out" \
	'"type": "sco:hosted", "predicate": "https://example.org/sco/hosted"}'
# (a second file's named graph was put on the first file's relation of
# the same place in its document)
printf '<http://x/a> <http://x/p> <http://x/b> .\n' >"$tmp/first.nt"
printf '<http://x/b> <http://x/q> <http://x/c> <http://x/g> .\n' >"$tmp/then.nq"
check "nquads after another file: to native" \
	run 0 "$tmp/first.nt" "$tmp/then.nq" -T json
check "nquads after another file: its graph is on its own relation" \
	has "$tmp/out" '{"from": "http://x/b", "to": "http://x/c", "type": "q", "predicate": "http://x/q", "graph": "http://x/g"}'
check "nquads after another file: the first file's has none" \
	has "$tmp/out" '{"from": "http://x/a", "to": "http://x/b", "type": "p", "predicate": "http://x/p"}'
for f in sco.nt:ntriples sco.ttl:turtle sco.nq:nquads sco.trig:trig; do
	check "${f%:*}: told from its content" run 0 $rdf/${f%:*} -T json
	mv "$tmp/out" "$tmp/told.json"
	check "${f%:*}: --from-format ${f#*:}" run 0 --from-format ${f#*:} \
		$rdf/${f%:*} -T json
	check "${f%:*}: read as the same" same "$tmp/told.json" "$tmp/out"
done
check "ntriples: N-Quads told to be N-Triples are read" run 0 \
	--from-format ntriples $rdf/sco.nq --stats
check "turtle: N-Quads told to be Turtle are refused" run 1 \
	--from-format turtle $rdf/sco.nq
check "turtle: where serd stopped" stderr_is \
	"scograph: $rdf/sco.nq:1:96: error: missing ';' or '.'"
check "ntriples: from standard input" run 0 - --stats <$rdf/sco.nt
check "ntriples: all of it" has "$tmp/out" 'relations selected: 7'
printf '<http://e.org/a> <http://e.org/r> <http://e.org/b> .\n\n# a loop\n<http://e.org/b> <http://e.org/r> <http://e.org/b> .\n' >"$tmp/loop.nt"
check "ntriples: a warning at its statement's line" run 0 "$tmp/loop.nt" --check
check "ntriples: the line" stderr_is \
	"scograph: $tmp/loop.nt:4:1: warning: relation from 'b' to itself"
# (read in pieces of about a MiB, cut at a line's end: positions count
# from the text's start, a quad may come in any piece)
awk 'BEGIN { for (i = 0; i < 30000; i++)
	printf "<http://e.org/entity-%05d> <http://e.org/related-to> <http://e.org/entity-%05d> .\n", i, i + 1 }' >"$tmp/long.nt"
sed '25000s/.*/<http:\/\/e.org\/a> <http:\/\/e.org\/r> <http:\/\/e.org\/a> <http:\/\/e.org\/g> ./' \
	"$tmp/long.nt" >"$tmp/long-quad.nt"
check "ntriples: a long text, a quad far in" run 0 "$tmp/long-quad.nt" --stats \
	--max-nodes 0
check "ntriples: a long text, every line" has "$tmp/out" 'relations selected: 30000'
check "ntriples: a long text, the line far in" stderr_is \
	"scograph: $tmp/long-quad.nt:25000:1: warning: relation from 'a' to itself"
sed '25000s/> .$/> "open ./' "$tmp/long.nt" >"$tmp/long-bad.nt"
check "ntriples: a long text, an error far in" run 1 "$tmp/long-bad.nt"
check "ntriples: a long text, its line and column" has "$tmp/err" \
	"long-bad.nt:25000:83: error: expected '<', not '\"'"
check "ntriples: a long text from standard input" run 0 - --from-format \
	ntriples --stats --max-nodes 0 <"$tmp/long-quad.nt"
check "ntriples: from standard input, the line far in" stderr_is \
	"scograph: <stdin>:25000:1: warning: relation from 'a' to itself"
{ cat "$tmp/long.nt"; printf '<http://e.org/a> <http://e.org/r> "a\0b" .\n'; } \
	>"$tmp/long-nul.nt"
check "ntriples: a long text, a NUL byte far in" run 1 "$tmp/long-nul.nt" \
	-o "$tmp/nul.dot"
check "ntriples: a long text, the NUL byte's line and column" stderr_is \
	"scograph: $tmp/long-nul.nt:30001:37: error: a NUL byte, which no RDF text holds"
check "ntriples: a long text, a NUL byte: nothing written" test ! -e "$tmp/nul.dot"
# (a line longer than the pieces the text is read in)
awk 'BEGIN { print "<http://e.org/a> <http://e.org/r> <http://e.org/b> ."
	printf "<http://e.org/a> <http://e.org/name> \"";
	for (i = 0; i < 300000; i++) printf "0123456789"
	printf "\" .\n<http://e.org/b> <http://e.org/r> <http://e.org/b> .\n" }' \
	>"$tmp/long-line.nt"
check "ntriples: a line of 3 MB" run 0 "$tmp/long-line.nt" --check
check "ntriples: a line of 3 MB, the next line's place" stderr_is \
	"scograph: $tmp/long-line.nt:3:1: warning: relation from 'b' to itself"

# ---- graph stores: Neo4j APOC exports (tests/tools/neo4j: counts.tsv)
neo=tests/tools/neo4j
check "neo4j: JSON Lines to native" run 0 $neo/all.jsonl -T json
cp "$tmp/out" "$tmp/neo4j.json"
check "neo4j: first label the type, name the name" has "$tmp/out" \
	'{"id": "0", "name": "Adam", "type": "User", "born": '
check "neo4j: a relationship id equal to a node id is the relation's own" \
	has "$tmp/out" '{"from": "0", "to": "1", "type": "KNOWS", "id": "0", "since": 1993'
for f in all-array.json all.json all-id-as-keys.json query-paths.jsonl; do
	check "neo4j: $f" run 0 --from-format neo4j $neo/$f -T json
	[ $f = query-paths.jsonl ] && continue
	check "neo4j: $f reads as the JSON Lines do" same "$tmp/neo4j.json" "$tmp/out"
done
check "neo4j: a path repeated in query rows is one relation" not has "$tmp/err" 'listed again'
printf '%s\n' '{"type":"node","id":"5","labels":["Country","Member"],"properties":{"title":"Kazakhstan","name_ru":"Казахстан"}}' \
	'{"type":"node","id":"6","labels":["Organization"],"properties":{"name":"SCO","title":"Shanghai Cooperation Organisation"}}' \
	'{"id":"5","type":"relationship","label":"MEMBER_OF","start":{"id":"5"},"end":{"id":"6"}}' >"$tmp/labels.jsonl"
check "neo4j: labels and titles" run 0 "$tmp/labels.jsonl" -T json
check "neo4j: the other labels an attribute, a title the name" has "$tmp/out" \
	'{"id": "5", "name": "Kazakhstan", "type": "Country", "labels": ["Member"], "name_ru": "Казахстан"}'
check "neo4j: a name before a title" has "$tmp/out" \
	'{"id": "6", "name": "SCO", "type": "Organization", "title": "Shanghai Cooperation Organisation"}'
printf '%s\n' '{"type":"node","id":"1","labels":["Country"],"properties":{"name":"Kazakhstan","id":"KZ","type":"republic"}}' \
	'{"type":"node","id":"2","labels":["Organization"],"properties":{"name":"SCO"}}' \
	'{"id":"1","type":"relationship","label":"MEMBER_OF","start":{"id":"1"},"end":{"id":"2"},"properties":{"from":2001}}' >"$tmp/own.jsonl"
check "neo4j: properties named as scograph's fields" run 0 "$tmp/own.jsonl" -T json
check "neo4j: become KEY_" has "$tmp/out" \
	'{"id": "1", "name": "Kazakhstan", "type": "Country", "id_": "KZ", "type_": "republic"}'
check "neo4j: a relation's too" has "$tmp/out" '"type": "MEMBER_OF", "id": "1", "from_": 2001}'
cp "$tmp/out" "$tmp/own.json"
check "neo4j: and read back" run 0 "$tmp/own.json" -T json
check "neo4j: the same" same "$tmp/own.json" "$tmp/out"
# ---- tables: CSV, TSV (tests/tools/csv: counts.tsv) and KGTK
csv=tests/tools/csv
if /usr/bin/python3 -c 'import igraph, pandas, networkx' 2>/dev/null; then
	rm -rf "$tmp/csv" && cp -r $csv "$tmp/csv"
	check "csv: Python's csv, pandas and igraph write what is committed" sh -c \
		"/usr/bin/python3 '$tmp/csv/make.py' && diff -r $csv '$tmp/csv'"
fi
check "csv: quoted names, a line break, other scripts" run 0 $csv/quoting.csv -T json
check "csv: the names whole" has "$tmp/out" \
	'{"from": "Shanghai Cooperation Organisation, The", "to": "Kazakhstan", "type": "has member", "id": "e1", "since": 2001}'
check "csv: a line break in a quoted field" has "$tmp/out" \
	'"note": "called \"Nur-Sultan\"\nfrom 2019 to 2022"}'
check "csv: pandas' index column" run 0 $csv/karate-pandas.csv --stats
check "csv: is no attribute, and said so" stderr_is \
	"scograph: $csv/karate-pandas.csv:1:1: warning: column 1 has no name: its values were not read"
check "csv: a weight is a number" run 0 $csv/karate-pandas.tsv -T json
check "csv: written as one" has "$tmp/out" '{"from": "0", "to": "1", "type": "related_to", "weight": 4}'
check "csv: igraph's vertex ids and names" run 0 $csv/igraph-vertices.csv $csv/igraph-edges.csv -T json
check "csv: the vertex named" has "$tmp/out" '{"id": "0", "name": "v0"}'
check "csv: the edge's id" has "$tmp/out" '{"from": "0", "to": "1", "type": "part of", "id": "0"}'
printf 'PARTICIPANT_A\tINTERACTION_TYPE\tPARTICIPANT_B\tPATHWAY_NAMES\nAKT1\tcontrols-state-change-of\tMTOR\tmTOR signalling\n' \
	>"$tmp/pc.tsv"
check "tsv: Pathway Commons' extended SIF" run 0 "$tmp/pc.tsv" -T json
check "tsv: its participants and interaction" has "$tmp/out" \
	'{"from": "AKT1", "to": "MTOR", "type": "controls-state-change-of", "PATHWAY_NAMES": "mTOR signalling"}'
printf 'who\trelation\twhat\nKazakhstan\tmember of\tSCO\n' >"$tmp/who.tsv"
check "tsv: ends no name marks" run 1 "$tmp/who.tsv"
check "tsv: the shape suggested passes over the type's column" has "$tmp/err" \
	"--shape 'from=who to=what'"
cy=tests/formats/csv-cytoscape/edges.csv
check "csv: Cytoscape's edge table" run 0 $cy -T json
check "csv: its ends from its names" has "$tmp/out" \
	'{"from": "Nurly Zhol", "to": "BRI (Belt and Road)", "type": "aligns with",'
check "csv: every edge" counts_are $cy - 5 3
printf '"shared name","name","interaction","shared interaction"\n"a (r) b","a - b","r","r"\n' \
	>"$tmp/cy.csv"
check "csv: a Cytoscape edge named otherwise" run 1 "$tmp/cy.csv"
check "csv: is an error at its name" stderr_is \
	"scograph: $tmp/cy.csv:2:11: error: an edge of Cytoscape's table whose name is not 'SOURCE (r) TARGET'"
check "csv: APOC's export, nodes and relationships in one table" run 0 \
	tests/tools/neo4j/all.csv -T json
check "csv: a node's first label its type, a name its name" has "$tmp/out" \
	'{"id": "0", "name": "Adam", "type": "User", "age": 42,'
check "csv: a relationship's type and properties" has "$tmp/out" \
	'{"from": "0", "to": "1", "type": "KNOWS", "bffSince": "P5M1DT12H", "since": 1993}'
printf '%s\n' '"_id","_labels","name","_start","_end","_type"' \
	'"7",":Person:Admin:Founder","Ann",,,' '"8","","",,,' >"$tmp/apoc.csv"
check "csv: APOC's labels past the first" run 0 "$tmp/apoc.csv" -T json
check "csv: are kept" has "$tmp/out" \
	'{"id": "7", "name": "Ann", "type": "Person", "labels": ["Admin","Founder"]}'
check "csv: an unlabelled node" has "$tmp/out" '{"id": "8"}'
printf '%s\n' '"_id","_labels","name","description","label","_start","_end","_type"' \
	'"0",":User","Adam","a user","x",,,' '"1",":User","Jim","","",,,' \
	',,,"d","old friends","0","1","KNOWS"' >"$tmp/apoc-keys.csv"
check "csv: APOC's properties named as the Neo4j JSON reader names them" run 0 \
	"$tmp/apoc-keys.csv" -T json
check "csv: a node's description_ and label" has "$tmp/out" \
	'{"id": "0", "name": "Adam", "type": "User", "description_": "a user", "label": "x"}'
check "csv: a relationship's description and label_" has "$tmp/out" \
	'"type": "KNOWS", "description": "d", "label_": "old friends"}'
printf '\357\273\277source,target,type\r\n"a",b,r\r\n\r\nb,"c\r\nd",\r\n' >"$tmp/bom.csv"
check "csv: a byte-order mark, CR LF, a blank line" run 0 "$tmp/bom.csv" -T json
check "csv: read" has "$tmp/out" '{"from": "b", "to": "c\u000d\nd", "type": "related_to"}'
check "csv: Excel's semicolons, told from the header" run 0 $csv/florentine-excel.csv -T json
check "csv: a decimal comma stays text" has "$tmp/out" \
	'{"from": "Acciaiuoli", "to": "Medici", "type": "related_to", "share": "0,5"}'
printf '"source";target;note\na;"b;c";"x, y"\n' >"$tmp/semi.csv"
check "csv: a quoted semicolon is the field's" run 0 "$tmp/semi.csv" -T json
check "csv: and a comma in a semicolon table" has "$tmp/out" \
	'{"from": "a", "to": "b;c", "type": "related_to", "note": "x, y"}'
printf 'source,target,note\na,b,x;y;z\n' >"$tmp/commas.csv"
check "csv: semicolons in the rows of a comma table" run 0 "$tmp/commas.csv" -T json
check "csv: are text" has "$tmp/out" '"note": "x;y;z"'
printf 'source,target,type\na,b,r\nb\n' >"$tmp/short.csv"
check "csv: a short row" run 1 "$tmp/short.csv" -o "$tmp/short.svg"
check "csv: is at its end" stderr_is "scograph: $tmp/short.csv:3:2: error: a row of 1 field where the header has 3"
check "csv: nothing written" test ! -e "$tmp/short.svg"
printf 'Source,Target,Type,Id,Label,Weight\na,b,Undirected,0,likes,1.0\n' >"$tmp/gephi.csv"
check "csv: Gephi's edge table" run 0 "$tmp/gephi.csv" -T json
check "csv: its Type a direction, its Label the label" has "$tmp/out" \
	'{"from": "a", "to": "b", "type": "related_to", "id": "0", "label": "likes", "directed": false, "Weight": 1.0}'
for fmt in csv tsv kgtk; do
	check "--from-format $fmt is listed" has "$tmp/formats-listed" "$fmt"
done
check "tsv: --from-format" run 0 --from-format tsv $csv/karate-pandas.tsv --stats
printf 'id,x\ty,name\n1,2\t3,one\n' >"$tmp/both.txt"
check "csv or tsv: both as sure is an error" run 1 "$tmp/both.txt"
check "csv or tsv: that names both" stderr_is \
	"scograph: $tmp/both.txt:1:1: error: the text reads as several formats (csv, tsv); name the one meant with --from-format"
check "csv or tsv: named, it reads" run 0 --from-format csv "$tmp/both.txt" --stats
kgtk=tests/formats/kgtk-spec
check "kgtk: the specification's edge file" run 0 $kgtk/edges.tsv -T json
check "kgtk: read" same $kgtk/expected-edges.json "$tmp/out"
check "kgtk: its node file" run 0 --from-format kgtk $kgtk/nodes.tsv -T json
check "kgtk: read too" same $kgtk/expected-nodes.json "$tmp/out"
check "kgtk: qualifiers are their edge's attributes" run 0 $kgtk/qualifiers.tsv -T json
check "kgtk: read so" same $kgtk/expected-qualifiers.json "$tmp/out"
check "kgtk: no qualifier is a relation" counts_are $kgtk/qualifiers.tsv - 3 2
check "kgtk: qualifiers before their edge" run 0 $kgtk/qualifiers-first.tsv -T json
check "kgtk: read as after it" same $kgtk/expected-qualifiers.json "$tmp/out"
check "kgtk: and nothing said" test ! -s "$tmp/err"
printf 'node1\tlabel\tnode2\tid\nQ1-l\tsince\t1900\tQ1-l-1\nQ1\tlabel\t"one"@en\tQ1-l\nQ1\tP31\tQ2\tQ1-P31\n' \
	>"$tmp/no-edge.tsv"
check "kgtk: a qualifier of no edge" run 0 "$tmp/no-edge.tsv" --check
check "kgtk: is named" stderr_is \
	"scograph: $tmp/no-edge.tsv:2:1: warning: qualifier 'since' was not read: its node1 is the id of no edge"
check "kgtk: qualifiers of a file read before" run 0 $kgtk/edges.tsv $kgtk/qualifiers-apart.tsv -T json
check "kgtk: the undirected edge qualified" has "$tmp/out" \
	'{"from": "Moe", "to": "Curly", "type": "friendOf", "id": "E6", "directed": false, "since": "^1930"}'
printf 'node1\tlabel\tnode2\tid\nE4\tcertainty\t0.9\tE4-2\n' >"$tmp/again.tsv"
check "kgtk: a qualifier given again otherwise" run 1 $kgtk/edges.tsv $kgtk/qualifiers-apart.tsv "$tmp/again.tsv"
check "kgtk: is a conflict at its line" has "$tmp/err" \
	"again.tsv:2:1: error: relation 'E4' is defined again with a different certainty ('0.9', was '0.5'"
# every fixture is told as before: no table takes a JSON, JSON Lines or
# XML file (their text never begins as a table's does)
for f in tests/formats/*/*.json* tests/tools/*/*.json* tests/tools/*/*/*.json \
	tests/valid/*/input.json; do
	case $(head -c 1 "$f") in "{"|"[") ;; *) continue ;; esac
	"$bin" --check "$f" 2>&1 >/dev/null | sed "s|$f||g" >"$tmp/err"
	check "tables take no JSON: $f" not grep -q 'csv\|tsv\|kgtk\|row of\|column' "$tmp/err"
done

# ---- query results of the neo4j driver, GraphSON, CX (tests/tools/*:
# counts.tsv has their counts)
drv=tests/tools/neo4j-driver
check "neo4j-driver: records" run 0 $drv/records-paths.json -T json
cp "$tmp/out" "$tmp/driver.json"
check "neo4j-driver: a 64-bit Integer is its number" has "$tmp/out" '"views": 12345678901'
check "neo4j-driver: a path walked against a relationship keeps its way" \
	has "$tmp/out" '{"from": "4:c8a3a9b4-1d4e-4b7e-9f3c-2f1e8d0b5a61:1", "to": "4:c8a3a9b4-1d4e-4b7e-9f3c-2f1e8d0b5a61:2", "type": "ACTED_IN"'
check "neo4j-driver: the Browser's export" run 0 $drv/browser-paths.json -T json
check "neo4j-driver: reads as the records do" same "$tmp/driver.json" "$tmp/out"
check "neo4j-driver: names and labels" run 0 $drv/browser-nrm.json --list
check "neo4j-driver: names and labels listed" has "$tmp/out" "$(printf 'Lana Wachowski\tPerson\t2')"
# a query's other columns (a count) hold no graph: named, not lost
printf '%s\n' '[{"n": {"identity": 0, "labels": ["Person"], "properties": {"name": "Keanu"}},' \
	'  "films": 7}]' >"$tmp/browser-count.json"
check "neo4j-driver: a column of a count" run 0 "$tmp/browser-count.json" --check
check "neo4j-driver: is named" has "$tmp/err" \
	"browser-count.json:2:12: warning: key 'films' was not read"
tp=tests/tools/tinkerpop
check "graphson: v1 adjacency" run 0 $tp/modern-v1.json -T json
cp "$tmp/out" "$tmp/modern.json"
check "graphson: label the type, name the name" has "$tmp/out" \
	'{"id": "1", "name": "marko", "type": "person", "age": 29}'
check "graphson: an edge read once, from its out vertex" has "$tmp/out" \
	'{"from": "1", "to": "2", "type": "knows", "id": "7", "weight": 0.5}'
sed "s/,$//" "$tmp/modern.json" | sort >"$tmp/modern-sorted"
# (results list edges in their own order, an adjacency list by vertex)
for f in modern-v3.json modern-v1-wrapped.json results-v1.json results-v3.json; do
	check "graphson: $f" run 0 $tp/$f -T json
	sed "s/,$//" "$tmp/out" | sort >"$tmp/sorted"
	check "graphson: $f reads as version 1 does" same "$tmp/modern-sorted" "$tmp/sorted"
done
check "graphson: properties of a property" run 0 $tp/crew-v3.json -T json
check "graphson: kept with their value" has "$tmp/out" \
	'"location": [{"startTime":1997,"endTime":2001,"value":"san diego"},{"startTime":2001,"endTime":2004,"value":"santa cruz"}]'
check "graphson: TinkerPop 2, EXTENDED" run 0 $tp/modern-tp2-extended.json -T json
check "graphson: its typed values read" has "$tmp/out" '{"id": "1", "name": "marko", "age": 29}'
check "cx: attributes typed by d" run 0 tests/tools/ndex/p53.cx -T json
check "cx: a double, a list of longs" has "$tmp/out" '"pmids": [8242752,7958917]'
check "cx: the interaction the type" has "$tmp/out" '{"from": "1", "to": "0", "type": "inhibits", "id": "4"'
check "cx2: aliases and defaults" run 0 tests/tools/ndex/p53.cx2 -T json
check "cx2: a default type" has "$tmp/out" '{"id": "1", "name": "MDM2", "type": "protein", "represents": "uniprot:Q00987"}'
# (where a format has no title, or its tool reorders edges, the folder has
# its own expected.json)
for f in tests/formats/*/graph.json tests/formats/*/graph.jsonl; do
	golden=$(dirname "$f")/expected.json
	[ -f "$golden" ] || golden=tests/formats/expected.json
	check "convert $f to native JSON" run 0 "$f" -T json
	check "converted $f" same "$golden" "$tmp/out"
done
check "--where filters by an attribute" run 0 tests/formats/jgf-v1/graph.json \
	--where 'region=central asia' --list
printf 'id\tname\ttype\tdegree\nKazakhstan\tKazakhstan\tcountry\t0\n' >"$tmp/want"
check "--where list" same "$tmp/want" "$tmp/out"
check "--where without =" run 2 --where region
check "--from-format names the format" run 0 --from-format node-link \
	tests/formats/node-link/graph.json --title ''
check "--from-format drawing" same tests/formats/expected.dot "$tmp/out"
check "--from-format jgf on a native file" run 1 --from-format jgf \
	tests/formats/native/graph.json
check "unknown --from-format" run 2 --from-format yaml tests/formats/native/graph.json
check "unknown --from-format message" has "$tmp/err" "unknown input format 'yaml'"
check "unknown --from-format on the built-in graph" run 2 --from-format yaml
check "writes nothing" test ! -s "$tmp/out"
check "--from-format list" run 0 --from-format list
check "lists every format" has "$tmp/out" "graphviz     Graphviz dot -Tjson"
cut -d' ' -f1 "$tmp/out" | tr '\n' ' ' | sed 's/ $//' >"$tmp/formats-list"
make -s --no-print-directory --eval 'print-fuzz-formats: ; @echo $(FUZZ_FORMATS)' \
	print-fuzz-formats >"$tmp/fuzz-formats" 2>/dev/null
echo >>"$tmp/formats-list"
check "make fuzz has a target for every format, in the same order" same "$tmp/formats-list" "$tmp/fuzz-formats"
check "formats merge" run 0 tests/formats/jgf-v1/graph.json \
	tests/formats/mcp-memory/memory.jsonl --title ''
check "merged drawing" same tests/formats/expected.dot "$tmp/out"
for d in tests/formats-invalid/*; do
	expected=0
	grep -q ': error: ' "$d/expected-error" && expected=1
	check "$d" run $expected --check "$d"/input.*
	check "$d message" same "$d/expected-error" "$tmp/err"
done

# nothing read goes unaccounted for: a key no reading took is named, with
# what it holds; --strict makes that an error (tests/test_fixtures.c runs
# every fixture through the same rule)
printf '%s\n' '{"nodes": [{"id": "a"}, {"id": "b"}],' \
	'"edges": [{"from": "a", "to": "b"}], "clusters": [{"id": "c"}]}' >"$tmp/unread.json"
check "unread: loads" run 0 "$tmp/unread.json" --check
check "unread: named, with what it holds" stderr_is \
	"scograph: $tmp/unread.json:2:50: warning: key 'clusters' (1 object) was not read"
check "unread: an error under --strict" run 1 "$tmp/unread.json" --check --strict
# below the top level too, a family of formats a case (tests/unread)
for d in tests/unread/*/; do
	d=${d%/}
	check "$d" run 0 --check "$d"/input.*
	check "$d: named" same "$d/expected-warnings" "$tmp/err"
	check "$d: an error under --strict" run 1 --check --strict "$d"/input.*
done
# and over every fixture: a key added at each path of objects is kept,
# named or refused, never dropped without a word (tests/unread-probe.py)
probe() {
	python3 tests/unread-probe.py "$bin" >"$tmp/probe" ||
		{ cat "$tmp/probe"; return 1; }
	tail -1 "$tmp/probe"
}
check "unread probe: no silent drop" probe

# ---- shapes: --shape says where a document keeps its nodes and edges
lc=tests/tools/langchain/graph-document.json
lc_shape='description=source.pageContent nodes=nodes type=type attrs=properties edges=relationships from=source.id to=target.id type=type attrs=properties'
check "shape: LangChain's format" run 0 "$lc" -T json
cp "$tmp/out" "$tmp/lc-format.json"
check "shape: words" run 0 "$lc" --shape "$lc_shape" -T json
check "shape: read as the built-in shape reads" same "$tmp/lc-format.json" "$tmp/out"
printf '%s\n' '{"description": "source.pageContent",' \
	' "nodes": {"at": "nodes", "type": "type", "attrs": "properties"},' \
	' "edges": {"at": "/relationships", "from": "/source/id", "to": "target.id",' \
	'           "type": "type", "attrs": "properties"}}' >"$tmp/lc-shape.json"
check "shape: a shape file" run 0 "$lc" --shape "$tmp/lc-shape.json" -T json
check "shape: reads as the words do" same "$tmp/lc-format.json" "$tmp/out"
check "shape: an unknown key" run 2 "$lc" --shape 'nodes=nodes nmae=label'
check "shape: did you mean" stderr_is \
	"scograph: --shape:1:13: error: unknown key 'nmae' in a shape; did you mean 'name'?"
check "shape: edges need ends" run 2 "$lc" --shape 'edges=relationships from=source'
check "shape: ends, said so" stderr_is \
	"scograph: --shape:1:1: error: the edges at 'relationships' need 'from=' and 'to=': where their ends are"
printf '{"nodes": {"at": "nodes", "colour": "c"}}\n' >"$tmp/bad-shape.json"
check "shape file: an unknown key" run 2 "$lc" --shape "$tmp/bad-shape.json"
check "shape file: where it is" stderr_is \
	"scograph: $tmp/bad-shape.json:1:37: error: unknown key 'colour' in a shape"
check "shape: not with --from-format" run 2 "$lc" --shape "$lc_shape" --from-format node-link
# a file of no format: what it holds, what it resembles, and a --shape that
# reads it, tested by pasting it back (tests/shapes/counts.tsv)
while IFS='	' read -r file entities relations; do
	f=tests/shapes/$file
	check "shapes/$file: refused" run 1 "$f"
	guess=$(sed -n "s/.* --shape '\(.*\)'\$/\1/p" "$tmp/err" | tail -1)
	check "shapes/$file: a shape suggested" test -n "$guess"
	check "shapes/$file: pasted back, it reads with the file's counts" \
		shape_counts "$f" "$guess" "$entities" "$relations"
done <tests/shapes/counts.tsv
# the guess names an edge's own direction where it is in Kumu's words
f=tests/shapes/bonds.json
check "shapes: a direction guessed" run 1 "$f"
guess=$(sed -n "s/.* --shape '\(.*\)'\$/\1/p" "$tmp/err" | tail -1)
check "shapes: pasted back, it reads" run 0 "$f" --shape "$guess" -T json
check "shapes: a mutual bond has no direction" has "$tmp/out" \
	'"type": "trade partner", "directed": false}'
# an edge's own direction (direction=): Kumu's mutual and undirected
# connections are followed either way, its directed ones one way
k=tests/tools/kumu/blueprint.json
kumu_shape='nodes=elements id=id|label name=label edges=connections id=id from=from to=to type=type direction=direction'
check "shape: an edge's own direction" run 0 "$k" --shape "$kumu_shape" \
	--focus China --direction out --stats --max-nodes 0
check "shape: a mutual connection followed from its end" counted 3 3
check "kumu: a built-in shape" run 0 "$k" -T json
cp "$tmp/out" "$tmp/kumu-format.json"
check "kumu: read as by its words" run 0 "$k" --shape "$kumu_shape" -T json
check "kumu: the same" same "$tmp/kumu-format.json" "$tmp/out"
check "kumu: undirected and mutual have no direction" has "$tmp/out" \
	'"to": "China", "type": "trade partner", "directed": false}'
check "kumu: directed ones keep it" has "$tmp/out" \
	'{"from": "China", "to": "SCO", "type": "member of"},'
check "kumu: an element's id where labels repeat" has "$tmp/out" \
	'{"id": "georgia-state", "name": "Georgia", "type": "US state"}'
check "kumu: drawn without arrowheads" run 0 "$k" --focus Russia
check "kumu: dir=none" has "$tmp/out" 'dir=none'
# a boolean says whether the edge is directed, under "undirected" whether
# it is not (Graphology's); any other value is named
printf '%s\n' '{"nodes": [{"id": "a"}, {"id": "b"}, {"id": "c"}],' \
	' "edges": [{"source": "a", "target": "b", "undirected": true},' \
	'  {"source": "c", "target": "b", "attributes": {"directed": false}},' \
	'  {"source": "b", "target": "a", "undirected": false}]}' >"$tmp/dir.json"
check "shape: direction as booleans" run 0 "$tmp/dir.json" -T json \
	--shape 'nodes=nodes edges=edges from=source to=target direction=undirected|attributes.directed'
check "shape: booleans read" has "$tmp/out" \
	'{"from": "a", "to": "b", "type": "related_to", "directed": false},'
check "shape: and the other way" has "$tmp/out" \
	'{"from": "c", "to": "b", "type": "related_to", "directed": false},'
check "shape: false under undirected, directed" has "$tmp/out" \
	'{"from": "b", "to": "a", "type": "related_to"}'
printf '%s\n' '{"elements": [{"label": "a"}, {"label": "b"}],' \
	' "connections": [{"from": "a", "to": "b", "direction": "both"}]}' >"$tmp/dir.json"
check "kumu: an unknown direction" run 1 "$tmp/dir.json"
check "kumu: named, where it is" stderr_is \
	"scograph: $tmp/dir.json:2:56: error: unknown direction 'both': one of directed, undirected, mutual, or a boolean"
# a table's columns by the same words: a column the header lacks is named,
# with the header's
t=tests/shapes/org-chart.csv
check "shape: a table's column the header lacks" run 1 "$t" --shape 'from=employee to=reportsto'
check "shape: named, with the header's" stderr_is \
	"scograph: $t:1:1: error: the header has no column 'reportsto': it has 'employee', 'reports_to', 'since', 'office'; did you mean 'reports_to'?"
check "shape: columns in a shape file" run 0 "$t" --stats --max-nodes 0 \
	--shape tests/shapes/org-chart.shape.json
check "shape: read by them" counted 5 4
check "shape: columns are a table's" run 1 "$lc" --shape 'from=a to=b'
check "shape: and a table needs them" run 1 "$t" --shape 'nodes=nodes'
# LangChain's document read as node-link: the loss is an error, and its
# message's shape reads the file with LangChain's counts
check "langchain as node-link: refused" run 1 "$lc" --from-format node-link
guess=$(sed -n "s/.*read it with --shape '\(.*\)'\$/\1/p" "$tmp/err")
check "langchain as node-link: the shape suggested reads it" \
	shape_counts "$lc" "$guess" 3 3
check "langchain.js's stand-in: no graph" run 1 tests/tools/langchain/stub.json
check "langchain.js's stand-in: said so" has "$tmp/err" "which holds no graph"

# ---- what fuzzing found: tests/fuzz/regressions/NAME/{args, input.*,
# expected-error}, the input also in the fuzzers' seed corpus; an input
# with no error (an empty expected-error) draws, and test_layouts draws it
# every way
for d in tests/fuzz/regressions/*; do
	name=$(basename "$d")
	if [ -s "$d/expected-error" ]; then
		check "fuzz/$name exits 1" run 1 $(cat "$d/args") "$d"/input.* \
			-o "$tmp/fuzz-$name.svg"
		check "fuzz/$name writes nothing" test ! -e "$tmp/fuzz-$name.svg"
	else
		check "fuzz/$name draws" run 0 $(cat "$d/args") "$d"/input.* \
			-o "$tmp/fuzz-$name.svg"
		check "fuzz/$name SVG" svg_ok "$tmp/fuzz-$name.svg"
	fi
	check "fuzz/$name message" same "$d/expected-error" "$tmp/err"
done

# ---- native JSON out: the selected graph, read back to the same graph
check "-o graph.json" run 0 -o "$tmp/sco.json"
check "it reads back and writes the same bytes" run 0 "$tmp/sco.json" -T json
check "byte-identical" same "$tmp/sco.json" "$tmp/out"
check "and draws the same" run 0 "$tmp/sco.json" --focus Kazakhstan
check "same DOT" same tests/golden/kazakhstan.dot "$tmp/out"
check "a focus extracts a subgraph" run 0 --focus Kazakhstan -o "$tmp/kz.json"
check "the subgraph's stats" run 0 "$tmp/kz.json" --stats
"$bin" --focus Kazakhstan --stats | sed 1,2d >"$tmp/kz-stats"
sed -i 1,2d "$tmp/out" # (what was read differs: the graph, the subgraph)
check "are the focus's" same "$tmp/kz-stats" "$tmp/out"
check "Graphviz's JSON stays as json0" run 0 --focus Kazakhstan -T json0
check "json0 is Graphviz's" has "$tmp/out" '"_gvid"'
check "schema: written JSON" schema_valid "$tmp/sco.json"

# ---- graphs/schema.json describes what the reader takes
check "schema: graphs/sco.json" schema_valid graphs/sco.json
for f in tests/valid/*/*.json; do
	case $f in
	*/theme.json) check "theme schema: $f" theme_valid "$f" ;;
	*) check "schema: $f" schema_valid "$f" ;;
	esac
done
for d in tests/themes-invalid/*; do
	case $d in */empty|*/syntax) continue ;; esac # not JSON at all
	check "theme schema rejects $d" not theme_valid "$d/theme.json"
done
check "theme schema: examples/house-theme.json" theme_valid examples/house-theme.json
# a palette the reader takes as it is: no noncharacter, no length breaks
# the drawing
/usr/bin/python3 -c 'import json
print(json.dumps({"palette": [["#ffffff\uffff", "x" * 20000]]}))' >"$tmp/palette.json"
check "a hostile palette" run 0 tests/text/literal.json --theme "$tmp/palette.json" -o "$tmp/palette.svg"
check "its SVG is well-formed" svg_ok "$tmp/palette.svg"
check "examples/house-theme.json draws" run 0 --focus KZ --legend \
	--theme examples/house-theme.json -o "$tmp/house.svg"
check "house style SVG" svg_ok "$tmp/house.svg"
for name in wrong-type missing-id not-object unknown-key relation-not-object \
	style-markup penwidth-huge penwidth-text style-long parent-not-string; do
	check "schema rejects invalid/$name" not schema_valid "tests/invalid/$name/input.json"
done

# ---- graphs/sco.json says what the article says, in words of its own
article=$top/../shared/sources/kazakhstan-sco-2024.txt
own_words() { # no evidence or description shares 7 words in a row with it
	/usr/bin/python3 -c 'import json, re, sys
words = lambda t: re.findall(r"[a-z0-9]+", t.lower().replace("\u2019", "'"'"'"))
article = " ".join(words(open(sys.argv[1], encoding="utf-8").read()))
g = json.load(open(sys.argv[2]))
texts = [r.get("evidence", "") for r in g["relations"]] + \
	[e.get("description", "") for e in g["entities"]]
copied = [t for t in texts for w in [words(t)]
	  if any(" ".join(w[i:i + 7]) in article for i in range(len(w) - 6))]
print("\n".join("  copied: " + t for t in copied))
sys.exit(1 if copied else 0)' "$article" graphs/sco.json
}
if [ -f "$article" ]; then
	check "sco.json evidence is our own wording" own_words
fi
check "every SCO relation has evidence and a source" /usr/bin/python3 -c \
	'import json; g = json.load(open("graphs/sco.json"))
assert all(r.get("evidence") and r.get("source") for r in g["relations"])'

# ---- queries and Graphviz's own attributes
check "--from --to" run 0 --from BRI --to "SCO Investment Fund" --list
printf 'id\tname\ttype\tdegree\nkazakhstan\tKazakhstan\tcountry\t2\nsco-investment-fund\tSCO Investment Fund\tproposal\t1\nnurly-zhol\tNurly Zhol\tpolicy\t2\nbri\tBelt and Road Initiative\tinitiative\t1\n' >"$tmp/want"
check "the path's entities" same "$tmp/want" "$tmp/out"
check "no path" run 1 --from BRI --to SCO --direction out
check "no path message" stderr_is "scograph: error: no path from 'BRI' to 'SCO' in that direction"
check "--from without --to" run 2 --from BRI
check "--from with --focus" run 2 --from BRI --to SCO --focus KZ
# filters that leave nothing: an error naming the filter, nothing written
mkdir -p "$tmp/empty"
check "--where that matches nothing fails" run 1 --where colour=red \
	-o "$tmp/empty/x.svg"
check "naming the filter" stderr_is "scograph: error: nothing is selected: no entity is left after --where colour=red (--allow-empty draws an empty picture)"
check "and writing nothing" no_files "$tmp/empty"
check "--allow-empty draws it" run 0 --where colour=red --allow-empty --stats
check "empty" has "$tmp/out" "entities selected: 0"
check "a focus the filter strands" run 1 --focus Kazakhstan --type project
check "names it and the focus" stderr_is "scograph: error: nothing is selected: no entity within 1 step of 'Kazakhstan' is left after --type project (--allow-empty draws the focus alone)"
# --relation keeps the entities its relations touch, not every one
check "--relation" run 0 --relation proposes --stats
check "keeps what proposes or is proposed" has "$tmp/out" "entities selected: 6"
check "and its relations" has "$tmp/out" "relations selected: 5"
# --stats: each count says what it counts
check "--stats of a folded drawing" run 0 tests/tools/networkx/nx3/miserables.json --stats
check "reads the graph's size first" sh -c "head -4 '$tmp/out' | tr '\n' ' ' | grep -qx 'entities read: 77 relations read: 254 entities selected: 77 relations selected: 254 '"
check "then what is drawn" has "$tmp/out" "entities folded: 67"
# Summaries name who they hold where the page allows (issue 23): Valjean's
# 36 neighbours, 8 drawn and 28 named in one summary's box, on A4
check "Valjean on A4" run 0 tests/tools/networkx/nx3/miserables.graphml \
	--focus Valjean -o "$tmp/valjean.svg" -o "$tmp/valjean.json"
check "readable, no texts overlapping" readable "$tmp/valjean.svg"
check "the summary's box names its 28" sh -c "grep -o '>Toussaint<\|>Myriel<\|>+[0-9]* more<' '$tmp/valjean.svg' | sort | tr '\n' ' ' | grep -qx '>Myriel< >Toussaint< '"
check "-T json says so" has "$tmp/valjean.json" '"relations": 28, "named": 28, "entities": ['
check "--stats too" run 0 tests/tools/networkx/nx3/miserables.graphml \
	--focus Valjean --stats
check "28 named" has "$tmp/out" "entities named in summaries: 28"
check "--exclude" run 0 --focus Kazakhstan --exclude SCO --stats
check "--exclude leaves it out" has "$tmp/out" "entities selected: 13"
check "--exclude-type and --exclude-relation" run 0 --focus Kazakhstan \
	--exclude-type proposal --exclude-relation chairs --stats
check "they leave out" has "$tmp/out" "relations selected: 18"
check "-N penwidth=1e300 in the legend" run 0 --focus KZ --legend -N penwidth=1e300
check "a border of at most 100, not (int)1e300" not grep -q 'BORDER="-\|BORDER="[0-9]\{4\}' "$tmp/out"
check "-G -N -E" run 0 --focus Kazakhstan -Gbgcolor=lightyellow \
	-N shape=ellipse --edge-attr=fontsize=12
check "-G in DOT" has "$tmp/out" "bgcolor=lightyellow"
check "-N in DOT" has "$tmp/out" "shape=ellipse"
check "-E in DOT" has "$tmp/out" "fontsize=12"
check "-G without =" run 2 -Gbgcolor
check "-G message" stderr_is "scograph: error: -Gbgcolor: expected name=value"

check "--legend" run 0 --focus Kazakhstan --legend -o "$tmp/legend.dot" -o "$tmp/legend.svg"
check "a legend box" has "$tmp/legend.dot" 'subgraph cluster_legend'
check "the types drawn are in it" has "$tmp/legend.dot" '<FONT COLOR="#241a3a">Policy / programme</FONT>'
check "in their colours and line style" has "$tmp/legend.dot" '<TD COLSPAN="3" BGCOLOR="#fde0c5" BORDER="1" STYLE="dashed" COLOR="#a35a1a">'
check "the relation types too" has "$tmp/legend.dot" '<FONT COLOR="#7a5c00">champions<BR/>adoption of</FONT>'
check "a dotted line with an open arrowhead" has "$tmp/legend.dot" \
	'<TD SIDES="B" BORDER="2" STYLE="dotted" COLOR="#5a5a5a" WIDTH="28" HEIGHT="8" FIXEDSIZE="TRUE"></TD><TD><FONT COLOR="#5a5a5a">▹</FONT>'
check "types not drawn are not" not grep -q 'Project / event' "$tmp/legend.dot"
check "legend SVG" svg_ok "$tmp/legend.svg"
height() { sed -n 's/^<svg width="[0-9]*pt" height="\([0-9]*\)pt".*/\1/p' "$1"; }
check "plain drawing" run 0 --focus Kazakhstan -o "$tmp/plain.svg"
check "the legend keeps to one rank: it adds at most a third to the height" \
	test "$(height "$tmp/legend.svg")" -le $(($(height "$tmp/plain.svg") * 4 / 3))
# the legend in proportion: one table of the types drawn, as large as the
# relations' words (10 pt on a page); a small drawing's (its legend was
# twice its height) and the report figure's
check "a small drawing's legend" run 0 --focus nurly-zhol --legend -o "$tmp/small-legend.svg"
check "the small drawing" run 0 --focus nurly-zhol -o "$tmp/small.svg"
check "the legend at most doubles a small drawing's height, with its gaps" \
	test "$(height "$tmp/small-legend.svg")" -le $(($(height "$tmp/small.svg") * 9 / 4))
check "the legend in 10 pt" has "$tmp/small-legend.svg" 'font-size="10.00" fill="#241a3a">Policy / programme</text>'
# (with no page: on one, both are shrunk to it, the one by its height and
# the other by its width; tests/svgmeasure.py measures them there)
check "the report figure" run 0 --cluster type --legend --caption --page none -o "$tmp/report.svg"
check "the report figure without its legend" run 0 --cluster type --caption --page none -o "$tmp/report0.svg"
check "the legend adds at most a tenth to the report figure's height" \
	test "$(height "$tmp/report.svg")" -le $(($(height "$tmp/report0.svg") * 11 / 10))
# a drawing that flows down has its legend as a row above it, entries side
# by side (in a column it made the first row 90 pt taller, now 54)
# (with no page, as measured then: a page's smaller pads make the drawing
# 55 pt shorter, and the 51 pt of its legend a larger part of it)
check "a legend across" run 0 --focus nurly-zhol --legend --rankdir TB --page none -o "$tmp/across.svg" -o "$tmp/across.dot"
check "its entries side by side" has "$tmp/across.dot" \
	'<TR><TD><TABLE BORDER="0" CELLSPACING="2" CELLPADDING="2"><TR><TD BGCOLOR="#c6dbef" BORDER="2" STYLE="rounded" COLOR="#2b5c8a"><FONT COLOR="#0d2238">Country</FONT></TD><TD BGCOLOR="#ddd0f0"'
check "the relation types in a line of their own" has "$tmp/across.dot" \
	'</TR></TABLE></TD></TR><TR><TD><TABLE BORDER="0" CELLSPACING="2" CELLPADDING="2"><TR><TD SIDES="B"'
check "the drawing flowing down" run 0 --focus nurly-zhol --rankdir TB --page none -o "$tmp/down.svg"
check "the legend across adds at most a fifth to its height" \
	test "$(height "$tmp/across.svg")" -le $(($(height "$tmp/down.svg") * 6 / 5))
# texts of the input are escaped in the legend's tables, long ones cut, and
# many types take several tables, each under the DOT parser's limit
awk 'BEGIN { printf "{\"types\": {"
	for (i = 0; i < 30; i++) printf "%s\"t%d\": {\"label\": \"<T%d> & \\\"co\\\"\"}", (i ? "," : ""), i, i
	printf "}, \"relation_types\": {\"r\": {\"label\": \"%0500d\"}}, \"entities\": [", 0
	for (i = 0; i < 30; i++) printf "%s{\"id\": \"e%d\", \"type\": \"t%d\"}", (i ? "," : ""), i, i
	printf "], \"relations\": ["
	for (i = 1; i < 30; i++) printf "%s{\"from\": \"e0\", \"to\": \"e%d\", \"type\": \"r\"}", (i > 1 ? "," : ""), i
	print "]}" }' >"$tmp/types.json"
check "a legend of 30 types" run 0 "$tmp/types.json" --legend -o "$tmp/types.dot" -o "$tmp/types.svg"
check "in two tables" test "$(grep -c "<TABLE" "$tmp/types.dot")" = 2
check "a legend of 30 types across" run 0 "$tmp/types.json" --legend --rankdir TB -o "$tmp/types-across.dot" -o "$tmp/types-across.svg"
# 24 entries in 4 lines of 6, then 6 entity types and 1 relation type
check "in two tables of lines of 6" test "$(grep -o "<TABLE" "$tmp/types-across.dot" | wc -l)" = 8
check "the legend across SVG is well-formed" svg_ok "$tmp/types-across.svg"
check "markup in labels is text" has "$tmp/types.svg" '&lt;T7&gt; &amp; &quot;co&quot;'
check "a long label is cut" has "$tmp/types.dot" '0000…'
check "the legend SVG is well-formed" svg_ok "$tmp/types.svg"
check "dot reads the DOT back" dot_draws "$tmp/types.dot" "$tmp/types.svg"

check "--cluster type" run 0 --cluster type -o "$tmp/cluster.dot" -o "$tmp/cluster.svg"
check "a box per type, labelled" has "$tmp/cluster.dot" 'label="Strategy document"'
check "ten types, ten boxes" sh -c "[ \$(grep -c 'subgraph cluster_' '$tmp/cluster.dot') = 10 ]"
check "cluster SVG" svg_ok "$tmp/cluster.svg"
check "--cluster by an attribute" run 0 tests/formats/jgf-v1/graph.json --cluster region
check "its box" has "$tmp/out" 'label="Central Asia"'
check "only who has it" sh -c "[ \$(grep -c 'subgraph cluster_' '$tmp/out') = 1 ]"

check "--caption" run 0 --focus Kazakhstan --caption --page none
check "the title and the source, under the drawing" has "$tmp/out" \
	'label="Kazakhstan in the Shanghai Cooperation Organization (2024)\nSource: Kazakhstan’s Crucial Role in SCO, Naveed Miraj, 2024-06-22",'
check "at the bottom" has "$tmp/out" "labelloc=b"
check "on a page, the caption breaks into lines as wide as the page" run 0 --focus Kazakhstan --caption
check "the caption's lines" has "$tmp/out" \
	'label="Kazakhstan in the Shanghai Cooperation Organization (2024)\nSource: Kazakhstan’s Crucial Role in SCO, Naveed Miraj,\n2024-06-22",'
# (Graphviz writes '-' in SVG as &#45;)
check "SVG ids come from entity ids" has "$tmp/o/k.svg" \
	'<g id="e.sco&#45;investment&#45;fund" class="node proposal">'
check "relation ids from theirs" has "$tmp/o/k.svg" \
	'<g id="r.kazakhstan.proposes.sco&#45;investment&#45;fund" class="edge proposes">'

check "--max-nodes" run 0 --focus Kazakhstan --max-nodes 8 --list
# 8 boxes and 12 lines: Kazakhstan and its 4 most related neighbours have
# 11 relations among them, and their summary's line makes 12
check "draws 5 entities" sh -c "[ \$(grep -c '	\$' '$tmp/out') = 5 ]"
check "and folds 9 into a summary of what Kazakhstan relates to" sh -c \
	"[ \$(grep -c '	fold:1: 9 entities <-\[several\]- kazakhstan\$' '$tmp/out') = 9 ]"
check "each entity once" sh -c "[ \$(wc -l <'$tmp/out') = 15 ]"
check "draws the summary" run 0 --focus Kazakhstan --max-nodes 8
check "as '9 entities' beside Kazakhstan" has "$tmp/out" 'label="9 entities"'
check "on a line counting the relations" has "$tmp/out" 'label="9 relations"'
check "its tooltip names them" has "$tmp/out" \
	'tooltip="9 entities, related to Kazakhstan (9 relations):\nSCO Development Bank\nSCO Free Trade Area\nSCO Investment Fund'
awk 'BEGIN { printf "{\"entities\": ["; for (i = 0; i <= 1000; i++)
	printf "%s{\"id\": \"e%d\"}", (i ? "," : ""), i;
	printf "], \"relations\": ["; for (i = 1; i <= 1000; i++)
	printf "%s{\"from\": \"e0\", \"to\": \"e%d\", \"type\": \"t\"}", (i > 1 ? "," : ""), i;
	print "]}" }' >"$tmp/large.json"
check "a drawing too large" run 0 "$tmp/large.json" --max-nodes 0 -o "$tmp/large.dot"
check "warns, suggesting --focus" has "$tmp/err" \
	"warning: the drawing has 1001 entities, too many to read; draw a part with --focus, or cap it with --max-nodes"
# a page holds 30 lines (SG_PAGE_LINES): a star of 59 drawn came out a
# column of 3.3 pt text on A4, of 30, 6.4 pt; the poster draws 59
check "folded by default" run 0 "$tmp/large.json" -o "$tmp/large.dot"
check "which says what it drew and folded, and no more" stderr_is \
	"scograph: note: 1001 entities, more than --max-nodes 60: 30 drawn, 971 folded into 1 summary"
check "folded for no page" run 0 "$tmp/large.json" --page none -o "$tmp/large.dot"
check "as many as the budget allows" stderr_is \
	"scograph: note: 1001 entities, more than --max-nodes 60: 59 drawn, 942 folded into 1 summary"
check "--max-nodes 50" run 0 "$tmp/large.json" --max-nodes 50 --page none -o "$tmp/large.dot"
check "folds more" stderr_is \
	"scograph: note: 1001 entities, more than --max-nodes 50: 49 drawn, 952 folded into 1 summary"
check "into a box of 952" has "$tmp/large.dot" 'label="952 entities"'
check "--max-nodes --strict: folding is no error" run 0 "$tmp/large.json" --max-nodes 50 --page none --strict --list
check "--list says so too" stderr_is "scograph: note: 1001 entities, more than --max-nodes 50: 49 drawn, 952 folded into 1 summary"
check "and lists all 1001" sh -c "[ \$(wc -l <'$tmp/out') = 1002 ]"
check "--stats counts what was folded" run 0 "$tmp/large.json" --max-nodes 50 --page none --stats
check "entities folded" has "$tmp/out" "entities folded: 952"
check "summaries" has "$tmp/out" "summaries drawn: 1"
check "as JSON" run 0 "$tmp/large.json" --max-nodes 50 --page none --stats --diagnostics json
check "a note" stderr_is '{"file": "", "line": 0, "column": 0, "severity": "note", "code": "folded", "message": "1001 entities, more than --max-nodes 50: 49 drawn, 952 folded into 1 summary"}'
check "no folding, no note" run 0 "$tmp/large.json" --max-nodes 5000 --stats
check "silent" test ! -s "$tmp/err"
check "and nothing folded" has "$tmp/out" "entities folded: 0"
# boxes count against the budget: a kept entity draws the boxes it is in
/usr/bin/python3 -c 'import json, sys
json.dump({"entities": [{"id": "hub"}] + [e for i in range(40) for e in
	   ({"id": "g%d" % i}, {"id": "p%d" % i, "parent": "g%d" % i},
	    {"id": "c%d" % i, "parent": "p%d" % i})],
	   "relations": [{"from": "c%d" % i, "to": "hub", "type": "r"}
			 for i in range(40)]}, sys.stdout)' >"$tmp/chains.json"
check "entities in boxes, folded" run 0 "$tmp/chains.json" --focus hub \
	--max-nodes 20 --page none
check "their boxes count: 20 in all" stderr_is \
	"scograph: note: 53 entities, more than --max-nodes 20: 19 drawn, 34 folded into 1 summary"
check "as drawn: 6 entities in their 12 boxes" test "$(grep -c 'subgraph cluster' "$tmp/out")" = 12
cat >"$tmp/policies.json" <<'EOF'
{"types": {"p": {"label": "policy"}, "c": {"label": "country"}},
 "relation_types": {"adopts": {"color": "#aa0000"}},
 "entities": [{"id": "h", "type": "c"}, {"id": "a", "type": "p"},
              {"id": "b", "type": "p"}, {"id": "c", "type": "p"}],
 "relations": [{"from": "h", "to": "a", "type": "adopts"},
               {"from": "h", "to": "b", "type": "adopts"},
               {"from": "h", "to": "c", "type": "adopts"}]}
EOF
check "a summary by type and relation" run 0 "$tmp/policies.json" --max-nodes 2 --legend
check "says what and how many" has "$tmp/out" 'label="3 policies"'
check "its line, their relations and how many" has "$tmp/out" 'label="adopts (3)"'
check "in their relations' colour" has "$tmp/out" 'color="#aa0000"'
check "the legend shows the type it holds" has "$tmp/out" '>policy</FONT>'
check "and its relations'" has "$tmp/out" '>adopts</FONT>'
check "-T json of a folded view" run 0 "$tmp/large.json" --max-nodes 50 --page none -T json
check "says what each summary holds" has "$tmp/out" \
	'{"id": "fold:1", "label": "952 entities", "entity": "e0", "relation": "t", "direction": "out", "relations": 952, "entities": ["e49", "e50",'
check "valid by the schema" schema_valid "$tmp/out"
cp "$tmp/out" "$tmp/folded.json"
check "reads back, summaries passed over" counts_are "$tmp/folded.json" - 49 48
check "the drawn and the folded are the whole" /usr/bin/python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
ids = [e["id"] for e in d["entities"]] + [i for s in d["summaries"] for i in s["entities"]]
sys.exit(sorted(ids) != sorted("e%d" % i for i in range(1001)))' "$tmp/folded.json"

check "--theme print" run 0 --focus Kazakhstan --legend --theme print
check "no colour is left but greys" sh -c \
	"! grep -oE '#[0-9a-f]{6}' '$tmp/out' | grep -vE '#([0-9a-f]{2})\\1\\1' | grep -q ."
check "Kazakhstan's fill #c6dbef turned grey" has "$tmp/out" 'fillcolor="#d8d8d8"'
check "--theme light is the default" sh -c "'$bin' --focus KZ --theme light | cmp -s - tests/golden/kazakhstan.dot"
check "the default SVG has no dark style: a report's figure stays light" sh -c "'$bin' --focus KZ -T svg | grep -vq '<style'"
check "--theme auto draws as light" sh -c "'$bin' --focus KZ --theme auto | cmp -s - tests/golden/kazakhstan.dot"
# auto: an SVG that turns dark for a reader who prefers dark (tests/browser.sh
# shows it in chromium); PNG and --theme light as they were
check "auto: the SVG has a dark style" run 0 --focus KZ --legend --theme auto -o "$tmp/auto.svg" -o "$tmp/auto.png"
check "auto: its rules" has "$tmp/auto.svg" '<style>@media screen and (prefers-color-scheme: dark){svg.scograph text:not([fill]){fill:#ffffff}svg.scograph [fill="white"]{fill:#111111}'
check "auto: a fill's dark rule" has "$tmp/auto.svg" 'svg.scograph [fill="#c6dbef"]{fill:#203140}'
check "auto: the SVG is XML" xmllint --noout "$tmp/auto.svg"
check "auto: PNG as light" run 0 --focus KZ --legend --theme light -o "$tmp/light.svg" -o "$tmp/light.png" -o "$tmp/light.dot"
check "auto: PNG is the light PNG" same "$tmp/light.png" "$tmp/auto.png"
check "light: no style" sh -c "! grep -q '<style' '$tmp/light.svg'"
check "light: the SVG otherwise the same" dot_draws "$tmp/light.dot" "$tmp/auto.svg"
printf '%s' '{"entities": [{"id": "a"}, {"id": "b"}], "relations": [{"from": "a", "to": "b", "type": "t"}]}' >"$tmp/pale.json"
check "a colour given by name leaves the SVG light" run 0 "$tmp/pale.json" -N fillcolor=gold -o "$tmp/gold.svg"
check "so no style" sh -c "! grep -q '<style' '$tmp/gold.svg'"
# text readable on what it is drawn on (WCAG 2's 4.5:1), light and dark
check "--theme dark" run 0 --cluster type --legend --caption --theme dark -o "$tmp/dark.svg" -o "$tmp/dark.png"
check "dark: no white fill left" sh -c "! grep -q 'fill=\"white\"' '$tmp/dark.svg'"
check "dark: a dark background" has "$tmp/dark.svg" '<polygon fill="#111111"'
check "dark: text contrast 4.5 or more" /usr/bin/python3 tests/contrast.py --min 4.5 "$tmp/dark.svg"
check "auto, as a dark reader sees it: text contrast 4.5 or more" /usr/bin/python3 tests/contrast.py --dark --min 4.5 "$tmp/auto.svg"
check "light: text contrast 4.5 or more" /usr/bin/python3 tests/contrast.py --min 4.5 "$tmp/light.svg"
"$bin" "$tmp/pale.json" -N fontcolor=#aaaaaa -o "$tmp/pale.svg"
check "the contrast test finds pale text" not /usr/bin/python3 tests/contrast.py --min 4.5 "$tmp/pale.svg"
check "unknown theme" run 2 --theme sepia
check "unknown theme message" stderr_is "scograph: error: unknown theme 'sepia'; use auto, light, dark, print or a theme file (.json)"
check "a missing theme file" run 1 --theme "$tmp/none.json"
check "a missing theme file's message" stderr_is "scograph: $tmp/none.json: error: cannot open file: No such file or directory"
check "a theme file of any name" sh -c "cp tests/valid/theme/theme.json '$tmp/house' &&
	cd tests/valid/theme && '$bin' \$(cat args | sed 's|theme.json|$tmp/house|') | cmp -s - expected.dot"
# every bad theme: the error with its place, exit 1, nothing written
for d in tests/themes-invalid/*; do
	name=$(basename "$d")
	mkdir "$tmp/theme-$name"
	check "themes-invalid/$name exits 1" run 1 --theme "$d/theme.json" \
		-o "$tmp/theme-$name/x.svg" -o "$tmp/theme-$name/x.dot"
	check "themes-invalid/$name message" same "$d/expected-error" "$tmp/err"
	check "themes-invalid/$name writes nothing" no_files "$tmp/theme-$name"
done

# ---- text no installed font has: PNG and PDF would draw boxes. The fonts
# are those of a fresh CI machine (DejaVu only), whatever this one has.
mkdir "$tmp/fonts"
latin() { XDG_CACHE_HOME="$tmp/fonts" FONTCONFIG_FILE="$top/tests/fonts/latin-only.conf" "$@"; }
check "a PNG with Chinese and Devanagari names" latin run 0 tests/fonts/scripts.json -o "$tmp/fonts/s.png"
check "warns, naming entity, script and package, once a label" same tests/fonts/expected-warnings "$tmp/err"
check "a PDF too" latin run 0 tests/fonts/scripts.json -o "$tmp/fonts/s.pdf"
check "the same warnings" same tests/fonts/expected-warnings "$tmp/err"
# in the input's order, entities then relations: the DOT lists the
# relations by the entity they leave, and the boxes of --cluster first
check "warnings in input order" latin run 0 tests/fonts/order.json -o "$tmp/fonts/o.png"
check "not the DOT's" same tests/fonts/expected-order "$tmp/err"
check "warnings in input order, with boxes" latin run 0 tests/fonts/order.json \
	--cluster type -o "$tmp/fonts/o.png"
check "not the DOT's, whose boxes come first" same tests/fonts/expected-order "$tmp/err"
check "relations' words as nodes (-K neato)" latin run 0 tests/fonts/scripts.json \
	-K neato --page none -o "$tmp/fonts/s.png"
check "name their relations" same tests/fonts/expected-warnings "$tmp/err"
check "not SVG: its viewer has its own fonts" latin run 0 tests/fonts/scripts.json -o "$tmp/fonts/s.svg"
check "silent" test ! -s "$tmp/err"
check "Cyrillic and Greek are in DejaVu" latin run 0 tests/fonts/scripts.json \
	--exclude beijing --exclude delhi -o "$tmp/fonts/s.png"
check "silent there" test ! -s "$tmp/err"
mkdir "$tmp/fonts/strict"
check "--strict stops" latin run 1 tests/fonts/scripts.json --strict -o "$tmp/fonts/strict/s.png"
check "at the first, as an error" stderr_is "$(head -1 tests/fonts/expected-warnings | sed 's/: warning: /: error: /')"
check "--strict writes nothing" no_files "$tmp/fonts/strict"

# ---- links and provenance in SVG: no script from the input, ever
check "urls render" run 0 tests/links/urls.json -o "$tmp/links.svg"
check "a javascript: url is dropped, with a warning" has "$tmp/err" \
	"warning: url 'javascript:alert(1)' of entity 'b' is dropped: only http, https and mailto links are kept"
check "the SVG stays well-formed" svg_ok "$tmp/links.svg"
check "no attribute comes from the input" not grep -q 'onmouseover="' "$tmp/links.svg"
check "no javascript: link" not grep -q 'javascript:' "$tmp/links.svg"
check "& and quotes are made safe" has "$tmp/links.svg" \
	'xlink:href="http://x.org/?a=1&amp;b=2%22%20onmouseover=%22alert(1)"'
check "non-ASCII, backslash, <, > and ' too" has "$tmp/links.svg" \
	'xlink:href="https://ex.org/%C3%BC%5CN%20%3Cx%3E%27"'
check "a relation's tooltip cites its source" has "$tmp/links.svg" \
	'xlink:title="e&#10;source: T &amp; &lt;co&gt;, A"'
check "hostile input renders" run 0 tests/browser/hostile.json --legend --cluster type --caption -T svg
check "no element from the input" not grep -q '<script' "$tmp/out"
check "SCO relations carry evidence and source" run 0 --focus Kazakhstan -T svg
check "SCO tooltip" has "$tmp/out" \
	'source: Kazakhstan’s Crucial Role in SCO, Naveed Miraj, 2024&#45;06&#45;22"'

# ---- examples/ci: a repository's graphs rendered by its CI
mkdir -p "$tmp/repo/graphs"
cp tests/formats/native/graph.json "$tmp/repo/graphs/sample.json"
cp graphs/sco.json "$tmp/repo/graphs/sco.json"
cp tests/formats/native-jsonl/graph.jsonl "$tmp/repo/graphs/lines.jsonl"
check "examples/ci/graphs.mk renders every graph" \
	make -s -C "$tmp/repo" -f "$top/examples/ci/graphs.mk" SCOGRAPH="$bin"
check "to SVG" svg_ok "$tmp/repo/rendered/sco.svg"
check "and PNG" png_ok "$tmp/repo/rendered/sco.png"
check "every graph" test -s "$tmp/repo/rendered/sample.png"
check "JSON Lines too, as --render-all draws them" test -s "$tmp/repo/rendered/lines.svg"
cp tests/formats/dot/graph.gv "$tmp/repo/graphs/dot.gv"
check "graphs.mk: a DOT file added" make -s -C "$tmp/repo" -f "$top/examples/ci/graphs.mk" SCOGRAPH="$bin"
check "drawn as --render-all draws it" sh -c \
	"'$bin' --strict tests/formats/dot/graph.gv -T svg | cmp -s - '$tmp/repo/rendered/dot.svg'"
check "no pages unless asked" test ! -e "$tmp/repo/rendered/sco.html"
check "graphs.mk PAGES=yes: a page each too" make -s -C "$tmp/repo" -B \
	-f "$top/examples/ci/graphs.mk" SCOGRAPH="$bin" PAGES=yes
check "the page's view" run 0 --strict "$tmp/repo/graphs/sco.json" -o "$tmp/sco-page.json"
check "the page" /usr/bin/python3 tests/htmlpage.py "$tmp/repo/rendered/sco.html" "$tmp/sco-page.json"
rm "$tmp/repo/rendered/"*.html
cp tests/invalid/unknown-entity/input.json "$tmp/repo/graphs/broken.json"
check "a broken graph fails the build" sh -c "! make -s -C '$tmp/repo' \
	-f '$top/examples/ci/graphs.mk' SCOGRAPH='$bin' >/dev/null 2>&1"
check "and leaves no picture" test ! -e "$tmp/repo/rendered/broken.svg"
rm "$tmp/repo/graphs/broken.json"
# a picture redrawn after an edit keeps the places of the one it replaces
cp tests/keep/old.json "$tmp/repo/graphs/k.json"
check "graphs.mk: a graph added" make -s -C "$tmp/repo" -f "$top/examples/ci/graphs.mk" SCOGRAPH="$bin"
cp "$tmp/repo/rendered/k.svg" "$tmp/k-before.svg"
sleep 1 # (a newer time than the picture's, for make)
cp tests/keep/new.json "$tmp/repo/graphs/k.json"
check "graphs.mk: and edited" make -s -C "$tmp/repo" -f "$top/examples/ci/graphs.mk" SCOGRAPH="$bin"
check "graphs.mk: the same as keeping the picture's layout" \
	run 0 --strict --keep-layout "$tmp/k-before.svg" tests/keep/new.json -o "$tmp/k-kept.svg"
check "graphs.mk: the picture kept its places" same "$tmp/k-kept.svg" "$tmp/repo/rendered/k.svg"
rm "$tmp/repo/graphs/k.json" "$tmp/repo/rendered/k.svg" "$tmp/repo/rendered/k.png"
cp tests/invalid/unknown-entity/input.json "$tmp/repo/graphs/broken.json"
# the workflow's own command, as GitHub would run it
mkdir -p "$tmp/runner/scograph" && ln -s "$bin" "$tmp/runner/scograph/scograph"
awk '/--render-all/ { on = 1 } on { line = $0; more = sub(/\\$/, "", line)
	printf "%s ", line; if (!more) exit }' examples/ci/render-graphs.yml >"$tmp/workflow.sh"
check "the workflow's command" has "$tmp/workflow.sh" '--render-all graphs'
rm -rf "$tmp/repo/rendered"
check "fails the job on a broken graph" sh -c "cd '$tmp/repo' &&
	! RUNNER_TEMP='$tmp/runner' sh '$tmp/workflow.sh' 2>/dev/null"
rm "$tmp/repo/graphs/broken.json"
check "renders the others" sh -c "cd '$tmp/repo' && RUNNER_TEMP='$tmp/runner' sh '$tmp/workflow.sh'"
check "to SVG and PNG" test "$(cd "$tmp/repo/rendered" && echo *)" = "dot.png dot.svg lines.png lines.svg sample.png sample.svg sco.png sco.svg"

# ---- examples/ci/diff-graphs.sh: a pull request's graph changes drawn
r="$tmp/review"
mkdir -p "$r/graphs"
git init -q "$r"
cp tests/diff/old.json "$r/graphs/g.json"
cp tests/formats/native/graph.json "$r/graphs/same.json"
cp tests/formats/native/graph.json "$r/graphs/gone.json"
cp tests/keep/old.json "$r/graphs/k.json"
cp tests/formats/dot/graph.gv "$r/graphs/dot.gv"
git -C "$r" add graphs
git -C "$r" -c user.name=t -c user.email=t@t commit -q -m base
# an added entity, a removed relation, a renamed entity, a changed field
cp tests/diff/new.json "$r/graphs/g.json"
cp tests/formats/native-jsonl/graph.jsonl "$r/graphs/new.jsonl"
cp tests/keep/new.json "$r/graphs/k.json"
git -C "$r" rm -q graphs/gone.json
sed 's/^}$/  "BRI" -> "SCO" [label="cooperates with"];\n}/' tests/formats/dot/graph.gv >"$r/graphs/dot.gv"
git -C "$r" add graphs
git -C "$r" -c user.name=t -c user.email=t@t commit -q -m change
check "diff-graphs.sh" sh -c "cd '$r' && SCOGRAPH='$bin' \
	GITHUB_STEP_SUMMARY='$tmp/summary.md' sh '$top/examples/ci/diff-graphs.sh' HEAD~1 out"
check "diff-graphs.sh: SVG" svg_ok "$r/out/g.svg"
check "diff-graphs.sh: PNG" test "$(head -c 4 "$r/out/g.png" | od -An -tx1 | tr -d ' ')" = 89504e47
check "diff-graphs.sh: a new graph, all added" svg_ok "$r/out/new.svg"
check "diff-graphs.sh: an unchanged graph is not drawn" test ! -e "$r/out/same.svg"
check "diff-graphs.sh: nothing else left behind" test "$(cd "$r/out" && ls -A)" = \
	"$(printf '%s\n' dot.html dot.png dot.svg dot.txt g.html g.png g.svg g.txt k.html k.png k.svg k.txt new.html new.png new.svg new.txt)"
check "diff-graphs.sh: a DOT file's change" has "$r/out/dot.txt" '+ relation BRI -[cooperates with]-> SCO'

check "diff-graphs.sh: the change as a page, its changes in it" has "$r/out/g.html" '"diff": {'
check "a page that asks for nothing" has "$r/out/g.html" "content=\"default-src 'none';"
check "diff-graphs.sh: laid out from the base's drawing" run 0 --diff \
	tests/keep/old.json tests/keep/new.json --legend \
	--keep-layout tests/keep/old.json -o "$tmp/k-diff-kept.svg"
check "diff-graphs.sh: the same picture" same "$tmp/k-diff-kept.svg" "$r/out/k.svg"
check "--diff lays out as OLD's drawing by default" run 0 --diff \
	tests/keep/old.json tests/keep/new.json --legend -o "$tmp/k-diff-default.svg"
check "--diff: the same picture as --keep-layout OLD" \
	same "$tmp/k-diff-kept.svg" "$tmp/k-diff-default.svg"
check "--diff --fresh-layout: not the one kept" run 0 --fresh-layout --diff \
	tests/keep/old.json tests/keep/new.json --legend -o "$tmp/k-diff-fresh.svg"
check "diff-graphs.sh: which differs" not cmp -s "$tmp/k-diff-fresh.svg" "$r/out/k.svg"
sed -n '/^### graphs\/g.json/,/^### /{/^```diff$/,/^```$/p;}' "$tmp/summary.md" |
	sed '1d;$d' >"$tmp/summary-list"
check "summary: the change list" same tests/diff/expected-list "$tmp/summary-list"
check "summary: an added entity" has "$tmp/summary.md" '+ entity d "Delta" (org)'
check "summary: a removed relation" has "$tmp/summary.md" '- relation a -[proposes]-> b'
check "summary: a renamed entity" has "$tmp/summary.md" '~ entity kazakhstan: id "kz" → "kazakhstan"'
check "summary: a changed field" has "$tmp/summary.md" '~ entity b: description "old" → "new"'
check "summary: the pictures" test "$(grep -c '<img alt="changes to graphs/[gn]e*w*\.jsonl*" src="data:image/png;base64,iVBORw0KGgo' "$tmp/summary.md")" = 2
check "summary: a deleted graph" has "$tmp/summary.md" "### graphs/gone.json"
check "summary: in order" test "$(grep '^###' "$tmp/summary.md" | tr '\n' ' ')" = \
	"### graphs/dot.gv ### graphs/g.json ### graphs/gone.json ### graphs/k.json ### graphs/new.jsonl "
cp tests/invalid/unknown-entity/input.json "$r/graphs/g.json"
check "diff-graphs.sh: a broken graph fails" sh -c "cd '$r' && ! SCOGRAPH='$bin' \
	GITHUB_STEP_SUMMARY='$tmp/summary2.md' sh '$top/examples/ci/diff-graphs.sh' HEAD out 2>/dev/null"
check "diff-graphs.sh: and says so" has "$tmp/summary2.md" "! scograph could not compare it"
check "diff-graphs.sh: a bad BASE" sh -c "cd '$r' && SCOGRAPH='$bin' \
	sh '$top/examples/ci/diff-graphs.sh' nosuch out 2>/dev/null; test \$? = 2"
# the workflow runs the script as it is copied beside it
check "the review workflow runs diff-graphs.sh" has examples/ci/review-graphs.yml \
	'sh .github/workflows/diff-graphs.sh "$BASE" graph-changes'

# ---- --keep-layout: the places of an earlier drawing kept (issue 23)
# moved OLD.svg NEW.svg: the share of the boxes both show that moved more
# than 0.3 inch in the picture (tests/layoutmove.py)
moved() {
	/usr/bin/python3 -c 'import sys; sys.path.insert(0, "tests")
import layoutmove as L
print("%.2f" % L.moved(L.picture(sys.argv[1])[0], L.picture(sys.argv[2])[0])[0])' "$@"
}
k="$tmp/keep"
mkdir -p "$k"
check "keep: the old drawing" run 0 tests/keep/old.json -o "$k/old.svg"
check "keep: the new version afresh" run 0 tests/keep/new.json -o "$k/fresh.svg"
check "keep: and kept" run 0 tests/keep/new.json --keep-layout "$k/old.svg" \
	-o "$k/kept.svg" -o "$k/kept.dot"
check "keep: afresh, most boxes move" test "$(moved "$k/old.svg" "$k/fresh.svg")" != 0.00 -a \
	"$(moved "$k/old.svg" "$k/fresh.svg" | tr -d .)" -gt 50
check "keep: kept, one in eight at most" test "$(moved "$k/old.svg" "$k/kept.svg" | tr -d .)" -le 13
check "keep: the places given, the relations routed" has "$k/kept.dot" 'layout=nop2'
check "keep: dot draws its DOT as scograph did" dot_draws "$k/kept.dot" "$k/kept.svg"
# heads_on_top DOT: every relation's arrow ends at the top of its head
heads_on_top() {
	/usr/bin/python3 -c 'import re, sys
t = open(sys.argv[1]).read().replace("\\\n", "")
nodes = dict(re.findall(r"\n\t+\"?([^\s\":]+)\"?\t+\[([^\]]*)\]", t))
n = 0
for head, attrs in re.findall(r" -> \"?([^\s\":]+)\"?(?::\w+)?\t+\[([^\]]*)\]", t):
    tip = float(re.search(r"pos=\"e,[-0-9.]+,([-0-9.]+)", attrs).group(1))
    y = float(re.search(r"pos=\"[-0-9.]+,([-0-9.]+)\"", nodes[head]).group(1))
    h = float(re.search(r"height=([0-9.]+)", nodes[head]).group(1))
    assert abs(tip - (y + h * 36)) < 0.5, (head, tip, y, h)
    n += 1
assert n' "$1"
}
check "keep: with ports (-E headport=n)" run 0 tests/keep/new.json \
	--keep-layout "$k/old.svg" -E headport=n -o "$k/ports.svg" -o "$k/ports.dot"
check "keep: nop2 ends each relation at its port" heads_on_top "$k/ports.dot"
check "keep: and dot draws it as scograph did" dot_draws "$k/ports.dot" "$k/ports.svg"
check "keep: the old version's file, drawn first, is the same" \
	run 0 tests/keep/new.json --keep-layout tests/keep/old.json -o "$k/kept2.svg"
check "keep: same picture" same "$k/kept.svg" "$k/kept2.svg"
# (on no page: on A4 the new box overlaps a text, and the fresh layout,
# readable, is drawn instead)
check "keep: neato pins them" run 0 tests/keep/old.json -K neato --page none \
	-o "$k/old-neato.svg"
check "keep: neato kept" run 0 tests/keep/new.json -K neato --page none \
	--keep-layout "$k/old-neato.svg" -o "$k/kept-neato.svg"
check "keep: no neato box moved" test "$(moved "$k/old-neato.svg" "$k/kept-neato.svg")" = 0.00
# crossed OLD.svg NEW.svg: whether NEW's relations cross at most 1.2 times
# as often as OLD's (each count plus one, as tests/layoutmove.py)
crossed() {
	/usr/bin/python3 -c 'import sys; sys.path.insert(0, "tests")
import layoutmove as L
a, b = (L.crossings(L.picture(f)[1]) for f in sys.argv[1:])
if (b + 1) > 1.2 * (a + 1):
    sys.exit("  %d crossings against %d" % (b, a))' "$@"
}
# 200 entities drawn by sfdp, kept by neato (sfdp takes no places): an
# entity added, its lines and the old drawing's untangled by moving a few
# boxes (pinned where they were, it crossed 141 lines against a fresh
# layout's 98)
/usr/bin/python3 tests/genkg.py 200 >"$k/g200.json"
/usr/bin/python3 -c 'import json, sys
g = json.load(open(sys.argv[1]))
g["entities"].insert(181, {"id": "added", "name": "Added entity", "type": "place"})
g["relations"].append({"from": "added", "to": "pla-21", "type": "related_to"})
json.dump(g, sys.stdout)' "$k/g200.json" >"$k/g200-new.json"
check "keep: 200 entities drawn" run 0 "$k/g200.json" --max-nodes 300 --page none -o "$k/g200.svg"
check "keep: one added, kept" run 0 "$k/g200-new.json" --max-nodes 300 --page none \
	--keep-layout "$k/g200.svg" -o "$k/g200-kept.svg" -o "$k/g200-kept.dot"
check "keep: and afresh" run 0 "$k/g200-new.json" --max-nodes 300 --page none -o "$k/g200-fresh.svg"
check "keep: a tenth of the boxes moved at most" \
	test "$(moved "$k/g200.svg" "$k/g200-kept.svg" | tr -d .)" -le 10
check "keep: crossings at most 1.2 times afresh" crossed "$k/g200-fresh.svg" "$k/g200-kept.svg"
check "keep: the relations' words clear of the boxes and each other" \
	sh -c "/usr/bin/python3 tests/svgmeasure.py --page none --check overlaps=0 '$k/g200-kept.svg' >/dev/null"
# 60 entities by dot, a relation added between boxes in opposite corners:
# routed through the ranks' gaps where it crosses fewest lines (passing
# under boxes weighs less: it crossed 33 against a fresh layout's 27)
/usr/bin/python3 tests/genkg.py 60 >"$k/g60.json"
/usr/bin/python3 -c 'import json, sys
g = json.load(open(sys.argv[1]))
g["relations"].append({"from": "pla-53", "to": "per-5", "type": "related_to"})
json.dump(g, sys.stdout)' "$k/g60.json" >"$k/g60-new.json"
check "keep: 60 entities drawn" run 0 "$k/g60.json" --max-nodes 100 -o "$k/g60.svg"
check "keep: a relation added, kept" run 0 "$k/g60-new.json" --max-nodes 100 \
	--keep-layout "$k/g60.svg" -o "$k/g60-kept.svg"
check "keep: and afresh" run 0 "$k/g60-new.json" --max-nodes 100 -o "$k/g60-fresh.svg"
check "keep: no box moved" test "$(moved "$k/g60.svg" "$k/g60-kept.svg")" = 0.00
check "keep: crossings at most 1.2 times afresh" crossed "$k/g60-fresh.svg" "$k/g60-kept.svg"
check "keep: neato draws its DOT as scograph did" sh -c \
	"neato -Tsvg '$k/g200-kept.dot' 2>/dev/null | sed -e '/^<style>@media/d' >'$k/g200-neato.svg' &&
	sed -e '/^<style>@media/d' -e 's/ class=\"scograph\">\$/>/' '$k/g200-kept.svg' | cmp -s - '$k/g200-neato.svg'"
# on A4, the new box placed beside its neighbour clear of the others
# (where neato put it, it overlapped a text, and the fresh layout was
# drawn instead)
check "keep: neato on A4" run 0 tests/keep/old.json -K neato -o "$k/old-neato-a4.svg"
check "keep: neato kept on A4" run 0 tests/keep/new.json -K neato \
	--keep-layout "$k/old-neato-a4.svg" -o "$k/new-neato-a4.svg"
check "keep: neato on A4, no box moved" test "$(moved "$k/old-neato-a4.svg" "$k/new-neato-a4.svg")" = 0.00
check "keep: neato on A4, no text over another" \
	sh -c "/usr/bin/python3 tests/svgmeasure.py --page a4 --check overlaps=0 '$k/new-neato-a4.svg' >/dev/null"
# the fallback: a name made long, kept in OLD's places, overlaps the
# texts beside it (OLD had none), so the fresh layout, readable, is drawn
sed 's/"name": "Cy"/"name": "Cy Montgomery-Smythe of Almaty"/' tests/keep/new.json >"$k/long.json"
check "keep: neato kept on A4, a name longer" run 0 "$k/long.json" -K neato \
	--keep-layout "$k/old-neato-a4.svg" -o "$k/kept-neato-a4.svg"
check "keep: neato afresh on A4" run 0 "$k/long.json" -K neato -o "$k/fresh-neato-a4.svg"
check "keep: less readable than OLD, drawn afresh" same "$k/fresh-neato-a4.svg" "$k/kept-neato-a4.svg"
# the README's example: kept, its text is 5.7 pt on A4, as OLD's was (a
# fresh drawing would be 7.2 pt and move every box)
check "keep: the README's example" run 0 --cluster type --legend \
	--caption --keep-layout examples/sco-before.svg -o "$k/report.svg" \
	-o "$k/report.dot"
check "keep: no box of it moved" test "$(moved examples/sco-before.svg "$k/report.svg")" = 0.00
# pieces DOT: how many relations' lines are of more than one Bezier piece
pieces() {
	/usr/bin/python3 -c 'import re, sys
t = open(sys.argv[1]).read().replace("\\\n", "")
print(sum(len(m.group(1).split()) > 5 for m in re.finditer(r"pos=\"(e,[^\"]*)\"", t)))' "$1"
}
check "keep: relations across ranks routed through their gaps" test "$(pieces "$k/report.dot")" -gt 0
check "keep: dot draws them as scograph did" dot_draws "$k/report.dot" "$k/report.svg"
check "keep: the new box clear of the groups' titles, no text over another" \
	sh -c "/usr/bin/python3 tests/svgmeasure.py --page a4 --check overlaps=0 '$k/report.svg' >/dev/null"
check "keep: as afresh" run 0 --cluster type --legend --caption -o "$k/report-fresh.svg"
check "keep: not the picture afresh" not cmp -s "$k/report-fresh.svg" "$k/report.svg"
check "keep: without it, the DOT is today's" run 0 tests/keep/new.json
check "keep: no tie in it" not grep -qF 'style=invis' "$tmp/out"
mkdir "$k/out"
printf '<svg xmlns="http://www.w3.org/2000/svg">\n<g id="e.a" class="node">\n</svg>\n' >"$k/broken.svg"
printf '<svg xmlns="http://www.w3.org/2000/svg">\n<g id="graph0" class="graph"/>\n</svg>\n' >"$k/none.svg"
printf '<graphml/>\n' >"$k/graphml.svg"
check "keep: no OLD" run 1 tests/keep/new.json --keep-layout "$k/nosuch.svg" -o "$k/out/x.svg"
check "keep: says so" stderr_is "scograph: $k/nosuch.svg: error: cannot open file: No such file or directory"
check "keep: broken SVG" run 1 tests/keep/new.json --keep-layout "$k/broken.svg" -o "$k/out/x.svg"
check "keep: where it breaks" stderr_is "scograph: $k/broken.svg:3:3: error: not a drawing: mismatched tag"
check "keep: an SVG of no entity" run 1 tests/keep/new.json --keep-layout "$k/none.svg" -o "$k/out/x.svg"
check "keep: says so" stderr_is "scograph: $k/none.svg: error: no entity of a scograph drawing in it (groups with ids e.ID)"
check "keep: no SVG" run 1 tests/keep/new.json --keep-layout "$k/graphml.svg" -o "$k/out/x.svg"
check "keep: says so" stderr_is "scograph: $k/graphml.svg:1:1: error: not a drawing: its root is no <svg>"
check "keep: a broken old version" run 1 tests/keep/new.json \
	--keep-layout tests/invalid/unknown-entity/input.json -o "$k/out/x.svg"
check "keep: where it breaks" has "$tmp/err" "tests/invalid/unknown-entity/input.json:6:12: error: unknown entity 'Kazakstan'"
check "keep: nothing written" no_files "$k/out"
check "keep: not with --render-all" run 2 --render-all tests/valid/small -o "$k/out" --keep-layout "$k/old.svg"
check "keep: standard input once" run 2 - --keep-layout - </dev/null

# ---- outputs that are no plain file: written to, never replaced
mkfifo "$tmp/pipe.svg"
timeout 20 cat "$tmp/pipe.svg" >"$tmp/from-pipe.svg" &
check "to a named pipe" run 0 --focus Kazakhstan -o "$tmp/pipe.svg"
wait
check "the pipe is still a pipe" test -p "$tmp/pipe.svg"
check "and carried the SVG" svg_ok "$tmp/from-pipe.svg"
echo old >"$tmp/real.svg"
ln -s real.svg "$tmp/link.svg"
check "to a link" run 0 --focus Kazakhstan -o "$tmp/link.svg"
check "the link is still a link" test -L "$tmp/link.svg"
check "and the file it leads to has the SVG" svg_ok "$tmp/real.svg"
check "no temporary left beside them" not sh -c "ls -A '$tmp' | grep -q '^\.\(link\|real\|pipe\)'"
check "-o /dev/stdout writes to the output" sh -c \
	"'$bin' --focus Kazakhstan -T dot -o /dev/stdout | cmp -s - tests/golden/kazakhstan.dot"
check "and leaves /dev/stdout as it was" test -L /dev/stdout

# ---- --render-all: every graph of a folder, in one run
d="$tmp/all"
mkdir -p "$d/graphs"
cp graphs/sco.json "$d/graphs/sco.json"
cp tests/formats/native/graph.json "$d/graphs/sample.json"
cp tests/formats/native-jsonl/graph.jsonl "$d/graphs/lines.jsonl"
echo 'not a graph' >"$d/graphs/README.txt"
check "--render-all" run 0 --render-all "$d/graphs" -o "$d/out" -T svg -T png --legend
check "makes the folder, NAME.FMT each graph and format, nothing else" \
	test "$(cd "$d/out" && echo *)" = "lines.png lines.svg sample.png sample.svg sco.png sco.svg"
check "the same picture as one graph's run" sh -c \
	"'$bin' graphs/sco.json --legend -T svg | cmp -s - '$d/out/sco.svg'"
check "PNG too" png_ok "$d/out/sco.png"
check "SVG only by default" run 0 --render-all "$d/graphs" -o "$d/svg"
check "SVG only" test "$(cd "$d/svg" && echo *)" = "lines.svg sample.svg sco.svg"
cp tests/invalid/unknown-entity/input.json "$d/graphs/b-broken.json"
cp tests/invalid/wrong-type/input.json "$d/graphs/a-broken.json"
check "broken graphs: exit 1" run 1 --render-all "$d/graphs" -o "$d/out2"
check "each reported, in name order" sh -c "grep -o '^scograph: [^:]*' '$tmp/err' | uniq >'$d/order' &&
	printf 'scograph: $d/graphs/a-broken.json\nscograph: $d/graphs/b-broken.json\n' | cmp -s - '$d/order'"
check "the good ones still drawn, the broken not" \
	test "$(cd "$d/out2" && echo *)" = "lines.svg sample.svg sco.svg"
check "--check checks them all" run 1 --render-all "$d/graphs" --check
check "with the same messages" has "$tmp/err" "b-broken.json:6:12: error: unknown entity 'Kazakstan'"
rm "$d/graphs/"*-broken.json
cp tests/formats/native/graph.json "$d/graphs/lines.json"
check "two graphs one name" run 1 --render-all "$d/graphs" -o "$d/out3"
check "is an error" stderr_is "scograph: $d/graphs/lines.jsonl: error: lines.json is drawn under the same name; rename one"
cp tests/formats/native/graph.json "$d/graphs/lines.jsonb.json"
check "whatever sorts between them" run 1 --render-all "$d/graphs" -o "$d/out4"
check "names both" stderr_is "scograph: $d/graphs/lines.jsonl: error: lines.json is drawn under the same name; rename one"
check "and draws the others" test "$(cd "$d/out4" && echo *)" = "lines.jsonb.svg lines.svg sample.svg sco.svg"
check "--max-nodes over many graphs" run 1 --render-all "$d/graphs" -o "$d/out-cut" --max-nodes 3
check "says of which graph" has "$tmp/err" "scograph: $d/graphs/sco.json: note: 17 entities, more than --max-nodes 3: 2 drawn, 15 folded into 1 summary"
printf '{"entities": [{"id": "x"}, {"id": "y"}], "relations": [{"from": "x", "to": "y", "type": "r"}]}\n' >"$d/graphs/other.json"
check "--focus over many graphs" run 1 --render-all "$d/graphs" -o "$d/out-focus" --focus Kazakhstan
check "names the graph that has no such entity" has "$tmp/err" "scograph: $d/graphs/other.json: error: unknown entity 'Kazakhstan'"
check "and draws the others" test -s "$d/out-focus/sco.svg"
rm "$d/graphs/other.json"
rm "$d/graphs/lines.jsonb.json"
# a folder of graphs holds their schema and themes too
rm "$d/graphs/lines.json"
cp graphs/schema.json examples/house-theme.json "$d/graphs/"
check "schemas and themes are passed over" run 0 --strict --render-all "$d/graphs" -o "$d/out5"
check "with a note" has "$tmp/err" "schema.json: note: this is a JSON Schema, not a graph; passed over"
check "the theme too" has "$tmp/err" "house-theme.json: note: this is a theme (scograph --theme), not a graph; passed over"
check "and nothing drawn of them" test "$(cd "$d/out5" && echo *)" = "lines.svg sample.svg sco.svg"
check "the project's own folder, as the README says" run 0 --strict \
	--render-all graphs -o "$d/own"
check "drawn" test "$(cd "$d/own" && echo *)" = "sco.svg"
# graph files of every format whose name says graph, tables not
mkdir -p "$d/formats"
cp tests/tools/networkx/nx2/karate.gv tests/tools/rdflib/sco.ttl \
	tests/tools/yed/organisation.graphml tests/tools/csv/miserables.csv \
	"$d/formats/"
check "--render-all: DOT, Turtle, GraphML" run 0 --render-all "$d/formats" -o "$d/formats-out"
check "each drawn, the table not" \
	test "$(cd "$d/formats-out" && echo *)" = "karate.svg organisation.svg sco.svg"
check "as one graph's run draws it" sh -c \
	"'$bin' tests/tools/rdflib/sco.ttl -T svg | cmp -s - '$d/formats-out/sco.svg'"
check "graphs.mk on the project's own folder" sh -c "rm -rf '$tmp/own' && mkdir '$tmp/own' &&
	cp -r graphs '$tmp/own/' && make -s -C '$tmp/own' -f '$top/examples/ci/graphs.mk' SCOGRAPH='$bin' >/dev/null 2>&1"
check "a schema alone is no graph" run 1 graphs/schema.json
check "says so" stderr_is "scograph: graphs/schema.json:1:1: error: this is a JSON Schema, not a graph"
printf '{"$schema": "../graphs/schema.json", "entities": [{"id": "a"}]}\n' >"$tmp/with-schema.json"
check "a graph may name its schema" run 0 "$tmp/with-schema.json" --stats
mkdir -p "$d/no-graphs" && cp tests/tools/csv/miserables.csv "$d/no-graphs/"
echo 'not a graph' >"$d/no-graphs/README.txt"
check "no graphs" run 1 --render-all "$d/no-graphs" -o "$d/none"
check "no graphs message" stderr_is "scograph: $d/no-graphs: error: no graphs to draw (*.json, *.jsonl, *.jsonld, *.gv, *.dot, *.graphml, *.gexf, *.nt, *.nq, *.ttl, *.trig)"
# the CI examples take the files --render-all takes, named in each
kinds=$(sed -n 's/.*no graphs to draw (\(.*\))$/\1/p' "$tmp/err" | sed 's/\*\.//g; s/,//g')
check "graphs.mk takes the same graph files" \
	test "$(sed -n 's/^GRAPH_FILES ?= //p' examples/ci/graphs.mk)" = "$kinds"
check "diff-graphs.sh too" \
	test "$(sed -n 's/^for e in \(.*\); do$/\1/p' examples/ci/diff-graphs.sh)" = "$kinds"
check "no folder" run 1 --render-all "$d/nonesuch" -o "$d/none"
check "no folder to draw into" run 1 --render-all "$d/graphs" -o "$d/nonesuch/out"
check "one message, not one a graph" stderr_is "scograph: $d/nonesuch/out: error: cannot make folder: No such file or directory"
check "needs -o" run 2 --render-all "$d/graphs"
check "one -o" run 2 --render-all "$d/graphs" -o "$d/a" -o "$d/b"
check "no FILE" run 2 --render-all "$d/graphs" graphs/sco.json -o "$d/a"
check "-T once otherwise" run 2 -T svg -T png
check "-T once message" has "$tmp/err" "-T once: outputs of several formats are named by their extensions"
# every engine moves boxes apart: neato, fdp, twopi and circo drew 45 to
# 82 pairs of the SCO drawing's texts on each other; with the boxes moved
# apart, relations' words still lay over boxes and each other (up to 6
# pairs), until they became nodes moved apart as well
for engine in neato fdp twopi circo; do
	for focus in '' Kazakhstan SCO; do
		check "-K $engine ${focus:-(whole graph)} draws" run 0 -K $engine \
			${focus:+--focus $focus} -o "$tmp/engine-$engine$focus.svg"
		check "-K $engine ${focus:-(whole graph)}: no texts overlap" measure \
			--check overlaps=0 "$tmp/engine-$engine$focus.svg"
	done
done
check "-K neato: words as nodes where they overlapped" run 0 -K neato --focus Kazakhstan -T dot
check "named words:N, drawn without a border" has "$tmp/out" '"words:	0"	[class=founding_member_of,'
check "the line to them has no arrowhead" has "$tmp/out" 'kazakhstan -> "words:	0"	[arrowhead=none,'
check "-K neato: words stay on the line where nothing overlapped" run 0 -K neato --focus bri -T dot
check "no words node" not grep -q 'words:' "$tmp/out"
check "-K neato --page none: words always as nodes" run 0 -K neato --focus bri --page none -T dot
check "a words node" has "$tmp/out" '"words:	0"'
check "-K dot: never" run 0 --focus Kazakhstan --page none -T dot
check "no words node with dot" not grep -q 'words:' "$tmp/out"
# the legend's key of a relation type whose relations have no direction
printf '{"entities": [{"id": "a"}, {"id": "b"}, {"id": "c"}], "relations": [{"from": "a", "to": "b", "type": "borders", "directed": false}, {"from": "b", "to": "c", "type": "funds"}]}\n' >"$tmp/borders.json"
check "a legend of an undirected relation type" run 0 "$tmp/borders.json" --legend -T dot
check "has no arrowhead" has "$tmp/out" '<TD ALIGN="LEFT"><FONT COLOR="#333333">borders'
check "where its cell is empty" has "$tmp/out" 'COLOR="#6b6b6b"></FONT></TD><TD ALIGN="LEFT"><FONT COLOR="#333333">borders'
check "a directed one keeps its own" has "$tmp/out" 'COLOR="#6b6b6b">▸</FONT></TD><TD ALIGN="LEFT"><FONT COLOR="#333333">funds'
# names of formats, pages, themes and engines, in any case
mkdir -p "$tmp/case"
check "-T PNG, --page A4, -K DOT" run 0 --focus Kazakhstan -T PNG --page A4 -K DOT -o "$tmp/case/a.png"
check "draw the PNG" png_ok "$tmp/case/a.png"
check "-o OUT.SVG" run 0 --focus Kazakhstan -o "$tmp/case/B.SVG"
check "is an SVG" svg_ok "$tmp/case/B.SVG"
check "--theme Dark" run 0 --focus Kazakhstan --theme Dark -T svg
check "--from-format NATIVE" run 0 --from-format NATIVE graphs/sco.json --stats

# ---- usage
check "--help" run 0 --help
check "help lists --focus" has "$tmp/out" "--focus NAME"
check "--version" run 0 --version
check "version text" has "$tmp/out" "scograph "
check "unknown option" run 2 --bogus
check "unknown option message" has "$tmp/err" "scograph: error: unknown option '--bogus'"
check "missing value" run 2 --focus
check "bad depth" run 2 --depth two
check "bad direction" run 2 --direction sideways
check "bad rankdir" run 2 --rankdir XY
check "unknown format" run 2 -T nonsuch
check "unknown format message" has "$tmp/err" "unknown output format 'nonsuch'"
check "unknown engine" run 2 -K nonsuch
check "unknown extension" run 2 -o "$tmp/x.unknown"
check "no extension" run 2 -o "$tmp/noext"
check "nothing written on usage errors" test ! -e "$tmp/x.unknown" -a ! -e "$tmp/noext"
check "--list with -o" run 2 --list -o "$tmp/x.dot"

# ---- make deps: without root or sudo it names the line to run
if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1 &&
	su nobody -s /bin/sh -c "test -r '$top/Makefile'" 2>/dev/null; then
	su nobody -s /bin/sh -c "make -s -C '$top' deps DEBS='scograph-no-such-package pkg-config'" \
		>"$tmp/deps" 2>&1
	check "deps as a user fails" test $? != 0
	check "deps names the missing package" has "$tmp/deps" "scograph needs: scograph-no-such-package"
	check "deps prints the apt-get line" has "$tmp/deps" \
		"run as root: apt-get update && apt-get install -y --no-install-recommends scograph-no-such-package"
fi

# ---- --list, --stats
check "--list" run 0 --focus Kazakhstan --depth 0 --list
printf 'id\tname\ttype\tdegree\nkazakhstan\tKazakhstan\tcountry\t0\n' >"$tmp/want"
check "--list output" same "$tmp/want" "$tmp/out"
check "--list escapes tabs and line breaks" run 0 tests/valid/small/input.json --list
printf 'id\tname\ttype\tdegree\nkz\tKazakhstan\tcountry\t1\nbank\tDevelopment\\nBank\tproject\t2\nnode\tΩ «quoted»\tproject\t1\n' >"$tmp/want"
check "--list output of tricky names" same "$tmp/want" "$tmp/out"
check "--stats" run 0 --stats
check "--stats counts" has "$tmp/out" "sources drawn: 1"
check "--stats: nothing folded" has "$tmp/out" "entities folded: 0"

# ---- --diff: what changed from OLD to the FILEs
d=tests/diff
check "--diff --list" run 0 --diff $d/old.json $d/new.json --list
check "--diff --list: added, removed, changed, renamed" same $d/expected-list "$tmp/out"
check "--diff -T json" run 0 --diff $d/old.json $d/new.json -T json
check "--diff -T json: the change set" same $d/expected.json "$tmp/out"
check "--diff -o changes.json" run 0 --diff $d/old.json $d/new.json -o "$tmp/changes.json"
check "--diff -o changes.json: the change set" same $d/expected.json "$tmp/changes.json"
check "--diff, OLD in another format" run 0 --diff $d/old-node-link.json $d/new.json --list
check "--diff, OLD in another format: the same changes" same $d/expected-list "$tmp/out"
check "--diff - reads OLD from standard input" sh -c \
	"'$bin' --diff - $d/new.json --list <$d/old.json >'$tmp/out'"
check "--diff -: the same changes" same $d/expected-list "$tmp/out"
check "--diff --stats" run 0 --diff $d/old.json $d/new.json --stats
printf '%s\n' "entities added: 1" "entities removed: 1" "entities changed: 2" \
	"entities unchanged: 2" "relations added: 1" "relations removed: 2" \
	"relations changed: 0" "relations unchanged: 2" >"$tmp/want"
check "--diff --stats counts" same "$tmp/want" "$tmp/out"
check "--diff of no change" run 0 --diff graphs/sco.json graphs/sco.json -o "$tmp/nochange.svg"
check "says so, and no word of tiny text" stderr_is "scograph: graphs/sco.json: note: nothing changed: the picture holds no entity"
check "--diff: changes exit 0" run 0 --diff $d/old.json $d/new.json --stats
check "--diff --exit-code: changes exit 3" run 3 --diff $d/old.json $d/new.json --exit-code --stats
check "--diff --exit-code: no change exits 0" run 0 --diff $d/new.json $d/new.json --exit-code --list
check "--diff: no change, no line" test ! -s "$tmp/out"
check "--exit-code without --diff" run 2 --exit-code --stats
check "says it goes with --diff" has "$tmp/err" "scograph: error: --fresh-layout and --exit-code go with --diff OLD"
check "--fresh-layout without --diff" run 2 --fresh-layout -o "$tmp/fresh-alone.svg"
check "nothing written" test ! -e "$tmp/fresh-alone.svg"
check "--diff: no change draws nothing" run 0 --diff $d/new.json $d/new.json -T dot
check "--diff: no change, no node" not grep -q 'class=' "$tmp/out"
check "--diff --legend -o svg" run 0 --diff $d/old.json $d/new.json --legend -o "$tmp/diff.svg"
check "--diff: the SVG is valid" svg_ok "$tmp/diff.svg"
for c in "node org added" "node org removed" "node country changed" "node person same" \
	"edge knows added" "edge proposes removed" "edge funds same"; do
	check "--diff: a '$c'" has "$tmp/diff.svg" "class=\"$c\""
done
check "--diff: removed is dashed" sh -c "grep -A3 'class=\"node org removed\"' '$tmp/diff.svg' | grep -q stroke-dasharray"
check "--diff: changed says before → after" has "$tmp/diff.svg" 'description: &quot;old&quot; → &quot;new&quot;'
check "--diff: renamed says its old id" has "$tmp/diff.svg" 'id: &quot;kz&quot; → &quot;kazakhstan&quot;'
check "--diff --legend: the statuses" has "$tmp/diff.svg" "changed ([n]: before → after, below)"
# what changed, where no tooltip is seen (PNG, PDF, an SVG shown as an
# image): a numbered marker on each changed item, and a table of the
# changes under the drawing, in the order they are drawn
check "--diff: golden DOT of a diff with changes" run 0 --diff $d/old.json $d/new.json --legend -T dot
check "--diff: the golden DOT" same $d/expected.dot "$tmp/out"
check "--diff: a marker on a changed entity" has "$tmp/diff.svg" '>[1] Beta</text>'
check "--diff: numbered in the order drawn" has "$tmp/diff.svg" '>[2] Kazakhstan</text>'
for line in '[1] description: &quot;old&quot; → &quot;new&quot;' \
	'[2] id: &quot;kz&quot; → &quot;kazakhstan&quot;' \
	'[2] aliases: (none) → [&quot;kz&quot;]'; do
	check "--diff: the table in the SVG: $line" has "$tmp/diff.svg" ">$line</text>"
done
check "--diff: the table starts left" has "$tmp/diff.svg" 'text-anchor="start"'
check "--diff: and the tooltips stay" has "$tmp/diff.svg" 'xlink:title="description: &quot;old&quot; → &quot;new&quot;'
check "--diff: readable on A4, the table too" readable "$tmp/diff.svg"
check "--diff -o PNG and PDF" run 0 --diff $d/old.json $d/new.json --legend -o "$tmp/diff.png" -o "$tmp/diff.pdf"
check "--diff: the PNG" png_ok "$tmp/diff.png"
check "--diff: the PDF" sh -c "head -c 5 '$tmp/diff.pdf' | grep -q '%PDF-'"
check "--diff: the PNG again, the same bytes" run 0 --diff $d/old.json $d/new.json --legend -o "$tmp/diff2.png"
check "--diff: the same PNG" same "$tmp/diff.png" "$tmp/diff2.png"
check "--diff --theme dark: the table in the theme" run 0 --diff $d/old.json $d/new.json --theme dark -T dot
check "--diff --theme dark: the drawing's text colour" has "$tmp/out" 'fontcolor="#ffffff"'
# long values cut, ending in "…" (a JSON string in its quote); at most 20
# lines, the rest counted and their items left without a marker
awk 'BEGIN { for (v = 0; v < 2; v++) {
	f = sprintf("'"$tmp"'/many-%d.json", v)
	printf "{\"entities\": [" >f
	for (i = 0; i < 25; i++) printf "%s{\"id\": \"e%d\", \"name\": \"%s %d\"%s}", i ? ", " : "", i, v ? "New" : "Old", i, i || !v ? "" : ", \"description\": \"" sprintf("%0200d", 7) "\"" >f
	print "]}" >f } }'
check "--diff of 26 changes" run 0 --diff "$tmp/many-0.json" "$tmp/many-1.json" -o "$tmp/many.svg"
check "--diff: a long value cut" has "$tmp/many.svg" '>[1] description: (none) → &quot;000000000000000000…&quot;</text>'
check "--diff: 20 lines" has "$tmp/many.svg" '>[19] name: &quot;Old 18&quot; → &quot;New 18&quot;</text>'
check "--diff: and the rest counted" has "$tmp/many.svg" '>… and 6 more changes (&#45;&#45;list shows them all)</text>'
check "--diff: the rest without a marker" has "$tmp/many.svg" '>New 19</text>'
check "--diff: no 20th marker" not grep -q '\[20\]' "$tmp/many.svg"
# the title and the table are one label, which the DOT parser takes only
# up to 16384 bytes: a title too long for both gives way
check "--diff: a title of 20000 characters and the table" run 0 --diff \
	$d/old.json $d/new.json --title "$(printf "%020000d" 0)" -o "$tmp/long.svg"
check "--diff: the table still there" has "$tmp/long.svg" '>[2] id: &quot;kz&quot;'
check "--diff -G: the user's label and size still win over the table's" \
	run 0 --diff $d/old.json $d/new.json -G label=Mine -G fontsize=20 -T dot
check "--diff -G: the user's label" has "$tmp/out" 'label=Mine'
check "--diff -G: the user's size" has "$tmp/out" 'fontsize=20'
check "--diff --depth 0: only the changes" run 0 --diff $d/old.json $d/new.json --depth 0 -T dot
check "--diff --depth 0: Gamma (same, no changed relation's end) is left out" \
	not grep -q 'id="e.c"' "$tmp/out"
check "--diff --depth 0: Alpha (an end of changed relations) is drawn" \
	has "$tmp/out" 'id="e.a"'
check "--diff --type: filters apply" run 0 --diff $d/old.json $d/new.json --type country --depth 0 -T dot
check "--diff --type: one entity" test "$(grep -c 'class=' "$tmp/out")" = 1
check "--diff --focus: focus applies" run 0 --diff $d/old.json $d/new.json --focus Gamma --depth 0 -T dot
check "--diff --focus: one entity" test "$(grep -c 'class=' "$tmp/out")" = 1
check "--diff: a bad OLD" run 1 --diff $d/expected-list $d/new.json -o "$tmp/bad.svg"
check "--diff: a bad OLD says where" has "$tmp/err" "scograph: $d/expected-list:1:1: error:"
check "--diff: a bad OLD writes nothing" test ! -e "$tmp/bad.svg"
check "--diff: a missing OLD" run 1 --diff "$tmp/no-such.json" $d/new.json --list
check "--diff: standard input once" run 2 --diff - - --list
check "--diff: not with --render-all" run 2 --diff $d/old.json --render-all $d -o "$tmp/all"
# the README's picture: an earlier version of the built-in graph
check "--diff examples/sco-before.json" run 0 --diff examples/sco-before.json --list
check "the README's example renames the free trade area" has "$tmp/out" \
	'~ entity sco-free-trade-area: id "sco-fta" → "sco-free-trade-area"'
check "the README's example: 10 lines" test "$(wc -l <"$tmp/out")" = 10
check "the README's picture is current" run 0 --diff examples/sco-before.json --legend \
	--title "What changed since the earlier version of the SCO graph" -T svg
check "the README's picture is current: the same SVG" same examples/sco-diff.svg "$tmp/out"
# a one-line change deep inside 5000 entities: a small picture
awk 'BEGIN { printf "{\"entities\": ["
	for (i = 0; i < 5000; i++) printf "%s{\"id\": \"e%d\", \"type\": \"t%d\"}", i ? ", " : "", i, i % 7
	printf "], \"relations\": ["
	for (i = 1; i < 5000; i++) printf "%s{\"from\": \"e%d\", \"to\": \"e%d\", \"type\": \"r\"}", (i > 1 ? ", " : ""), int((i - 1) / 3), i
	print "]}" }' >"$tmp/big-old.json"
sed 's/{"id": "e1000", "type": "t6"}/{"id": "e1000", "type": "t6", "name": "Changed"}/' \
	"$tmp/big-old.json" >"$tmp/big-new.json"
check "--diff of a large graph" run 0 --diff "$tmp/big-old.json" "$tmp/big-new.json" -o "$tmp/big.svg"
check "--diff of a large graph: one change" test "$(grep -c 'changed"' "$tmp/big.svg")" = 1
check "--diff of a large graph: and its 4 neighbours" test "$(grep -c 'class="node' "$tmp/big.svg")" = 5

# the README names every package make deps installs, where it says so
awk '/^Both install what is missing/,/to run\.$/' README.md >"$tmp/readme-debs"
for deb in $(sed -n '/^DEBS = /,/[^\\]$/p' Makefile | tr -d '\\' | sed 's/^DEBS = //'); do
	check "README names the package $deb" grep -qw -- "$deb" "$tmp/readme-debs"
done

# ---- what a reader sees on the page (tests/svgmeasure.py) ----
measure() { /usr/bin/python3 tests/svgmeasure.py "$@" >"$tmp/measure" 2>"$tmp/err"; }
check "svgmeasure: a drawing too small for A4" not measure \
	--check entity=7,relation=6,overlaps=0 tests/measure/overlap.svg
check "svgmeasure: halved to fit A4" has "$tmp/measure" \
	"906 x 200 pt, scale 0.50, entity text 6.0 pt, relation text 4.5 pt, legend text - pt, other text 8.0 pt, 1 overlaps"
check "svgmeasure: names the overlapping texts" has "$tmp/err" \
	"1 overlapping texts (at most 0): 'Kazakhstan' / 'Uzbekistan'"
check "svgmeasure: names the small relation text" has "$tmp/err" "relation text 4.5 pt (at least 6)"
check "svgmeasure: at full size on a poster" measure --page none \
	--check entity=12,relation=9 tests/measure/overlap.svg
check "svgmeasure: full size" has "$tmp/measure" "scale 1.00, entity text 12.0 pt"

# ---- summaries instead of hairballs: the neighbourhoods of tests/bench/
# gen.py's hub e0, of 100, 736, 994 and 4992 entities, drawn by default in
# at most 80 boxes (60 and a third of them: --max-nodes), every entity drawn
# or in a summary, in under 5 s of CPU time (wall time measured the
# machine's other work: 5.02 s under a load of 8). Drawn whole, the one of 736 measured
# 3849 x 2822 pt, 1.3 pt text on A4 and 1435 overlapping texts; in 43
# boxes with their 89 lines, 2.1 pt. A page's 30 lines (SG_PAGE_LINES)
# and its neighbours down a column (the flow likely_flow called hopeless)
# take them to the goal: entity text of 6 pt, no text overlapping.
cpu_ms() { # ARGS...: runs scograph as run 0 does, printing its CPU ms
	/usr/bin/python3 -c 'import resource, subprocess, sys
out, err = open(sys.argv[1], "w"), open(sys.argv[2], "w")
status = subprocess.run(sys.argv[3:], stdout=out, stderr=err).returncode
r = resource.getrusage(resource.RUSAGE_CHILDREN)
print(int((r.ru_utime + r.ru_stime) * 1000))
sys.exit(status)' "$tmp/out" "$tmp/err" "$bin" "$@" ||
		{ echo "  scograph $* failed:"; cat "$tmp/err"; return 1; }
}
hub_drawn() { # RELATIONS: the hub's SVG and JSON as tmp/hub.*, in 5 s
	# (four times that under ASan)
	/usr/bin/python3 tests/bench/gen.py kg "$1" >"$tmp/hub-graph.json" &&
	ms=$(cpu_ms "$tmp/hub-graph.json" --focus e0 -o "$tmp/hub.svg" \
		-o "$tmp/hub.json") &&
	{ [ $ms -lt $((${asan:+4 *} 5000)) ] || { echo "  took $ms ms"; false; }; }
}
adds_up() { # ENTITIES: the drawn and the folded are the whole, once each
	/usr/bin/python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
ids = [e["id"] for e in d["entities"]]
ids += [i for s in d.get("summaries", []) for i in s["entities"]]
sys.exit(len(ids) != int(sys.argv[2]) or len(set(ids)) != len(ids))' \
		"$tmp/hub.json" "$1"
}
for hub in 650:100 6500:736 9500:994 66000:4992; do
	n=${hub#*:}
	check "a hub of $n entities, drawn in under 5 s of CPU" hub_drawn ${hub%:*}
	check "the hub has $n" sh -c "'$bin' '$tmp/hub-graph.json' --focus e0 \
		--max-nodes 0 --stats 2>/dev/null | grep -qx 'entities selected: $n'"
	check "says what it folded" has "$tmp/err" "scograph: note: $n entities, more than --max-nodes 60:"
	check "in at most 80 boxes" test "$(grep -c 'class="node' "$tmp/hub.svg")" -le 80
	check "its summaries add up to the whole" adds_up $n
	check "entity text of 6 pt on A4, none overlapping" measure \
		--check entity=6,overlaps=0 "$tmp/hub.svg"
done
check "folding again folds the same" sh -c "'$bin' '$tmp/hub-graph.json' \
	--focus e0 -T json 2>/dev/null | cmp -s - '$tmp/hub.json'"
check "a page's lines" run 0 "$tmp/hub-graph.json" --focus e0 --list
check "the hub of 4992 in 20 entities" has "$tmp/err" \
	"scograph: note: 4992 entities, more than --max-nodes 60: 20 drawn, 4972 folded into 1 summary"
check "no page, 1.5 lines a box" run 0 "$tmp/hub-graph.json" --focus e0 \
	--page none --list
check "more drawn" has "$tmp/err" \
	"scograph: note: 4992 entities, more than --max-nodes 60: 51 drawn, 4941 folded into 1 summary"

# ---- not only e0: the foci users bring (tests/pagesweep.py draws 186 of
# them). A summary of one entity is drawn as the entity, and that brought
# all its relations to what is drawn: gen.py kg 650's e2 at depth 2 had 52
# lines, not a page's 30, and e12's 56 lines took its text to 4.5 pt; kg
# 6500's e2 at depth 2, 36 lines and 4.6 pt.
lines_drawn() { # SVG MAX: at most MAX relations drawn
	n=$(grep -c 'class="edge' "$1")
	[ "$n" -le "$2" ] || { echo "  $n lines"; false; }
}
/usr/bin/python3 tests/bench/gen.py kg 650 >"$tmp/kg650.json"
/usr/bin/python3 tests/bench/gen.py kg 6500 >"$tmp/kg6500.json"
# a hub's 722 neighbours are more than a page names: counted, not named
check "a hub's summary" run 0 "$tmp/kg6500.json" --focus e0 --stats
check "names none of its 722" has "$tmp/out" "entities named in summaries: 0"
# e16's 17 folded fit the names' budget, but not the page: the drawing
# counts them, and the JSON written beside it says it names none
check "e16: names planned" run 0 "$tmp/kg6500.json" --focus e16 -T json
check "in the view" has "$tmp/out" '"named": 17'
check "e16 on A4, with its JSON" run 0 "$tmp/kg6500.json" --focus e16 \
	-o "$tmp/e16.svg" -o "$tmp/e16.json"
check "the drawing names none" not grep -q '"named"' "$tmp/e16.json"
check "and keeps its text as large as without names" measure \
	--check entity=6 "$tmp/e16.svg"
# ---- DOT into a file is written as it is made, a piece (64 KiB) at a
# time, never whole in memory; to standard output it goes whole at the
# end: the same bytes either way, several pieces of them here (kg 6500:
# 630 KB), into each of two files alike; a write that fails midway (the
# file grows past ulimit -f) stops the run, and leaves no file
check "whole kg 6500 as DOT to stdout" run 0 "$tmp/kg6500.json" \
	--max-nodes 0 --page none
cp "$tmp/out" "$tmp/streamed-want.dot"
check "and into two files, written as it is made" run 0 "$tmp/kg6500.json" \
	--max-nodes 0 --page none -o "$tmp/streamed.dot" -o "$tmp/streamed.gv"
check "more than one piece" test "$(wc -c <"$tmp/streamed.dot")" -gt 200000
check "the file's bytes are stdout's" same "$tmp/streamed-want.dot" "$tmp/streamed.dot"
check "and the second file's" same "$tmp/streamed-want.dot" "$tmp/streamed.gv"
mkdir "$tmp/small-disk"
too_large() { (trap '' XFSZ; ulimit -f 100; run 1 "$@"); }
check "a write that fails midway: exit 1" too_large "$tmp/kg6500.json" \
	--max-nodes 0 --page none -o "$tmp/small-disk/x.dot"
check "says so" has "$tmp/err" "scograph: $tmp/small-disk/x.dot: error: cannot write file: File too large"
check "leaves nothing" no_files "$tmp/small-disk"
for focus in kg650:e2 kg650:e12 kg6500:e2; do
	check "$focus at depth 2, folded" run 0 "$tmp/${focus%:*}.json" \
		--focus ${focus#*:} --depth 2 -o "$tmp/focus.svg"
	check "in a page's 30 lines" lines_drawn "$tmp/focus.svg" 30
	check "entity text of 6 pt on A4, none overlapping" measure \
		--check entity=6,overlaps=0 "$tmp/focus.svg"
done
# few entities with many relations: kg 650's e21 at depth 2 is 40 entities
# (under --max-nodes) with 135 relations, drawn whole 3.7 pt with 11 texts
# overlapping; on a page it is folded to 30 lines, and not with --page none
check "a focus of few entities and many lines, folded" run 0 \
	"$tmp/kg650.json" --focus e21 --depth 2 -o "$tmp/focus.svg"
check "says why" has "$tmp/err" "scograph: note: 40 entities, with more relations than the 30 lines a page holds: 15 drawn, 25 folded into 14 summaries"
check "in a page's 30 lines" lines_drawn "$tmp/focus.svg" 30
check "entity text of 6 pt on A4, none overlapping" measure \
	--check entity=6,overlaps=0 "$tmp/focus.svg"
check "22 entities with 70 relations, folded" run 0 "$tmp/kg650.json" \
	--focus e2 -o "$tmp/focus.svg"
check "in a page's 30 lines" lines_drawn "$tmp/focus.svg" 30
check "no page, drawn whole" run 0 "$tmp/kg650.json" --focus e21 --depth 2 \
	--page none --stats
check "all 40" has "$tmp/out" "entities folded: 0"
# the sweep (tests/pagesweep.py) of the larger two graphs: each of their
# 124 drawings that folds reaches 6 pt on A4 with no text overlapping
sweep() { /usr/bin/python3 tests/pagesweep.py --scograph "$bin" "$@" \
	>"$tmp/sweep" 2>&1 || { grep -E "folded,|legend text" "$tmp/sweep"; false; }; }
check "pagesweep: kg 6500 and 30000, e0..e30, depths 1 and 2" sweep \
	--sizes 6500,30000 --check
# and with a legend and a caption, which keep the page's rule as the rest
# of the text does, the legend as large as the relations' words
check "pagesweep: kg 650 with --legend --caption, e0..e10" sweep \
	--sizes 650 --foci 0-10 --depths 1 --options "--legend --caption" --check

# ---- the progress line: on a terminal (or asked for), erased when done,
# never on standard output. A delay of 0 shows it from the start: what a
# file or a pipe must not get, and what --progress must show.
SCOGRAPH_PROGRESS_DELAY=0
export SCOGRAPH_PROGRESS_DELAY
visible() { cat -v "$tmp/err" >"$tmp/err-v"; }
ends_erased() { [ "$(tail -c 4 "$tmp/err" | od -An -c | tr -d ' ')" = '\r033[K' ]; }
check "progress: not into a file" run 0 "$tmp/big-new.json" --check
check "progress: stderr stays empty" test ! -s "$tmp/err"
check "progress: not into a file, through a layout" run 0 graphs/sco.json -o "$tmp/p.svg"
check "progress: stderr stays empty again" test ! -s "$tmp/err"
check "progress: not into a pipe" sh -c "'$bin' '$tmp/big-new.json' --check 2>&1 >/dev/null | cat >'$tmp/err'"
check "progress: the pipe stays empty" test ! -s "$tmp/err"
check "progress: --progress" run 0 --progress graphs/sco.json --focus Kazakhstan -o "$tmp/p.svg"
visible
check "progress: the file read, of its size" has "$tmp/err-v" "^Mreading graphs/sco.json: 0 of 15 kB (0%)^[[K"
check "progress: its loading" has "$tmp/err-v" "^Mloading graphs/sco.json: "
check "progress: the layout" has "$tmp/err-v" "^Mlaying out with dot...^[[K"
check "progress: the rendering" has "$tmp/err-v" "^Mrendering svg...^[[K"
check "progress: the writing" has "$tmp/err-v" "^Mwriting $tmp/p.svg...^[[K"
check "progress: on one line" test "$(wc -l <"$tmp/err")" = 0
check "progress: erased at the end" ends_erased
check "progress: the drawing as without it" run 0 --focus Kazakhstan -o "$tmp/q.svg"
check "progress: the same drawing" same "$tmp/p.svg" "$tmp/q.svg"
check "progress: DOT to standard output" run 0 --progress --focus Kazakhstan
check "progress: none of it on standard output" same "$top/tests/golden/kazakhstan.dot" "$tmp/out"
check "progress: erased before the DOT" ends_erased
check "progress: --no-progress, last, wins" run 0 --progress --no-progress graphs/sco.json -o "$tmp/p.svg"
check "progress: so nothing" test ! -s "$tmp/err"
check "progress: --progress, last, wins" run 0 --no-progress --progress graphs/sco.json -o "$tmp/p.svg"
check "progress: so shown" has "$tmp/err" "laying out with dot"
check "progress: a warning erases it first" run 0 --progress tests/diagnostics/warnings.json --check
visible
check "progress: the warning on a line of its own" grep -q '\^M\^\[\[Kscograph: tests/diagnostics/warnings.json:[0-9]*:[0-9]*: warning: ' "$tmp/err-v"
check "progress: a pipe has no size" sh -c "cat graphs/sco.json | '$bin' --progress - --stats >'$tmp/out' 2>'$tmp/err'"
visible
check "progress: so only bytes" has "$tmp/err-v" "^Mreading <stdin>: 0 kB^[[K"
check "progress: and never 'of'" not grep -q 'reading <stdin>: [^^]* of ' "$tmp/err-v"
COLUMNS=30 "$bin" --progress graphs/sco.json -o "$tmp/p.svg" 2>"$tmp/err"
check "progress: cut to the width" test -z "$(tr '\r' '\n' <"$tmp/err" | sed 's/\x1b\[K//g' | awk 'length > 29')"
# a signal that ends the run erases the line it leaves
: >"$tmp/err"
{ sleep 3 | "$bin" --progress - >/dev/null 2>"$tmp/err" & pid=$!
  n=0; while [ ! -s "$tmp/err" ] && [ $n -lt 100 ]; do sleep 0.1; n=$((n + 1)); done
  kill -TERM $pid; wait $pid; } 2>/dev/null
check "progress: SIGTERM erases it" ends_erased
# on a real terminal (script(1) gives the run one), unless TERM says it cannot
if command -v script >/dev/null; then
	TERM=xterm script -qec "'$bin' graphs/sco.json -o '$tmp/p.svg'" /dev/null \
		</dev/null >"$tmp/err" 2>&1
	visible
	check "progress: shown on a terminal" has "$tmp/err-v" "^Mlaying out with dot...^[[K"
	check "progress: erased on a terminal" ends_erased
	TERM=dumb script -qec "'$bin' graphs/sco.json -o '$tmp/p.svg'" /dev/null \
		</dev/null >"$tmp/err" 2>&1
	check "progress: not on a dumb terminal" test ! -s "$tmp/err"
	TERM=xterm script -qec "'$bin' --no-progress graphs/sco.json -o '$tmp/p.svg'" \
		/dev/null </dev/null >"$tmp/err" 2>&1
	check "progress: --no-progress on a terminal" test ! -s "$tmp/err"
fi
# only past a second of work: a quick run never flashes it
SCOGRAPH_PROGRESS_DELAY=30
check "progress: a quick run" run 0 --progress graphs/sco.json -o "$tmp/p.svg"
check "progress: not before the delay" test ! -s "$tmp/err"
unset SCOGRAPH_PROGRESS_DELAY
check "progress: a second of waiting, and not into a file" sh -c \
	"(sleep 1.5; cat graphs/sco.json) | '$bin' - --stats >/dev/null 2>'$tmp/err'"
check "progress: so nothing" test ! -s "$tmp/err"
check "progress: a second of waiting, asked for" sh -c \
	"(sleep 2.5; cat graphs/sco.json) | '$bin' --progress - --stats >/dev/null 2>'$tmp/err'"
check "progress: shown after a second" has "$tmp/err" "reading <stdin>: 0 kB"

summary
