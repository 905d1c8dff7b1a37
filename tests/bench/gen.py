"""Writes a synthetic knowledge graph in scograph's native JSON to stdout.

usage: gen.py kg RELATIONS      power-law graph: RELATIONS relations among
                                RELATIONS / 5 entities; entity e0 is the hub,
                                entity "leaf" has exactly one relation
       gen.py aliases N         one entity with N aliases
       gen.py names N           N entities sharing one name
       gen.py parallel N        N relations (each with its id) between two
                                entities

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


def entity(out, i, first):
    out.write('%s{"id": "e%d", "name": "Entity %d", "type": "%s"}\n'
              % ("" if first else ",", i, i, TYPES[i % len(TYPES)]))


def kg(out, nrel):
    n = max(nrel // 5, 2)
    rand = lcg(1)
    out.write('{"entities": [\n')
    for i in range(n):
        entity(out, i, i == 0)
    out.write(',{"id": "leaf", "name": "The leaf", "type": "event"}\n')
    out.write('], "relations": [\n')
    # From any entity, to one drawn from a power law: entity k is the end of
    # about (n / k)^(3/4) / 4 times as many relations as a uniform draw would
    # give it, and e0 of about nrel / n^(1/4) (47k of 1M).
    for i in range(nrel - 1):
        a = int(next(rand) * n)
        b = int(n * next(rand) ** 4)
        out.write("%s%s\n" % ("," if i else "", relation(
            "e%d" % a, "e%d" % b, RELATION_TYPES[i % len(RELATION_TYPES)])))
    out.write("%s%s\n" % ("," if nrel > 1 else "",
                          relation("leaf", "e%d" % (n // 2), "cites")))
    out.write(']}\n')


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


if __name__ == "__main__":
    kind, count = sys.argv[1], int(sys.argv[2])
    {"kg": kg, "aliases": aliases, "names": names,
     "parallel": parallel}[kind](sys.stdout, count)
