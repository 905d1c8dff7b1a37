// Writes this folder's graphs with elkjs, the JavaScript build of the
// Eclipse Layout Kernel: the graph scograph is given (input.json, as a user
// hands it to elk.layout) and elkjs's layout of it (layout.json: the same
// graph with positions, sizes and edge sections), and counts.tsv, its nodes
// and edges as elkjs holds them (every level of children and of edges).
// usage: npm ci && node make.mjs
import { writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import ELK from 'elkjs/lib/elk.bundled.js';

// (written beside this script, wherever it is run from)
process.chdir(dirname(fileURLToPath(import.meta.url)));

const box = (id, text, more = {}) =>
	({ id, width: 90, height: 30, labels: [{ text }], ...more });
const edge = (id, from, to, text) => ({
	id, sources: [from], targets: [to],
	...(text ? { labels: [{ text, width: 60, height: 12 }] } : {}),
});

// Organisations hold their organs (nested children, an edge inside one),
// a country has a port the edges leave from, and edges at the root join
// nodes at any depth.
const graph = {
	id: 'root',
	layoutOptions: {
		'elk.algorithm': 'layered',
		'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
	},
	children: [
		box('kz', 'Kazakhstan', { ports: [{ id: 'kz-out', width: 6, height: 6 }] }),
		box('ru', 'Russia'),
		box('cn', 'China'),
		box('sco', 'SCO', {
			children: [
				box('rats', 'Regional Anti-Terrorist Structure'),
				box('secretariat', 'Secretariat'),
			],
			edges: [edge('e-org', 'secretariat', 'rats', 'supports')],
		}),
		box('bri', 'Belt and Road Initiative'),
	],
	edges: [
		edge('e1', 'kz-out', 'sco', 'member of'),
		edge('e2', 'ru', 'sco', 'member of'),
		edge('e3', 'cn', 'sco', 'member of'),
		edge('e4', 'cn', 'bri', 'leads'),
		edge('e5', 'kz-out', 'bri', 'partner in'),
		edge('e6', 'ru', 'rats', 'hosts'),
		edge('e7', 'kz', 'ru'),
	],
};

const count = (g) => {
	let nodes = 0, edges = (g.edges || []).length;
	for (const c of g.children || []) {
		const n = count(c);
		nodes += 1 + n.nodes;
		edges += n.edges;
	}
	return { nodes, edges };
};

const input = JSON.stringify(graph, null, 2) + '\n';
const layout = await new ELK().layout(JSON.parse(input));
writeFileSync('input.json', input);
writeFileSync('layout.json', JSON.stringify(layout, null, 2) + '\n');
const rows = [['input.json', JSON.parse(input)], ['layout.json', layout]]
	.map(([file, g]) => [file, '-', count(g).nodes, count(g).edges]);
writeFileSync('counts.tsv', rows.map((r) => r.join('\t')).join('\n') + '\n');
