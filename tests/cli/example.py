#!/usr/bin/env python3
"""Plans one example campaign in every format and checks what each must hold.

Every example must plan without error; the JSON must list every task with the documented shape,
the CSV must have one row per task, and two runs must give identical bytes.
"""
import argparse
import csv
import io
import json
import os
import re
import subprocess
import sys

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ISO_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$")


def run(dacu, root, args):
    env = dict(os.environ, NO_COLOR="1", LC_ALL="C.UTF-8")
    r = subprocess.run([dacu] + args, cwd=root, capture_output=True, env=env, timeout=60)
    if r.returncode != 0:
        raise SystemExit(f"dacu {' '.join(args)} exited {r.returncode}\n{r.stderr.decode()}")
    return r.stdout


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dacu", required=True)
    parser.add_argument("--root", required=True)
    parser.add_argument("file")
    o = parser.parse_args()
    dacu = os.path.abspath(o.dacu)
    rel = os.path.relpath(o.file, o.root)
    doc = json.loads(run(dacu, o.root, ["plan", rel, "--format", "json"]))
    problems = []
    for key in ("campaign", "template", "timezone", "calendar", "milestones", "tasks"):
        if key not in doc:
            problems.append(f"JSON has no '{key}'")
    for m in doc.get("milestones", []):
        if not (ISO_MOMENT.match(m["at"]) or ISO_DATE.match(m["at"])):
            problems.append(f"milestone {m['name']}: bad date-time {m['at']}")
    for t in doc.get("tasks", []):
        for key in ("name", "phase", "department", "owner", "offset", "start", "end", "all_day"):
            if key not in t:
                problems.append(f"task {t.get('name')}: no '{key}'")
        pattern = ISO_DATE if t.get("all_day") else ISO_MOMENT
        for key in ("start", "end"):
            if not pattern.match(str(t.get(key))):
                problems.append(f"task {t.get('name')}: {key} {t.get(key)} does not fit all_day={t.get('all_day')}")
        if str(t.get("end")) < str(t.get("start")):
            problems.append(f"task {t['name']} ends before it starts")
    rows = list(csv.reader(io.StringIO(run(dacu, o.root, ["plan", rel, "--format", "csv"]).decode("utf-8"))))
    if len(rows) - 1 != len(doc.get("tasks", [])):
        problems.append(f"CSV has {len(rows) - 1} rows for {len(doc['tasks'])} tasks")
    for fmt in ("table", "md", "csv", "json"):
        if run(dacu, o.root, ["plan", rel, "--format", fmt]) != run(dacu, o.root, ["plan", rel, "--format", fmt]):
            problems.append(f"two runs of --format {fmt} differ")
    if problems:
        print(f"{rel}:\n  " + "\n  ".join(problems))
        return 1
    print(f"{rel}: {len(doc['tasks'])} tasks, {len(doc['milestones'])} milestones")
    return 0


if __name__ == "__main__":
    sys.exit(main())
