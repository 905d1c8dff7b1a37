#!/usr/bin/python3
"""RDF written by rdflib itself, with the counts rdflib computes.

Builds a small RDF graph (the SCO sample, a blank node and a
language-tagged literal) and writes, as an rdflib user gets them:
  expanded.json   JSON-LD, expanded (no context)
  compacted.json  JSON-LD, compacted with a local context (@context + @graph)
  spo.json        SPARQL 1.1 results JSON of SELECT ?s ?p ?o
  linked.json     SPARQL 1.1 results JSON of the ?node ?linkedNode
                  ?edgeLabel convention, with ?nodeLabel and
                  ?linkedNodeLabel
  sco.nt      N-Triples
  sco.ttl     Turtle
and the same triples spread over a default graph and two named graphs (one
relation stated in both), as rdflib writes a Dataset:
  sco.nq      N-Quads
  sco.trig    TriG
and counts.tsv: file, scograph's arguments, then the entities and relations
as scograph's mapping defines them, counted by rdflib on its own graph:
  entities   every subject, and every IRI or blank node that is the object
             of a triple whose predicate is not rdf:type
  relations  the triples whose object is an IRI or a blank node and whose
             predicate is not rdf:type (of a Dataset: the distinct such
             triples of all its graphs, one however many graphs state it)
(for linked.json: the distinct nodes and linked nodes of its rows, and its
distinct (node, edgeLabel, linkedNode) rows).
Regenerate with Debian's python3-rdflib: /usr/bin/python3 make.py
"""
import os
import sys

# rdflib's serializers follow the order of Python's hashed sets: a fixed
# seed makes the bytes the same on every run
if os.environ.get("PYTHONHASHSEED") != "0":
    os.execve(sys.executable, [sys.executable] + sys.argv,
              dict(os.environ, PYTHONHASHSEED="0"))

from rdflib import (BNode, Dataset, Graph, Literal, Namespace, RDF,  # noqa: E402
                    RDFS, URIRef)

here = os.path.dirname(os.path.abspath(__file__))
SCO = Namespace("https://example.org/sco/")

g = Graph()
g.bind("sco", SCO)
facts = [
    ("Kazakhstan", "Country", "Kazakhstan",
     "Central Asian state and founding SCO member."),
    ("SCO", "Organization", "SCO", "Shanghai Cooperation Organization."),
    ("SCO_Investment_Fund", "Proposal", "SCO Investment Fund", None),
    ("Nurly_Zhol", "Policy", "Nurly Zhol", None),
    ("BRI", "Initiative", "BRI", None),
]
for name, cls, label, comment in facts:
    g.add((SCO[name], RDF.type, SCO[cls]))
    g.add((SCO[name], RDFS.label, Literal(label)))
    if comment:
        g.add((SCO[name], RDFS.comment, Literal(comment)))
g.add((SCO.Kazakhstan, RDFS.label, Literal("Казахстан", lang="ru")))
g.add((SCO.Kazakhstan, SCO.region, Literal("Central Asia")))
g.add((SCO.SCO, SCO.founded, Literal(2001)))
for s, p, o in [("Kazakhstan", "member_of", "SCO"),
                ("Kazakhstan", "proposes", "SCO_Investment_Fund"),
                ("Kazakhstan", "pursues", "Nurly_Zhol"),
                ("Nurly_Zhol", "aligns_with", "BRI"),
                ("SCO_Investment_Fund", "part_of", "SCO")]:
    g.add((SCO[s], SCO[p], SCO[o]))
# a blank node: the summit Kazakhstan hosted
summit = BNode("summit")
g.add((SCO.Kazakhstan, SCO.hosted, summit))
g.add((summit, RDF.type, SCO.Event))
g.add((summit, RDFS.label, Literal("SCO summit 2024", lang="en")))
g.add((summit, SCO.held_by, SCO.SCO))

rows = []


def write(name, text):
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    with open(os.path.join(here, name), "w", encoding="utf-8") as f:
        f.write(text.rstrip("\n") + "\n")


