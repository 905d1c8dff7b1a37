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
import re

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

# ---- GraphML and GEXF, counted as networkx reads them back
# (write_graphml_xml: the writer without lxml, whose output does not
# depend on lxml being installed)


def write_xml(name, G, writer, reader, args="-", H=None):
    """(and any other text networkx writes to a path: DOT)"""
    path = os.path.join(here, name)
    writer(G, path)
    if name.endswith(".gexf"):
        # write_gexf dates its file today: the date is fixed, so that
        # the file is the same every day
        with open(path, encoding="utf-8") as f:
            text = f.read()
        text = re.sub(r'lastmodifieddate="[^"]*"',
                      'lastmodifieddate="2024-01-01"', text)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    back = reader(path)
    count(name, back, args, H)


def graphml(name, G, args="-", H=None):
    write_xml(name, G, nx.write_graphml_xml, nx.read_graphml, args, H)


def gexf(name, G, args="-", H=None):
    write_xml(name, G, nx.write_gexf, nx.read_gexf, args, H)


graphml("karate.graphml", karate)
graphml("karate.graphml", karate, "--focus 33 --direction out",
        nx.ego_graph(karate, 33))
gexf("karate.gexf", karate)
graphml("miserables.graphml", miserables)
gexf("miserables.gexf", miserables)
gexf("miserables.gexf", miserables, "--focus Valjean",
     nx.ego_graph(miserables, "Valjean"))
graphml("multigraph.graphml", multi)
gexf("multigraph.gexf", multi)

# a knowledge graph with typed attributes: names, types, descriptions,
# relation types, a weight, a flag, and a default
kg = nx.DiGraph(name="SCO members")
kg.graph["node_default"] = {"founding": False}
kg.add_node("kz", label="Kazakhstan", type="country", population=19828165,
            founding=True, description="A country in Central Asia")
kg.add_node("sco", label="Shanghai Cooperation Organisation",
            type="organisation")
kg.add_node("in", label="India", type="country", population=1428627663)
kg.add_edge("kz", "sco", relation="member_of", since=2001, weight=1.0)
kg.add_edge("in", "sco", relation="member_of", since=2017, weight=0.5)
kg.add_edge("kz", "in", relation="trades_with", weight=0.25)
graphml("kg.graphml", kg)
graphml("kg.graphml", kg, "--focus sco --direction in",
        kg.subgraph(["sco", "kz", "in"]))
gexf("kg.gexf", kg)

# ---- DOT, as networkx writes it through pygraphviz (write_dot), counted
# as networkx reads it back; where pygraphviz is not installed, none
try:
    import pygraphviz  # noqa: F401 (write_dot's own)
except ImportError:
    pygraphviz = None
if pygraphviz:
    def dot(name, G, args="-", H=None):
        write_xml(name, G, nx.nx_agraph.write_dot, nx.nx_agraph.read_dot,
                  args, H)

    dot("karate.gv", karate)
    dot("karate.gv", karate, "--focus 33 --direction out",
        nx.ego_graph(karate, 33))
    dot("miserables.gv", miserables)
    dot("multigraph.gv", multi)
    dot("kg.gv", kg)
    dot("kg.gv", kg, "--focus sco --direction in",
        kg.subgraph(["sco", "kz", "in"]))

# the graph LightRAG keeps (graph_chunk_entity_relation.graphml): an
# undirected nx.Graph its NetworkXStorage writes with nx.write_graphml,
# named by the entity, with the attributes LightRAG documents
light = nx.Graph()
for name, kind, text in [
        ("Alex", "person", "Alex is a member of the team."),
        ("Taylor", "person", "Taylor leads the team."),
        ("The Device", "technology", "A device of unknown origin."),
        ("Cosmic Vocalization", "event", "A signal heard in space.")]:
    light.add_node(name, entity_id=name, entity_type=kind, description=text,
                   source_id="chunk-1", file_path="story.txt",
                   created_at=1735689600)
for a, b, words, text, w in [
        ("Alex", "Taylor", "leadership, trust", "Alex follows Taylor.", 2.0),
        ("Taylor", "The Device", "study", "Taylor studies the device.", 1.0),
        ("The Device", "Cosmic Vocalization", "signal origin",
         "The device may send the signal.", 1.0)]:
    light.add_edge(a, b, weight=w, description=text, keywords=words,
                   source_id="chunk-1", file_path="story.txt",
                   created_at=1735689600)
graphml("lightrag.graphml", light)

# GraphRAG's graph.graphml: its relationships as an undirected graph,
# weighted (snapshot_graphml: from_pandas_edgelist, generate_graphml)
rag = nx.Graph()
rag.add_edge("ALEX", "TAYLOR", weight=2.0)
rag.add_edge("TAYLOR", "THE DEVICE", weight=1.0)
rag.add_edge("THE DEVICE", "COSMIC VOCALIZATION", weight=1.0)
with open(os.path.join(here, "graphrag.graphml"), "w",
          encoding="utf-8") as f:
    f.write("\n".join(nx.generate_graphml(rag)))
count("graphrag.graphml", nx.read_graphml(os.path.join(here,
                                                      "graphrag.graphml")))

# cytoscape_data: undirected graphs say so at the top ("directed": false),
# and tuple nodes are named "(0, 1)" while edges name them by value
for name, G, focus in [("karate", karate, 33),
                       ("davis", davis, "E1"),
                       ("florentine", nx.florentine_families_graph(),
                        "Medici")]:
    write(name + "-cytoscape.json", json_graph.cytoscape_data(G))
    count(name + "-cytoscape.json", G)
    count(name + "-cytoscape.json", G, "--focus %s --direction out" % focus,
          nx.ego_graph(G, focus))
write("grid-cytoscape.json", json_graph.cytoscape_data(grid))
count("grid-cytoscape.json", grid)
write("digraph-cytoscape.json", json_graph.cytoscape_data(digraph))
count("digraph-cytoscape.json", digraph)
count("digraph-cytoscape.json", digraph, "--focus sco --direction out",
      digraph.subgraph(["sco"]))

with open(os.path.join(here, "counts.tsv"), "w", encoding="utf-8") as f:
    for row in rows:
        f.write("\t".join(str(x) for x in row) + "\n")
