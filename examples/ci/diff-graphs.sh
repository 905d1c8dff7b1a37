#!/bin/sh
# For each graph file (*.json, *.jsonl, *.gv, *.graphml, *.ttl ... under
# GRAPHS_DIR: the files scograph --render-all draws) that differs
# between the commit BASE and the working tree, draws what changed with
# scograph --diff to OUTDIR/NAME.svg and OUTDIR/NAME.png, and as a page to
# explore, its change list beside the drawing, OUTDIR/NAME.html; writes the
# change list and the pictures as Markdown to $GITHUB_STEP_SUMMARY
# (standard output when unset). The difference is laid out from the base
# version's drawing (--keep-layout), so that it looks like the picture
# reviewers know. A graph new since BASE is compared with an empty one; a
# deleted graph is only named.
#
#     sh diff-graphs.sh BASE [OUTDIR]
#
# SCOGRAPH names the program (default: scograph). Exits 1 when a graph
# could not be read or drawn (the others are still drawn), 2 on bad usage.
set -u
base=${1:?usage: diff-graphs.sh BASE [OUTDIR]}
out=${2:-graph-changes}
scograph=${SCOGRAPH:-scograph}
graphs=${GRAPHS_DIR:-graphs}
# a picture past this many bytes is left in the artifact, not inlined
inline_max=${INLINE_MAX:-600000}
status=0

git rev-parse --verify -q "$base^{commit}" >/dev/null ||
	{ echo "diff-graphs.sh: error: '$base' is no commit" >&2; exit 2; }
mkdir -p "$out" || exit 1
empty="$out/.empty.json"
printf '{"entities": [], "relations": []}\n' >"$empty"
# the summary is file descriptor 3
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
	exec 3>>"$GITHUB_STEP_SUMMARY" || exit 1
else
	exec 3>&1
fi

echo "## Graph changes" >&3
set --
for e in json jsonl jsonld gv dot graphml gexf nt nq ttl trig; do
	set -- "$@" "$graphs/*.$e"
done
changed=$(git diff --name-status --no-renames "$base" -- "$@")
[ -n "$changed" ] || echo "No graph changed." >&3
# names with tabs or line breaks are not graphs this handles
printf '%s\n' "$changed" | while IFS="$(printf '\t')" read -r what path; do
	[ -n "$path" ] || continue
	name=$(basename "$path"); name=${name%.*}
	if [ "$what" = D ]; then
		printf '\n### %s\n\nDeleted.\n' "$path" >&3
		continue
	fi
	old="$out/.$name.old"
	# the base version's places kept, where there is one
	if git show "$base:$path" >"$old" 2>/dev/null; then
		set -- --keep-layout "$old"
	else
		cp "$empty" "$old"
		set --
	fi
	printf '\n### %s\n\n```diff\n' "$path" >&3
	if ! "$scograph" --diff "$old" "$path" --list >"$out/$name.txt" ||
	   ! "$scograph" --diff "$old" "$path" --legend "$@" \
		-o "$out/$name.svg" -o "$out/$name.png" -o "$out/$name.html"; then
		echo "! scograph could not compare it; see the job's log" \
			>&3
		echo '```' >&3
		echo 1 >"$out/.failed"
		continue
	fi
	if [ -s "$out/$name.txt" ]; then
		cat "$out/$name.txt" >&3
	else
		echo "(no change to its entities or relations)" >&3
	fi
	echo '```' >&3
	if [ "$(wc -c <"$out/$name.png")" -le "$inline_max" ]; then
		printf '\n<img alt="changes to %s" src="data:image/png;base64,' \
			"$path" >&3
		base64 <"$out/$name.png" | tr -d '\n' >&3
		printf '">\n' >&3
	else
		printf '\nThe picture is large: see %s.png in the artifact.\n' \
			"$name" >&3
	fi
	printf '\nTo explore it (search, each change a click away): %s.html in the artifact.\n' \
		"$name" >&3
	rm -f "$old"
done
rm -f "$empty"
[ ! -e "$out/.failed" ] || { rm -f "$out/.failed"; status=1; }
exit $status