def is_node(term):
    return isinstance(term, (URIRef, BNode))


def graph_counts(name):
    relations = [(s, p, o) for s, p, o in g
                 if is_node(o) and p != RDF.type]
    entities = set(g.subjects()) | {o for s, p, o in relations}
    rows.append((name, "-", len(entities), len(relations)))


write("expanded.json", g.serialize(format="json-ld", auto_compact=False))
graph_counts("expanded.json")
context = {"sco": str(SCO), "rdfs": str(RDFS)}
write("compacted.json", g.serialize(format="json-ld", context=context,
                                    auto_compact=True))
graph_counts("compacted.json")

write("sco.nt", g.serialize(format="nt"))
graph_counts("sco.nt")
write("sco.ttl", g.serialize(format="turtle"))
graph_counts("sco.ttl")

# the members' relations in one named graph, the plans' in another, the
# rest in the default graph; Kazakhstan's membership in both
ds = Dataset()
ds.bind("sco", SCO)
members = ds.graph(SCO.members)
plans = ds.graph(SCO.plans)
for s, p, o in g:
    where = (members if p in (SCO.member_of, SCO.part_of, SCO.held_by) else
             plans if p in (SCO.proposes, SCO.pursues, SCO.aligns_with) else
             ds.default_context)
    where.add((s, p, o))
plans.add((SCO.Kazakhstan, SCO.member_of, SCO.SCO))


def dataset_counts(name, fmt):
    # as rdflib reads the file back: its TriG writer gives a blank node
    # stated in two graphs a [] in each, two blank nodes
    back = Dataset()
    back.parse(os.path.join(here, name), format=fmt)
    triples = {(s, p, o) for s, p, o, _ in back.quads((None, None, None,
                                                       None))}
    relations = {(s, p, o) for s, p, o in triples
                 if is_node(o) and p != RDF.type}
    entities = {s for s, p, o in triples} | {o for s, p, o in relations}
    rows.append((name, "-", len(entities), len(relations)))


write("sco.nq", ds.serialize(format="nquads"))
dataset_counts("sco.nq", "nquads")
write("sco.trig", ds.serialize(format="trig"))
dataset_counts("sco.trig", "trig")

spo = g.query("SELECT ?s ?p ?o WHERE { ?s ?p ?o }")
write("spo.json", spo.serialize(format="json"))
graph_counts("spo.json")

linked = g.query("""
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?node ?nodeLabel ?linkedNode ?linkedNodeLabel ?edgeLabel WHERE {
  ?node ?edge ?linkedNode .
  FILTER (!isLiteral(?linkedNode) && ?edge != rdf:type)
  BIND (STRAFTER(STR(?edge), "https://example.org/sco/") AS ?edgeLabel)
  OPTIONAL { ?node rdfs:label ?nodeLabel FILTER (lang(?nodeLabel) = "") }
  OPTIONAL { ?linkedNode rdfs:label ?linkedNodeLabel
             FILTER (lang(?linkedNodeLabel) = "") }
}""", initNs={"rdf": RDF})
write("linked.json", linked.serialize(format="json"))
found = [(r.node, str(r.edgeLabel), r.linkedNode) for r in linked]
rows.append(("linked.json", "-",
             len({n for n, e, m in found} | {m for n, e, m in found}),
             len(set(found))))
# Kazakhstan and its neighbours, with the relations among them
relations = [(s, p, o) for s, p, o in g if is_node(o) and p != RDF.type]
near = {SCO.Kazakhstan} | {o for s, p, o in relations
                           if s == SCO.Kazakhstan} | {
    s for s, p, o in relations if o == SCO.Kazakhstan}
rows.append(("spo.json", "--focus https://example.org/sco/Kazakhstan",
             len(near),
             len([1 for s, p, o in relations if s in near and o in near])))

with open(os.path.join(here, "counts.tsv"), "w", encoding="utf-8") as f:
    for row in rows:
        f.write("\t".join(str(x) for x in row) + "\n")
