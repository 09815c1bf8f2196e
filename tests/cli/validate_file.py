#!/usr/bin/env python3
"""Checks one input under tests/bad-validate/ with `dacu validate --format json`.

The file's leading comment lines say what dacu must report, one diagnostic each:

    # expect: D101 9:3

`dacu validate --format json FILE` must report exactly those diagnostics (code, line and column,
in this file), each with a message and a hint, and exit 1 when one of them is an error, 0 when
all are warnings; with --strict, warnings exit 1 too.
"""
import argparse
import json
import os
import re
import subprocess
import sys


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dacu", required=True)
    parser.add_argument("--root", required=True)
    parser.add_argument("file")
    o = parser.parse_args()
    rel = os.path.relpath(o.file, o.root)
    expected = []
    for line in open(o.file, encoding="utf-8"):
        m = re.match(r"#\s*expect:\s*(D\d{3})\s+(\d+):(\d+)\s*$", line)
        if not m:
            break
        expected.append((m.group(1), int(m.group(2)), int(m.group(3))))
    if not expected:
        print(f"{rel}: first line must be '# expect: DNNN LINE:COL'")
        return 1
    env = dict(os.environ, NO_COLOR="1", LC_ALL="C.UTF-8")
    problems = []
    for strict in (False, True):
        args = [os.path.abspath(o.dacu), "validate", "--format", "json", rel] + (["--strict"] if strict else [])
        r = subprocess.run(args, cwd=o.root, capture_output=True, env=env, timeout=300)
        try:
            found = json.loads(r.stdout)["diagnostics"]
        except ValueError:
            print(f"{rel}: output is not JSON:\n{r.stdout.decode(errors='replace')}\n{r.stderr.decode(errors='replace')}")
            return 1
        mine = [d for d in found if d["file"] == rel]
        got = sorted((d["code"], d["line"], d["column"]) for d in mine)
        if got != sorted(expected):
            problems.append(f"expected {sorted(expected)}, got {got}")
        for d in mine:
            if not d.get("message") or not d.get("hint"):
                problems.append(f"{d['code']} has no message or no hint")
        errors = any(d["severity"] == "error" for d in found)
        want = 1 if errors or (strict and found) else 0
        if r.returncode != want:
            problems.append(f"exit code {r.returncode} {'with' if strict else 'without'} --strict, expected {want}")
        if b"internal error" in r.stderr:
            problems.append("internal error")
    if problems:
        print(f"{rel}: " + "; ".join(dict.fromkeys(problems)))
        print(r.stdout.decode(errors="replace"))
        return 1
    print(f"{rel}: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
