"""make bench: scograph timed against what a user would run instead, pair by
pair in one run (A B A B ...), on generated power-law knowledge graphs (and
the same graph as N-Triples, against serd's serdi).

usage: bench.py SCOGRAPH PARSE WORKDIR
  SCOGRAPH  the binary measured
  PARSE     the bare Jansson parse (tests/bench/parse.c)
  WORKDIR   where the generated graphs and the outputs go
environment:
  BENCH_SIZES   relation counts of the generated graphs (default
                "10k 100k": 4 minutes on 2 shared cores; the issue's figures
                at 1M take 9 more, with BENCH_SIZES="10k 100k 1M"; k and M
                are thousands and millions)
  BENCH_NX_MAX  the largest size networkx and gvpr are run at (default 100k:
                beyond, networkx alone would take most of the run)
  BENCH_RUNS    pairs run per row (default 3 to 7, more for quick pairs)

Times are CPU seconds (user + system, from wait4 of /usr/bin/time, which
covers the command measured): on a machine shared with other work they vary
far less than wall time, and each figure is the median of its runs. The
ratio of a row is the median of the ratios of its pairs, each pair run back
to back, so that a change in the machine's load touches both sides alike.
Peak memory is /usr/bin/time's maximum resident set size.
"""
import os
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PYTHON = "/usr/bin/python3"


def count(text):
    scale = {"k": 1000, "M": 1000000}.get(text[-1:], 1)
    return int(text.rstrip("kM")) * scale


