// Writes this folder's graphs with LangChain.js's own GraphDocument, Node,
// Relationship and Document (@langchain/community, @langchain/core): what
// LLMGraphTransformer hands back, built here without a language model.
// - stub.json: JSON.stringify(graphDocument), all LangChain.js writes of it
//   (its classes are not serializable: a {"lc": 1, "type":
//   "not_implemented"} stand-in, no graph);
// - graph-document.json and graph-documents.json: one document and a list
//   of them, their fields under LangChain's own names (nodes {id, type,
//   properties}, relationships {source, target, type, properties}, source
//   {pageContent, metadata}), as a user keeps them;
// - counts.tsv: entities (distinct node ids) and relationships, as the
//   documents hold them.
// usage: npm ci && node make.mjs
import { writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
	GraphDocument, Node, Relationship,
} from '@langchain/community/graphs/document';
import { Document } from '@langchain/core/documents';

// (written beside this script, wherever it is run from)
process.chdir(dirname(fileURLToPath(import.meta.url)));

const node = (id, type, properties = {}) => new Node({ id, type, properties });
const rel = (source, target, type, properties = {}) =>
	new Relationship({ source, target, type, properties });

const kz = node('Kazakhstan', 'Country', { capital: 'Astana' });
const sco = node('Shanghai Cooperation Organisation', 'Organization');
const ru = node('Russia', 'Country');
const cn = node('China', 'Country');
const summit = node('Astana Summit 2024', 'Event', { year: 2024 });
const docs = [
	new GraphDocument({
		nodes: [kz, sco, ru],
		relationships: [rel(kz, sco, 'MEMBER_OF', { since: 2001 }),
			rel(ru, sco, 'MEMBER_OF'), rel(ru, kz, 'BORDERS')],
		source: new Document({ pageContent: 'Kazakhstan and Russia are members of the SCO; they share a border.', metadata: { source: 'sco.txt', chunk: 0 } }),
	}),
	new GraphDocument({
		nodes: [cn, sco, summit, kz],
		relationships: [rel(cn, sco, 'MEMBER_OF'),
			rel(kz, summit, 'HOSTED'), rel(summit, sco, 'SUMMIT_OF')],
		source: new Document({ pageContent: 'China is a member; Kazakhstan hosted the 2024 summit in Astana.', metadata: { source: 'sco.txt', chunk: 1 } }),
	}),
];

const plainNode = ({ id, type, properties }) => ({ id, type, properties });
const plain = (d) => ({
	nodes: d.nodes.map(plainNode),
	relationships: d.relationships.map(({ source, target, type, properties }) =>
		({ source: plainNode(source), target: plainNode(target), type, properties })),
	source: { pageContent: d.source.pageContent, metadata: d.source.metadata },
});
const write = (file, v) => writeFileSync(file, JSON.stringify(v, null, 2) + '\n');

writeFileSync('stub.json', JSON.stringify(docs[0]) + '\n');
write('graph-document.json', plain(docs[0]));
write('graph-documents.json', docs.map(plain));
const count = (ds) => [new Set(ds.flatMap((d) => d.nodes.map((n) => n.id))).size,
	ds.reduce((n, d) => n + d.relationships.length, 0)];
writeFileSync('counts.tsv', [
	['graph-document.json', '-', ...count([docs[0]])],
	['graph-documents.json', '-', ...count(docs)],
].map((r) => r.join('\t')).join('\n') + '\n');
