// Writes query results as the Neo4j JavaScript driver hands them over,
// and counts.tsv: each file, the scograph arguments ("-": none), and the
// nodes and relationships the records hold, counted by their elementIds.
// No server runs here: the driver's own Node, Relationship, Path and Record
// classes are built as a Bolt answer would build them, and written as
// JSON.stringify writes them (Integers as {low, high}). The Browser's
// "Export JSON" is the same records as record.toObject() rows, its
// Integers written as numbers. Run with node from this folder after
// `npm ci`; `node make.mjs DIR` writes into DIR.
import fs from 'node:fs';
import path from 'node:path';
import neo4j from 'neo4j-driver';

const { Node, Relationship, Path, PathSegment, Record } = neo4j.types;
const dir = process.argv[2] || path.dirname(new URL(import.meta.url).pathname);
const db = 'c8a3a9b4-1d4e-4b7e-9f3c-2f1e8d0b5a61';
const counts = [];

const node = (id, labels, props) =>
	new Node(neo4j.int(id), labels, props, `4:${db}:${id}`);
const rel = (id, start, type, end, props) =>
	new Relationship(neo4j.int(id), start.identity, end.identity, type,
			 props, `5:${db}:${id}`, start.elementId, end.elementId);

// the movie graph of Neo4j's own guide, a little of it
const keanu = node(0, ['Person'], { name: 'Keanu Reeves', born: neo4j.int(1964) });
const carrie = node(1, ['Person'], { name: 'Carrie-Anne Moss', born: neo4j.int(1967) });
const matrix = node(2, ['Movie'], { title: 'The Matrix', released: neo4j.int(1999),
	tagline: 'Welcome to the Real World', views: neo4j.int('12345678901') });
const lana = node(3, ['Person', 'Director'], { name: 'Lana Wachowski', born: neo4j.int(1965) });
const reloaded = node(4, ['Movie'], { title: 'The Matrix Reloaded', released: neo4j.int(2003) });
const rels = [
	[keanu, rel(0, keanu, 'ACTED_IN', matrix, { roles: ['Neo'] }), matrix],
	[carrie, rel(1, carrie, 'ACTED_IN', matrix, { roles: ['Trinity'] }), matrix],
	[lana, rel(2, lana, 'DIRECTED', matrix, {}), matrix],
	[keanu, rel(3, keanu, 'ACTED_IN', reloaded, { roles: ['Neo'] }), reloaded],
	[lana, rel(4, lana, 'DIRECTED', reloaded, {}), reloaded],
];

// MATCH (n)-[r]->(m) RETURN n, r, m
const nrm = rels.map((row) => new Record(['n', 'r', 'm'], row));
// MATCH p = (:Person {name: 'Keanu Reeves'})-[:ACTED_IN]->(:Movie)<--(other)
// RETURN p: paths that run against their second relationship
const path2 = (a, r1, m, r2, b) =>
	new Path(a, b, [new PathSegment(a, r1, m), new PathSegment(m, r2, b)]);
const paths = [
	path2(keanu, rels[0][1], matrix, rels[1][1], carrie),
	path2(keanu, rels[0][1], matrix, rels[2][1], lana),
	path2(keanu, rels[3][1], reloaded, rels[4][1], lana),
].map((p) => new Record(['p'], [p]));

// what the records hold, counted as a driver user would: distinct
// elementIds of the nodes and relationships in every value
function tally(records) {
	const nodes = new Set(), relationships = new Set();
	const visit = (v) => {
		if (neo4j.isNode(v))
			nodes.add(v.elementId);
		else if (neo4j.isRelationship(v))
			relationships.add(v.elementId);
		else if (neo4j.isPath(v)) {
			visit(v.start);
			v.segments.forEach((s) => [s.start, s.relationship, s.end].forEach(visit));
		}
	};
	records.forEach((r) => r.forEach(visit));
	return [nodes.size, relationships.size];
}

function write(file, text, records) {
	fs.writeFileSync(path.join(dir, file), text);
	counts.push([file, '-', ...tally(records)].join('\t'));
}

// the Browser's exporter turns each Integer into a number (a string where
// a number would lose it)
const browser = (k, v) => neo4j.isInt(v) ?
	(neo4j.integer.inSafeRange(v) ? v.toNumber() : v.toString()) : v;

write('records-nrm.json', JSON.stringify(nrm, null, 2) + '\n', nrm);
write('records-paths.json', JSON.stringify(paths) + '\n', paths);
write('browser-nrm.json', JSON.stringify(nrm.map((r) => r.toObject()),
					  browser, 2) + '\n', nrm);
write('browser-paths.json', JSON.stringify(paths.map((r) => r.toObject()),
					    browser, 2) + '\n', paths);
fs.writeFileSync(path.join(dir, 'counts.tsv'), counts.join('\n') + '\n');
