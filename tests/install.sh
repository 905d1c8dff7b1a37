#!/bin/sh
# Install tests: in a copy of the files git tracks, as a fresh clone,
# `make` and then `make install` into a scratch DESTDIR as a packager runs
# them; the shared library's exports; the installed copy used as a user
# and a C program would; `make uninstall`.
# usage: sh tests/install.sh ./scograph   (from the top of the repository;
# MAKE names the make to run)
set -u
suite=install
. tests/check.sh
make=${MAKE:-make}
version=$(sed -n 's/^#define SG_VERSION "\(.*\)"/\1/p' include/scograph.h)

# ---- make, in a clean copy (of the working tree's versions: a file left
# out of git fails here, not on a user's machine)
src=$tmp/src
mkdir "$src"
git ls-files -z | tar --null -T - -cf - 2>/dev/null | tar -xf - -C "$src"
$make --no-print-directory -C "$src" >"$tmp/make.log" 2>&1
check "make builds a clean copy" test $? = 0 || cat "$tmp/make.log"
shlib=$src/build/libscograph.so.$version

# ---- only the public API leaves the shared library
nm -D --defined-only "$shlib" | awk '{print $3}' | sort >"$tmp/exported"
# every function the header declares, SG_API or not
sed -n -E 's/^(SG_API )?[a-z][a-z_ ]*[ *](sg_[a-z_]+)\(.*/\2/p' \
	include/scograph.h | sort >"$tmp/declared"
exported_declared() {
	comm -23 "$tmp/exported" "$tmp/declared" >"$tmp/extra"
	[ ! -s "$tmp/extra" ] ||
		{ echo "  exported, not in include/scograph.h:"; cat "$tmp/extra"; return 1; }
}
declared_exported() {
	comm -13 "$tmp/exported" "$tmp/declared" >"$tmp/missing"
	[ ! -s "$tmp/missing" ] ||
		{ echo "  in include/scograph.h, not exported:"; cat "$tmp/missing"; return 1; }
}
check "the header declares functions" test -s "$tmp/declared"
check "every exported symbol is in the header" exported_declared
check "every function of the header is exported" declared_exported
check "the soname keeps the major version" \
	sh -c "readelf -d '$shlib' | grep -q 'SONAME.*\[libscograph\.so\.${version%%.*}\]'"

# ---- make install
dest=$tmp/dest
$make --no-print-directory -C "$src" install DESTDIR="$dest" PREFIX=/usr \
	>"$tmp/install.log" 2>&1
check "make install succeeds" test $? = 0 || cat "$tmp/install.log"
for f in bin/scograph lib/libscograph.a "lib/libscograph.so.$version" \
	include/scograph.h lib/pkgconfig/scograph.pc share/man/man1/scograph.1 \
	share/man/man5/scograph-formats.5 \
	share/bash-completion/completions/scograph \
	share/scograph/sco.json share/scograph/schema.json \
	share/scograph/theme-schema.json; do
	check "installs $f" test -f "$dest/usr/$f"
done
link_is() { [ -L "$1" ] && [ "$(readlink "$1")" = "$2" ] ||
	{ echo "  $1 -> $(readlink "$1"), not $2"; return 1; }; }
check "libscograph.so.${version%%.*} links to the versioned library" \
	link_is "$dest/usr/lib/libscograph.so.${version%%.*}" "libscograph.so.$version"
check "libscograph.so links to the soname" \
	link_is "$dest/usr/lib/libscograph.so" "libscograph.so.${version%%.*}"
check "the installed binary runs" \
	sh -c "'$dest/usr/bin/scograph' --version | grep -qx 'scograph $version'"
has() { grep -qF -- "$2" "$1" || { echo "  '$2' not in $1"; return 1; }; }
same() { cmp -s "$1" "$2" || { diff -u "$1" "$2" | head -20; return 1; }; }
check "the installed header is the checkout's" \
	cmp -s include/scograph.h "$dest/usr/include/scograph.h"

# pkg-config as a program built against this copy asks it
pc() { PKG_CONFIG_PATH="$dest/usr/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$dest" \
	pkg-config "$@"; }
# prints WORDS COMMAND...: COMMAND succeeds and its output starts with WORDS
prints() {
	want=$1; shift
	got=$("$@") && case "$(echo $got) " in "$want "*) ;; *) false ;; esac ||
		{ echo "  $* printed '$got', not '$want'"; return 1; }
}
check "pkg-config knows the version" prints "$version" pc --modversion scograph
check "pkg-config --libs names the library" \
	prints "-L$dest/usr/lib -lscograph" pc --libs scograph
check "pkg-config --cflags names the header's folder" \
	prints "-I$dest/usr/include" pc --cflags scograph
check "pkg-config --static adds Graphviz, Jansson and fontconfig" \
	sh -c "PKG_CONFIG_PATH='$dest/usr/lib/pkgconfig' pkg-config --static --libs scograph | grep -q -- '-lgvc .*-ljansson .*-lfontconfig'"

# ---- examples/embed.c, built against the installed copy as the README
# shows, and run on it
${CC:-cc} -Wall -Werror examples/embed.c $(pc --cflags --libs scograph) \
	-o "$tmp/embed" 2>"$tmp/cc.log"
check "examples/embed.c builds with pkg-config's flags" test $? = 0 ||
	cat "$tmp/cc.log"
