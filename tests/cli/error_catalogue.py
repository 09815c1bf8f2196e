#!/usr/bin/env python3
"""Every diagnostic code dacu can emit has its entry in docs/errors.md, and every entry there is a
code dacu emits: the catalogue users read is the one the code keeps.

A code is emitted when it appears as a string literal ("D025") under lib/ or apps/; an entry is a
`## Dnnn` section or a `| Dnnn |` row of the catalogue's tables. Retired codes are named in the
catalogue's prose only, never as an entry."""
import argparse
import pathlib
import re
import sys

parser = argparse.ArgumentParser()
parser.add_argument("--root", required=True)
root = pathlib.Path(parser.parse_args().root)

emitted = {}
for sub in ("lib", "apps"):
    for path in sorted((root / sub).rglob("*")):
        if path.suffix not in (".cpp", ".hpp"):
            continue
        for code in re.findall(r'"(D\d{3})(?:\.[\w.-]+)?"', path.read_text(encoding="utf-8")):
            emitted.setdefault(code, path.relative_to(root))

catalogue = (root / "docs" / "errors.md").read_text(encoding="utf-8")
documented = set(re.findall(r"^## (D\d{3}) ", catalogue, re.M)) | set(re.findall(r"^\| (D\d{3}) \|", catalogue, re.M))

failures = [f"{code}: emitted in {emitted[code]} but has no entry in docs/errors.md"
            for code in sorted(set(emitted) - documented)]
failures += [f"{code}: has an entry in docs/errors.md but nothing emits it (retire it in the prose instead)"
             for code in sorted(documented - set(emitted))]
for line in failures:
    print("FAIL:", line)
print(f"{len(emitted)} codes emitted, {len(documented)} documented, {len(failures)} problems")
sys.exit(1 if failures else 0)
