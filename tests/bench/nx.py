"""What a networkx user would run instead of scograph: load the JSON, build a
MultiDiGraph, take the neighbourhood and write it as DOT (through pygraphviz).
usage: nx.py FILE.json FOCUS DEPTH OUT.dot"""
import json
import sys

import networkx as nx
from networkx.drawing.nx_agraph import write_dot

path, focus, depth, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
with open(path) as f:
    doc = json.load(f)
g = nx.MultiDiGraph()
for e in doc["entities"]:
    g.add_node(e["id"], label=e.get("name", e["id"]), type=e.get("type", ""))
for r in doc["relations"]:
    g.add_edge(r["from"], r["to"], key=r["type"], label=r["type"])
write_dot(nx.ego_graph(g, focus, radius=depth, undirected=True), out)
