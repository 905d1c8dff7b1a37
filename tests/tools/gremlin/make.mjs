// Writes TinkerPop's "modern" graph (6 vertices, 6 edges) with the
// GraphSON writers of gremlin, TinkerPop's JavaScript driver, as it sends
// them to Gremlin Server, and counts.tsv: each file, the scograph
// arguments ("-": none), and the vertices and edges written. Its writers
// write a vertex or an edge by reference (id and label, an edge's ends
// and their labels), not their properties. Run with node from this folder
// after `npm ci`; `node make.mjs DIR` writes into DIR.
import fs from 'node:fs';
import path from 'node:path';
import gremlin from 'gremlin';

const { Vertex, Edge } = gremlin.structure;
const { GraphSON2Writer, GraphSON3Writer } = gremlin.structure.io;
const dir = process.argv[2] || path.dirname(new URL(import.meta.url).pathname);
const counts = [];

const v = {};
for (const [id, label] of [[1, 'person'], [2, 'person'], [3, 'software'],
	[4, 'person'], [5, 'software'], [6, 'person']])
	v[id] = new Vertex(id, label);
const edges = [[7, 1, 'knows', 2], [8, 1, 'knows', 4], [9, 1, 'created', 3],
	[10, 4, 'created', 5], [11, 4, 'created', 3], [12, 6, 'created', 3]]
	.map(([id, out, label, inV]) => new Edge(id, v[out], label, v[inV]));
const elements = [...Object.values(v), ...edges];

for (const [file, Writer] of [['modern-v2.json', GraphSON2Writer],
	['modern-v3.json', GraphSON3Writer]]) {
	fs.writeFileSync(path.join(dir, file),
		new Writer().write(elements) + '\n');
	counts.push([file, '-', Object.keys(v).length, edges.length].join('\t'));
}
fs.writeFileSync(path.join(dir, 'counts.tsv'), counts.join('\n') + '\n');
