#!/usr/bin/python3
"""How far a picture moves when its graph changes by one edit.

    layoutmove.py [--edits N] [--graphs sco,gen60,gen200] [--rows]
                  SCOGRAPH WORKDIR

For each graph (the SCO graph drawn as the README's report figure, and
graphs of 60 and 200 entities from tests/genkg.py), N single edits chosen
the same way every run (adding, removing and renaming an entity; adding
and removing a relation, in turn), each drawn fresh and, when SCOGRAPH has
--keep-layout, kept (laid out from the drawing of the graph before the
edit). Per edit: the share of the boxes both drawings show that moved
more than 0.3 inch (8 mm) in the picture as a reader sees it (the
positions in the SVG, at the size it is printed, from its top left
corner; and again with the pictures laid over each other by the median
shift of their boxes), the relations' crossings, the time of the run, and whether the
drawing keeps the page rule (entity text >= 7 pt, relation text >= 6 pt,
no overlapping texts; tests/svgmeasure.py), as drawn and on A4 (the
generated graphs are drawn whole, so again as scograph draws them on A4,
folded to the page); and how often a kept drawing keeps the rule where
a fresh one does. Prints one table: medians and the worst edit per
graph.
"""
import argparse
import copy
import json
import os
import random
import re
import statistics
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import genkg  # noqa: E402
import svgmeasure  # noqa: E402

SVG = "{http://www.w3.org/2000/svg}"
MOVED = 0.3  # inches
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# graph: (how it is made, scograph's options, the page its rule is
# checked at, and the options of a drawing on A4 as scograph draws it
# there, folded to the page, when the graph is not drawn so)
GRAPHS = {
    "sco": ("graphs/sco.json", ["--cluster", "type", "--legend",
                                "--caption"], "a4", None),
    # drawn whole: past --max-nodes, an added entity would fold others;
    # whole on A4, its text is 6 pt, fresh or kept
    "gen60": (60, ["--max-nodes", "100"], "a4", ["--page", "a4"]),
    # on a page, 200 entities would be folded into summaries
    "gen200": (200, ["--max-nodes", "300", "--page", "none"], "none",
               ["--page", "a4"]),
}
LIMITS = [("entity", 7.0), ("relation", 6.0), ("overlaps", 0)]


def numbers(s):
    return [float(x) for x in re.findall(r"-?[0-9]+(?:\.[0-9]+)?", s)]


def picture(path):
    """The centres of the entities' boxes (by SVG id) in inches from the
    picture's top left corner, and the relations' lines as points."""
    root = ET.parse(path).getroot()
    width = svgmeasure.number(root.get("width"))
    vb = [float(x) for x in root.get("viewBox").split()]
    graph = root.find(SVG + "g")
    transform = graph.get("transform") or ""
    sx, sy = svgmeasure.scale_of(transform)
    m = re.search(r"translate\(([-0-9.e]+)[ ,]+([-0-9.e]+)\)", transform)
    tx, ty = (float(m.group(1)), float(m.group(2))) if m else (0, 0)
    unit = width / vb[2]

    def at(x, y):
        return ((x + tx) * sx * unit / 72, (y + ty) * sy * unit / 72)

    boxes, lines = {}, []
    for g in graph.iter(SVG + "g"):
        cls = (g.get("class") or "").split()
        gid = g.get("id") or ""
        if "node" in cls and gid.startswith("e."):
            shape = next((c for c in g.iter() if c.tag in (
                SVG + "path", SVG + "polygon", SVG + "ellipse")), None)
            if shape is None:
                continue
            if shape.tag == SVG + "ellipse":
                cx, cy = float(shape.get("cx")), float(shape.get("cy"))
            else:
                v = numbers(shape.get("d") or shape.get("points"))
                xs, ys = v[0::2], v[1::2]
                cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
            boxes[gid] = at(cx, cy)
        elif "edge" in cls and gid.startswith("r."):
            path = next((c for c in g.iter(SVG + "path")), None)
            title = g.find(SVG + "title")
            if path is None or title is None:
                continue
            ends = title.text.replace("->", "\t").replace("--", "\t")
            lines.append((ends.split("\t"), bezier(numbers(path.get("d")))))
    return boxes, lines


