#!/usr/bin/env python3
"""Quotes are the seed's own words (issue 20): every 「QUOTE」 that a `source:` of a built-in template
cites from a seed appears in that seed, whitespace aside (the seeds are scraped text, so a passage
may be broken across lines). A scrape that interleaves another cell's text into a passage is quoted
with `…` where that text was left out: each piece must appear, in the order written.

The quotes are read from `dacu templates --trace` (the parsed `source:` of every element); the
seed files in the repository's seeds/ (the paths the templates' `seeds:` name, seeds/000_….txt).

    python3 tests/cli/quotes.py --dacu build/apps/dacu --root .
"""
import argparse
import os
import pathlib
import re
import subprocess
import sys

parser = argparse.ArgumentParser()
parser.add_argument("--dacu", required=True)
parser.add_argument("--root", required=True)
parser.add_argument("--seeds", help="the folder holding the seed files (default: ROOT/seeds)")
options = parser.parse_args()
root = pathlib.Path(options.root)
seeds_dir = pathlib.Path(options.seeds) if options.seeds else pathlib.Path(options.root) / "seeds"
env = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8")
env.pop("LANGUAGE", None)

trace = subprocess.run([os.path.abspath(options.dacu), "templates", "--trace"], cwd=root, env=env,
                       capture_output=True, text=True)
if trace.returncode != 0:
    sys.exit(f"dacu templates --trace failed: {trace.stderr}")


def squeeze(text):
    return re.sub(r"\s+", "", text)


def found(quote, seed_text):
    """Where the quote's pieces end in the seed, in order; None when one is missing."""
    at = 0
    for piece in squeeze(quote).split("…"):
        if not piece:
            continue
        i = seed_text.find(piece, at)
        if i < 0:
            return None
        at = i + len(piece)
    return at


def cells(line):
    # A table row of the trace; `\|` is a | inside a cell.
    parts = re.split(r"(?<!\\) \| ", line.strip()[2:-2])
    return [p.replace("\\|", "|") for p in parts]


failures, checked = [], 0
template, seeds = None, {}
for line in trace.stdout.splitlines():
    if line.startswith("## "):
        template, seeds = line[3:].strip(), {}
        continue
    m = re.match(r"- seed (\S+): (\S+)$", line)
    if m:
        path = seeds_dir / pathlib.Path(m.group(2)).name
        if not path.is_file():
            failures.append(f"{template}: seed {m.group(1)}: no file {path}")
            seeds[m.group(1)] = None
        else:
            seeds[m.group(1)] = squeeze(path.read_text(encoding="utf-8"))
        continue
    if not line.startswith("| ") or line.startswith("| seed |"):
        continue
    row = cells(line)
    if len(row) != 6:
        continue
    seed, section, _, _, quote, element = row
    if not quote:
        continue
    if seed not in seeds:
        failures.append(f"{template}: {element}: seed {seed} is not declared under seeds:")
        continue
    if seeds[seed] is None:
        continue
    checked += 1
    if found(quote, seeds[seed]) is None:
        absent = [p for p in squeeze(quote).split("…") if p and p not in seeds[seed]]
        why = f"「{absent[0]}」 is not in the seed" if absent else "its pieces are not in this order in the seed"
        failures.append(f"{template}: {element}: 「{quote}」 (§{section}): {why}")

for f in failures:
    print(f"FAIL: {f}")
print(f"{checked} quotes checked against their seeds; {len(failures)} failures")
sys.exit(1 if failures or checked == 0 else 0)
