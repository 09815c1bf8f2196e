#!/usr/bin/env python3
"""Reproducers for error codes whose input cannot live in the repository as a file.

- D011: a campaign file larger than 8 MiB. It is made here as a sparse 9 MiB file (no disk
  blocks), since committing one would bloat the repository and a golden case cannot create files.
- D530: two batch inputs with the same file name in different folders. One of them is written
  to --out-dir, so the case needs a scratch directory that a golden case cannot give.

Each check runs dacu in a temporary directory and compares stderr and the exit code exactly.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

EXAMPLE = "examples/雪凡妮-双十二聚划算.yaml"


def run(dacu, args, cwd):
    # Messages in English: the checks below quote them (the golden cases hold the Chinese).
    env = dict(os.environ, NO_COLOR="1", LC_ALL="en_US.UTF-8")
    return subprocess.run([dacu] + args, cwd=cwd, env=env, capture_output=True, timeout=60)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dacu", required=True)
    parser.add_argument("--root", required=True)
    o = parser.parse_args()
    dacu = os.path.abspath(o.dacu)
    problems = []

    def expect(what, r, code, stderr):
        got = r.stderr.decode("utf-8", errors="replace")
        if r.returncode != code or got != stderr:
            problems.append(f"{what}: exit {r.returncode} (want {code})\n--- expected stderr\n{stderr}--- actual stderr\n{got}")

    # D011: the size is checked before the file is read, so the 9 MiB of zeros are never read.
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, "huge.yaml"), "wb") as f:
            f.truncate(9 << 20)
        r = run(dacu, ["plan", "huge.yaml"], tmp)
        expect("D011 file too large", r, 1,
               "dacu: error: huge.yaml: the file is 9437184 bytes, more than the limit of 8388608 bytes [D011]\n"
               "hint: split the file, or check that this is the file you meant\n")
        if r.stdout:
            problems.append(f"D011: something was printed on stdout: {r.stdout[:200]!r}")

    # D530: 北京/店铺.yaml and 上海/店铺.yaml would both write out/店铺.csv. The first is written,
    # the second is refused (and not run), and the batch exits 1.
    with tempfile.TemporaryDirectory() as tmp:
        for city in ("北京", "上海"):
            os.mkdir(os.path.join(tmp, city))
            shutil.copy(os.path.join(o.root, EXAMPLE), os.path.join(tmp, city, "店铺.yaml"))
        r = run(dacu, ["plan", "北京/店铺.yaml", "上海/店铺.yaml", "--out-dir", "out", "--format", "csv"], tmp)
        expect("D530 two inputs, one output", r, 1,
               "dacu: error: 上海/店铺.yaml: its output out/店铺.csv is also 北京/店铺.yaml's [D530]\n"
               "hint: give inputs with the same name their own batch or rename one\n"
               "dacu: 2 inputs: 1 written to out, 1 failed\n")
        made = sorted(n for n in os.listdir(os.path.join(tmp, "out")) if n not in (".dacu-manifest.json", ".dacu.lock")) \
            if os.path.isdir(os.path.join(tmp, "out")) else []  # the batch's manifest and lock aside
        if made != ["店铺.csv"]:
            problems.append(f"D530: the batch wrote {made}, want ['店铺.csv'] (the first input's plan)")

    if problems:
        print("\n".join(problems))
        return 1
    print("generated-input reproducers passed (D011, D530)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