def bezier(v):
    """A path "M p C p p p p p p ..." as points, 4 to each piece (as
    src/crossings.c follows them)."""
    p = list(zip(v[0::2], v[1::2]))
    out = p[:1]
    for i in range(0, len(p) - 3, 3):
        a, b, c, d = p[i:i + 4]
        for k in range(1, 5):
            t = k / 4
            u = 1 - t
            out.append(tuple(u * u * u * a[j] + 3 * u * u * t * b[j] +
                             3 * u * t * t * c[j] + t * t * t * d[j]
                             for j in (0, 1)))
    return out


def side(a, b, c):
    return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])


def crossings(lines):
    """Pairs of relations that cross, those that share an end not counted
    (they meet there)."""
    n = 0
    for i, (ea, pa) in enumerate(lines):
        for eb, pb in lines[i + 1:]:
            if set(ea) & set(eb):
                continue
            n += any(side(a, b, c) * side(a, b, d) < 0 and
                     side(c, d, a) * side(c, d, b) < 0
                     for a, b in zip(pa, pa[1:])
                     for c, d in zip(pb, pb[1:]))
    return n


def moved(before, after, aligned=False):
    """The share of the boxes both pictures show that moved more than
    MOVED inches, and how many they share; aligned: after the pictures
    are laid over each other by the boxes' median shift (a picture whose
    edge moved, everything in it kept)."""
    shared = [k for k in before if k in after]
    dx = dy = 0.0
    if aligned and shared:
        dx = statistics.median(after[k][0] - before[k][0] for k in shared)
        dy = statistics.median(after[k][1] - before[k][1] for k in shared)
    far = sum(1 for k in shared
              if ((before[k][0] + dx - after[k][0]) ** 2 +
                  (before[k][1] + dy - after[k][1]) ** 2) ** 0.5 > MOVED)
    return (far / len(shared) if shared else 0.0), len(shared)


def edits(graph, n, seed):
    """n edits of graph (scograph's JSON), each (what, the graph after)."""
    rnd = random.Random(seed)
    kinds = ("add entity", "remove entity", "rename entity",
             "add relation", "remove relation")
    for i in range(n):
        kind = kinds[i % len(kinds)]
        g = copy.deepcopy(graph)
        ents, rels = g["entities"], g["relations"]
        if kind == "add entity":
            other = rnd.choice(ents)
            new = {"id": "added-%d" % i, "name": "Added entity %d" % i,
                   "type": other.get("type", "thing")}
            ents.insert(rnd.randrange(len(ents) + 1), new)
            rels.append({"from": new["id"], "to": other["id"],
                         "type": "related_to"})
            what = "add %s beside %s" % (new["id"], other["id"])
        elif kind == "remove entity":
            gone = ents.pop(rnd.randrange(len(ents)))["id"]
            g["relations"] = [r for r in rels
                              if gone not in (r["from"], r["to"])]
            what = "remove %s" % gone
        elif kind == "rename entity":
            e = rnd.choice(ents)
            e["name"] = e.get("name", e["id"]) + " (renamed)"
            what = "rename %s" % e["id"]
        elif kind == "add relation":
            a, b = rnd.sample(ents, 2)
            rels.append({"from": a["id"], "to": b["id"],
                         "type": "related_to"})
            what = "relate %s to %s" % (a["id"], b["id"])
        else:
            r = rels.pop(rnd.randrange(len(rels)))
            what = "unrelate %s from %s" % (r["from"], r["to"])
        yield what, g


def draw(scograph, graph, options, svg, keep=None):
    """Draws graph to svg; the seconds it took."""
    cmd = [scograph, graph, "-o", svg] + options
    if keep:
        cmd += ["--keep-layout", keep]
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def page_ok(svg, page):
    m = svgmeasure.measure(svg, svgmeasure.PAGES[page])
    return not svgmeasure.failures(m, LIMITS)


def has_keep(scograph):
    out = subprocess.run([scograph, "--help"], capture_output=True,
                         text=True).stdout
    return "--keep-layout" in out


