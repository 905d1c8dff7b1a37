#!/usr/bin/env python3
"""The --sparql rows of `make bench`: a generated knowledge graph
(tests/sparql/gen.py; by default its size 1190000, which writes 1,001,578
triples) loaded into a Virtuoso started
here (tests/sparql/store.sh), and a hub at depth 2 drawn folded to a page:

  store    scograph --sparql, the whole run (queries, reading, drawing DOT)
  curl     the same queries (as --verbose prints them) sent by curl alone:
           the store's own time
  export   the whole graph exported from the store as N-Triples (curl),
           then read from the file by scograph for the same drawing

Wall seconds (the store works in its own process: CPU time of scograph
alone would leave it out), medians of RUNS runs, and scograph's largest
resident set size. usage: bench.py SCOGRAPH WORKDIR [TRIPLES] [RUNS] [DEPTH]
(the hub's depth 2 is the goal's row; depth 1 a smaller one)"""
import os
import statistics
import subprocess
import sys
import time

bin_, work = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
triples = int(sys.argv[3]) if len(sys.argv) > 3 else 1190000
runs = int(sys.argv[4]) if len(sys.argv) > 4 else 3
depth = sys.argv[5] if len(sys.argv) > 5 else "2"
here = os.path.dirname(os.path.abspath(__file__))
os.makedirs(work, exist_ok=True)
nt = os.path.join(work, "kg-%d.nt" % triples)
store = os.path.join(work, "store")
focus = "http://example.org/kg/team/000000"


def timed(cmd, **kw):
    """Wall seconds and max RSS (KiB) of cmd, through /usr/bin/time."""
    start = time.monotonic()
    p = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, text=True,
                       stdout=kw.get("stdout", subprocess.DEVNULL),
                       stderr=subprocess.PIPE)
    wall = time.monotonic() - start
    if p.returncode:
        sys.exit("failed (%d): %s\n%s" % (p.returncode, " ".join(cmd[:6]),
                                         p.stderr[-2000:]))
    return wall, int(p.stderr.strip().splitlines()[-1])


with open(nt, "w") as f:
    subprocess.run([sys.executable, os.path.join(here, "gen.py"),
                    str(triples)], stdout=f, check=True)
subprocess.run(["rm", "-rf", store])
start = time.monotonic()
env = dict(os.environ, SCOGRAPH_VIRTUOSO_BUFFERS="170000")
url = subprocess.run(["sh", os.path.join(here, "store.sh"), "start", store,
                      nt], env=env, check=True, stdout=subprocess.PIPE,
                     text=True).stdout.strip()
loaded = time.monotonic() - start
try:
    draw = ["--focus", focus, "--depth", depth, "-o",
            os.path.join(work, "hub.dot")]
    # the queries, as sent
    p = subprocess.run([bin_, "--sparql", url, "--verbose"] + draw,
                       stderr=subprocess.PIPE, text=True)
    if p.returncode:
        sys.exit("scograph --sparql failed:\n" + p.stderr[-3000:])
    queries = [line[len("scograph: query: "):] for line in
               p.stderr.splitlines() if line.startswith("scograph: query: ")]
    for i, q in enumerate(queries):
        with open(os.path.join(work, "q%d.rq" % i), "w") as f:
            f.write(q)
    rows = {"store": [], "curl": [], "export": []}
    rss = {"store": [], "export": []}
    for _ in range(runs):
        w, m = timed([bin_, "--sparql", url] + draw)
        rows["store"].append(w)
        rss["store"].append(m)
        print("scograph --sparql: %.2f s, %d KiB" % (w, m), flush=True)
        total = 0
        for i in range(len(queries)):
            w, _m = timed(["curl", "-sS", "--fail", "--compressed", "-o",
                           "/dev/null", "-H",
                           "Accept: application/sparql-results+json",
                           "--data-urlencode",
                           "query@" + os.path.join(work, "q%d.rq" % i), url])
            total += w
        rows["curl"].append(total)
        print("curl alone: %.2f s" % total, flush=True)
        # (Virtuoso answers a CONSTRUCT of the whole graph with HTTP 500:
        # it goes in pages)
        dump = os.path.join(work, "export.nt")
        w1, page, at = 0, os.path.join(work, "page.nt"), 0
        with open(dump, "wb") as out:
            while True:
                w, _m = timed(["curl", "-sS", "--fail", "--compressed", "-o",
                               page, "-H", "Accept: application/n-triples",
                               "--data-urlencode",
                               "query=CONSTRUCT { ?s ?p ?o } WHERE { GRAPH "
                               "<http://example.org/kg> { ?s ?p ?o } } "
                               "LIMIT 200000 OFFSET %d" % at, url])
                w1 += w
                data = open(page, "rb").read()
                out.write(data)
                at += 200000
                if data.count(b"\n") < 200000:
                    break
        w2, m = timed([bin_, dump] + draw)
        rows["export"].append(w1 + w2)
        rss["export"].append(m)
    med = {k: statistics.median(v) for k, v in rows.items()}
    print("SPARQL, %d triples (loaded in %.0f s), hub %s at depth %s, "
          "folded; %d queries; wall s, medians of %d" % (
              sum(1 for _ in open(nt)), loaded, focus.rsplit("/", 2)[-2] +
              "/" + focus.rsplit("/", 1)[-1], depth, len(queries), runs))
    print("%-44s %8s %10s" % ("row", "seconds", "max RSS"))
    print("%-44s %8.2f %7.0f MiB" % ("scograph --sparql (store + scograph)",
                                     med["store"],
                                     statistics.median(rss["store"]) / 1024))
    print("%-44s %8.2f %10s" % ("the same queries by curl alone",
                                med["curl"], "-"))
    print("%-44s %8.2f %7.0f MiB" % ("export as N-Triples + read the file",
                                     med["export"],
                                     statistics.median(rss["export"]) / 1024))
    print("ratios: %.2fx the store's own time (goal <= 1.5x), %.2fx "
          "export and read (goal <= 0.2x)" % (
              med["store"] / med["curl"], med["store"] / med["export"]))
finally:
    subprocess.run(["sh", os.path.join(here, "store.sh"), "stop", store])
