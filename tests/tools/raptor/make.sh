#!/bin/sh
# RDF/JSON written by Raptor's rapper itself (Debian's raptor2-utils), in
# both of its forms, from sco.ttl (the SCO sample: a blank node, a
# language-tagged and a typed literal):
#   rdfjson.json          -o json          (resource-centric: subjects,
#                                           their predicates, the objects)
#   rdfjson-triples.json  -o json-triples  (a list of triples of terms)
# and counts.tsv, counted on rapper's own N-Triples of the file, as
# scograph's mapping of RDF defines them: entities, every subject and every
# IRI or blank node that is the object of a triple whose predicate is not
# rdf:type; relations, those triples.
# Regenerate:  sh make.sh
set -eu
cd "$(dirname "$0")"
rapper -q -i turtle -o json sco.ttl >rdfjson.json
rapper -q -i turtle -o json-triples sco.ttl >rdfjson-triples.json
set -- $(rapper -q -i turtle -o ntriples sco.ttl | awk '
	{ nodes[$1] = 1 }
	$2 != "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>" &&
	$3 !~ /^"/ { nodes[$3] = 1; relations++ }
	END { for (n in nodes) entities++; print entities, relations }')
printf '%s\t-\t%s\t%s\n' rdfjson.json "$1" "$2" \
	rdfjson-triples.json "$1" "$2" >counts.tsv
