#!/usr/bin/python3
"""Graphs written by networkx itself, with networkx's own counts.

Writes each graph, as the JSON a networkx user gets, into nxMAJOR/ (the
JSON differs between networkx 2 and 3), with counts.tsv: file, scograph's
arguments, then the entities and relations networkx counts for that
selection (the whole graph, or an ego graph for a --focus).
Regenerate with Debian's python3-networkx (2.8) and with a networkx 3:
    /usr/bin/python3 make.py && python3 make.py
"""
import json
import os

import networkx as nx
from networkx.readwrite import json_graph

here = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                    "nx" + nx.__version__.split(".")[0])
os.makedirs(here, exist_ok=True)
rows = []


def write(name, data):
    with open(os.path.join(here, name), "w", encoding="utf-8") as f:
        json.dump(data, f, indent=1, ensure_ascii=False)
        f.write("\n")


def count(name, G, args="-", H=None):
    """args "-": none."""
    H = G if H is None else H
    rows.append((name, args, H.number_of_nodes(), H.number_of_edges()))


karate = nx.karate_club_graph()
write("karate.json", json_graph.node_link_data(karate))
count("karate.json", karate)
count("karate.json", karate, "--focus 33 --direction out",
      nx.ego_graph(karate, 33))
count("karate.json", karate, "--focus 33 --depth 2",
      nx.ego_graph(karate, 33, radius=2))

with open(os.path.join(here, "counts.tsv"), "w", encoding="utf-8") as f:
    for row in rows:
        f.write("\t".join(str(x) for x in row) + "\n")
