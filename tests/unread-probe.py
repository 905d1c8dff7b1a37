#!/usr/bin/env python3
"""Nothing read goes unaccounted for: a check over every fixture.

For every JSON and JSON Lines fixture (the files tests/test_fixtures.c
walks, by its own globs), at each distinct path of objects (the first
object found there), a marked key is added, holding once a string and
once an object, and the real binary reads the file (-T json, no layout).
The marker must then be in the output (kept: an attribute, a name ...),
or named by a warning at its place or at a place holding it (unread, as
rd_unread says it), or the file must be refused (exit 1): anything else
is a silent drop, and fails.

One exception, a rule of JSON-LD rather than of a reader: a string in a
JSON-LD "@context" defines a term, and a term no data uses holds nothing
of the data (a JSON-LD processor drops it too), so only the marker as an
object (an expanded term definition) is probed there.

To be quick, the markers of a file go in together, as many to a run as
the warnings scograph shows (20 of a kind) can name, and a run refused
is split in halves. In a run of several, a marker is named
by a warning at its place only where the file as it is has that warning
(the same text but for counts, at the same place of the original): one
no marker caused. A marker whose fate such a run does not tell is probed
again alone.

usage: unread-probe.py SCOGRAPH [FIXTURE...]
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
ERROR = re.compile(r"^scograph: .*?: error: (.*)$", re.M)


def markers_of(n, path):
    """The markers for the object numbered n, at path: (key, its value
    as written, what is distinctive in that)."""
    ms = [("%s%ds" % (MARK, n), '"zqx-value-%ds"' % n, "zqx-value-%ds" % n),
          ("%s%do" % (MARK, n), '{"zqxinner": "zqx-value-%do"}' % n,
           "zqx-value-%do" % n)]
    # (a string in a JSON-LD @context is a term definition: see above)
    return ms[1:] if path and path[-1] == "@context" else ms


def write(tmp, fixture, text, objs):
    """The fixture with the markers of objs, (n, path, start, holders),
    added; the name it is written under, the text, and where in it
    what was added stands (offset, length), in order."""
    changed = text
    spans = []
    for n, path, start, _ in sorted(objs, key=lambda o: -o[2]):
        members = ", ".join('"%s": %s' % m[:2] for m in markers_of(n, path))
        rest = changed[start + 1:].lstrip()
        sep = "" if rest.startswith("}") else ", "
        changed = changed[:start + 1] + members + sep + changed[start + 1:]
        # (each added before those already: they move on)
        spans = [(start + 1, len(members + sep))] + [
            (o + len(members + sep), l) for o, l in spans]
    out = os.path.join(tmp, "%d-%d" % (objs[0][0], len(objs)),
                       os.path.basename(fixture))
    os.makedirs(os.path.dirname(out))
    with open(out, "w", encoding="utf-8") as f:
        f.write(changed)
    return out, changed, spans


def offset(text, line, col):
    """The offset of line and column (both from 1) in text."""
    at = 0
    for _ in range(line - 1):
        at = text.index("\n", at) + 1
    return at + col - 1


def original(spans, at):
    """Where offset at of the text with spans added stands in the text
    without them; None inside what was added."""
    back = 0
    for o, l in spans:
        if at < o:
            break
        if at < o + l:
            return None
        back += l
    return at - back


COUNTS = re.compile(r" \(\d+[^)]*\)")


def baseline(text, stderr):
    """The warnings of the file as it is: (text but for counts,
    offset)."""
    return {(COUNTS.sub("", w[3]), offset(text, int(w[1]), int(w[2])))
            for w in WARNING.findall(stderr)}


def fates(binary, tmp, fixture, text, base, objs):
    """{(n, variant): fate} for the markers of objs: kept, named, refused
    or silent. base: the warnings of the file as it is (baseline)."""
    out, changed, spans = write(tmp, fixture, text, objs)
    rc, stdout, stderr = run(binary, out)
    alone = len(objs) == 1
    if rc != 0:
        # (an error that names a marker refuses the file for it: the
        # others are probed again without it)
        errors = ERROR.findall(stderr)
        refused = [o for o in objs if alone or any(
            m[0] in e for m in markers_of(o[0], o[1]) for e in errors)]
        got = {(n, v): "refused" for n, path, _, _ in refused
               for v in ("string", "object")[-len(markers_of(n, path)):]}
        rest = [o for o in objs if o not in refused]
        if refused:
            if rest:
                got.update(fates(binary, tmp, fixture, text, base, rest))
            return got
        half = len(objs) // 2
        got = fates(binary, tmp, fixture, text, base, objs[:half])
        got.update(fates(binary, tmp, fixture, text, base, objs[half:]))
        return got
    warnings = WARNING.findall(stderr)
    # (in a run of several, only the warnings no marker caused tell by
    # place: a marker may hide another that would be silent alone)
    placed = warnings if alone else [
        w for w in warnings
        if (COUNTS.sub("", w[3]), original(spans, offset(
            changed, int(w[1]), int(w[2])))) in base]
    got, again = {}, []
    for n, path, start, holders in objs:
        ms = markers_of(n, path)
        variants = ("string", "object")[-len(ms):]
        for variant, (key, _, value) in zip(variants, ms):
            fate = "silent"
            if key in stdout or value in stdout:
                fate = "kept"
            elif any(key in w[3] for w in warnings):
                fate = "named"
            else:
                fate = named_by_place(changed, start, path, holders, key,
                                      placed)
            got[(n, variant)] = fate
        if not alone and any(got[(n, v)] == "silent" for v in variants):
            again.append((n, path, start, holders))
    for obj in again:
        got.update(fates(binary, tmp, fixture, text, base, [obj]))
    return got


def named_by_place(changed, start, path, holders, key, warnings):
    """"named" when a warning stands at the marker's place or at one
    holding it, or names the key holding it, or a drawing hint or part
    aside at a key on its path; else "silent"."""
    holder = next((k for k in reversed(path) if k != "*"), None)
    # (drawing hints and parts aside are counted by key over the whole
    # file: all that a key named there holds, at any depth, is named)
    hinted = [k for k in path if k != "*"]
    kstart = changed.index('"%s"' % key, start)
    vstart = kstart + len('"%s": ' % key)
    places = {place(changed, o) for o in holders + (kstart, vstart)}
    for _, line, col, msg in warnings:
        if ((int(line), int(col)) in places or
                ("not read" in msg and holder is not None and
                 "'%s'" % holder in msg) or
                ((msg.startswith("drawing hints") or
                  msg.startswith("parts with no place")) and
                 any("'%s' (" % k in msg for k in hinted))):
            return "named"
    return "silent"


def probe_file(binary, tmp, fixture):
    """The fixture's markers and their fates, or None for a file that is
    no JSON or is refused as it is (it has nothing to drop)."""
    text, lines = kind_of(fixture)
    if text is None:
        return None
    rc, _, stderr = run(binary, fixture)
    if rc != 0:
        return None
    objs = [(n, path, start, holders) for n, (path, (start, holders))
            in enumerate(objects(text, lines).items())]
    if not objs:
        return objs, {}
    sub = os.path.join(tmp, fixture.replace("/", "_"))
    os.makedirs(sub)
    base = baseline(text, stderr)
    # (scograph shows 20 warnings of a kind: the rest are only counted)
    size = max(1, (20 - len(base)) // 2)
    got = {}
    for i in range(0, len(objs), size):
        got.update(fates(binary, sub, fixture, text, base,
                         objs[i:i + size]))
    return objs, got


def main():
    binary = os.path.abspath(sys.argv[1])
    files = sys.argv[2:] or list(fixtures())
    with tempfile.TemporaryDirectory() as tmp, \
            concurrent.futures.ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda f: probe_file(binary, tmp, f), files))

    silent = {}
    tally = {}
    nfiles = nmarkers = 0
    for fixture, result in zip(files, results):
        if result is None:
            continue
        nfiles += 1
        objs, got = result
        paths = {n: path for n, path, _, _ in objs}
        for (n, variant), fate in sorted(got.items()):
            nmarkers += 1
            tally[fate] = tally.get(fate, 0) + 1
            if fate == "silent":
                where = "/" + "/".join(paths[n])
                silent.setdefault((fixture, where), []).append(variant)

    for (fixture, where), variants in sorted(silent.items()):
        print("SILENT: %s %s (marker as %s)" % (fixture, where,
                                                " and ".join(variants)))
    print("unread probe: %d files, %d markers: %s; %d silent drops "
          "(%d paths)" % (
              nfiles, nmarkers,
              ", ".join("%d %s" % (tally[k], k) for k in sorted(tally)),
              tally.get("silent", 0), len(silent)))
    return 1 if silent else 0


if __name__ == "__main__":
    sys.exit(main())
