#!/bin/sh
# --sparql: a fault-injecting endpoint (tests/sparql/faults.py) for each
# way a request fails, then a real Virtuoso (tests/sparql/store.sh, started
# and stopped here) and Oxigraph holding a generated graph, whose
# neighbourhoods drawn through --sparql must be byte for byte those drawn
# from the same graph as a file.
# usage: sh tests/sparql.sh ./scograph [memcheck]   (from the top of the
# repository; memcheck: a fetch and the fault cases under $VALGRIND)
set -u
suite=sparql
. tests/check.sh
mode=${2:-all}
under=
[ "$mode" = memcheck ] && under=${VALGRIND:?memcheck needs VALGRIND}

not() { ! "$@"; }

# The stores load the generated graph while the faults are tested (a
# store takes 10 to 40 s to start and load, more under load)
e=http://example.org/kg
store=$tmp/store oxigraph=
if [ "$mode" != memcheck ]; then
	python3 tests/sparql/gen.py 10000 5001 >"$tmp/kg.nt"
	# the graph as a store answers it in English: the @de literals are
	# not fetched (only --lang's, else English, else untagged ones are)
	grep -v '"@de \.$' "$tmp/kg.nt" >"$tmp/kg-en.nt"
	{ sh tests/sparql/store.sh start "$store" "$tmp/kg.nt" >"$tmp/store.url"; echo $? >"$tmp/store.rc"; } &
	if [ -d tests/tools/oxigraph/node_modules/oxigraph ]; then
		node tests/tools/oxigraph/server.mjs "$tmp/kg.nt" "$tmp/oxigraph-port" &
		oxigraph=$!
	fi
fi

# ---- the faults
/usr/bin/python3 tests/sparql/faults.py "$tmp/port" "$tmp/requests" &
faults=$!
trap 'kill $faults $oxigraph 2>/dev/null; [ "$mode" = memcheck ] || { while [ ! -s "$tmp/store.rc" ]; do sleep 0.5; done; sh tests/sparql/store.sh stop "$store"; }; rm -rf "$tmp"' EXIT
n=0
while [ ! -s "$tmp/port" ] && [ $n -lt 200 ]; do sleep 0.05; n=$((n + 1)); done
url=http://127.0.0.1:$(cat "$tmp/port")
# a port nothing listens on: one the kernel gave and took back
closed=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir "$tmp/o"
# fails ENDPOINT MESSAGE [ARGS]: exit 1, the one line, no file written
fails() {
	endpoint=$1 message=$2; shift 2
	run 1 --sparql "$endpoint" --focus wd:Q232 -o "$tmp/o/x.svg" -o "$tmp/o/x.dot" "$@" &&
	stderr_is "scograph: $endpoint: error: $message" && no_files "$tmp/o"
}
check "refused: one line, nothing written" fails "http://127.0.0.1:$closed/sparql" \
	"cannot connect: connection refused"
check "a timeout" fails "$url/slow" "no answer within 1 s (--timeout)" --timeout 1
check "HTTP 500: the endpoint's own first lines" fails "$url/error" \
	"the endpoint answered HTTP 500: Virtuoso 37000 Error SP030: SPARQL compiler, line 1: syntax error at 'WHER' SPARQL query: SELECT ..."
check "an HTML page" fails "$url/html" \
	"the answer is not SPARQL JSON results but text/html: '<!DOCTYPE html>'"
check "a cut-off answer" fails "$url/cut" "the answer was cut off after 100 bytes"
check "an answer past --max-response" fails "$url/big" \
	"the answer is larger than 1048576 bytes (--max-response)" --max-response 1
check "redirects are bounded" fails "$url/moved" "more than 5 redirects"
check "a host no one has" fails "http://no-such-host.invalid/sparql" "cannot find the host"
check "no such endpoint: HTTP 404" fails "$url/none" \
	"the endpoint answered HTTP 404: no such endpoint"
echo old >"$tmp/o/kept.dot"
check "a failure leaves an older output as it was" \
	run 1 --sparql "$url/html" --focus wd:Q232 -o "$tmp/o/kept.dot"
check "  as it was" has "$tmp/o/kept.dot" old
rm -f "$tmp/o/kept.dot"
: >"$tmp/requests"
check "429 with Retry-After: asked again, drawn" \
	run 0 --sparql "$url/busy" --focus wd:Q232 -T json
