#!/usr/bin/env python3
"""A SPARQL endpoint that fails on purpose, for tests/sparql.sh:
`faults.py PORTFILE LOG` listens on a free port of 127.0.0.1, writes it
to PORTFILE, and answers by path:

  /ok      a small graph's SPARQL JSON results, to any query
  /slow    nothing for 5 s (past a --timeout of 1)
  /error   HTTP 500 with the store's message
  /busy    HTTP 429 with Retry-After: 1 the first time, then /ok's answer
  /html    an HTML page, as a proxy's error page is
  /cut     a Content-Length of 4000 and 100 bytes, then the end
  /big     3 MiB of valid results (past --max-response 1)
  /moved   a redirect to /moved, for ever
  /auth    /ok's answer with the user "user" and password "secret", else
           HTTP 401

Each request's method, path, User-Agent, Accept and Accept-Encoding
are appended to LOG, one line each."""
import base64
import gzip
import http.server
import json
import sys
import time

busy_seen = set()


def row(s, p, o, literal=False):
    obj = {"type": "literal", "value": o} if literal else \
        {"type": "uri", "value": o}
    return {"s": {"type": "uri", "value": s}, "p": {"type": "uri",
            "value": p}, "o": obj}


WD = "http://www.wikidata.org/entity/"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
OK = json.dumps({"head": {"vars": ["s", "p", "o"]}, "results": {"bindings": [
    row(WD + "Q232", "http://www.wikidata.org/prop/direct/P36", WD + "Q1520"),
    row(WD + "Q232", LABEL, "Kazakhstan", True),
    row(WD + "Q1520", LABEL, "Astana", True),
]}}).encode()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def answer(self, status, body, ctype="application/sparql-results+json",
               extra=()):
        gz = "gzip" in (self.headers.get("Accept-Encoding") or "")
        if gz:
            body = gzip.compress(body)
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        if gz:
            self.send_header("Content-Encoding", "gzip")
        for k, v in extra:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def handle_one(self):
        n = int(self.headers.get("Content-Length") or 0)
        if n:
            self.rfile.read(n)
        with open(sys.argv[2], "a") as log:
            log.write("%s %s|%s|%s|%s\n" % (
                self.command, self.path.split("?")[0],
                self.headers.get("User-Agent"), self.headers.get("Accept"),
                self.headers.get("Accept-Encoding")))
        path = self.path.split("?")[0]
        if path == "/ok":
            self.answer(200, OK)
        elif path == "/auth":
            # user:secret, as SCOGRAPH_SPARQL_AUTH gives it
            if self.headers.get("Authorization") == \
                    "Basic " + base64.b64encode(b"user:secret").decode():
                self.answer(200, OK)
            else:
                self.answer(401, b"credentials needed\n", "text/plain",
                            [("WWW-Authenticate", 'Basic realm="kg"')])
        elif path == "/slow":
            time.sleep(5)
            self.answer(200, OK)
        elif path == "/error":
            self.answer(500, b"Virtuoso 37000 Error SP030: SPARQL compiler,"
                        b" line 1: syntax error at 'WHER'\nSPARQL query:\n"
                        b"SELECT ...\n", "text/plain")
        elif path == "/busy":
            if path in busy_seen:
                self.answer(200, OK)
            else:
                busy_seen.add(path)
                self.answer(429, b"slow down\n", "text/plain",
                            [("Retry-After", "1")])
        elif path == "/html":
            self.answer(200, b"<!DOCTYPE html>\n<html><title>502 Bad Gateway"
                        b"</title></html>\n", "text/html")
        elif path == "/cut":
            self.send_response(200)
            self.send_header("Content-Type",
                             "application/sparql-results+json")
            self.send_header("Content-Length", "4000")
            self.end_headers()
            self.wfile.write(OK[:100])
            self.wfile.flush()
            self.close_connection = True
        elif path == "/big":
            rows = [row(WD + "Q%d" % i, LABEL, "x" * 100, True)
                    for i in range(20000)]
            self.answer(200, json.dumps({"head": {"vars": ["s", "p", "o"]},
                        "results": {"bindings": rows}}).encode())
        elif path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/moved")
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:
            self.answer(404, b"no such endpoint\n", "text/plain")

    do_GET = handle_one
    do_POST = handle_one


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
# (a client that gave up, as the timeout's does, is no news)
server.handle_error = lambda *args: None
with open(sys.argv[1] + ".new", "w") as f:
    f.write("%d\n" % server.server_address[1])
import os  # noqa: E402
os.rename(sys.argv[1] + ".new", sys.argv[1])
server.serve_forever()
