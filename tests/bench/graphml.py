"""The generated graph as GraphML, written by networkx (write_graphml_xml),
as a networkx user keeps it: nodes with their name and type, edges with
their type. usage: graphml.py FILE.json OUT.graphml"""
import json
import sys

import networkx as nx

with open(sys.argv[1]) as f:
    doc = json.load(f)
g = nx.MultiDiGraph()
for e in doc["entities"]:
    g.add_node(e["id"], label=e.get("name", e["id"]), type=e.get("type", ""))
for r in doc["relations"]:
    g.add_edge(r["from"], r["to"], type=r["type"])
nx.write_graphml_xml(g, sys.argv[2])
