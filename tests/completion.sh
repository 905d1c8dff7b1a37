#!/bin/bash
# The bash completion, called as bash calls it, on the built binary.
# usage: bash tests/completion.sh ./scograph   (from the top of the repository)
set -u
suite=completion
. tests/check.sh
. src/scograph.bash

# completes WORD...: the replies for a command line whose last word is
# being completed (bash splits --name=value into --name, = and value),
# one a line in $tmp/replies
completes() {
	COMP_WORDS=("$bin" "$@")
	COMP_CWORD=$#
	COMPREPLY=()
	_scograph "$bin" "${COMP_WORDS[COMP_CWORD]}" \
		"${COMP_WORDS[COMP_CWORD - 1]}"
	printf '%s\n' "${COMPREPLY[@]}" | sort >"$tmp/replies"
}
# offers WORD...: the replies include every WORD
offers() {
	for w in "$@"; do
		grep -qxF -- "$w" "$tmp/replies" ||
			{ echo "  '$w' not offered:"; cat "$tmp/replies"; return 1; }
	done
}
not_offered() {
	! grep -qxF -- "$1" "$tmp/replies" || { echo "  '$1' offered"; return 1; }
}
# offers_only WORD...: the replies are exactly the WORDs
offers_only() {
	printf '%s\n' "$@" | sort >"$tmp/want"
	cmp -s "$tmp/want" "$tmp/replies" ||
		{ diff -u "$tmp/want" "$tmp/replies" | head -20; return 1; }
}

registered() { complete -p scograph | grep -q -- '-F _scograph scograph$'; }
check "sourcing it registers the function for scograph" registered

# ---- options: every one --help lists, and nothing else
"$bin" --help | grep -oE -- '^  (-[[:alpha:]], |    )--[a-z-]+' |
	grep -oE -- '--[a-z-]+' | sort >"$tmp/long-options"
completes --
check "every long option of --help" cmp -s "$tmp/long-options" "$tmp/replies"
completes --foc
check "an option from its start" offers_only --focus
completes --wat
check "--watch" offers_only --watch
completes --exc
check "the options sharing a start" offers_only --exclude --exclude-type \
	--exclude-relation

# ---- option values from the binary itself
completes --shape ''
check "--shape: its first words" offers nodes= edges=
completes --from-format ''
check "--from-format: the input formats" offers native jsonl jgf node-link \
	cytoscape mcp graphology graphlib ngraph vis graphviz
"$bin" --from-format list | cut -d' ' -f1 | sort >"$tmp/formats"
check "--from-format: every format scograph reads" cmp -s "$tmp/formats" "$tmp/replies"
completes --from-format node
check "--from-format: from its start" offers_only node-link
completes -K ''
check "-K: Graphviz's engines and auto" offers auto dot neato fdp sfdp circo twopi
completes --engine sf
check "--engine: from its start" offers_only sfdp
completes -T ''
check "-T: Graphviz's formats, and the page" offers svg png pdf dot json xdot html
completes --format p
check "--format: from its start" offers pdf png plain
completes --theme ''
check "--theme: the built-in themes" offers auto light dark print
completes --theme examples/house
check "--theme: theme files" offers_only examples/house-theme.json
completes --direction ''
check "--direction" offers_only both out in
completes --rankdir ''
check "--rankdir" offers_only TB LR BT RL
completes --page ''
check "--page" offers_only a4 letter slide none
completes --diagnostics j
check "--diagnostics" offers_only json
completes --depth ''
check "--depth: nothing to offer" offers_only ''

# ---- entities, from the graphs on the command line
completes --focus kaz
check "--focus: the built-in graph's ids and names, any case" \
	offers_only Kazakhstan kazakhstan
completes --from nurly
check "--from: a name with a space, quoted" offers 'Nurly\ Zhol'
completes --to = Kaz
check "--to=: after bash's split at =" offers Kazakhstan
completes tests/valid/small/input.json --exclude ''
check "--exclude: the file's entities, not the built-in's" \
	offers kz bank Kazakhstan
check "--exclude: nothing of the built-in graph" not_offered sco
completes --depth 2 tests/valid/small/input.json -o x.svg --focus k
check "values of options are no graph files" offers_only Kazakhstan kz KZ
completes --from-format node-link tests/formats/node-link/graph.json --focus ''
check "--from-format applies to the files read" offers SCO BRI \
	'SCO\ Investment\ Fund'
check "--from-format: nothing of the built-in graph" not_offered sco
completes tests/valid/small/input.json --type ''
check "--type: the file's entity types" offers_only country project
completes --focus rep
check "--focus: aliases too" offers_only 'Republic\ of\ Kazakhstan'
completes --relation pro
check "--relation: the relation types" offers_only proposes
completes tests/valid/small/input.json --exclude-relation ''
check "--exclude-relation: the file's" offers_only funds
completes - --focus ''
check "standard input is not read" offers_only ''
completes - --relation ''
check "nor for relation types" offers_only ''
completes tests/invalid/unknown-entity/input.json --focus ''
check "a bad graph offers nothing" offers_only ''

# ---- files
completes -o tests/valid/sm
check "-o: files" offers_only tests/valid/small
completes tests/valid/small/inp
check "graph files" offers_only tests/valid/small/input.json
completes --diff tests/diff/old.j
check "--diff: the old graph's file" offers_only tests/diff/old.json
completes --diff tests/diff/old.json tests/valid/small/input.json --focus k
check "--diff's file is not one of the new graph" offers_only Kazakhstan kz KZ
completes tests/keep/new.json --keep-layout tests/keep/ol
check "--keep-layout: the old drawing's or graph's file" offers_only tests/keep/old.json
summary
