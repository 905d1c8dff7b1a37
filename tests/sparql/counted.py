#!/usr/bin/env python3
"""counted.py [--further-unnamed] STORE.json FILE.json [STORE.dot FILE.dot]:
whether a drawing from a store past the page's budget (scograph -T json)
is the file's: the same entities and relations, in the same order, the
same summaries naming the same entities, except that the store's hold
only the entities it fetched (the rest it counted: each such summary says
how many, "unloaded"): the first it names and its tooltip lists (20 at
least) among them; and that at least one summary counted entities not
fetched (else the cut was not exercised). Given the two drawings' DOT
too, they must be the same bytes.
--further-unnamed: a summary "+N more" of entities further out than the
step past a cut (depth 3 or more past a cut at the first step) may name
other entities in its tooltip: the store does not fetch their names."""
import json
import re
import sys

args = sys.argv[1:]
further_unnamed = args[:1] == ["--further-unnamed"]
if further_unnamed:
    args = args[1:]
store, file = (json.load(open(p)) for p in args[0:2])
TOOLTIP_NAMES = 20
bad = []
for key in ("entities", "relations"):
    if store[key] != file[key]:
        bad.append("%s differ: %d and %d" % (key, len(store[key]),
                                             len(file[key])))
ss, fs = store.get("summaries", []), file.get("summaries", [])
if len(ss) != len(fs):
    bad.append("%d summaries, not %d" % (len(ss), len(fs)))
counted = False
for s, f in zip(ss, fs):
    fetched = s.pop("entities")
    unloaded = s.pop("unloaded", 0)
    counted = counted or unloaded > 0
    names = f.pop("entities")
    if s != f:
        bad.append("summary %s differs: %s, not %s" % (f["id"], s, f))
    if len(fetched) + unloaded != len(names) or not set(fetched) <= set(names):
        bad.append("summary %s: %d fetched and %d counted, not %d" % (
            f["id"], len(fetched), unloaded, len(names)))
    first = max(TOOLTIP_NAMES, f.get("named", 0))
    if fetched[:first] != names[:first] and not (
            further_unnamed and f.get("further")):
        bad.append("summary %s names %s, not %s" % (
            f["id"], fetched[:first], names[:first]))
if not counted:
    bad.append("no summary counted entities it did not fetch")


def unnamed(path):
    """The DOT, without the names in the tooltips of summaries further
    out when --further-unnamed (Graphviz's continued lines joined
    first)."""
    text = open(path, encoding="utf-8").read().replace("\\\n", "")
    if not further_unnamed:
        return text
    return re.sub(r'(tooltip="[^"\n]*?through the other summaries:)\\n'
                  r'[^"\n]*"', r'\1 NAMES"', text)


if len(args) > 3:
    sd, fd = unnamed(args[2]), unnamed(args[3])
    if sd != fd:
        s, f = sd.splitlines(), fd.splitlines()
        at = next((i for i, (a, b) in enumerate(zip(s, f)) if a != b),
                  min(len(s), len(f)))
        bad.append("DOT differs from line %d: %r, not %r" % (
            at + 1, s[at] if at < len(s) else "", f[at] if at < len(f)
            else ""))
if bad:
    print("\n".join(bad))
sys.exit(1 if bad else 0)
