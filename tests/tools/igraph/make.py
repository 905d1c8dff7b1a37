#!/usr/bin/python3
"""GraphML written by python-igraph (Debian's python3-igraph), with igraph's
own counts as it reads each file back (Graph.Read_GraphML).

Writes each graph here, and counts.tsv: file, scograph's arguments, then
the entities and relations igraph counts.
Regenerate with /usr/bin/python3 make.py.
"""
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

with open(os.path.join(here, "counts.tsv"), "w", encoding="utf-8") as f:
    for row in rows:
        f.write("\t".join(str(x) for x in row) + "\n")
