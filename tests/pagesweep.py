#!/usr/bin/python3
"""What readers get on A4 from the graphs users bring: a sweep.

    pagesweep.py [--scograph ./scograph] [--sizes 650,6500,30000]
                 [--foci 0-30] [--depths 1,2] [--options "--legend ..."]
                 [--check] [--list]

Draws tests/bench/gen.py's generated graph of each size (relations) around
each focus eN at each depth, by default (for an A4 page), and measures
every SVG with svgmeasure: the smallest entity, relation, legend and other
text (title, caption, groups' names) after fitting to A4's text area, and
overlapping texts. --options adds scograph options to every drawing (the
report figure's: "--cluster type --legend --caption"). Prints how many drawings
reach 6 and 7 pt entity text, 6 pt relation text and no overlap, and the
worst ones with the command that draws them. The hub e0 alone is what
tests/cli.sh measures; a user's focus is any entity, with a neighbourhood
of any shape.

--check exits 1 naming every drawing that folded its selection into
summaries (more entities than --max-nodes) and still misses 6 pt entity
text or has texts overlapping: what issue 11 asks of a folded hub; and
every drawing whose legend is smaller than its relations' words, or whose
legend, title, caption or groups' names fall below 6 pt where its entity
and relation text keep the page's rule (7 and 6 pt): what issue 20 asks.
--list prints one line a drawing.
"""
import argparse
import os
import re
import shlex
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import svgmeasure  # noqa: E402

GEN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "bench",
                   "gen.py")
FOLDED = re.compile(r"note: (\d+) entities, [^:]*: "
                    r"(\d+) drawn, \d+ folded into (\d+) summar")


def numbers(spec):
    out = []
    for part in spec.split(","):
        a, _, b = part.partition("-")
        out += range(int(a), int(b or a) + 1)
    return out


def draw(scograph, graph, focus, depth, svg, options):
    cmd = [scograph, graph, "--focus", focus, "--depth", str(depth),
           "-o", svg] + options
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode:
        return None
    m = FOLDED.search(p.stderr)
    return {"folded": bool(m), "selected": int(m.group(1)) if m else None,
            "drawn": int(m.group(2)) if m else None,
            "summaries": int(m.group(3)) if m else None}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--scograph", default="./scograph")
    ap.add_argument("--sizes", default="650,6500,30000")
    ap.add_argument("--foci", default="0-30")
    ap.add_argument("--depths", default="1,2")
    ap.add_argument("--options", default="")
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--list", action="store_true")
    args = ap.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        svg = os.path.join(tmp, "d.svg")
        for size in numbers(args.sizes):
            graph = os.path.join(tmp, "kg%d.json" % size)
            with open(graph, "w") as out:
                subprocess.run([sys.executable, GEN, "kg", str(size)],
                               stdout=out, check=True)
            for depth in numbers(args.depths):
                for i in numbers(args.foci):
                    what = "gen.py kg %d: --focus e%d --depth %d" % (
                        size, i, depth)
                    d = draw(args.scograph, graph, "e%d" % i, depth, svg,
                             shlex.split(args.options))
                    if d is None:
                        print("%s: scograph failed" % what, file=sys.stderr)
                        return 1
                    d.update(svgmeasure.measure(svg, svgmeasure.PAGES["a4"]))
                    d["what"] = what
                    d["nover"] = len(d["overlaps"])
                    rows.append(d)
                    if args.list:
                        print("%s: %s%.0f x %.0f pt, entity %s pt, relation "
                              "%s pt, %d overlaps" % (
                                  what, "%d drawn + %d summaries, " % (
                                      d["drawn"], d["summaries"])
                                  if d["folded"] else "",
                                  d["width"], d["height"], d["entity"],
                                  d["relation"], d["nover"]))
    for name, subset in (("all", rows),
                         ("folded", [r for r in rows if r["folded"]])):
        n = len(subset)

        def count(test):
            return sum(1 for r in subset if test(r))
        print("%s: %d drawings; entity >= 6 pt: %d, >= 7 pt: %d; relation "
              ">= 6 pt: %d; no overlap: %d; entity >= 6 and no overlap: %d"
              % (name, n, count(lambda r: (r["entity"] or 99) >= 6),
                 count(lambda r: (r["entity"] or 99) >= 7),
                 count(lambda r: (r["relation"] or 99) >= 6),
                 count(lambda r: not r["nover"]),
                 count(lambda r: (r["entity"] or 99) >= 6
                       and not r["nover"])))
        print("%s: legend >= 6 pt: %d, >= relation: %d; other >= 6 pt: %d"
              % (name, count(lambda r: (r["legend"] or 99) >= 6),
                 count(lambda r: (r["legend"] or 99) >=
                       (r["relation"] or 0)),
                 count(lambda r: (r["other"] or 99) >= 6)))
    worst = sorted(rows, key=lambda r: (r["entity"] or 99, -r["nover"]))
    print("smallest entity text:")
    for r in worst[:5]:
        print("  %s: %s pt, %d overlaps" % (r["what"], r["entity"],
                                            r["nover"]))
    bad = [r for r in rows if r["folded"] and
           ((r["entity"] or 99) < 6 or r["nover"])]
    for r in bad:
        print("%s: folded, entity text %s pt, %d overlapping texts%s" % (
            r["what"], r["entity"], r["nover"],
            ": '%s' / '%s'" % r["overlaps"][0] if r["nover"] else ""),
            file=sys.stderr if args.check else sys.stdout)
    small = [r for r in rows if (r["legend"] or 99) < (r["relation"] or 0)
             or ((r["entity"] or 99) >= 7 and (r["relation"] or 99) >= 6
                 and min(r["legend"] or 99, r["other"] or 99) < 6)]
    for r in small:
        print("%s: legend text %s pt, other text %s pt, relation text %s pt"
              % (r["what"], r["legend"], r["other"], r["relation"]),
              file=sys.stderr if args.check else sys.stdout)
    return 1 if args.check and (bad or small) else 0


if __name__ == "__main__":
    sys.exit(main())
