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


def node_link(G, **keys):
    return json_graph.node_link_data(G, **keys)


# an undirected graph, and the neighbourhoods scograph's --focus draws
karate = nx.karate_club_graph()
write("karate.json", node_link(karate))
count("karate.json", karate)
count("karate.json", karate, "--focus 33 --direction out",
      nx.ego_graph(karate, 33))
count("karate.json", karate, "--focus 33 --depth 2",
      nx.ego_graph(karate, 33, radius=2))
write("karate-adjacency.json", json_graph.adjacency_data(karate))
count("karate-adjacency.json", karate)
count("karate-adjacency.json", karate, "--focus 0",
      nx.ego_graph(karate, 0))

# untyped, weighted relations
miserables = nx.les_miserables_graph()
write("miserables.json", node_link(miserables))
count("miserables.json", miserables)
count("miserables.json", miserables, "--focus Valjean",
      nx.ego_graph(miserables, "Valjean"))

# D3 version 3's shape (its miserables.json): nodes without ids, links by
# their place in the list; networkx wrote it up to 1.x
names = list(miserables.nodes)
write("miserables-d3v3.json", {
    "nodes": [{"name": n} for n in names],
    "links": [{"source": names.index(u), "target": names.index(v),
               "value": d["weight"]}
              for u, v, d in miserables.edges(data=True)]})
d3 = nx.DiGraph(nx.relabel_nodes(miserables, {n: i for i, n in
                                              enumerate(names)}))
d3.remove_edges_from([(v, u) for u, v in list(d3.edges) if u < v])
count("miserables-d3v3.json", d3)

# a directed graph with networkx's custom keys
digraph = nx.DiGraph([("kazakhstan", "sco"), ("kazakhstan", "bri"),
                      ("bri", "sco")])
write("custom-keys.json", node_link(digraph, source="from", target="to"))
count("custom-keys.json", digraph)
count("custom-keys.json", digraph, "--focus sco --direction in",
      digraph.subgraph(["sco", "kazakhstan", "bri"]))
write("digraph-adjacency.json", json_graph.adjacency_data(digraph))
count("digraph-adjacency.json", digraph)

# parallel edges: a multigraph's keys tell them apart
multi = nx.MultiDiGraph()
multi.add_edge("kazakhstan", "sco", type="member_of")
multi.add_edge("kazakhstan", "sco", type="member_of")
multi.add_edge("kazakhstan", "sco", type="chairs")
multi.add_edge("sco", "kazakhstan")
write("multigraph.json", node_link(multi))
count("multigraph.json", multi)
write("multigraph-adjacency.json", json_graph.adjacency_data(multi))
count("multigraph-adjacency.json", multi)
undirected_multi = nx.MultiGraph(multi)
write("multigraph-undirected-adjacency.json",
      json_graph.adjacency_data(undirected_multi))
count("multigraph-undirected-adjacency.json", undirected_multi)

# tuple ids
grid = nx.grid_2d_graph(3, 4)
write("grid.json", node_link(grid))
count("grid.json", grid)

# a tree, from its root
tree = nx.bfs_tree(nx.balanced_tree(2, 3), 0)
write("tree.json", json_graph.tree_data(tree, 0))
count("tree.json", tree)

# a bipartite graph of many cycles
davis = nx.davis_southern_women_graph()
write("davis.json", node_link(davis))
count("davis.json", davis)

with open(os.path.join(here, "counts.tsv"), "w", encoding="utf-8") as f:
    for row in rows:
        f.write("\t".join(str(x) for x in row) + "\n")
