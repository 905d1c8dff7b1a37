#!/usr/bin/python3
"""The contrast of every text of a Graphviz SVG with what is painted under it.

    contrast.py [--dark] [--min RATIO] FILE.svg...

For each text, its colour (its fill; black without one) against the last
filled shape of an entity, a group or the background painted before it
under its middle, as WCAG 2 measures contrast (1 to 21; 4.5 is its least
for text). --dark reads the drawing as a reader who prefers dark sees it:
through the rules of its own @media (prefers-color-scheme: dark) style.
Prints each drawing's least contrast and the text it is of; --min exits 1
when a text has less.
"""
import argparse
import re
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
NAMES = {"white": "#ffffff", "black": "#000000"}


def luminance(colour):
    colour = NAMES.get(colour, colour)
    y = 0
    for i, w in zip((1, 3, 5), (0.2126, 0.7152, 0.0722)):
        v = int(colour[i:i + 2], 16) / 255
        y += w * (v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4)
    return y


def ratio(a, b):
    ya, yb = sorted((luminance(a), luminance(b)))
    return (yb + 0.05) / (ya + 0.05)


def dark_rules(root):
    """{(attribute, value): value} of the SVG's dark style, and the colour
    of a text without fill ("text" key)."""
    rules = {}
    for style in root.iter(SVG + "style"):
        css = style.text or ""
        if "prefers-color-scheme: dark" not in css:
            continue
        for attr, was, now in re.findall(
                r'\[(fill|stroke)="([^"]+)"\]\{\1:([^}]+)\}', css):
            rules[(attr, was)] = now
        m = re.search(r"text:not\(\[fill\]\)\{fill:([^}]+)\}", css)
        if m:
            rules["text"] = m.group(1)
    return rules


def points(el):
    tag = el.tag[len(SVG):]
    if tag == "ellipse":
        cx, cy = float(el.get("cx")), float(el.get("cy"))
        rx, ry = float(el.get("rx")), float(el.get("ry"))
        return ("ellipse", cx, cy, rx, ry)
    text = el.get("points") if tag == "polygon" else el.get("d")
    nums = [float(n) for n in re.findall(r"-?[0-9.]+(?:e-?[0-9]+)?", text or "")]
    return ("polygon", list(zip(nums[0::2], nums[1::2])))


def inside(shape, x, y):
    if shape[0] == "ellipse":
        _, cx, cy, rx, ry = shape
        return rx > 0 and ry > 0 and ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1
    pts, hit = shape[1], False
    for (x1, y1), (x2, y2) in zip(pts, pts[1:] + pts[:1]):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            hit = not hit
    return hit


def walk(el, kind, out):
    """(element, the kind of group it is in) in painting order."""
    cls = (el.get("class") or "").split()
    kind = cls[0] if el.tag == SVG + "g" and cls else kind
    out.append((el, kind))
    for child in el:
        walk(child, kind, out)
    return out


def measure(path, dark):
    root = ET.parse(path).getroot()
    rules = dark_rules(root) if dark else {}

    def colour(el, attr, default=None):
        value = el.get(attr, default)
        if value is None:
            return rules.get("text", "black") if dark else "black"
        return rules.get((attr, value), value)

    under, texts = [], []
    for el, kind in walk(root, "graph", []):
        tag = el.tag[len(SVG):]
        if tag in ("polygon", "path", "ellipse") and kind != "edge" and \
                el.get("fill") not in (None, "none", "transparent"):
            under.append((points(el), colour(el, "fill")))
        elif tag == "text" and (el.text or "").strip():
            size = float(el.get("font-size", "14"))
            x, y = float(el.get("x")), float(el.get("y")) - size / 3
            width = 0.55 * size * len(el.text)
            x += {"start": width / 2, "end": -width / 2}.get(
                el.get("text-anchor"), 0)
            back = next((c for shape, c in reversed(under)
                         if inside(shape, x, y)), None)
            if back:
                texts.append((ratio(colour(el, "fill", None), back),
                              el.text.strip()))
    return min(texts) if texts else (21, "")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dark", action="store_true")
    ap.add_argument("--min", type=float)
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()
    failed = 0
    for path in a.files:
        least, text = measure(path, a.dark)
        print("%s: least contrast %.2f (%s)" % (path, least, text))
        if a.min is not None and least < a.min:
            print("  below %.1f" % a.min)
            failed = 1
    return failed


if __name__ == "__main__":
    sys.exit(main())
