#!/bin/sh
# Browser tests: Debian's chromium, headless, opens the SVG scograph writes.
# The drawing shows, its tooltips and links are in the DOM, and no script
# from the input runs.
# usage: sh tests/browser.sh ./scograph   (from the top of the repository)
set -u
suite=browser
. tests/check.sh
# Debian's python3, whichever one is first on PATH
py=/usr/bin/python3

# browse NAME: chromium opens NAME.svg itself, as the page, and writes
# NAME.png, a screenshot, and NAME.dom, the DOM once loaded as browser.py
# lists it. As the page, not inside HTML: in an <img> an SVG runs no
# script, and of an <object> or <iframe> --dump-dom prints only the HTML.
# Root needs --no-sandbox. The virtual time lets a timer that a script
# sets fire before the DOM is dumped, at no cost in real time. Scrollbars
# would draw on a blank page too. Chromium's own files stay in $tmp.
browse() {
	XDG_CONFIG_HOME=$tmp/$1 XDG_CACHE_HOME=$tmp/$1 timeout 60 chromium \
		--headless --no-sandbox --disable-gpu --hide-scrollbars \
		--user-data-dir="$tmp/$1/profile" --window-size=1000,800 \
		--virtual-time-budget=1000 --screenshot="$tmp/$1.png" \
		--dump-dom "file://$tmp/$1.svg" >"$tmp/$1.html" 2>"$tmp/$1.err" || {
		echo "  chromium failed on $1.svg:"; tail -5 "$tmp/$1.err"
		return 1
	}
	$py tests/browser.py dom <"$tmp/$1.html" >"$tmp/$1.dom"
}
# draw NAME ARGS...: scograph draws ARGS into NAME.svg, and chromium opens it
draw() {
	name=$1; shift
	"$bin" "$@" -o "$tmp/$name.svg" 2>"$tmp/$name.warnings" ||
		{ echo "  scograph $* failed:"; cat "$tmp/$name.warnings"; return 1; }
	browse "$name"
}
has() {
	grep -qF -- "$2" "$tmp/$1.dom" ||
		{ printf "  '%s' not in the DOM of %s\n" "$2" "$1"; return 1; }
}
# none NAME REGEX: no line of NAME's DOM matches the Perl regex
none() {
	! grep -iP -- "$2" "$tmp/$1.dom" >"$tmp/found" ||
		{ echo "  in the DOM of $1:"; head -5 "$tmp/found"; return 1; }
}
# What no page may hold, whatever its input. Graphviz writes no script, no
# event handler and no link of its own: any is the input's.
safe() {
	check "$1: no script ran" none "$1" '^@data-pwned='
	check "$1: no script element" none "$1" '^<(\w+:)?script$'
	check "$1: no event handler" none "$1" '^@on'
	check "$1: links are http, https or mailto only" none "$1" \
		'^@(xlink:)?href=(?!(https?|mailto):)'
	check "$1: chromium read the SVG" none "$1" '^<parsererror'
	check "$1: the screenshot shows a drawing" $py tests/browser.py png "$tmp/$1.png"
}

# ---- the harness: a blank page with a script that runs, an event handler
# and a javascript: link fails each of those checks
cp tests/browser/bad.svg "$tmp/bad.svg"
check "chromium opens a page" browse bad
(safe bad) >"$tmp/self"
for rule in "no script ran" "no script element" "no event handler" \
	"links are http, https or mailto only" "the screenshot shows a drawing"; do
	check "the harness catches: $rule" grep -qF "FAIL: bad: $rule" "$tmp/self"
done

# ---- the SCO drawing, as the README shows it
check "chromium opens the SCO drawing" draw sco --focus Kazakhstan
safe sco
check "a node's label is text" has sco '"Kazakhstan'
check "an entity's description is its tooltip" has sco \
	'@xlink:title=Founding SCO member now holding its presidency; aims to be a hub of Eurasian trade.'
check "a relation's tooltip has its evidence and source" has sco \
	'@xlink:title=Kazakhstan has belonged to the SCO since its creation, as one of its founders.\nsource: Kazakhstan’s Crucial Role in SCO, Naveed Miraj, 2024-06-22'

# ---- hostile input: every text tries to run script, each leaving its own
# data-pwned mark if it did; it must come out as text, and run nowhere
# (for no page: on one, long texts break into lines, and the checks below
# look for each text whole)
check "chromium opens the hostile drawing" draw hostile \
	tests/browser/hostile.json --cluster type --legend --caption --page none
