#!/usr/bin/python3
"""What a reader sees of a Graphviz SVG printed on a page.

    svgmeasure.py [--page a4|letter|slide|none] [--json]
                  [--check entity=7,relation=6,legend=relation,overlaps=0]
                  FILE.svg...

For each drawing: its size in points, the scale that fits it into the
page's text area (never above 1: a small drawing is printed at 100%), the
smallest entity (node), relation (edge), legend and other text (title,
caption, groups) in points after that scale, and the pairs of texts of
different objects whose boxes overlap. Text widths come from the fonts' own advance
widths (fontTools, with the file fontconfig picks for the family), since
Graphviz's SVG does not say how wide a text is. --check exits 1 naming
every limit a drawing misses; a limit is a size in points or another kind
of text (legend=relation: the legend no smaller than the relations' words).
"""
import argparse
import functools
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

from fontTools.ttLib import TTFont

# A page's text area in points: A4 with 2.5 cm margins (16 x 24.7 cm),
# US letter with 1 inch margins, a 16:9 slide of 10 inches.
PAGES = {"a4": (453, 700), "letter": (468, 648), "slide": (720, 405),
         "none": None}
SVG = "{http://www.w3.org/2000/svg}"
# Boxes closer than this (points, at full size) are not called overlapping:
# Graphviz places labels edge to edge.
SLACK = 0.5


@functools.lru_cache(maxsize=None)
def font(family, weight, style):
    pattern = "%s:weight=%s:slant=%s" % (
        family or "DejaVu Sans", 200 if weight == "bold" else 80,
        110 if style == "italic" else 0)
    path = subprocess.run(["fc-match", "-f", "%{file}", pattern],
                          capture_output=True, text=True,
                          check=True).stdout
    f = TTFont(path, lazy=True)
    return (f.getBestCmap(), f["hmtx"].metrics, f["head"].unitsPerEm)


