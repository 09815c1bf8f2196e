#!/usr/bin/env python3
"""Plans one example as ICS and JSON and reads the ICS back with ical.js (tests/node).

ical.js is an independent RFC 5545 parser, installed by scripts/install-deps.sh into
tests/node/node_modules. A machine without node or without that install FAILS this test: a
calendar nobody parsed back is not a tested calendar.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dacu", required=True)
    parser.add_argument("--root", required=True)
    parser.add_argument("file")
    o = parser.parse_args()
    node_dir = os.path.abspath(os.path.join(o.root, "tests", "node"))
    node = shutil.which("node")
    if not node or not os.path.isdir(os.path.join(node_dir, "node_modules", "ical.js")):
        print("FAIL: node or tests/node/node_modules/ical.js is missing; run scripts/install-deps.sh")
        return 1
    dacu = os.path.abspath(o.dacu)
    rel = os.path.relpath(o.file, o.root)
    env = dict(os.environ, NO_COLOR="1", LC_ALL="C.UTF-8")
    with tempfile.TemporaryDirectory() as tmp:
        ics, js = os.path.join(tmp, "plan.ics"), os.path.join(tmp, "plan.json")
        for args in (["-o", ics, "--alarm", "30m"], ["-o", js]):
            r = subprocess.run([dacu, "plan", rel] + args, cwd=o.root, env=env, capture_output=True)
            if r.returncode != 0:
                print(f"dacu plan {rel} {' '.join(args)} exited {r.returncode}\n{r.stderr.decode()}")
                return 1
        first = open(ics, "rb").read()
        subprocess.run([dacu, "plan", rel, "-o", ics, "--alarm", "30m"], cwd=o.root, env=env, check=True)
        if open(ics, "rb").read() != first:
            print("two runs of --format ics differ")
            return 1
        return subprocess.run([node, os.path.join(node_dir, "ics_check.mjs"), ics, js], cwd=node_dir).returncode


if __name__ == "__main__":
    sys.exit(main())
