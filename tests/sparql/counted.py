#!/usr/bin/env python3
"""counted.py STORE.json FILE.json [STORE.dot FILE.dot]: whether a drawing
from a store past the page's budget (scograph -T json) is the file's: the
same entities and relations, in the same order, and the same summaries,
except that the store's name only the entities it fetched (the rest it
counted: each such summary says how many, "unloaded"), and that at least
one summary counted entities not fetched (else the cut was not
exercised). Given the two drawings' DOT too, they must be the same bytes
but for the names a summary's tooltip lists."""
import json
import re
import sys

store, file = (json.load(open(p)) for p in sys.argv[1:3])
bad = []
for key in ("entities", "relations"):
    if store[key] != file[key]:
        bad.append("%s differ: %d and %d" % (key, len(store[key]),
                                             len(file[key])))
ss, fs = store.get("summaries", []), file.get("summaries", [])
if len(ss) != len(fs):
    bad.append("%d summaries, not %d" % (len(ss), len(fs)))
for s, f in zip(ss, fs):
    fetched = s.pop("entities")
    unloaded = s.pop("unloaded", 0)
    names = f.pop("entities")
    s.pop("named", None)
    f.pop("named", None)
    if s != f:
        bad.append("summary %s differs: %s, not %s" % (f["id"], s, f))
    if len(fetched) + unloaded != len(names) or not set(fetched) <= set(names):
        bad.append("summary %s: %d fetched and %d counted, not %d" % (
            f["id"], len(fetched), unloaded, len(names)))
if not any(s.get("unloaded") for s in
           json.load(open(sys.argv[1])).get("summaries", [])):
    bad.append("no summary counted entities it did not fetch")


def unnamed(path):
    """The DOT without the names in summaries' tooltips (Graphviz's
    continued lines joined first)."""
    text = open(path, encoding="utf-8").read().replace("\\\n", "")
    return re.sub(r'(tooltip="[^"\n]*?(?:related to|more)[^"\n]*?:)\\n'
                  r'[^"\n]*"', r'\1 NAMES"', text)


if len(sys.argv) > 4:
    sd, fd = unnamed(sys.argv[3]), unnamed(sys.argv[4])
    if sd != fd:
        s, f = sd.splitlines(), fd.splitlines()
        at = next((i for i, (a, b) in enumerate(zip(s, f)) if a != b),
                  min(len(s), len(f)))
        bad.append("DOT differs from line %d (names aside): %r, not %r" % (
            at + 1, s[at] if at < len(s) else "", f[at] if at < len(f)
            else ""))
if bad:
    print("\n".join(bad))
sys.exit(1 if bad else 0)
