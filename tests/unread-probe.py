#!/usr/bin/env python3
"""Nothing read goes unaccounted for: a ratchet over every fixture.

For every JSON and JSON Lines fixture (the files tests/test_fixtures.c
walks, by its own globs), at each distinct path of objects (the first
object found there), a marked key is added, holding once a string and
once an object, and the real binary reads the file (-T json, no layout).
The marker must then be in the output (kept: an attribute, a name ...),
or named by a warning at its place or at a place holding it (unread, as
rd_unread says it), or the file must be refused (exit 1): anything else
is a silent drop. Drops listed in the allowlist (FILE, a tab, PATH, a
tab, a reason) are tolerated; any other drop fails, and so does an entry
of the allowlist that no longer drops, so the list only shrinks.

usage: unread-probe.py SCOGRAPH [ALLOWLIST]
"""
import concurrent.futures
import fnmatch
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

MARK = "zqxmark"


def fixtures():
    """The fixtures tests/test_fixtures.c walks, read from its globs."""
    src = open("tests/test_fixtures.c", encoding="utf-8").read()

    def strings(array):
        body = re.search(r"\b%s\[\]\s*=\s*\{(.*?)\};" % array, src, re.S)
        return re.findall(r'"([^"]*)"', body.group(1))

    skip = strings("not_fixtures")
    for place in strings("places"):
        for path in sorted(glob.glob(place)):
            name = os.path.basename(path)
            if (os.path.isfile(path) and os.path.getsize(path) and
                    not any(fnmatch.fnmatch(name, p) for p in skip)):
                yield path


class Scanner:
    """Walks JSON text noting where each object begins and its path."""

    def __init__(self, text):
        self.t = text
        self.i = 0
        self.objects = []  # (offset of '{', path, offsets of containers)

    def space(self):
        while self.i < len(self.t) and self.t[self.i] in " \t\r\n":
            self.i += 1

    def string(self):
        j = self.i + 1
        while self.t[j] != '"':
            j += 2 if self.t[j] == "\\" else 1
        s = json.loads(self.t[self.i:j + 1])
        self.i = j + 1
        return s

    def value(self, path, holders):
        self.space()
        c = self.t[self.i]
        start = self.i
        if c == "{":
            self.objects.append((start, path, holders + (start,)))
            self.i += 1
            self.space()
            if self.t[self.i] == "}":
                self.i += 1
                return
            while True:
                self.space()
                key = self.string()
                self.space()
                self.i += 1  # ':'
                self.value(path + (key,), holders + (start,))
                self.space()
                c = self.t[self.i]
                self.i += 1
                if c == "}":
                    return
        elif c == "[":
            self.i += 1
            self.space()
            if self.t[self.i] == "]":
                self.i += 1
                return
            while True:
                self.value(path + ("*",), holders + (start,))
                self.space()
                c = self.t[self.i]
                self.i += 1
                if c == "]":
                    return
        elif c == '"':
            self.string()
        else:
            while self.i < len(self.t) and self.t[self.i] not in ",]} \t\r\n":
                self.i += 1


def objects(text, lines):
    """The first object at each distinct path, in document order."""
    s = Scanner(text)
    if lines:
        while True:
            s.space()
            if s.i >= len(text):
                break
            s.value(("*",), ())
    else:
        s.value((), ())
    seen = {}
    for start, path, holders in s.objects:
        seen.setdefault(path, (start, holders))
    return seen


