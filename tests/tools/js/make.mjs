// Writes graphs with the JavaScript graph libraries themselves, and
// counts.tsv: each file, the scograph arguments ("-": none), and the
// entities and relations the library itself counts. Run with node from
// this folder after `npm ci`; `node make.mjs DIR` writes into DIR.
import fs from 'node:fs';
import path from 'node:path';
import cytoscape from 'cytoscape';
import Graph, { UndirectedGraph, MultiGraph } from 'graphology';
import * as graphlib from '@dagrejs/graphlib';
import createGraph from 'ngraph.graph';
import toJSON from 'ngraph.tojson';
import { DataSet } from 'vis-data';

const dir = process.argv[2] || path.dirname(new URL(import.meta.url).pathname);
const counts = [];

// text null: a further row for a file already written
function write(file, text, args, entities, relations) {
	if (text !== null)
		fs.writeFileSync(path.join(dir, file), text);
	counts.push([file, args, entities, relations].join('\t'));
}

const json = (v) => JSON.stringify(v, null, 2) + '\n';

// ---- Cytoscape.js: compound nodes (parents nest: Asia > Central Asia),
// a relation to a parent, and a style and viewport cy.json() writes too
const cy = cytoscape({
	headless: true,
	styleEnabled: true,
	style: [{ selector: 'node', style: { label: 'data(label)' } }],
	elements: [
		{ data: { id: 'Asia', type: 'region' } },
		{ data: { id: 'Central Asia', type: 'region', parent: 'Asia' } },
		{ data: { id: 'KZ', label: 'Kazakhstan', type: 'country',
			  parent: 'Central Asia' } },
		{ data: { id: 'UZ', label: 'Uzbekistan', type: 'country',
			  parent: 'Central Asia' } },
		{ data: { id: 'CN', label: 'China', type: 'country',
			  parent: 'Asia' } },
		{ data: { id: 'RU', label: 'Russia', type: 'country' } },
		{ data: { id: 'SCO', type: 'organization' } },
		{ data: { id: 'e1', source: 'KZ', target: 'SCO',
			  label: 'member_of' } },
		{ data: { id: 'e2', source: 'UZ', target: 'SCO',
			  label: 'member_of' } },
		{ data: { id: 'e3', source: 'CN', target: 'SCO',
			  label: 'member_of' } },
		{ data: { id: 'e4', source: 'RU', target: 'SCO',
			  label: 'member_of' } },
		{ data: { id: 'e5', source: 'KZ', target: 'CN',
			  label: 'borders' } },
		{ data: { id: 'e6', source: 'SCO', target: 'Central Asia',
			  label: 'focuses_on' } },
	],
});
cy.data('name', 'SCO by region');
write('cytoscape-json.json', json(cy.json()), '-', cy.nodes().length,
      cy.edges().length);
write('cytoscape-jsons.json', json(cy.elements().jsons()),
      '--from-format cytoscape', cy.nodes().length, cy.edges().length);
// a focus keeps its neighbours and, as boxes, their parents
{
	const near = cy.$id('KZ').closedNeighborhood().nodes();
	const kept = near.union(near.ancestors());

	write('cytoscape-jsons.json', null, '--focus KZ',
	      kept.length, kept.edgesWith(kept).length);
}
// with its style, cy keeps a timer running: node would never exit
cy.destroy();

// ---- Graphology: mixed (the default), undirected, and a multigraph
// mixing directed and undirected edges
{
	const g = new Graph();
	g.mergeAttributes({ name: 'Graphology, mixed' });
	g.addNode('KZ', { label: 'Kazakhstan', type: 'country' });
	g.addNode('SCO', { label: 'SCO', type: 'organization' });
	g.addNode('CN', { label: 'China', type: 'country' });
	g.addEdgeWithKey('m1', 'KZ', 'SCO', { type: 'member_of' });
	g.addEdgeWithKey('m2', 'CN', 'SCO', { type: 'member_of' });
	g.addUndirectedEdgeWithKey('b1', 'KZ', 'CN', { type: 'borders' });
	write('graphology-mixed.json', json(g.export()), '-', g.order, g.size);
	const kept = new Set([...g.inNeighbors('SCO'), 'SCO']);

	write('graphology-mixed.json', null, '--focus SCO --direction in',
	      kept.size, g.filterEdges((e, a, s, t) => kept.has(s) &&
				       kept.has(t)).length);
}
{
	const g = new UndirectedGraph();
	for (const [a, b] of [['KZ', 'CN'], ['KZ', 'RU'], ['CN', 'RU'],
			      ['KZ', 'UZ'], ['UZ', 'TJ'], ['TJ', 'CN']])
		g.mergeUndirectedEdgeWithKey(`${a}-${b}`, a, b);
	write('graphology-undirected.json', json(g.export()), '-', g.order,
	      g.size);
	// undirected: "out" follows every edge, against its written order
	const kept = new Set([...g.neighbors('TJ'), 'TJ']);

	write('graphology-undirected.json', null, '--focus TJ --direction out',
	      kept.size, g.filterEdges((e, a, s, t) => kept.has(s) &&
				       kept.has(t)).length);
}
{
	const g = new MultiGraph();
	g.addNode('a');
	g.addNode('b');
	g.addEdgeWithKey('ab1', 'a', 'b', { type: 'trades_with' });
	g.addEdgeWithKey('ab2', 'a', 'b', { type: 'trades_with' });
	g.addUndirectedEdgeWithKey('ab3', 'a', 'b', { type: 'trades_with' });
	write('graphology-multi.json', json(g.export()), '-', g.order, g.size);
}

