#!/usr/bin/env python3
"""`dacu schema` checked by a real JSON Schema validator (Ajv, tests/node, installed by
scripts/install-deps.sh): the printed schema accepts every built-in template, calendar and
example, and rejects every tests/schema/*.yaml (each has a misspelled key). A machine without node
or without tests/node/node_modules/{ajv,yaml} FAILS this test: it never skips.

    schema.py --dacu BUILD/apps/dacu --root SOURCE_DIR
"""
import argparse
import glob
import os
import shutil
import subprocess
import sys
import tempfile


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dacu", required=True)
    ap.add_argument("--root", required=True)
    o = ap.parse_args()
    node_dir = os.path.abspath(os.path.join(o.root, "tests", "node"))
    node = shutil.which("node")
    for package in ("ajv", "yaml"):
        if not node or not os.path.isdir(os.path.join(node_dir, "node_modules", package)):
            print(f"FAIL: node or tests/node/node_modules/{package} is missing; run scripts/install-deps.sh")
            return 1
    root = os.path.abspath(o.root)
    valid = sorted(glob.glob(os.path.join(root, "templates", "*.yaml"))
                   + glob.glob(os.path.join(root, "templates", "calendars", "*.yaml"))
                   + glob.glob(os.path.join(root, "examples", "*.yaml"))
                   + glob.glob(os.path.join(root, "examples", "templates", "*.yaml")))
    invalid = sorted(glob.glob(os.path.join(root, "tests", "schema", "*.yaml")))
    if not valid or not invalid:
        print("FAIL: no files to check")
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        schema = os.path.join(tmp, "dacu.schema.json")
        r = subprocess.run([o.dacu, "schema", "-o", schema])
        if r.returncode != 0:
            print(f"FAIL: dacu schema exited {r.returncode}")
            return 1
        # The built-in schema is the file in docs/, byte for byte (one source of truth).
        with open(schema, "rb") as a, open(os.path.join(root, "docs", "dacu.schema.json"), "rb") as b:
            if a.read() != b.read():
                print("FAIL: dacu schema differs from docs/dacu.schema.json")
                return 1
        check = os.path.join(node_dir, "schema_check.mjs")
        ok = subprocess.run([node, check, schema, *valid], cwd=node_dir).returncode == 0
        ok &= subprocess.run([node, check, schema, "--expect-invalid", *invalid], cwd=node_dir).returncode == 0
    print("ok" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