def text_width(text, size, family, weight, style):
    cmap, metrics, em = font(family, weight, style)
    notdef = metrics.get(".notdef", (em // 2, 0))[0]
    width = sum(metrics[cmap[ord(c)]][0] if ord(c) in cmap else notdef
                for c in text)
    return width * size / em


def number(s):
    return float(re.match(r"[-+0-9.eE]+", s).group(0))


def scale_of(transform):
    m = re.search(r"scale\(([-0-9.e]+)(?:[ ,]+([-0-9.e]+))?\)",
                  transform or "")
    if not m:
        return 1.0, 1.0
    return float(m.group(1)), float(m.group(2) or m.group(1))


KINDS = ("entity", "relation", "legend", "other")


def kind_of(group):
    """entity, relation, legend or other: the SVG class Graphviz gives the
    group, except the legend's nodes and box, which are named legend:...
    and cluster_legend, and the nodes of relations' words (words:...)"""
    cls = (group.get("class") or "").split()
    title = group.find(SVG + "title")
    name = title.text if title is not None and title.text else ""
    if name.startswith("legend") or name.startswith("cluster_legend"):
        return "legend"
    if name.startswith("words:"):  # a relation's words as a node
        return "relation"
    if "node" in cls:
        return "entity"
    if "edge" in cls:
        return "relation"
    return "other"


def measure(path, page):
    root = ET.parse(path).getroot()
    width, height = number(root.get("width")), number(root.get("height"))
    vb = [float(x) for x in root.get("viewBox").split()]
    # user units to points at full size, through the viewBox and the
    # graph's own scale
    graph = root.find(SVG + "g")
    sx, sy = scale_of(graph.get("transform"))
    unit = (width / vb[2]) * sx
    fit = 1.0
    if page:
        fit = min(1.0, page[0] / width, page[1] / height)
    texts = []

    def walk(node, owner, kind):
        for child in node:
            if child.tag == SVG + "g" and (child.get("class") or "") \
                    not in ("", "graph"):
                walk(child, child.get("id"), kind_of(child))
            elif child.tag == SVG + "text":
                size = float(child.get("font-size", "14")) * unit
                content = "".join(child.itertext())
                w = text_width(content, size / unit,
                               child.get("font-family"),
                               child.get("font-weight"),
                               child.get("font-style")) * unit
                x = float(child.get("x")) * unit
                y = float(child.get("y")) * unit
                anchor = child.get("text-anchor", "start")
                x0 = x - (w / 2 if anchor == "middle" else
                          w if anchor == "end" else 0)
                texts.append({"text": content, "kind": kind,
                              "owner": owner, "pt": size * fit,
                              "box": (x0, y - 0.76 * size, x0 + w,
                                      y + 0.24 * size)})
            else:
                walk(child, owner, kind)

    walk(graph, "graph", "other")
    overlaps = []
    boxes = sorted(texts, key=lambda t: t["box"][0])
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            if b["box"][0] >= a["box"][2] - SLACK:
                break
            if a["owner"] != b["owner"] and \
                    min(a["box"][3], b["box"][3]) - \
                    max(a["box"][1], b["box"][1]) > SLACK:
                overlaps.append((a["text"], b["text"]))
    smallest = {}
    for t in texts:
        k = t["kind"]
        smallest[k] = round(min(smallest.get(k, t["pt"]), t["pt"]), 2)
    return {"file": path, "width": width, "height": height,
            "scale": round(fit, 3), "entity": smallest.get("entity"),
            "relation": smallest.get("relation"),
            "legend": smallest.get("legend"),
            "other": smallest.get("other"), "texts": len(texts),
            "overlaps": overlaps}


def failures(m, limits):
    """What m misses of limits, (key, limit) pairs: a limit is a number, or
    the name of another kind of text as large as which key must be."""
    why = []
    for key, limit in limits:
        if key == "overlaps":
            if len(m["overlaps"]) > limit:
                why.append("%d overlapping texts (at most %g): %s" % (
                    len(m["overlaps"]), limit,
                    "; ".join("'%s' / '%s'" % o for o in m["overlaps"][:3])))
        elif isinstance(limit, str):
            if m.get(key) is not None and m.get(limit) is not None and \
                    m[key] < m[limit]:
                why.append("%s text %.1f pt (at least the %s text's %.1f)" %
                           (key, m[key], limit, m[limit]))
        elif m.get(key) is not None and m[key] < limit:
            why.append("%s text %.1f pt (at least %g)" % (key, m[key], limit))
    return why


def parse_limits(spec, error):
    """The limits of --check's spec, "key=value,...", as failures takes
    them; error(message) for a wrong one."""
    limits = []
    for item in filter(None, spec.split(",")):
        key, _, value = item.partition("=")
        if key not in KINDS + ("overlaps",):
            error("unknown limit '%s'" % key)
        if value in KINDS and key in KINDS:
            limits.append((key, value))
            continue
        try:
            limits.append((key, float(value)))
        except ValueError:
            error("limit '%s': a number or one of %s" % (item,
                                                         ", ".join(KINDS)))
    return limits


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--page", choices=PAGES, default="a4")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--check", default="",
                    help="limits: entity=PT,relation=PT,legend=PT,other=PT,"
                    "legend=relation,overlaps=N")
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    limits = parse_limits(args.check, ap.error)
    failed = False
    for path in args.files:
        m = measure(path, PAGES[args.page])
        if args.json:
            print(json.dumps(m))
        else:
            print("%s: %.0f x %.0f pt, scale %.2f, entity text %s pt, "
                  "relation text %s pt, legend text %s pt, other text %s "
                  "pt, %d overlaps" % (
                      path, m["width"], m["height"], m["scale"],
                      *("-" if m[k] is None else m[k] for k in KINDS),
                      len(m["overlaps"])))
        for why in failures(m, limits):
            print("%s: %s" % (path, why), file=sys.stderr)
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
