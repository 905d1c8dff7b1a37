#!/bin/sh
# A private Virtuoso for the tests: `store.sh start DIR NTRIPLES` starts
# virtuoso-t with its own virtuoso.ini in DIR on free ports, loads the
# N-Triples file into the graph http://example.org/kg and prints the
# SPARQL endpoint's URL; `store.sh stop DIR` stops it. Exits 77 when
# Virtuoso is not installed (the tests then skip).
set -eu
cmd=$1 dir=$2
case $cmd in
stop)
	[ -f "$dir/pid" ] && kill "$(cat "$dir/pid")" 2>/dev/null || true
	# (virtuoso-t ends after a checkpoint: wait for it, briefly)
	for _ in 1 2 3 4 5 6 7 8 9 10; do
		[ -f "$dir/pid" ] && kill -0 "$(cat "$dir/pid")" 2>/dev/null ||
			break
		sleep 0.5
	done
	exit 0 ;;
esac
command -v virtuoso-t >/dev/null && command -v isql-vt >/dev/null || exit 77
nt=$3
free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
sql=$(free_port) http=$(free_port)
mkdir -p "$dir"
cp "$nt" "$dir/graph.nt"
cat >"$dir/virtuoso.ini" <<INI
[Database]
DatabaseFile = $dir/virtuoso.db
ErrorLogFile = $dir/virtuoso.log
LockFile = $dir/virtuoso.lck
TransactionFile = $dir/virtuoso.trx
xa_persistent_file = $dir/virtuoso.pxa
FileExtend = 200
Striping = 0
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = $dir/virtuoso-temp.db
TransactionFile = $dir/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:$sql
DisableUnixSocket = 1
CheckpointInterval = 0
CaseMode = 2
DirsAllowed = ., $dir
NumberOfBuffers = ${SCOGRAPH_VIRTUOSO_BUFFERS:-20000}
MaxDirtyBuffers = 15000
ThreadsPerQuery = 2
[HTTPServer]
ServerPort = 127.0.0.1:$http
ServerRoot = $dir
ServerThreads = 4
MaxClientConnections = 4
EnabledGzipContent = 1
[SPARQL]
ResultSetMaxRows = 10000000
MaxQueryExecutionTime = 120
DefaultGraph = http://example.org/kg
INI
(cd "$dir" && exec virtuoso-t -f -c "$dir/virtuoso.ini" >"$dir/stdout" 2>&1) &
echo $! >"$dir/pid"
up=
for _ in $(seq 1 120); do
	if isql-vt "$sql" dba dba exec="select 1;" >/dev/null 2>&1; then
		up=1; break; fi
	kill -0 "$(cat "$dir/pid")" 2>/dev/null || break
	sleep 0.25
done
[ "$up" ] || { echo "virtuoso did not start:" >&2;
	tail -5 "$dir/virtuoso.log" >&2; exit 1; }
isql-vt "$sql" dba dba >"$dir/load.log" 2>&1 <<ISQL
ld_dir('$dir', 'graph.nt', 'http://example.org/kg');
rdf_loader_run();
checkpoint;
ISQL
echo "http://127.0.0.1:$http/sparql"
