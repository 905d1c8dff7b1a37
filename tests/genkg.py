#!/usr/bin/python3
"""A knowledge graph of N entities in scograph's JSON, the same for the
same N and seed: typed entities (organisations, countries, people,
projects, places), each joined to one or two earlier ones, as graphs kept
by hand grow (a few hubs, mostly trees, some cycles).

    genkg.py N [SEED] > graph.json
"""
import json
import random
import sys

TYPES = ("organization", "country", "person", "project", "place")
RELATIONS = {("person", "organization"): "works_for",
             ("organization", "country"): "based_in",
             ("project", "organization"): "run_by",
             ("person", "project"): "leads",
             ("place", "country"): "located_in"}


def generate(n, seed=1):
    rnd = random.Random(seed)
    entities, relations = [], []
    for i in range(n):
        kind = TYPES[rnd.randrange(len(TYPES))] if i else "organization"
        entities.append({"id": "%s-%d" % (kind[:3], i),
                         "name": "%s %d" % (kind.capitalize(), i),
                         "type": kind})
        if not i:
            continue
        # earlier entities, the well joined more often (a few hubs)
        joined = set()
        for _ in range(1 if rnd.random() < 0.8 else 2):
            j = min(rnd.randrange(i), rnd.randrange(i))
            if j in joined:
                continue
            joined.add(j)
            other = entities[j]
            rel = RELATIONS.get((kind, other["type"]), "related_to")
            relations.append({"from": entities[i]["id"],
                              "to": other["id"], "type": rel})
    return {"entities": entities, "relations": relations}


if __name__ == "__main__":
    n = int(sys.argv[1])
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    json.dump(generate(n, seed), sys.stdout, indent=1)
    sys.stdout.write("\n")
