# What the shell tests share. A test script sets suite, its name, and then
# sources this file from the top of the repository, its own first argument
# the binary to test: bin is that binary, absolute; tmp a fresh folder,
# removed on exit. `check WHAT COMMAND...` passes when COMMAND succeeds;
# `summary`, last, prints the counts and fails if any check did.
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
summary() {
	echo "$suite: $passed passed, $failed failed"
	[ "$failed" = 0 ]
}