LD_LIBRARY_PATH="$dest/usr/lib" ldd "$tmp/embed" >"$tmp/ldd" 2>&1
check "it loads the installed shared library" \
	grep -q "libscograph.so.${version%%.*} => $dest/usr/lib/" "$tmp/ldd"
LD_LIBRARY_PATH="$dest/usr/lib" "$tmp/embed" \
	"$dest/usr/share/scograph/sco.json" Kazakhstan >"$tmp/embed.out" 2>&1
check "it runs" test $? = 0 || cat "$tmp/embed.out"
"$bin" --focus Kazakhstan --stats >"$tmp/stats"
# the library draws light unless told (the command line: auto)
"$bin" --focus Kazakhstan --theme light -T svg >"$tmp/k.svg"
embed_says() {
	entities=$(sed -n 's/^entities drawn: //p' "$tmp/stats")
	relations=$(sed -n 's/^relations drawn: //p' "$tmp/stats")
	want="$entities entities, $relations relations, SVG of $(wc -c <"$tmp/k.svg") bytes"
	[ "$(tail -n 1 "$tmp/embed.out")" = "$want" ] &&
		[ "$(grep -c ' -\[.*\]-[->] ' "$tmp/embed.out")" = "$relations" ] ||
		{ echo "  not '$want' after $relations relations:"; cat "$tmp/embed.out"; return 1; }
}
check "it lists the view's relations and the SVG's size, as scograph" embed_says
LD_LIBRARY_PATH="$dest/usr/lib" "$tmp/embed" \
	"$dest/usr/share/scograph/sco.json" Kazakstan >"$tmp/embed.out" 2>&1
check "a bad name exits 1" test $? = 1
check "a bad name is its error" has "$tmp/embed.out" "unknown entity 'Kazakstan'"

# ---- the man pages: shown by man without a warning, and saying what
# --help and the binary say
for page in man1/scograph.1 man5/scograph-formats.5; do
	LC_ALL=C MANWIDTH=80 man --warnings=w -l "$dest/usr/share/man/$page" \
		>"$tmp/man.txt" 2>"$tmp/man-warnings"
	name=$(basename "$page" | tr a-z A-Z | sed 's/\.\([15]\)$/(\1)/')
	check "man -l shows the installed $page" grep -q "^$name " "$tmp/man.txt"
	check "man --warnings finds nothing in $page" \
		sh -c "[ ! -s '$tmp/man-warnings' ] || ! cat '$tmp/man-warnings'"
	check "$page's version is the header's" \
		grep -q "^\.TH SCOGRAPH[A-Z-]* [15] .* \"scograph $version\"" "src/${page#*/}"
done
LC_ALL=C MANWIDTH=80 man -l "$dest/usr/share/man/man1/scograph.1" >"$tmp/man.txt"
check "the man page has every section" sh -c "for s in NAME SYNOPSIS DESCRIPTION \
	OPTIONS 'EXIT STATUS' ENVIRONMENT EXAMPLES 'REVIEWING CHANGES' \
	'LIMITS AND SAFETY' PERFORMANCE; do grep -qx \"\$s\" '$tmp/man.txt' || exit 1; done"
check "the man page names the environment" sh -c \
	"grep -q SOURCE_DATE_EPOCH '$tmp/man.txt' && grep -q GITHUB_ACTIONS '$tmp/man.txt'"
LC_ALL=C MANWIDTH=80 man -l "$dest/usr/share/man/man5/scograph-formats.5" >"$tmp/man5.txt"
check "the formats page has every section" sh -c "for s in NAME DESCRIPTION \
	'THE JSON FORMAT' 'FORMATS READ' SHAPES 'GRAPH STORES'; do \
	grep -qx \"\$s\" '$tmp/man5.txt' || exit 1; done"
# "-o, --output FILE" for every option: the tags of the man page, the left
# column of --help
sed -n '/^\.TP$/{n;/^\\fB\\-/p;}' src/scograph.1 |
	sed 's/\\f[BIR]//g; s/\\-/-/g' | sort >"$tmp/man-options"
"$bin" --help | grep -oE -- '^  (-[[:alpha:]], |    )--[a-z-]+( [A-Z][A-Z=]*)?' |
	sed 's/^ *//' | sort >"$tmp/help-options"
check "--help lists options" test -s "$tmp/help-options"
check "the man page and --help list the same options" \
	same "$tmp/help-options" "$tmp/man-options"
# the input formats: the binary's own list, the formats page's
"$bin" --from-format list | cut -d' ' -f1 | sort >"$tmp/formats"
sed -n '/^\.SH "FORMATS READ"/,/^\.SH [^F]/{/^\.TP$/{n;s/^\.B //p;};}' \
	src/scograph-formats.5 | sed 's/\\-/-/g' | sort >"$tmp/man-formats"
check "scograph lists the formats it reads" test -s "$tmp/formats"
check "the man page lists the formats scograph reads" same "$tmp/formats" "$tmp/man-formats"

# ---- make uninstall
$make --no-print-directory -C "$src" uninstall DESTDIR="$dest" PREFIX=/usr \
	>"$tmp/uninstall.log" 2>&1
check "make uninstall succeeds" test $? = 0 || cat "$tmp/uninstall.log"
nothing_left() {
	find "$dest" ! -type d >"$tmp/left"
	[ ! -s "$tmp/left" ] || { echo "  left behind:"; cat "$tmp/left"; return 1; }
}
check "make uninstall leaves no file behind" nothing_left
check "make uninstall removes share/scograph" test ! -e "$dest/usr/share/scograph"
summary
