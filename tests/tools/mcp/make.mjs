// Graphs written by the MCP memory server itself, with its own counts.
// Runs the server (as an MCP client would, over stdio), builds a small SCO
// graph through its tools, and keeps what it writes and answers:
//   memory.jsonl      its memory file
//   read-graph.json   its answer to read_graph
//   search.json       its answer to search_nodes("Kazakhstan")
// and counts.tsv: each file with the entities and relations the server
// itself gives (an answer's relations may name entities it does not list:
// search_nodes gives the relations of what it found; those count too, as
// scograph adds them). Regenerate:  npm ci && node make.mjs
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { mkdtempSync, copyFileSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), "scograph-mcp-"));
const memory = join(scratch, "memory.jsonl");
const server = join(here, "node_modules/@modelcontextprotocol/server-memory/dist/index.js");

const transport = new StdioClientTransport({
  command: process.execPath, args: [server],
  env: { ...process.env, MEMORY_FILE_PATH: memory }, stderr: "ignore",
});
const client = new Client({ name: "scograph-tests", version: "1" });
await client.connect(transport);

const call = async (name, args) => {
  const answer = await client.callTool({ name, arguments: args });
  if (answer.isError) throw new Error(`${name}: ${JSON.stringify(answer)}`);
  return answer.content[0].text;
};

await call("create_entities", { entities: [
  { name: "Kazakhstan", entityType: "country",
    observations: ["Founding member of the SCO", "Holds the SCO presidency in 2024"] },
  { name: "SCO", entityType: "organization",
    observations: ["Shanghai Cooperation Organization"] },
  { name: "SCO Investment Fund", entityType: "proposal", observations: [] },
  { name: "Nurly Zhol", entityType: "policy",
    observations: ["Kazakh infrastructure and connectivity policy"] },
  { name: "Belt and Road Initiative", entityType: "initiative", observations: [] },
] });
await call("create_relations", { relations: [
  { from: "Kazakhstan", to: "SCO", relationType: "founding_member_of" },
  { from: "Kazakhstan", to: "SCO", relationType: "chairs" },
  { from: "Kazakhstan", to: "SCO Investment Fund", relationType: "proposes" },
  { from: "Kazakhstan", to: "Nurly Zhol", relationType: "pursues" },
  { from: "Nurly Zhol", to: "Belt and Road Initiative", relationType: "aligns_with" },
] });
await call("add_observations", { observations: [
  { entityName: "SCO Investment Fund", contents: ["Proposed to pool joint investment"] },
] });

const rows = [];
const keep = (file, text, args = "-") => {
  writeFileSync(join(here, file), text.endsWith("\n") ? text : text + "\n");
  const graph = JSON.parse(text);
  const named = new Set(graph.entities.map(e => e.name));
  for (const r of graph.relations) named.add(r.from).add(r.to);
  rows.push([file, args, named.size, graph.relations.length]);
};
const graph = await call("read_graph", {});
keep("read-graph.json", graph);
keep("search.json", await call("search_nodes", { query: "Kazakhstan" }));
await client.close();

copyFileSync(memory, join(here, "memory.jsonl"));
const whole = JSON.parse(graph);
rows.push(["memory.jsonl", "-", whole.entities.length, whole.relations.length]);
writeFileSync(join(here, "counts.tsv"), rows.map(r => r.join("\t")).join("\n") + "\n");
rmSync(scratch, { recursive: true });
