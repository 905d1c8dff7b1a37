#!/usr/bin/python3
"""Writes the README's minimal file of each input format into a folder, as
NAME.json or NAME.jsonl (a row's "⏎" separates lines, "⇥" stands for a
tab), and lists the formats with a row, one a line.
usage: readme-formats.py README.md DIR"""
import os
import re
import sys

readme, out = sys.argv[1], sys.argv[2]
table = False
for line in open(readme, encoding="utf-8"):
    if line.startswith("| `--from-format`"):
        table = True
        continue
    if table and not line.startswith("|"):
        break
    m = re.match(r"^\| `([a-z0-9-]+)` \|.*\| (`.*`) \|$", line.rstrip("\n"))
    if not m:
        continue
    name, cell = m.groups()
    records = re.findall(r"`([^`]*)`", cell)
    ext = ".jsonl" if len(records) > 1 else ".json"
    with open(os.path.join(out, name + ext), "w", encoding="utf-8") as f:
        f.write("\n".join(records).replace("⇥", "\t") + "\n")
    print(name)
