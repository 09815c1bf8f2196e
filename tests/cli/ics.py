#!/usr/bin/env python3
"""Plans one example as ICS and JSON and reads the ICS back with ical.js (tests/node).

ics_check.mjs finds every task, milestone, platform deadline and checkpoint of the JSON as an event
of its kind. Then: two runs give the same bytes; `--ics-events tasks` and
`--ics-events milestones,deadlines,checkpoints` split the calendar into exactly its events with the
same UIDs (an event's UID does not depend on what else the calendar holds); and moving 开团 (when
the campaign has one) moves the events but keeps every UID, so a re-import updates them.

ical.js is an independent RFC 5545 parser, installed by scripts/install-deps.sh into
tests/node/node_modules. A machine without node or without that install FAILS this test: a
calendar nobody parsed back is not a tested calendar.
"""
import argparse
import datetime
import json
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
    check = os.path.join(node_dir, "ics_check.mjs")

    def plan(*args):
        r = subprocess.run([dacu, "plan", rel, *args], cwd=o.root, env=env, capture_output=True)
        if r.returncode != 0:
            raise SystemExit(f"dacu plan {rel} {' '.join(args)} exited {r.returncode}\n{r.stderr.decode()}")

    def read_back(ics, js, kinds=None):
        """ics_check.mjs's events, [(kind, uid, summary)], or None when it found a problem."""
        r = subprocess.run([node, check, ics, js] + ([kinds] if kinds else []), cwd=node_dir, capture_output=True, text=True)
        sys.stdout.write(r.stderr)
        if r.returncode != 0:
            return None
        return [tuple(line.split("\t")) for line in r.stdout.splitlines()]

    with tempfile.TemporaryDirectory() as tmp:
        ics, js = os.path.join(tmp, "plan.ics"), os.path.join(tmp, "plan.json")
        plan("-o", ics, "--alarm", "30m")
        plan("-o", js)
        first = open(ics, "rb").read()
        plan("-o", ics, "--alarm", "30m")
        if open(ics, "rb").read() != first:
            print("two runs of --format ics differ")
            return 1
        events = read_back(ics, js)
        if events is None:
            return 1
        if not any(kind == "task" for kind, _, _ in events):
            print("no task event: the example tests nothing")
            return 1
        # Each part on its own: the same events, the same UIDs.
        for kinds in ("tasks", "milestones,deadlines,checkpoints"):
            part = os.path.join(tmp, "part.ics")
            plan("-o", part, "--ics-events", kinds)
            got = read_back(part, js, kinds)
            if got is None:
                return 1
            want = [e for e in events if (e[0] + "s") in kinds.split(",")]
            if sorted(got) != sorted(want):
                print(f"--ics-events {kinds}: events differ from the full calendar's\n{sorted(set(got) ^ set(want))}")
                return 1
        # A later 开团 moves every event that hangs on it, and changes no UID.
        plan_doc = json.load(open(js, encoding="utf-8"))
        opening = next((m["at"] for m in plan_doc["milestones"] if m["name"] == "开团"), None)
        if opening and len(opening) > 10:
            later = (datetime.datetime.fromisoformat(opening) + datetime.timedelta(days=7)).strftime("%Y-%m-%dT%H:%M")
            moved, moved_js = os.path.join(tmp, "moved.ics"), os.path.join(tmp, "moved.json")
            plan("-o", moved, "--alarm", "30m", "--set", f"开团={later}")
            plan("-o", moved_js, "--set", f"开团={later}")
            got = read_back(moved, moved_js)
            if got is None:
                return 1
            if sorted(got) != sorted(events):
                print(f"开团 moved to {later}: UIDs or summaries changed\n{sorted(set(got) ^ set(events))}")
                return 1
            if open(moved, "rb").read() == first:
                print(f"开团 moved to {later}: the calendar did not change")
                return 1
        return 0

if __name__ == "__main__":
    sys.exit(main())
