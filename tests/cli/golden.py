#!/usr/bin/env python3
"""Runs one golden CLI case: tests/cli/cases/NAME/{cmd,stdout,stderr,exit}.

`cmd` holds the arguments, one per line (so Chinese and spaces need no quoting); the command
runs from the repository root with NO_COLOR set. `stdout`, `stderr` and `exit` hold what it must
print and return, byte for byte. Regenerate after an intended change with

    python3 tests/cli/golden.py --dacu build/apps/dacu --root . --update tests/cli/cases/*

and review the diff before committing.
"""
import argparse
import os
import subprocess
import sys


def run_case(dacu, root, case_dir, update):
    with open(os.path.join(case_dir, "cmd"), encoding="utf-8") as f:
        args = [line.rstrip("\n") for line in f if line.strip() and not line.startswith("#")]
    env = dict(os.environ, NO_COLOR="1", LC_ALL="C.UTF-8")
    result = subprocess.run([dacu] + args, cwd=root, capture_output=True, env=env, timeout=60)
    actual = {"stdout": result.stdout, "stderr": result.stderr, "exit": f"{result.returncode}\n".encode()}
    if update:
        for name, data in actual.items():
            with open(os.path.join(case_dir, name), "wb") as f:
                f.write(data)
        return True
    ok = True
    for name, data in actual.items():
        path = os.path.join(case_dir, name)
        expected = open(path, "rb").read() if os.path.exists(path) else b""
        if expected != data:
            ok = False
            sys.stderr.write(f"--- {case_dir}/{name} differs\n--- expected\n{expected.decode(errors='replace')}\n"
                             f"--- actual\n{data.decode(errors='replace')}\n")
    return ok


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dacu", required=True)
    parser.add_argument("--root", required=True)
    parser.add_argument("--update", action="store_true")
    parser.add_argument("cases", nargs="+")
    o = parser.parse_args()
    failed = [c for c in o.cases if not run_case(os.path.abspath(o.dacu), o.root, c, o.update)]
    if failed:
        print(f"{len(failed)} golden case(s) failed: {' '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