// ---- graphlib (dagre's): a compound multigraph, json.write
{
	const g = new graphlib.Graph({ multigraph: true, compound: true });
	g.setGraph({ label: 'graphlib compound' });
	g.setNode('asia', { label: 'Asia' });
	g.setNode('ca', 'Central Asia');
	g.setNode('kz', { label: 'Kazakhstan', type: 'country' });
	g.setNode('uz', { label: 'Uzbekistan', type: 'country' });
	g.setNode('sco', { label: 'SCO', type: 'organization' });
	g.setParent('ca', 'asia');
	g.setParent('kz', 'ca');
	g.setParent('uz', 'ca');
	g.setEdge('kz', 'sco', { type: 'member_of' }, 'since2001');
	g.setEdge('kz', 'sco', { type: 'member_of' }, 'again');
	g.setEdge('uz', 'sco', 'member_of');
	g.setEdge('kz', 'uz', { label: 'border', length: 2330 });
	g.setEdge('sco', 'ca');
	write('graphlib.json', json(graphlib.json.write(g)), '-', g.nodeCount(),
	      g.edgeCount());
}
{
	const g = new graphlib.Graph({ directed: false });
	g.setEdge('a', 'b');
	g.setEdge('b', 'c');
	write('graphlib-undirected.json', json(graphlib.json.write(g)), '-',
	      g.nodeCount(), g.edgeCount());
	// undirected: "out" of c reaches b, against the written order
	write('graphlib-undirected.json', null, '--focus c --direction out',
	      g.neighbors('c').length + 1, g.nodeEdges('c').length);
}

// ---- ngraph.graph, ngraph.tojson
{
	const g = createGraph();
	g.addNode('KZ', { label: 'Kazakhstan', type: 'country' });
	g.addNode('SCO', 'Shanghai Cooperation Organisation');
	g.addLink('KZ', 'SCO', { type: 'member_of' });
	g.addLink('KZ', 'CN', { type: 'borders', km: 1765 });
	g.addLink('CN', 'SCO');
	write('ngraph.json', toJSON(g) + '\n', '-', g.getNodesCount(),
	      g.getLinksCount());
}

// ---- vis-network's data: the DataSets a Network is given (vis-network
// itself needs a browser: its DataSets come from vis-data)
{
	const nodes = new DataSet([
		{ id: 1, label: 'Kazakhstan', group: 'country',
		  title: 'Central Asian state' },
		{ id: 2, label: 'SCO', group: 'organization' },
		{ id: 3, label: 'China', group: 'country' },
		{ id: 4, label: 'Russia', group: 'country' },
	]);
	const edges = new DataSet([
		{ id: 'a', from: 1, to: 2, label: 'member_of', arrows: 'to' },
		{ id: 'b', from: 2, to: 3, label: 'member_of',
		  arrows: 'from' },
		{ id: 'c', from: 1, to: 3, label: 'borders' },
		{ id: 'd', from: 3, to: 4, label: 'partners',
		  arrows: { to: { enabled: true }, from: { enabled: true } } },
		{ id: 'e', from: 4, to: 2, label: 'member_of',
		  arrows: { to: true } },
	]);
	write('vis.json', json({ nodes: nodes.get(), edges: edges.get() }), '-',
	      nodes.length, edges.length);
	// Russia's arrows, followed out: to SCO, and both ways to China; no
	// arrowhead at either end of an edge, or at both, is no direction
	const head = (e) => typeof e.arrows === 'string' ? e.arrows :
		Object.keys(e.arrows || {}).join(', ');
	const kept = new Set([4]);

	edges.forEach((e) => {
		const dir = head(e);

		if (e.from === 4 && dir !== 'from')
			kept.add(e.to);
		if (e.to === 4 && dir !== 'to')
			kept.add(e.from);
	});
	write('vis.json', null, '--focus Russia --direction out', kept.size,
	      edges.get({ filter: (e) => kept.has(e.from) &&
				      kept.has(e.to) }).length);
}

fs.writeFileSync(path.join(dir, 'counts.tsv'), counts.join('\n') + '\n');