check "  after one refusal" has "$tmp/requests" "GET /busy"
check "  the drawing" has "$tmp/out" '"name": "Astana"'
# Wikidata's specifics: its prefixes, and a User-Agent naming scograph
: >"$tmp/requests"
check "wd:Q232 is Wikidata's IRI; --verbose prints each query" \
	run 0 --sparql "$url/ok" --focus wd:Q232 --lang en --verbose -T json
check "  the focus found" has "$tmp/out" '"id": "http://www.wikidata.org/entity/Q232"'
check "  the step's query" has "$tmp/err" \
	"scograph: query: SELECT * WHERE { {SELECT ?s ?p ?o WHERE { {VALUES ?s { <http://www.wikidata.org/entity/Q232> }"
check "  depth + 1 queries for an IRI's focus" test "$(wc -l <"$tmp/requests")" = 2
check "  User-Agent, Accept and gzip" has "$tmp/requests" \
	"GET /ok|scograph/$("$bin" --version | cut -d' ' -f2) (+scograph, a knowledge-graph drawer)|application/sparql-results+json|deflate, gzip"
# (a comment as long as a query's VALUES of a hundred IRIs)
{ printf '# %01500d\n# %01500d\n' 0 0; echo 'SELECT ?s ?p ?o WHERE { ?s ?p ?o }'; } >"$tmp/long.rq"
: >"$tmp/requests"
check "a long query is POSTed" \
	run 0 --sparql "$url/ok" --sparql-query "$tmp/long.rq" -T json
check "  as a POST" has "$tmp/requests" "POST /ok"
check "no password on the command line" run 2 --sparql "$url/ok" --focus a --password x
check "credentials asked for and not given: HTTP 401" fails "$url/auth" \
	"the endpoint answered HTTP 401: credentials needed"
check "SCOGRAPH_SPARQL_AUTH gives them" \
	env SCOGRAPH_SPARQL_AUTH=user:secret "$bin" --sparql "$url/auth" \
	--focus wd:Q232 --verbose -o "$tmp/o/auth.dot" 2>"$tmp/err"
check "  never printed" not grep -q secret "$tmp/err"
rm -f "$tmp/o/auth.dot"
check "nor in the URL" run 2 --sparql "http://user:secret@127.0.0.1:$closed/sparql" --focus a
check "  which is not printed" stderr_is "scograph: error: credentials go in ~/.netrc or SCOGRAPH_SPARQL_AUTH, not in the --sparql URL"
[ "$mode" = memcheck ] && { summary; exit; }
check "--sparql takes no FILE" run 2 --sparql "$url/ok" --focus a graphs/sco.json
check "--sparql needs a focus or a query" run 2 --sparql "$url/ok"
check "  said so" has "$tmp/err" "--sparql draws a --focus's neighbourhood"
check "--lang goes with --sparql" run 2 --lang en
check "--sparql with --from/--to: refused" run 2 --sparql "$url/ok" --from wd:Q232 --to wd:Q1520
check "  in one line" stderr_is "scograph: error: --sparql does not fetch paths: draw --from and --to from a file, or from the answer to your own --sparql-query
try 'scograph --help'"

