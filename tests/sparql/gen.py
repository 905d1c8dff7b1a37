#!/usr/bin/env python3
"""A deterministic knowledge graph as N-Triples, sorted, for the store
tests: `gen.py N [WIDE]` writes about N triples to standard output.

People, teams and topics with labels (untagged and @en/@de), types,
literal attributes and links; entity 0 of each kind is a hub most others
link to, the last person a leaf with one link. With WIDE, apart from them, a team of
WIDE members (a cut step of thousands, as the hub of gen.py 1190000 has,
in a graph loaded in seconds): every fifth knows its first member, as
10 people outside it do; of the
last half every third other one knows one of 100 people further out. The rdf:type statements
first, then the rest, each part sorted by subject, predicate, object
(bytes): the order the fetch puts a store's answers in, so that the file
and the store number entities alike."""
import random
import sys

EX = "http://example.org/kg/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


def iri(s):
    return "<" + EX + s + ">"


def main():
    want = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    rnd = random.Random(22)
    # about 7 triples a person, 10 people a team, 20 a topic
    people = max(10, want // 8)
    teams = max(2, people // 10)
    topics = max(2, people // 20)
    out = set()

    def add(s, p, o):
        out.add("%s %s %s ." % (s, p, o))

    for kind, n, cls in (("person", people, "Person"), ("team", teams, "Team"),
                         ("topic", topics, "Topic")):
        for i in range(n):
            s = iri("%s/%06d" % (kind, i))
            add(s, "<%s>" % RDF_TYPE, iri(cls))
            add(s, "<%s>" % LABEL, '"%s %d"' % (cls, i))
            if i % 3 == 0:
                add(s, "<%s>" % LABEL, '"%s %d"@de' % (cls, i))
    for i in range(people - 1):
        s = iri("person/%06d" % i)
        add(s, iri("memberOf"), iri("team/%06d" % (0 if i % 4 == 0 else
                                                   rnd.randrange(teams))))
        add(s, iri("interestedIn"), iri("topic/%06d" % rnd.randrange(topics)))
        if i:
            add(s, iri("knows"), iri("person/%06d" % (0 if i % 5 == 0 else
                                                      rnd.randrange(people - 1))))
        add(s, iri("age"), '"%d"^^<http://www.w3.org/2001/XMLSchema#integer>'
            % (20 + i % 50))
    for i in range(1, topics):
        add(iri("topic/%06d" % i), iri("broader"),
            iri("topic/%06d" % (i // 2)))
    # the leaf: one link, to a team
    add(iri("person/%06d" % (people - 1)), iri("memberOf"), iri("team/000001"))
    wide = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    if wide:
        # (under wide/: after the others' IRIs, so that they keep their
        # order among themselves, and their types theirs)
        add(iri("wide/team"), "<%s>" % RDF_TYPE, iri("Team"))
        add(iri("wide/team"), "<%s>" % LABEL, '"Wide team"')
        # (a label in German only, which --lang en finds by its text
        # alone; one two entities have, linked to nothing)
        add(iri("wide/team"), "<%s>" % LABEL, '"Breites Team"@de')
        for i in (1, 2):
            add(iri("wide/twin/%d" % i), "<%s>" % LABEL, '"Twin"')
        for i in range(100):
            add(iri("wide/far/%03d" % i), "<%s>" % RDF_TYPE, iri("Person"))
        # (its first member known outside it too: a summary beside that
        # one holds the team's members that know it)
        for i in range(10):
            add(iri("wide/fan/%02d" % i), "<%s>" % RDF_TYPE, iri("Person"))
            add(iri("wide/fan/%02d" % i), iri("knows"),
                iri("wide/member/00000"))
    for i in range(wide):
        s = iri("wide/member/%05d" % i)
        add(s, "<%s>" % RDF_TYPE, iri("Person"))
        add(s, iri("memberOf"), iri("wide/team"))
        if i and i % 5 == 0:
            add(s, iri("knows"), iri("wide/member/00000"))
        # (not those ranked first, whose neighbours a page draws)
        elif i >= wide // 2 and i % 3 == 0:
            add(s, iri("knows"), iri("wide/far/%03d" % (i % 100)))
    # each entity declared by its type first, as the fetch orders what a
    # store answers (see by_triple in src/sparql.c)
    typed = sorted(t for t in out if " <%s> " % RDF_TYPE in t)
    rest = sorted(t for t in out if " <%s> " % RDF_TYPE not in t)
    sys.stdout.write("".join(t + "\n" for t in typed + rest))


main()
