"""Writes a synthetic knowledge graph in scograph's native JSON to stdout.

usage: gen.py kg RELATIONS      power-law graph: RELATIONS relations among
                                RELATIONS / 5 entities; entity e0 is the hub,
                                entity "leaf" has exactly one relation
       gen.py kg-dot RELATIONS  the same graph as a Graphviz user keeps it:
                                lean DOT, as networkx's write_dot writes a
                                MultiDiGraph (a name and type a node, a key
                                and type an edge), one statement a line
       gen.py aliases N         one entity with N aliases
       gen.py names N           N entities sharing one name
       gen.py parallel N        N relations (each with its id) between two
                                entities
       gen.py nt TRIPLES        the power-law graph as N-Triples: TRIPLES
                                triples, of which two for each of
                                TRIPLES / 7 entities (its rdf:type and
                                rdfs:label) and the rest relations;
                                <.../leaf> has exactly one relation

Deterministic: the same arguments give the same bytes on any machine (the
generator is a fixed linear congruential one, not the library's).
"""
import sys

TYPES = ["person", "organization", "country", "event", "document"]
RELATION_TYPES = ["member of", "located in", "cites", "founded", "signed",
                  "attended", "funds"]


def lcg(seed):
    state = seed
    while True:
        state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
        yield (state >> 11) / 2**53


def graph(nrel):
    """The kg graph: (entities as (id, name, type), relations as (from, to,
    type))."""
    n = max(nrel // 5, 2)
    rand = lcg(1)
    entities = [("e%d" % i, "Entity %d" % i, TYPES[i % len(TYPES)])
                for i in range(n)] + [("leaf", "The leaf", "event")]
    # From any entity, to one drawn from a power law: entity k is the end of
    # about (n / k)^(3/4) / 4 times as many relations as a uniform draw would
    # give it, and e0 of about nrel / n^(1/4) (47k of 1M).
    relations = []
    for i in range(nrel - 1):
        a = int(next(rand) * n)
        b = int(n * next(rand) ** 4)
        relations.append(("e%d" % a, "e%d" % b,
                          RELATION_TYPES[i % len(RELATION_TYPES)]))
    relations.append(("leaf", "e%d" % (n // 2), "cites"))
    return entities, relations


def kg(out, nrel):
    entities, relations = graph(nrel)
    out.write('{"entities": [\n')
    out.write(",".join('{"id": "%s", "name": "%s", "type": "%s"}\n' % e
                       for e in entities))
    out.write('], "relations": [\n')
    out.write(",".join(relation(*r) + "\n" for r in relations))
    out.write(']}\n')


def kg_dot(out, nrel):
    entities, relations = graph(nrel)
    keys = {}
    out.write('digraph "" {\n')
    for e in entities:
        out.write('%s [name="%s", type=%s];\n' % e)
    for a, b, kind in relations:
        key = keys[a, b] = keys.get((a, b), -1) + 1
        out.write('%s -> %s [key=%d, type="%s"];\n' % (a, b, key, kind))
    out.write("}\n")


def document(out, entities, relations):
    out.write('{"entities": [\n%s],\n"relations": [\n%s]}\n'
              % (",\n".join(entities), ",\n".join(relations)))


def relation(a, b, kind, rid=None):
    return ('{"from": "%s", "to": "%s", "type": "%s"%s}'
            % (a, b, kind, ', "id": "%s"' % rid if rid else ""))


def aliases(out, n):
    document(out, ['{"id": "a", "aliases": [%s]}'
                   % ",".join('"alias %d"' % i for i in range(n)),
                   '{"id": "b"}'], [relation("a", "b", "r")])


def names(out, n):
    document(out, ('{"id": "n%d", "name": "Same name"}' % i
                   for i in range(n)),
             (relation("n%d" % i, "n%d" % ((i + 1) % n), "r")
              for i in range(n)))


def parallel(out, n):
    document(out, ['{"id": "a"}', '{"id": "b"}'],
             (relation("a", "b", "r", "r%d" % i) for i in range(n)))


def nt(out, ntriples):
    n = max(ntriples // 7, 2)
    kg_ns = "http://example.org/kg/"
    rand = lcg(1)
    label = "<http://www.w3.org/2000/01/rdf-schema#label>"
    rdf_type = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
    for i in range(n):
        out.write('<%se%d> %s <%s%s> .\n<%se%d> %s "Entity %d" .\n'
                  % (kg_ns, i, rdf_type, kg_ns, TYPES[i % len(TYPES)],
                     kg_ns, i, label, i))
    out.write('<%sleaf> %s "The leaf" .\n' % (kg_ns, label))
    # the relations drawn as kg() draws them
    for i in range(ntriples - 2 * n - 2):
        a = int(next(rand) * n)
        b = int(n * next(rand) ** 4)
        out.write("<%se%d> <%s%s> <%se%d> .\n" % (
            kg_ns, a, kg_ns, RELATION_TYPES[i % len(RELATION_TYPES)]
            .replace(" ", "_"), kg_ns, b))
    out.write("<%sleaf> <%scites> <%se%d> .\n" % (kg_ns, kg_ns, kg_ns,
                                                  n // 2))


if __name__ == "__main__":
    kind, count = sys.argv[1], int(sys.argv[2])
    {"kg": kg, "kg-dot": kg_dot, "aliases": aliases, "names": names,
     "parallel": parallel, "nt": nt}[kind](sys.stdout, count)