# ---- real stores
# both ARGS...: the drawing from the store and from the file, as DOT and
# as the view's JSON (one run each); the store's requests (--verbose
# prints them) counted into $tmp/asked
both() {
	run 0 --sparql "$endpoint" "$@" --verbose -o "$tmp/store.dot" -o "$tmp/store.json" &&
	grep -c '^scograph: query: ' "$tmp/err" >"$tmp/asked" &&
	grep -q "COUNT(" "$tmp/err"; past=$?
	run 0 "$tmp/kg-en.nt" "$@" -o "$tmp/file.dot" -o "$tmp/file.json"
}
# from_store ARGS...: the drawing from the store is the drawing from the
# file, byte for byte
from_store() {
	both "$@" && same "$tmp/file.dot" "$tmp/store.dot" &&
	same "$tmp/file.json" "$tmp/store.json"
}
# counted ARGS...: a neighbourhood past the page's budget (50 links a box
# a step): the store counts what is folded and names what the summaries
# name, and the drawing is the file's, DOT byte for byte
counted() {
	both "$@" && [ "$past" = 0 ] &&
	/usr/bin/python3 tests/sparql/counted.py "$tmp/store.json" "$tmp/file.json" \
		"$tmp/store.dot" "$tmp/file.dot"
}
# asked N: the last drawing from the store took N requests
asked() { [ "$(cat "$tmp/asked")" = "$1" ] || { echo "  $(cat "$tmp/asked") requests, not $1"; return 1; }; }
# totals ARGS...: the store counts as many entities in the neighbourhood
# as the file holds (the note of what was folded)
totals() {
	run 0 --sparql "$endpoint" "$@" -o "$tmp/t.dot" && grep '^scograph: note: ' "$tmp/err" >"$tmp/store.note" &&
	run 0 "$tmp/kg-en.nt" "$@" -o "$tmp/t.dot" && grep '^scograph: note: ' "$tmp/err" >"$tmp/file.note" &&
	same "$tmp/file.note" "$tmp/store.note"
}
# drawings ENGINE: the neighbourhoods drawn from the store at $endpoint
# are the file's (a second engine, some of them: the suite's time)
drawings() {
	check "$1: a hub at depth 2, folded" from_store --focus $e/team/000000 --depth 2
	check "  folded" has "$tmp/err" "folded into 1 summary"
	check "  in 3 requests (depth + 2 at most: one a step, what is drawn in one)" asked 3
	check "$1: --direction in" from_store --focus $e/person/000000 --depth 2 --direction in
	check "$1: --type" from_store --focus $e/team/000002 --depth 2 --type Person --type Team
	check "$1: past the page: a hub at depth 2 counted, not fetched, its summary's names the file's" \
		counted --focus $e/team/000000 --depth 2 --max-nodes 10
	check "  in 4 requests (depth + 2: the names one more)" asked 4
	check "$1: past the page: --relation" \
		counted --focus $e/person/000000 --depth 2 --max-nodes 8 --relation knows
	check "$1: past the page: a hub at depth 1 cut to 5 boxes, ranked as the file ranks" \
		counted --focus $e/team/000000 --max-nodes 5
	check "$1: past the page from a label's focus, the label looked up by the first step's request" \
		counted --focus "Team 0" --depth 2 --max-nodes 10
	check "  in 4 requests (depth + 2)" asked 4
	check "$1: the same cut at the last step" counted --focus "Team 0" --max-nodes 5
	check "  in 3 requests" asked 3
	[ "$1" = Oxigraph ] && return
	check "$1: a leaf at depth 1" from_store --focus $e/person/001249
	check "  in 2 requests" asked 2
	check "$1: --direction out" from_store --focus $e/person/000000 --depth 2 --direction out
	check "$1: --relation" from_store --focus $e/person/000000 --depth 2 --relation knows
	check "$1: a label's focus" from_store --focus "Person 7"
	check "$1: depth 3, a small page" from_store --focus $e/topic/000003 --depth 3 --max-nodes 30
	# (Oxigraph 0.5 takes 50 s over this one's count past the cut: the
	# NOT EXISTS of each entity two steps out)
	check "$1: past the page at depth 3: what lies past the cut counted too" \
		counted --focus $e/team/000000 --depth 3 --max-nodes 10
	check "  in 5 requests" asked 5
	check "$1: past the page: --type" \
		counted --focus $e/team/000000 --depth 2 --max-nodes 10 --type Person --type Team
}

# Oxigraph (npm's, tests/tools/oxigraph: .ci/run's npm ci installs it),
# served by a small node server
if [ "$oxigraph" ]; then
	n=0
	while [ ! -s "$tmp/oxigraph-port" ] && [ $n -lt 1200 ]; do sleep 0.05; n=$((n + 1)); done
	endpoint=http://127.0.0.1:$(cat "$tmp/oxigraph-port")/sparql
	drawings Oxigraph
	kill $oxigraph
else
	echo "sparql: SKIP Oxigraph: tests/tools/oxigraph has no node_modules (npm ci there installs it)"
fi

# Virtuoso (Debian's), with the rest of the store's tests
while [ ! -s "$tmp/store.rc" ]; do sleep 0.2; done
started=$(cat "$tmp/store.rc")
endpoint=$(cat "$tmp/store.url")
if [ "$started" = 77 ]; then
	echo "sparql: SKIP Virtuoso's tests: virtuoso-opensource is not installed (make deps installs it)"
	summary; exit
fi
check "Virtuoso started and loaded" test "$started" = 0
drawings Virtuoso
# counts past the cut: all the steps to the last, the focus too, and the
# filters the store can apply
check "past the page at depth 4: the steps past the cut's next counted" \
	counted --focus $e/team/000000 --depth 4 --max-nodes 10
check "past the page at depth 3, cut at the first step: all counted" \
	totals --focus $e/team/000000 --depth 3 --max-nodes 5
check "past the page, --direction in: the focus counted too" \
	totals --focus $e/team/000000 --depth 2 --direction in --max-nodes 5
check "past the page: --exclude-type in the counts" \
	counted --focus $e/team/000000 --depth 2 --max-nodes 10 --exclude-type Topic
