#!/usr/bin/python3
"""Tables written by the tools people write them with, with those tools'
own counts: Python's csv module, pandas (networkx's to_pandas_edgelist)
and python-igraph's data frames. counts.tsv: file, scograph's arguments
(another file read with it, or "-"), then the nodes and edges the tool
counts. Regenerate with Debian's python3-networkx, python3-pandas and
python3-igraph:  /usr/bin/python3 make.py
"""
import csv
import os

import igraph as ig
import networkx as nx

here = os.path.dirname(os.path.abspath(__file__))
rows = []


def path(name):
    return os.path.join(here, name)


def count(name, nodes, edges, args="-"):
    rows.append((name, args, nodes, edges))


# Python's csv module (its default dialect: RFC 4180 quoting, lines ending
# in CR LF), a networkx graph's weighted edges
miserables = nx.les_miserables_graph()
with open(path("miserables.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["source", "target", "weight"])
    for u, v, d in miserables.edges(data=True):
        w.writerow([u, v, d["weight"]])
count("miserables.csv", miserables.number_of_nodes(),
      miserables.number_of_edges())

# a small knowledge graph of names that need quoting: commas, quotes, a
# line break, other scripts; DictWriter, as a script exporting one writes
kg = nx.MultiDiGraph()
kg.add_edge("Shanghai Cooperation Organisation, The", "Kazakhstan",
            key="e1", relation="has member", since=2001)
kg.add_edge("Kazakhstan", "Астана", key="e2", relation="capital",
            note='called "Nur-Sultan"\nfrom 2019 to 2022')
kg.add_edge("Kazakhstan", "Астана", key="e3", relation="capital",
            note="again, with another key")
kg.add_edge("China", "Shanghai Cooperation Organisation, The", key="e4",
            relation="member of", since=2001)
with open(path("quoting.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.DictWriter(f, ["subject", "predicate", "object", "id", "since",
                           "note"])
    w.writeheader()
    for u, v, k, d in kg.edges(keys=True, data=True):
        w.writerow({"subject": u, "predicate": d["relation"], "object": v,
                    "id": k, "since": d.get("since", ""),
                    "note": d.get("note", "")})
count("quoting.csv", kg.number_of_nodes(), kg.number_of_edges())

# pandas, as networkx hands a graph to it: to_csv with the index (an
# unnamed first column), and as TSV without it, with a nodes table beside
karate = nx.karate_club_graph()
edges = nx.to_pandas_edgelist(karate)
edges.to_csv(path("karate-pandas.csv"))
edges.to_csv(path("karate-pandas.tsv"), sep="\t", index=False)
nodes = karate.nodes(data=True)
with open(path("karate-nodes.tsv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, dialect="excel-tab")
    w.writerow(["id", "club"])
    for n, d in nodes:
        w.writerow([n, d["club"]])
count("karate-pandas.csv", karate.number_of_nodes(),
      karate.number_of_edges())
count("karate-pandas.tsv", karate.number_of_nodes(),
      karate.number_of_edges())
count("karate-nodes.tsv", karate.number_of_nodes(), karate.number_of_edges(),
      "tests/tools/csv/karate-pandas.tsv")

# Excel's CSV where a comma is the decimal point (most of Europe): a
# semicolon between fields, as pandas writes it for Excel there
florentine = nx.florentine_families_graph()
table = nx.to_pandas_edgelist(florentine)
table["share"] = [1 / (i + 2) for i in range(len(table))]
table.to_csv(path("florentine-excel.csv"), sep=";", decimal=",", index=False)
count("florentine-excel.csv", florentine.number_of_nodes(),
      florentine.number_of_edges())

# python-igraph's data frames: vertices by their "vertex ID", with a name
# and one isolated vertex, which only the vertices' table has
g = ig.Graph.Tree(12, 3, mode="out")
g.add_vertices(1)
g.vs["name"] = ["v%d" % i for i in range(g.vcount())]
g.es["type"] = ["child of" if e.index % 2 else "part of" for e in g.es]
g.get_vertex_dataframe().to_csv(path("igraph-vertices.csv"))
g.get_edge_dataframe().to_csv(path("igraph-edges.csv"))
count("igraph-edges.csv", g.vcount() - 1, g.ecount())
count("igraph-vertices.csv", g.vcount(), g.ecount(),
      "tests/tools/csv/igraph-edges.csv")

with open(path("counts.tsv"), "w", encoding="utf-8") as f:
    for r in rows:
        f.write("%s\t%s\t%d\t%d\n" % r)
