#!/usr/bin/python3
"""Graphs in formats scograph does not read, as networkx (Debian's
python3-networkx, with python3-scipy for Matrix Market), python-igraph
(python3-igraph) and rdflib (python3-rdflib: RDF/XML, HexTuples, TriX,
of the graph of ../rdflib) write them, and binary files (compressed, SQLite, ZIP)
as Python's own modules write them: each must
be refused in one message that names its format and the way to one
scograph reads (tests/cli.sh), never taken for broken JSON.

Writes each file here, and named.txt: file, the words its message must
hold, then the nodes and edges its tool counts (for a format whose way
is a command: the command's output is read with these counts).
Regenerate with /usr/bin/python3 make.py.
"""
import bz2
import gzip
import json
import lzma
import os
import pickle
import re
import sqlite3
import sys
import zipfile

# rdflib's serializers follow the order of Python's hashed sets: a fixed
# seed makes the bytes the same on every run
if os.environ.get("PYTHONHASHSEED") != "0":
    os.execve(sys.executable, [sys.executable] + sys.argv,
              dict(os.environ, PYTHONHASHSEED="0"))

import igraph as ig  # noqa: E402
import networkx as nx  # noqa: E402
import rdflib  # noqa: E402
import scipy.io  # noqa: E402

here = os.path.dirname(os.path.abspath(__file__))
rows = []
karate = nx.karate_club_graph()
zachary = ig.Graph.Famous("Zachary")


def undated(name):
    """The writers date their files: the date is fixed, so that a file is
    the same every day."""
    path = os.path.join(here, name)
    with open(path, encoding="utf-8") as f:
        text = f.read()
    text = re.sub(r"# GMT .*", "# GMT Mon Jan  1 00:00:00 2024", text)
    # (an adjacency list's first line is the command that wrote it)
    if "adjlist" in name:
        text = re.sub(r"\A#[^\n]*\n", "#make.py\n", text)
    text = re.sub(r'Creator "igraph version ([0-9.]+) [^"]*"',
                  r'Creator "igraph version \1 Mon Jan  1 00:00:00 2024"',
                  text)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def nx_file(name, writer, words):
    writer(karate, os.path.join(here, name))
    undated(name)
    rows.append((name, words, karate.number_of_nodes(),
                 karate.number_of_edges()))


def ig_file(name, fmt, words, **options):
    zachary.save(os.path.join(here, name), format=fmt, **options)
    undated(name)
    rows.append((name, words, zachary.vcount(), zachary.ecount()))


nx_file("karate.gml", nx.write_gml, "this is GML")
nx_file("karate.net", nx.write_pajek, "this is Pajek's .net")
nx_file("karate.g6", nx.write_graph6, "this is graph6 or sparse6")
nx_file("karate.s6", nx.write_sparse6, "this is graph6 or sparse6")
nx_file("karate.mtx", lambda g, path: scipy.io.mmwrite(
    path, nx.to_scipy_sparse_array(g)), "this is Matrix Market")
nx_file("karate.edgelist", nx.write_edgelist,
        "this is an edge list without a header")
nx_file("karate.adjlist", nx.write_adjlist,
        "this is an edge list without a header")
nx_file("karate.multiline-adjlist", nx.write_multiline_adjlist,
        "this is an edge list without a header")
ig_file("zachary.gml", "gml", "this is GML")
ig_file("zachary.net", "pajek", "this is Pajek's .net")
ig_file("zachary.edgelist", "edgelist",
        "this is an edge list without a header")
ig_file("zachary.ncol", "ncol", "this is an edge list without a header")
ig_file("zachary.lgl", "lgl", "this is LGL")
ig_file("zachary.gw", "leda", "this is LEDA's graph format")
ig_file("zachary.adj", "adjacency", "this is an adjacency matrix")
# (DIMACS is a flow problem: its source and target are named)
ig_file("zachary.dimacs", "dimacs", "this is DIMACS", source=0, target=33)

# (an entity: a subject, or an object that is no literal and no type; a
# relation: a triple between two)
# (a blank node keeps its label: rdflib's own are new each run)
sco = rdflib.Graph().parse(os.path.join(here, "..", "rdflib", "sco.nt"),
                           bnode_context={"summit": rdflib.BNode("summit")})
links = [(s, p, o) for s, p, o in sco
         if not isinstance(o, rdflib.Literal) and p != rdflib.RDF.type]
for name, fmt, words in (("sco.rdf", "xml", "this is RDF/XML"),
                         ("sco.hext", "hext", "this is HexTuples")):
    sco.serialize(os.path.join(here, name), format=fmt)
    rows.append((name, words, len(set(sco.subjects()) |
                                  {o for s, p, o in links}), len(links)))
# TriX, rdflib's XML of a dataset: the same triples in one named graph
dataset = rdflib.Dataset()
named = dataset.graph(rdflib.URIRef("https://example.org/sco/graph"))
for triple in sco:
    named.add(triple)
dataset.serialize(os.path.join(here, "sco.trix"), format="trix")
rows.append(("sco.trix", "this is TriX", rows[-1][2], rows[-1][3]))

# binary: networkx's node-link JSON of the karate club compressed (a
# graph kept small in a repository), its edges in an SQLite table and in a
# ZIP archive
text = json.dumps(nx.node_link_data(karate)).encode()
for name, opener, words in (
        ("karate.json.gz", lambda path, mode: gzip.GzipFile(path, mode,
                                                           mtime=0),
         "this is gzip-compressed"),
        ("karate.json.bz2", bz2.open, "this is bzip2-compressed"),
        ("karate.json.xz", lzma.open, "this is xz-compressed")):
    with opener(os.path.join(here, name), "wb") as f:
        f.write(text)
    rows.append((name, words, karate.number_of_nodes(),
                 karate.number_of_edges()))
db = os.path.join(here, "karate.db")
if os.path.exists(db):
    os.remove(db)
with sqlite3.connect(db) as c:
    c.execute("create table edges (source, target)")
    c.executemany("insert into edges values (?, ?)", karate.edges())
c.close()
rows.append(("karate.db", "this is an SQLite database",
             karate.number_of_nodes(), karate.number_of_edges()))
with open(os.path.join(here, "karate.pickle"), "wb") as f:
    pickle.dump(karate, f, protocol=4)
rows.append(("karate.pickle", "this is a Python pickle",
             karate.number_of_nodes(), karate.number_of_edges()))
# (as Windows PowerShell writes text: UTF-16 after a byte-order mark)
with open(os.path.join(here, "karate-utf16.json"), "w",
          encoding="utf-16") as f:
    f.write(text.decode())
rows.append(("karate-utf16.json", "this is UTF-16 text",
             karate.number_of_nodes(), karate.number_of_edges()))
with zipfile.ZipFile(os.path.join(here, "karate.zip"), "w") as z:
    z.writestr(zipfile.ZipInfo("karate.json", (2024, 1, 1, 0, 0, 0)), text)
rows.append(("karate.zip", "this is a ZIP archive", karate.number_of_nodes(),
             karate.number_of_edges()))

with open(os.path.join(here, "named.txt"), "w", encoding="utf-8") as f:
    for row in rows:
        f.write("\t".join(str(x) for x in row) + "\n")