check "past the page: --exclude-relation in the counts" \
	counted --focus $e/person/000000 --depth 2 --max-nodes 10 --exclude-relation interestedIn
# a cut step of thousands, as the 1M hub's (gen.py's team of 5,001)
# (its summary beside a member holds the team's others too: the links
# of that member to them are counted beside the team's)
check "past the page from a step of 5,001: the names further out asked for, the relations of a summary beside another entity counted" \
	counted --focus $e/wide/team --depth 2
check "  in 4 requests" asked 4
check "past the page: those named past the cut's step not counted again" \
	counted --focus $e/wide/team --depth 2 --max-nodes 10
# where the store is not asked as a file is drawn, a warning says so
check "past the page from a frontier of 533: one request, counted as a file" \
	counted --focus $e/team/000000 --depth 3 --max-nodes 30
check "  in 5 requests" asked 5
check "past the page from a frontier of more than 1,000: counted a request each, said" \
	run 0 --sparql "$endpoint" --focus $e/wide/team --depth 2 --max-nodes 102 -o "$tmp/w.dot"
check "  in a warning" has "$tmp/err" "warning: a step cut to the page went out from 5001 entities, more than 1000 a request"
check "a last step cut from more than 50: ranked by all links, said" \
	run 0 --sparql "$endpoint" --focus $e/team/000000 --depth 2 --max-nodes 10 --exclude-relation knows -o "$tmp/w.dot"
check "  in a warning" has "$tmp/err" "warning: the last step cut to the page went out from 321 entities"
check "names three steps past a cut: not asked for, said" \
	run 0 --sparql "$endpoint" --focus $e/team/000000 --depth 3 --max-nodes 5 -o "$tmp/w.dot"
check "  in a warning" has "$tmp/err" "are counted, not named"
check "none where the store is asked as a file is drawn" \
	run 0 --sparql "$endpoint" --focus $e/team/000000 --max-nodes 5 -o "$tmp/w.dot"
check "  none" not grep -q warning "$tmp/err"
check "past the page: --where is not counted by a store, and refused" \
	run 2 --sparql "$endpoint" --focus $e/team/000000 --depth 2 --max-nodes 10 --where type=Person -o "$tmp/o/w.dot"
check "  in one line" stderr_is "scograph: $endpoint: error: a step of more than 500 links passes the page, and the store cannot count it as --where leaves it: draw it with --max-nodes 0, or from a file"
check "  nothing written" no_files "$tmp/o"
check "--lang de: the German label" \
	run 0 --sparql "$endpoint" --focus $e/team/000003 --lang de -T json
check "  read" has "$tmp/out" '"label@de": "Team 3"'
check "a label no entity has" run 1 --sparql "$endpoint" --focus "Nobody" -T json
check "  said so" stderr_is "scograph: $endpoint: error: unknown entity 'Nobody': no rdfs:label, skos:prefLabel or schema:name reads it"
check "a label two entities have" run 1 --sparql "$endpoint" --focus "Twin" -T json
check "  said so" has "$tmp/err" "scograph: $endpoint: error: entity name 'Twin' is ambiguous: it matches '$e/wide/twin/"
check "a label only in German, with --lang en: found by its text" \
	run 0 --sparql "$endpoint" --focus "Breites Team" --verbose -o "$tmp/l.dot"
check "  in 2 requests more than its IRI's (the first finds nothing)" \
	test "$(grep -c '^scograph: query: ' "$tmp/err")" = 5
check "  the drawing of its IRI" \
	run 0 --sparql "$endpoint" --focus $e/wide/team -o "$tmp/i.dot"
check "  byte for byte" same "$tmp/i.dot" "$tmp/l.dot"
printf 'SELECT ?s ?p ?o WHERE { ?s ?p ?o FILTER(?s = <%s/team/000001>) }\n' $e >"$tmp/q.rq"
check "--sparql-query: the user's SELECT" \
	run 0 --sparql "$endpoint" --sparql-query "$tmp/q.rq" -T json
check "  read" has "$tmp/out" '"name": "Team 1"'
printf 'CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o FILTER(?s = <%s/team/000001>) }\n' $e >"$tmp/q.rq"
check "--sparql-query: the user's CONSTRUCT, as N-Triples" \
	run 0 --sparql "$endpoint" --sparql-query "$tmp/q.rq" -T json
check "  read" has "$tmp/out" '"name": "Team 1"'
check "--diff against the file: nothing changed in the neighbourhood" \
	run 0 --sparql "$endpoint" --focus $e/person/001249 --diff "$tmp/kg.nt" --list
summary