def label(n):
    return ("%dM" % (n // 1000000) if n % 1000000 == 0 else
            "%dk" % (n // 1000) if n % 1000 == 0 else str(n))


def measure(cmd, workdir):
    """One run of cmd: (CPU seconds, peak KiB)."""
    stats = os.path.join(workdir, "time.out")
    with open(os.devnull, "wb") as null:
        child = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", stats]
                                 + cmd, stdout=null, stderr=null)
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = 0  # (reaped here: Popen must not wait for it)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("bench: failed: %s" % " ".join(cmd))
    with open(stats) as f:
        peak = int(f.read().split()[-1])
    return usage.ru_utime + usage.ru_stime, peak


def pair(a, b, workdir):
    """A and B run alternately: the medians of each and of the ratios."""
    runs = int(os.environ.get("BENCH_RUNS", "0"))
    ta, tb, ma, mb, ratios = [], [], [], [], []
    # (by default more runs where they are quick: 7 of a pair under 0.5 s,
    # 5 under 2 s, else 3)
    while len(ta) < (runs or (3 if not ta else
                              7 if ta[0] + tb[0] < 0.5 else
                              5 if ta[0] + tb[0] < 2 else 3)):
        for cmd, times, peaks in ((a, ta, ma), (b, tb, mb)):
            t, m = measure(cmd, workdir)
            times.append(t)
            peaks.append(m)
        ratios.append(ta[-1] / max(tb[-1], 1e-6))
    return (statistics.median(ta), max(ma), statistics.median(tb), max(mb),
            statistics.median(ratios))


def row(case, size, other, a, b, workdir, goal=None, mem_goal=None):
    """Prints one line of the table. goal: the most scograph's time may be,
    as a multiple of the other's; mem_goal the same for peak memory."""
    ta, ma, tb, mb, ratio = pair(a, b, workdir)
    goals, verdicts = [], []
    if goal is not None:
        goals.append("time ≤ %.2f×%s" % (goal, " (%g× faster)" % round(
            1 / goal, 1) if goal < 1 else ""))
        verdicts.append(ratio <= goal)
    if mem_goal is not None:
        goals.append("memory ≤ %.2f×" % mem_goal)
        verdicts.append(ma / mb <= mem_goal)
    met = "" if not verdicts else "yes" if all(verdicts) else "**no**"
    print("| %s | %s | %.3f s, %s | %s | %.3f s, %s | %.2f× | %.2f× | %s | %s |"
          % (case, size, ta, mib(ma), other, tb, mib(mb), ratio, ma / mb,
             ", ".join(goals), met), flush=True)


def mib(kib):
    return "%.*f MiB" % (0 if kib >= 10240 else 1, kib / 1024)


def generate(workdir, kind, n, ext="json"):
    path = os.path.join(workdir, "%s-%d.%s" % (kind, n, ext))
    with open(path, "w") as out:
        subprocess.run([PYTHON, os.path.join(HERE, "gen.py"), kind, str(n)],
                       stdout=out, check=True)
    return path


def main():
    scograph, parse, workdir = sys.argv[1:4]
    scograph = os.path.abspath(scograph)
    os.makedirs(workdir, exist_ok=True)
    sizes = [count(s) for s in
             os.environ.get("BENCH_SIZES", "10k 100k").split()]
    nx_max = count(os.environ.get("BENCH_NX_MAX", "100k"))
    out = lambda name: os.path.join(workdir, name)
    print("load average at the start: %.2f %.2f %.2f" % os.getloadavg())
    print()
    print("| case | relations | scograph | paired with | that | time ratio "
          "| memory ratio | goal | met |")
    print("|---|---|---|---|---|---|---|---|---|", flush=True)
    for n in sizes:
        g = generate(workdir, "kg", n)
        size = label(n)
        big = n >= 1000000
        focus = lambda name, depth, to="x.dot": [
            scograph, g, "--focus", name, "--depth", str(depth),
            "--max-nodes", "0", "-o", out(to)]
        row("leaf, depth 1 → DOT", size, "bare Jansson parse",
            focus("leaf", 1), [parse, g], workdir,
            goal=1.1 if big else None, mem_goal=0.4 if big else None)
        row("hub, depth 2 → DOT", size, "bare Jansson parse",
            focus("e0", 2), [parse, g], workdir, goal=2 if big else None)
        row("whole graph → DOT", size, "whole graph → JSON",
            [scograph, g, "--max-nodes", "0", "-o", out("x.dot")],
            [scograph, g, "--max-nodes", "0", "-o", out("x.json")], workdir,
            goal=1.3 if big else None)
        # RDF as text: as many triples of N-Triples, against serd's own
        # command parsing them (and writing them back, as it must)
        nt = generate(workdir, "nt", n, "nt")
        row("N-Triples, leaf, depth 1 → DOT", size, "serdi",
            [scograph, nt, "--focus", "http://example.org/kg/leaf",
             "--max-nodes", "0", "-o", out("x.dot")],
            ["serdi", "-i", "ntriples", "-o", "ntriples", nt], workdir,
            goal=1.5 if big else None)
        if n > nx_max:
            continue
        # GraphML as networkx writes it, read and drawn around the leaf
        # against networkx's read_graphml alone
        graphml = out("kg-%d.graphml" % n)
        subprocess.run([PYTHON, os.path.join(HERE, "graphml.py"), g,
                        graphml], check=True)
        row("GraphML, leaf, depth 1 → DOT", size, "networkx read_graphml",
            [scograph, graphml, "--focus", "leaf", "--max-nodes", "0",
             "-o", out("x.dot")],
            [PYTHON, "-c", "import sys, networkx; "
             "networkx.read_graphml(sys.argv[1])", graphml], workdir,
            goal=1 / 10 if n == 100000 else None)
        # gvpr's input: the same graph as a Graphviz user keeps it (not as
        # scograph draws it: a label, class and id on every edge made that
        # DOT 2.5 times as large and gvpr half as fast)
        dot = generate(workdir, "kg-dot", n, "dot")
        for name, depth, stated in (("leaf", 1, True), ("e0", 1, False),
                                     ("e0", 2, True)):
            case = "%s, depth %d → DOT" % ("leaf" if name == "leaf" else "hub",
                                           depth)
            at = stated and n == 100000
            row(case, size, "networkx", focus(name, depth),
                [PYTHON, os.path.join(HERE, "nx.py"), g, name, str(depth),
                 out("nx.dot")], workdir, goal=1 / 7 if at else None)
            row(case, size, "gvpr", focus(name, depth),
                ["gvpr", "-f", os.path.join(HERE, "focus.gvpr"), "-a",
                 "%s %d" % (name, depth), "-o", out("gvpr.dot"), dot],
                workdir, goal=1 / 2.5 if at else None)
        # the same lean DOT read by scograph (through cgraph, as gvpr
        # reads it): both sides parse the same text
        row("lean DOT, leaf, depth 1 → DOT", size, "gvpr",
            [scograph, dot, "--focus", "leaf", "--max-nodes", "0",
             "-o", out("x.dot")],
            ["gvpr", "-f", os.path.join(HERE, "focus.gvpr"), "-a", "leaf 1",
             "-o", out("gvpr.dot"), dot], workdir)
    # Linear: ten times the aliases of one entity, the entities of one name,
    # the relations between two entities, at most fifteen times the time.
    for kind, what in (("aliases", "aliases of one entity"),
                       ("names", "entities of one name"),
                       ("parallel", "relations between two entities")):
        n = 10000
        small, large = generate(workdir, kind, n), generate(workdir, kind,
                                                            10 * n)
        row("%s %s → --stats" % (label(10 * n), what), "", label(n) + " of them",
            [scograph, "--stats", "--max-nodes", "0", large],
            [scograph, "--stats", "--max-nodes", "0", small],
            workdir, goal=15)
    # The small drawings, against Graphviz drawing the very DOT scograph
    # gives it.
    kz = out("kazakhstan.dot")
    subprocess.run([scograph, "--focus", "Kazakhstan", "-o", kz], check=True)
    for fmt in ("svg", "png"):
        row("SCO, --focus Kazakhstan → %s" % fmt.upper(), "", "dot -T%s" % fmt,
            [scograph, "--focus", "Kazakhstan", "-o", out("x." + fmt)],
            ["dot", "-T" + fmt, kz, "-o", out("y." + fmt)], workdir, goal=1.2)
    print()
    print("load average at the end: %.2f %.2f %.2f" % os.getloadavg())


if __name__ == "__main__":
    main()
