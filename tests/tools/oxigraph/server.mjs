// Oxigraph (npm's oxigraph, the engine in WebAssembly) as a SPARQL 1.1
// Protocol endpoint for tests/sparql.sh: `node server.mjs GRAPH.nt
// PORTFILE` loads the N-Triples file into an in-memory store, listens on
// a free port of 127.0.0.1, writes the port to PORTFILE once it answers,
// and serves /sparql: GET ?query= or POST of a form or of a query,
// SELECT answered as SPARQL JSON results, CONSTRUCT as N-Triples, an
// error as HTTP 400 with its message.
import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import oxigraph from "oxigraph";

const [graph, portFile] = process.argv.slice(2);
const store = new oxigraph.Store();
store.load(readFileSync(graph, "utf8"), { format: "application/n-triples" });

function answer(query, res) {
  const construct = /^\s*(PREFIX[^>]*>\s*)*(CONSTRUCT|DESCRIBE)/i.test(query);
  const type = construct ? "application/n-triples" :
    "application/sparql-results+json";
  let body;
  try {
    body = store.query(query, { results_format: type });
  } catch (e) {
    res.writeHead(400, { "Content-Type": "text/plain" });
    res.end(String(e.message || e));
    return;
  }
  res.writeHead(200, { "Content-Type": type });
  res.end(body);
}

const server = createServer((req, res) => {
  const url = new URL(req.url, "http://127.0.0.1");
  if (url.pathname !== "/sparql") {
    res.writeHead(404, { "Content-Type": "text/plain" });
    res.end("no such endpoint");
    return;
  }
  if (req.method === "GET") {
    answer(url.searchParams.get("query") || "", res);
    return;
  }
  let text = "";
  req.setEncoding("utf8");
  req.on("data", (chunk) => { text += chunk; });
  req.on("end", () => {
    const form = (req.headers["content-type"] || "").startsWith(
      "application/x-www-form-urlencoded");
    answer(form ? new URLSearchParams(text).get("query") || "" : text, res);
  });
});
server.listen(0, "127.0.0.1", () => {
  writeFileSync(portFile, String(server.address().port));
});