def run_graph(name, args, keep):
    source, options, page, on_a4 = GRAPHS[name]
    if isinstance(source, int):
        graph = genkg.generate(source)
    else:
        with open(os.path.join(ROOT, source)) as f:
            graph = json.load(f)
    work = os.path.join(args.workdir, name)
    os.makedirs(work, exist_ok=True)
    base_json, base_svg = (os.path.join(work, "base." + x)
                           for x in ("json", "svg"))
    with open(base_json, "w") as f:
        json.dump(graph, f)
    draw(args.scograph, base_json, options, base_svg)
    before, _ = picture(base_svg)
    base_a4 = os.path.join(work, "base-a4.svg")
    if on_a4:
        draw(args.scograph, base_json, on_a4, base_a4)
    rows = []
    for i, (what, g) in enumerate(edits(graph, args.edits, 23)):
        new_json = os.path.join(work, "edit%d.json" % i)
        with open(new_json, "w") as f:
            json.dump(g, f)
        row = {"edit": what}
        for how in ("fresh", "kept") if keep else ("fresh",):
            svg = os.path.join(work, "edit%d-%s.svg" % (i, how))
            row[how + " s"] = draw(args.scograph, new_json, options, svg,
                                   base_svg if how == "kept" else None)
            after, lines = picture(svg)
            row[how + " moved"], row["shared"] = moved(before, after)
            row[how + " aligned"] = moved(before, after, True)[0]
            row[how + " crossings"] = crossings(lines)
            row[how + " page"] = page_ok(svg, page)
            # the page rule as the issue means it: the drawing on the
            # page, as scograph draws it there
            if on_a4:
                svg = os.path.join(work, "edit%d-%s-a4.svg" % (i, how))
                draw(args.scograph, new_json, on_a4, svg,
                     base_a4 if how == "kept" else None)
                row[how + " a4"] = page_ok(svg, "a4")
        rows.append(row)
        if args.rows:
            print(name, json.dumps(row), flush=True)
    return rows


def summary(name, rows, keep):
    def med(key):
        return statistics.median(r[key] for r in rows)

    out = ["%-7s %2d edits, %2.0f shared boxes" % (
        name, len(rows), med("shared"))]
    for how in ("fresh", "kept") if keep else ("fresh",):
        moves = [r[how + " moved"] for r in rows]
        aligned = [r[how + " aligned"] for r in rows]
        a4 = ""
        if how + " a4" in rows[0]:
            a4 = ", on A4 folded %d/%d" % (sum(r[how + " a4"] for r in rows),
                                           len(rows))
        out.append("  %-5s moved >0.3in: median %3.0f%%, worst %3.0f%% "
                   "(aligned %3.0f%%, %3.0f%%); crossings median %4.1f; "
                   "%5.2f s; page rule %d/%d%s" % (
                       how, 100 * statistics.median(moves),
                       100 * max(moves), 100 * statistics.median(aligned),
                       100 * max(aligned), med(how + " crossings"),
                       med(how + " s"),
                       sum(r[how + " page"] for r in rows), len(rows), a4))
    if keep:
        cross = [(r["kept crossings"] + 1) / (r["fresh crossings"] + 1)
                 for r in rows]
        times = [r["kept s"] / r["fresh s"] for r in rows]
        # the page rule of today must still hold: kept, wherever fresh
        held = [r["kept" + k] for r in rows for k in (" page", " a4")
                if r.get("fresh" + k)]
        out.append("  kept/fresh: crossings (+1) median %.2fx, worst "
                   "%.2fx; time median %.2fx, worst %.2fx; page rule "
                   "kept where fresh holds %d/%d" % (
                       statistics.median(cross), max(cross),
                       statistics.median(times), max(times),
                       sum(held), len(held)))
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--edits", type=int, default=20)
    ap.add_argument("--graphs", default=",".join(GRAPHS))
    ap.add_argument("--rows", action="store_true",
                    help="print each edit's figures too")
    ap.add_argument("scograph")
    ap.add_argument("workdir")
    args = ap.parse_args()
    keep = has_keep(args.scograph)
    for name in args.graphs.split(","):
        print(summary(name, run_graph(name, args, keep), keep), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
