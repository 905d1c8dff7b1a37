#!/usr/bin/env python3
"""counted.py STORE.json FILE.json [STORE.dot FILE.dot]:
whether a drawing from a store past the page's budget (scograph -T json)
is the file's: the same entities and relations, in the same order, the
same summaries naming the same entities, except that the store's hold
only the entities it fetched (the rest it counted: each such summary says
how many, "unloaded"): the first it names and its tooltip lists (20 at
least) among them; and that at least one summary counted entities not
fetched (else the cut was not exercised). Given the two drawings' DOT
too, they must be the same bytes."""
import json
import sys

args = sys.argv[1:]
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
    if fetched[:first] != names[:first]:
        bad.append("summary %s names %s, not %s" % (
            f["id"], fetched[:first], names[:first]))
if not counted:
    bad.append("no summary counted entities it did not fetch")


def joined(path):
    """The DOT, Graphviz's continued lines joined."""
    return open(path, encoding="utf-8").read().replace("\\\n", "")


if len(args) > 3:
    sd, fd = joined(args[2]), joined(args[3])
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