def place(text, offset):
    """Line and column (both from 1) of offset."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def kind_of(path):
    with open(path, "rb") as f:
        data = f.read()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None, None
    try:
        json.loads(text)
        return text, False
    except ValueError:
        pass
    try:
        if all(json.loads(l) is not None for l in text.splitlines()
               if l.strip()):
            return text, True
    except ValueError:
        pass
    return None, None


def run(binary, path):
    p = subprocess.run([binary, "-T", "json", "--max-nodes", "0", path],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return (p.returncode, p.stdout.decode("utf-8", "replace"),
            p.stderr.decode("utf-8", "replace"))


WARNING = re.compile(r"^scograph: (.*?):(\d+):(\d+): warning: (.*)$", re.M)


def probe(binary, tmp, fixture, text, path, start, holders, n):
    """The fates of two markers added to the object at start: a string,
    then an object (one run for both: a file refused is refused for
    each)."""
    # (key, its value as written, what is distinctive in that)
    markers = [("%s%ds" % (MARK, n), '"zqx-value-%ds"' % n,
                "zqx-value-%ds" % n),
               ("%s%do" % (MARK, n), '{"zqxinner": "zqx-value-%do"}' % n,
                "zqx-value-%do" % n)]
    members = ", ".join('"%s": %s' % m[:2] for m in markers)
    rest = text[start + 1:].lstrip()
    sep = "" if rest.startswith("}") else ", "
    changed = text[:start + 1] + members + sep + text[start + 1:]
    out = os.path.join(tmp, str(n), os.path.basename(fixture))
    os.makedirs(os.path.dirname(out))
    with open(out, "w", encoding="utf-8") as f:
        f.write(changed)
    rc, stdout, stderr = run(binary, out)
    if rc != 0:
        return ["refused"] * len(markers)
    holder = next((k for k in reversed(path) if k != "*"), None)
    # (drawing hints and parts aside are counted by key over the whole
    # file: all that a key named there holds, at any depth, is named)
    hinted = [k for k in path if k != "*"]
    warnings = WARNING.findall(stderr)
    fates = []
    for key, _, value in markers:
        kstart = changed.index('"%s"' % key, start)
        vstart = kstart + len('"%s": ' % key)
        places = {place(changed, o) for o in holders + (kstart, vstart)}
        fate = "silent"
        if key in stdout or value in stdout:
            fate = "kept"
        for _, line, col, msg in warnings:
            if fate == "silent" and (
                    key in msg or (int(line), int(col)) in places or
                    ("not read" in msg and holder is not None and
                     "'%s'" % holder in msg) or
                    ((msg.startswith("drawing hints") or
                      msg.startswith("parts with no place")) and
                     any("'%s' (" % k in msg for k in hinted))):
                fate = "named"
        fates.append(fate)
    return fates


def main():
    binary = os.path.abspath(sys.argv[1])
    allow_file = sys.argv[2] if len(sys.argv) > 2 else None
    allowed = {}
    if allow_file:
        for line in open(allow_file, encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 3 or not parts[2].strip():
                sys.exit("%s: an entry needs FILE, PATH and a reason: %r"
                         % (allow_file, line))
            allowed[(parts[0], parts[1])] = parts[2]

    jobs = []
    nfiles = 0
    for fixture in fixtures():
        text, lines = kind_of(fixture)
        if text is None:
            continue
        if run(binary, fixture)[0] != 0:
            continue  # a file refused as it is has nothing to drop
        nfiles += 1
        for path, (start, holders) in objects(text, lines).items():
            jobs.append((fixture, text, path, start, holders))

    with tempfile.TemporaryDirectory() as tmp, \
            concurrent.futures.ThreadPoolExecutor(2) as pool:
        results = list(pool.map(
            lambda a: probe(binary, tmp, *a[1], a[0]), enumerate(jobs)))

    silent = {}
    tally = {}
    for (fixture, _, path, _, _), fates in zip(jobs, results):
        for variant, fate in zip(("string", "object"), fates):
            tally[fate] = tally.get(fate, 0) + 1
            if fate == "silent":
                where = "/" + "/".join(path)
                silent.setdefault((fixture, where), []).append(variant)

    failed = 0
    for (fixture, where), variants in sorted(silent.items()):
        mark = "allowed" if (fixture, where) in allowed else "SILENT"
        failed += mark == "SILENT"
        print("%s: %s %s (marker as %s)" % (mark, fixture, where,
                                             " and ".join(variants)))
    for entry in sorted(set(allowed) - set(silent)):
        print("STALE: %s %s is read now: remove it from %s"
              % (entry[0], entry[1], allow_file))
        failed += 1
    print("unread probe: %d files, %d markers: %s; %d silent drops "
          "(%d paths), %d allowed" % (
              nfiles, 2 * len(jobs),
              ", ".join("%d %s" % (tally[k], k) for k in sorted(tally)),
              tally.get("silent", 0), len(silent),
              len(set(silent) & set(allowed))))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
