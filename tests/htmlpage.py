#!/usr/bin/python3
"""Checks a page scograph wrote (-T html) as a browser would take it: its
Content-Security-Policy allows exactly its own script and styles, by their
SHA-256 (and nothing by 'unsafe-inline', nor any source over the network);
it has one script to run and one data block, whose JSON is the view as -T
json writes it; every SVG id the data names is an element of the drawing.
usage: htmlpage.py PAGE.html VIEW.json   (prints what is wrong; exit 1)"""
import base64
import hashlib
import html.parser
import json
import re
import sys


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.csp, self.scripts, self.styles, self.ids = None, [], [], set()
        self.inside = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and a.get("http-equiv") == "Content-Security-Policy":
            self.csp = a["content"]
        if tag in ("script", "style"):
            self.inside = (tag, a.get("type"), [])
        if "id" in a:
            self.ids.add(a["id"])
        for k in a:
            if k.startswith("on"):
                problems.append("an event handler: %s" % k)

    def handle_data(self, data):
        if self.inside:
            self.inside[2].append(data)

    def handle_endtag(self, tag):
        if self.inside and tag == self.inside[0]:
            text = "".join(self.inside[2])
            if tag == "style":
                self.styles.append(text)
            else:
                self.scripts.append((self.inside[1], text))
            self.inside = None


def sha(text):
    return "'sha256-%s'" % base64.b64encode(
        hashlib.sha256(text.encode("utf-8")).digest()).decode()


problems = []
page = Page()
page.feed(open(sys.argv[1], encoding="utf-8").read())
view = json.load(open(sys.argv[2], encoding="utf-8"))
policy = dict((d.split()[0], d.split()[1:])
              for d in (page.csp or "").split(";") if d.strip())
run = [t for k, t in page.scripts if k is None]
data = [t for k, t in page.scripts if k == "application/json"]
if policy.get("default-src") != ["'none'"]:
    problems.append("default-src is not 'none': %s" % page.csp)
if len(run) != 1 or len(data) != 1:
    problems.append("%d scripts to run, %d data blocks" % (len(run), len(data)))
if sorted(policy.get("script-src", [])) != sorted(sha(t) for t in run):
    problems.append("script-src is not the script's hash")
if sorted(policy.get("style-src", [])) != sorted(sha(t) for t in page.styles):
    problems.append("style-src is not the styles' hashes")
if any(re.search(r"unsafe|https?:|\*", " ".join(v)) for v in policy.values()):
    problems.append("the policy allows more: %s" % page.csp)
if data:
    got = json.loads(data[0])
    if got["graph"] != view:
        problems.append("the data is not the view's JSON")
    for kind in ("entities", "relations"):
        if len(got["svg"][kind]) != len(view[kind]):
            problems.append("%s: %d SVG ids for %d" % (
                kind, len(got["svg"][kind]), len(view[kind])))
        missing = [i for i in got["svg"][kind] if i not in page.ids]
        if missing:
            problems.append("not in the drawing: %s" % missing[:3])
if problems:
    print("\n".join(problems))
sys.exit(1 if problems else 0)