safe hostile
pwn="document.documentElement.setAttribute('data-pwned'"
check "a name is text" has hostile "\"<script>$pwn,'name')</script>"
check "an id is text" has hostile "\"a--><script>$pwn,'id')</script><!--"
check "a description and a key of its own are text" has hostile \
	"@xlink:title=\" onmouseover=\"$pwn,'description')\" x=\"\\nnote: </title><script>$pwn,'extra-key')</script>"
check "evidence and its source are text" has hostile \
	"@xlink:title=</title><script>$pwn,'evidence')</script>\\nsource: \"/><script>$pwn,'source-title')</script>"
check "CDATA is text" has hostile "@xlink:title=<![CDATA[<script>$pwn,'cdata')</script>]]>"
check "a relation's label is text" has hostile "\"\" onload=\"$pwn,'label')"
check "a relation type's label is text" has hostile \
	"\"<image href=\"x\" onerror=\"$pwn,'relation-type-label')\"/>"
check "a type's label is text" has hostile "\"<script>$pwn,'type-label')</script>"
check "the title is text" has hostile "\"</title><script>$pwn,'graph-title')</script>"
check "the caption's source is text" has hostile \
	"\"Source: \"/><script>$pwn,'source-title')</script><a x=\", <image href=\"x\" onerror=\"$pwn,'source-author')\"/>"
check "a url keeps its quotes and brackets, percent-encoded" has hostile \
	"@xlink:href=https://example.org/?q=%22/%3E%3Cscript%3Edocument.documentElement.setAttribute(%27data-pwned%27,%27url%27)%3C/script%3E"
check "a plain url is the link" has hostile "@xlink:href=https://example.org/sco?year=2024&lang=en"

# ---- the reader's colour scheme: with --theme auto, the SVG's own style
# turns it dark for a reader who prefers dark (chromium's
# --force-dark-mode says so), and only then; PNG is drawn light
# shot NAME FLAGS...: a screenshot of NAME.svg, as NAME-shot.png
shot() {
	name=$1; shift
	XDG_CONFIG_HOME=$tmp/shot XDG_CACHE_HOME=$tmp/shot timeout 60 chromium \
		--headless --no-sandbox --disable-gpu --hide-scrollbars \
		--user-data-dir="$tmp/shot/profile" --window-size=1000,800 \
		--screenshot="$tmp/$name-shot.png" "$@" "file://$tmp/$name.svg" \
		>/dev/null 2>"$tmp/shot.err" ||
		{ echo "  chromium failed on $name.svg:"; tail -5 "$tmp/shot.err"; return 1; }
}
# background NAME COLOUR: the commonest colour of NAME.png is COLOUR
background() {
	[ "$($py tests/browser.py background "$tmp/$1.png")" = "$2" ] ||
		{ echo "  $1.png: background $($py tests/browser.py background "$tmp/$1.png"), not $2"; return 1; }
}
"$bin" --focus Kazakhstan --legend --theme auto -o "$tmp/scheme.svg" -o "$tmp/scheme.png"
check "auto: light for a reader who prefers light" shot scheme
check "a light background by default" background scheme-shot "#ffffff"
cp "$tmp/scheme.svg" "$tmp/scheme-dark.svg"
check "dark for a reader who prefers dark" shot scheme-dark --force-dark-mode
check "a dark background for a reader who prefers dark" background scheme-dark-shot "#111111"
check "the dark drawing shows a drawing" $py tests/browser.py png "$tmp/scheme-dark-shot.png"
check "PNG is drawn light" background scheme "#ffffff"
"$bin" --focus Kazakhstan --legend --theme light -o "$tmp/light.svg"
check "--theme light stays light for a reader who prefers dark" shot light --force-dark-mode
check "--theme light: a light background" background light-shot "#ffffff"

# ---- the page (-T html), used as a reader would: tests/browser/page.mjs
# drives chromium through puppeteer-core (npm, installed by make
# check-browser), each step a check and a screenshot in $tmp/page
mkdir "$tmp/page"
node tests/browser/page.mjs "$bin" "$tmp/page" >"$tmp/page.log" 2>&1
check "the page's checks ran" grep -q '^ok ' "$tmp/page.log"
while read -r result what; do
	check "page: $what" test "$result" = ok
done <"$tmp/page.log"
[ -z "${SCOGRAPH_SHOTS-}" ] || cp "$tmp"/page/*.png "$SCOGRAPH_SHOTS"

summary
