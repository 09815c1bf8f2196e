#!/usr/bin/env python3
"""Builds the fuzz seed corpora and dictionaries from the repository's own files.

    python3 tests/fuzz/seed_corpus.py OUT_DIR

OUT_DIR/<target>/ gets one file per seed; OUT_DIR/<target>.dict a libFuzzer dictionary.
Seeds come from templates/, examples/ and the bad-input files under tests/, so a new template or
reproducer feeds the fuzzers without anyone editing this script:

  fuzz_load      every template, example, calendar and malformed YAML file
  fuzz_calendar  the calendars and the malformed calendar files
  fuzz_csv       every CSV under examples/ and tests/data/, and the workbooks there (.xlsx, .xls;
                 not the zip bomb, whose 100 KB would only slow every run)
  fuzz_offset, fuzz_expr, fuzz_money, fuzz_timefmt, fuzz_options
                 every scalar value found in those YAML files (offset phrases, formulas, amounts,
                 dates), one per file
The load dictionary holds every key of docs/dacu.schema.json, so the fuzzer writes real keys.
"""
import hashlib
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCALAR_TARGETS = ["fuzz_offset", "fuzz_expr", "fuzz_money", "fuzz_timefmt", "fuzz_options"]
# A YAML line `key: value` or `- value`: the value is what the scalar parsers see.
KEY = re.compile(r"^[^\s:#'\"{\[][^:#]*:(?:\s+|$)")


def yaml_files():
    files = sorted(ROOT.glob("templates/**/*.yaml")) + sorted(ROOT.glob("examples/**/*.yaml"))
    bad = sorted(ROOT.glob("tests/bad/*.yaml")) + sorted(ROOT.glob("tests/bad-validate/*.yaml"))
    bad += sorted(ROOT.glob("tests/schema/*.yaml"))
    return files, bad


def write_seed(directory, data):
    directory.mkdir(parents=True, exist_ok=True)
    (directory / hashlib.sha1(data).hexdigest()).write_bytes(data)


def scalar_values(paths):
    values = set()
    for path in paths:
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            value = line.split(" #")[0].strip().removeprefix("- ")
            value = KEY.sub("", value, count=1).strip().strip("'\"")
            if 0 < len(value) <= 200 and value[0] not in "{[&*!|>#":
                values.add(value)
    return sorted(values)


def schema_keys():
    keys = set()

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.get("properties", {}).items():
                keys.add(key)
                walk(value)
            for key, value in node.items():
                if key != "properties":
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(json.loads((ROOT / "docs/dacu.schema.json").read_text(encoding="utf-8")))
    return sorted(keys)


def dict_entry(text):
    escaped = "".join(c if 32 <= ord(c) < 127 and c not in '"\\' else
                      "".join(f"\\x{b:02x}" for b in c.encode()) for c in text)
    return f'"{escaped}"\n'


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: seed_corpus.py OUT_DIR")
    out = pathlib.Path(sys.argv[1])
    good, bad = yaml_files()
    for path in good + bad:
        write_seed(out / "fuzz_load", path.read_bytes())
    for path in sorted(ROOT.glob("templates/calendars/*.yaml")) + sorted(ROOT.glob("tests/bad*/calendar-*.yaml")):
        write_seed(out / "fuzz_calendar", path.read_bytes())
    for path in sorted(ROOT.glob("examples/**/*.csv")) + sorted(ROOT.glob("tests/data/*.csv")):
        write_seed(out / "fuzz_csv", path.read_bytes())
    for pattern in ("examples/**/*.xls*", "tests/data/*.xls*"):
        for path in sorted(ROOT.glob(pattern)):
            if "zip-bomb" not in path.name:
                write_seed(out / "fuzz_csv", path.read_bytes())
    values = scalar_values(good + bad)
    for target in SCALAR_TARGETS:
        for value in values:
            write_seed(out / target, value.encode())
    keys = schema_keys()
    (out / "fuzz_load.dict").write_text("".join(dict_entry(k + ": ") for k in keys), encoding="utf-8")
    (out / "fuzz_calendar.dict").write_text("".join(dict_entry(k + ": ") for k in keys), encoding="utf-8")
    counts = {p.name: len(list(p.iterdir())) for p in sorted(out.iterdir()) if p.is_dir()}
    print("seeds: " + ", ".join(f"{name} {count}" for name, count in counts.items()))


if __name__ == "__main__":
    main()
