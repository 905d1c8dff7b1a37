# What the shell tests share. A test script sets suite, its name, and then
# sources this file from the top of the repository, its own first argument
# the binary to test: bin is that binary, absolute; tmp a fresh folder,
# removed on exit. `check WHAT COMMAND...` passes when COMMAND succeeds;
# `summary`, last, prints the counts and fails if any check did; run, same,
# has, stderr_is and no_files are the checks most suites make.
top=$(pwd)
case "$1" in /*) bin=$1 ;; *) bin=$top/$1 ;; esac
tmp=$(mktemp -d "/tmp/scograph-$suite.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0

check() {
	what=$1; shift
	if "$@"; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1)); echo "FAIL: $what"
	fi
}
# run EXPECTED_STATUS ARGS...: runs scograph (under $under, a command's
# words, when set), keeping stdout and stderr
run() {
	want=$1; shift
	# shellcheck disable=SC2086 # under is a command's words
	${under:-} "$bin" "$@" >"$tmp/out" 2>"$tmp/err"
	status=$?
	[ "$status" = "$want" ] || {
		echo "  scograph $* exited $status, not $want:"; cat "$tmp/err"
		return 1
	}
}
same() { cmp -s "$1" "$2" || { diff -u "$1" "$2" | head -20; return 1; }; }
has() { grep -qF -- "$2" "$1" || { echo "  '$2' not in $1"; return 1; }; }
stderr_is() { printf '%s\n' "$1" >"$tmp/want-err"; same "$tmp/want-err" "$tmp/err"; }
no_files() { [ -z "$(ls -A "$1")" ] || { echo "  left behind:"; ls -A "$1"; return 1; }; }
summary() {
	echo "$suite: $passed passed, $failed failed"
	[ "$failed" = 0 ]
}
