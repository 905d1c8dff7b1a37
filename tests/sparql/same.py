#!/usr/bin/env python3
"""same.py A.json B.json: whether two drawings' views (scograph -T json)
hold the same entities (id, name, type), relations and summaries, whatever
their order and the attributes beside them; the differences, when not."""
import json
import sys


def view(path):
    d = json.load(open(path))
    ents = sorted((e["id"], e.get("name", ""), e.get("type", ""))
                  for e in d["entities"])
    rels = sorted(json.dumps({k: v for k, v in r.items()
                              if k in ("from", "to", "type", "label")},
                             sort_keys=True) for r in d["relations"])
    sums = sorted(json.dumps(dict(s, entities=sorted(s.get("entities", []))),
                             sort_keys=True) for s in d.get("summaries", []))
    return {"entities": ents, "relations": rels, "summaries": sums}


a, b = view(sys.argv[1]), view(sys.argv[2])
bad = 0
for k in a:
    if a[k] != b[k]:
        bad = 1
        only_a = [str(x)[:200] for x in a[k] if x not in b[k]][:3]
        only_b = [str(x)[:200] for x in b[k] if x not in a[k]][:3]
        print("%s differ: %d and %d; only in %s: %s; only in %s: %s" % (
            k, len(a[k]), len(b[k]), sys.argv[1], only_a, sys.argv[2],
            only_b))
sys.exit(bad)
