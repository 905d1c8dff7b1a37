#!/usr/bin/python3
"""Graphs python-igraph (Debian's python3-igraph) writes: GraphML, with
igraph's own counts as it reads each file back (Graph.Read_GraphML), and
the JSON its users dump of to_dict_list, to_tuple_list and get_edgelist,
with igraph's counts of the graph dumped.

Writes each graph here, and counts.tsv: file, scograph's arguments, then
the entities and relations igraph counts.
Regenerate with /usr/bin/python3 make.py.
"""
import json
import os

import igraph as ig

here = os.path.dirname(os.path.abspath(__file__))
rows = []


def graphml(name, g, args="-", keep=None):
    """keep: the vertices (by name) of the selection args draws."""
    path = os.path.join(here, name)
    g.write_graphml(path)
    back = ig.Graph.Read_GraphML(path)
    if keep is not None:
        back = back.induced_subgraph(
            [v.index for v in back.vs if v["name"] in keep])
    rows.append((name, args, back.vcount(), back.ecount()))


# an undirected graph without names: igraph's vertices are numbered
karate = ig.Graph.Famous("Zachary")
graphml("zachary.graphml", karate)

# a directed graph with names, types and typed attributes, a loop-free
# multigraph's parallel edges, and a graph attribute
g = ig.Graph(directed=True)
g["name"] = "SCO members"
g.add_vertices(["kz", "sco", "in", "cn"])
g.vs["label"] = ["Kazakhstan", "Shanghai Cooperation Organisation", "India",
                 "China"]
g.vs["type"] = ["country", "organisation", "country", "country"]
g.vs["population"] = [19828165, None, 1428627663, 1409670000]
g.vs["landlocked"] = [True, False, False, False]
g.add_edges([("kz", "sco"), ("in", "sco"), ("cn", "sco"), ("kz", "cn"),
             ("kz", "cn")])
g.es["relation"] = ["member_of", "member_of", "member_of", "trades_with",
                    "borders"]
g.es["since"] = [2001, 2017, 2001, 1992, 1991]
graphml("members.graphml", g)
graphml("members.graphml", g, "--focus sco --direction in",
        {"sco", "kz", "in", "cn"})

# a tree of 40 vertices
tree = ig.Graph.Tree(40, 3)
graphml("tree.graphml", tree)

# ---- dumped to JSON, as a script keeps a graph


def write(name, data):
    with open(os.path.join(here, name), "w", encoding="utf-8") as f:
        json.dump(data, f, indent=1, ensure_ascii=False)
        f.write("\n")


def count(name, g, args="-"):
    rows.append((name, args, g.vcount(), g.ecount()))


# Zachary's karate club: vertices without attributes, edges by index
write("karate-dict-list.json", karate.to_dict_list())
count("karate-dict-list.json", karate)
write("karate-edgelist.json", karate.get_edgelist())
count("karate-edgelist.json", karate)
write("karate-tuple-list.json", karate.to_tuple_list())
count("karate-tuple-list.json", karate)

# a directed graph with names, labels, an isolated vertex and typed edges
s = ig.Graph(directed=True)
s.add_vertices(["kazakhstan", "sco", "bri", "russia", "mongolia"])
s.vs["label"] = ["Kazakhstan", "SCO", "Belt and Road", "Russia", "Mongolia"]
s.add_edges([("kazakhstan", "sco"), ("kazakhstan", "bri"),
             ("russia", "sco"), ("russia", "kazakhstan")])
s.es["type"] = ["member_of", "partner_of", "member_of", "borders"]
s.es["since"] = [2001, 2013, 2001, 1991]
write("sco-dict-list.json", s.to_dict_list())
count("sco-dict-list.json", s)
# by names, as an object: the form a script keeps beside its graph
vertices, edges = s.to_dict_list(use_vids=False)
write("sco-names.json", {"vertices": vertices, "edges": edges})
count("sco-names.json", s)
# the edges alone, with two attributes: the isolated vertex is not there
write("sco-tuple-list.json", s.to_tuple_list(edge_attrs=["type", "since"]))
count("sco-tuple-list.json", s.subgraph_edges(s.es))
# --focus: the neighbours igraph finds
sco = s.vs.find(name="sco").index
count("sco-dict-list.json", s.induced_subgraph(
    s.neighborhood(sco, mode="in") + [sco]), "--focus SCO --direction in")

with open(os.path.join(here, "counts.tsv"), "w", encoding="utf-8") as f:
    for row in rows:
        f.write("\t".join(str(x) for x in row) + "\n")
