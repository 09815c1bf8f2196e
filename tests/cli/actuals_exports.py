#!/usr/bin/env python3
"""Actuals as 生意参谋 exports them give the report the UTF-8 CSV gives.

- The committed exports are what tests/data/make_exports.py writes (workbooks compared part by
  part, since zlib's bytes may differ between versions; the rest byte for byte).
- `dacu report` on examples/雪凡妮-实时数据.xlsx and on examples/雪凡妮-实时数据-gbk.csv (times of day
  alone, dated on 开团) equals the report on examples/雪凡妮-实时数据.csv, in md and json, but for
  the actuals label, which for the GBK file states the day it used.
- Hourly figures summed with --per-period give the report the cumulative CSV gives.
- The table of header variants in docs/format.md is the table in lib/input/actuals_names.cpp.
"""
import argparse
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import zipfile

EXAMPLE = "examples/雪凡妮-双十二聚划算.yaml"
CSV = "examples/雪凡妮-实时数据.csv"
XLSX = "examples/雪凡妮-实时数据.xlsx"
GBK = "examples/雪凡妮-实时数据-gbk.csv"


def run(dacu, root, args):
    env = dict(os.environ, NO_COLOR="1", LC_ALL="C.UTF-8")
    r = subprocess.run([dacu] + args, cwd=root, env=env, capture_output=True, timeout=60)
    return r.returncode, r.stdout.decode(), r.stderr.decode()


def members(data):
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name) for name in z.namelist()}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dacu", required=True)
    parser.add_argument("--root", required=True)
    o = parser.parse_args()
    dacu, root = os.path.abspath(o.dacu), o.root
    problems = []

    # The committed files are the generator's.
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([sys.executable, os.path.join(root, "tests/data/make_exports.py"), "--root", root, "--out", out], check=True)
        for folder, _, files in os.walk(out):
            for name in files:
                made = os.path.join(folder, name)
                rel = os.path.relpath(made, out)
                with open(made, "rb") as f:
                    want = f.read()
                try:
                    with open(os.path.join(root, rel), "rb") as f:
                        have = f.read()
                except FileNotFoundError:
                    problems.append(f"{rel}: missing; run tests/data/make_exports.py --root .")
                    continue
                same = members(want) == members(have) if rel.endswith(".xlsx") and want.startswith(b"PK") else want == have
                if not same:
                    problems.append(f"{rel}: not what tests/data/make_exports.py writes; run it with --root .")

    # One report, three files.
    for fmt in ("md", "json"):
        base = ["report", EXAMPLE, "--as-of", "2026-12-20T12:30", "--format", fmt]
        code, want, err = run(dacu, root, base + ["--actuals", CSV])
        if code != 0 or err:
            problems.append(f"{CSV} {fmt}: exit {code} {err}")
            continue
        for path in (XLSX, GBK):
            code, got, err = run(dacu, root, base + ["--actuals", path])
            if code != 0 or err:
                problems.append(f"{path} {fmt}: exit {code} {err}")
                continue
            if fmt == "json":
                a, b = json.loads(want), json.loads(got)
                label = b.pop("actuals")
                a.pop("actuals")
                if a != b:
                    problems.append(f"{path}: the JSON report differs from {CSV}'s")
                if path == GBK and label != [f"{GBK}（时刻按开团日 2026-12-20 计）"]:
                    problems.append(f"{path}: the report does not state the day it dated 10:15 on: {label}")
                if path == XLSX and label != [XLSX]:
                    problems.append(f"{path}: actuals label {label}")
            else:
                strip = lambda text: text.replace(CSV, "FILE").replace(path, "FILE").replace("（时刻按开团日 2026-12-20 计）", "")
                if strip(want) != strip(got):
                    problems.append(f"{path}: the Markdown report differs from {CSV}'s")

    # Hourly figures, summed.
    base = ["report", EXAMPLE, "--as-of", "2026-12-20T11:10", "--format", "json"]
    _, want, _ = run(dacu, root, base + ["--actuals", CSV])
    code, got, err = run(dacu, root, base + ["--actuals", "tests/data/actuals-hourly.csv", "--per-period"])
    if code != 0 or "[D445]" not in err:
        problems.append(f"--per-period: exit {code}, stderr {err!r} (want the D445 warning)")
    else:
        a, b = json.loads(want), json.loads(got)
        a.pop("actuals"), b.pop("actuals")
        if a != b:
            problems.append("--per-period: the report from hourly figures differs from the cumulative CSV's")

    # The table of header variants: docs and code.
    with open(os.path.join(root, "lib/input/actuals_names.cpp"), encoding="utf-8") as f:
        code_pairs = re.findall(r'\{"([^"]+)", "([^"]+)"\},', f.read())
    with open(os.path.join(root, "docs/format.md"), encoding="utf-8") as f:
        doc = f.read()
    table = doc.split("| metric | header variants read as it |", 1)[1].split("\n\n", 1)[0]
    doc_pairs = []
    for line in table.splitlines()[2:]:
        cells = [c.strip() for c in line.strip("|").split("|")]
        if len(cells) == 2 and cells[1] != "—":
            doc_pairs += [(v, cells[0]) for v in cells[1].split("、")]
    if sorted(doc_pairs) != sorted(code_pairs):
        problems.append(f"docs/format.md's header variants {sorted(set(doc_pairs) ^ set(code_pairs))} differ from lib/input/actuals_names.cpp")

    for p in problems:
        print("FAIL:", p)
    print(f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
