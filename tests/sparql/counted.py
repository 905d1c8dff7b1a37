#!/usr/bin/env python3
"""counted.py STORE.json FILE.json: whether a drawing from a store past the
page's budget (scograph -T json) is the file's: the same entities and
relations, in the same order, and the same summaries, except that the
store's name only the entities it fetched (the rest it counted: each such
summary says how many, "unloaded"), and that at least one summary counted
entities not fetched (else the cut was not exercised)."""
import json
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
if bad:
    print("\n".join(bad))
sys.exit(1 if bad else 0)
