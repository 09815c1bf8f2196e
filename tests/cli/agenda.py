#!/usr/bin/env python3
"""`dacu agenda` beyond its golden files (tests/cli/cases/agenda-*).

- Every example: the agenda of examples/*.yaml holds each example's tasks exactly as its own
  `plan --format json` dates them (none missing, none extra), and the whole list is in time order
  (instants: all-day items at the midnight of their first day in their campaign's zone).
- The calendar of the agenda (examples and the fixture tests/data/agenda), read by ical.js
  (tests/node/agenda_ics_check.mjs): one event per item, UIDs unique and each the UID, summary and
  times of the campaign's own `dacu plan --format ics`.
- -j 2 and --files-from give the same bytes as one worker and the files on the command line.
- The fixture's double booking: --fail-on-conflict exits 3 and still writes the agenda.
- A broken campaign among good ones: its located error, exit 1, and no output file.
- The HTML page: self-contained, with the items and the conflict's tasks.
- Who is booked: an owner is a role (推广主管) in its campaign's shop, or the person `owners:` names.
  The examples are campaigns of different shops: no conflict among them (a release flagged 41,
  every shop's 推广主管 taken for one person). The fixture's 东京店 is another shop whose 美工主管
  is 李娜: no conflict with 雪凡妮's until a 雪凡妮 campaign names 李娜 too, and then one conflict of
  three tasks under her name (雪凡妮's other campaign, naming nobody, takes the shop's 李娜).
"""
import argparse
import datetime
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zoneinfo

ENV = dict(os.environ, NO_COLOR="1", LC_ALL="C.UTF-8")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dacu", required=True)
    ap.add_argument("--root", required=True)
    o = ap.parse_args()
    dacu = os.path.abspath(o.dacu)
    root = os.path.abspath(o.root)
    node_dir = os.path.join(root, "tests", "node")
    node = shutil.which("node")
    if not node or not os.path.isdir(os.path.join(node_dir, "node_modules", "ical.js")):
        print("FAIL: node or tests/node/node_modules/ical.js is missing; run scripts/install-deps.sh")
        return 1
    examples = sorted(os.path.relpath(p, root) for p in glob.glob(os.path.join(root, "examples", "*.yaml")))
    fixture = [f"tests/data/agenda/{n}.yaml" for n in ("双十二", "年货节", "东京店")]
    failures = []

    def run(*args, stdin=None):
        return subprocess.run([dacu, *args], cwd=root, env=ENV, capture_output=True, input=stdin)

    def ok(*args):
        r = run(*args)
        if r.returncode != 0:
            raise SystemExit(f"FAIL: dacu {' '.join(args)} exited {r.returncode}\n{r.stderr.decode()}")
        return r.stdout

    def instant(text, zone):
        if len(text) == 10:
            day = datetime.date.fromisoformat(text)
            return datetime.datetime(day.year, day.month, day.day, tzinfo=zoneinfo.ZoneInfo(zone))
        return datetime.datetime.fromisoformat(text)

    # 1. Every example's tasks, complete and in order.
    doc = json.loads(ok("agenda", *examples, "--format", "json"))
    for path in examples:
        plan = json.loads(ok("plan", path, "--format", "json"))
        want = sorted((t["name"], t["start"], t["end"], t["owner"]) for t in plan["tasks"])
        got = sorted((i["name"], i["start"], i["end"], i["owner"]) for i in doc["items"]
                     if i["campaign"] == plan["campaign"] and i["kind"] == "task")
        if got != want:
            failures.append(f"{path}: the agenda's tasks differ from the plan's: {sorted(set(got) ^ set(want))[:5]}")
        counts = {k: len(plan[k]) for k in ("milestones", "deadlines", "checkpoints")}
        for kind, key in (("milestone", "milestones"), ("deadline", "deadlines"), ("checkpoint", "checkpoints")):
            n = sum(1 for i in doc["items"] if i["campaign"] == plan["campaign"] and i["kind"] == kind)
            if n != counts[key]:
                failures.append(f"{path}: {n} {kind} items, the plan has {counts[key]}")
    starts = [instant(i["start"], i["timezone"]) for i in doc["items"]]
    if any(b < a for a, b in zip(starts, starts[1:])):
        failures.append("the examples' agenda is not in time order")
    if len({i["campaign"] for i in doc["items"]}) != len(examples):
        failures.append("not every example is in the agenda")
    print(f"examples: {len(doc['items'])} items of {len(examples)} campaigns, complete and in order")

    with tempfile.TemporaryDirectory() as tmp:
        # 2. The calendar, read back, against each campaign's own.
        for name, files in (("examples", examples), ("fixture", fixture)):
            ics, js = os.path.join(tmp, f"{name}.ics"), os.path.join(tmp, f"{name}.json")
            ok("agenda", *files, "-o", ics)
            ok("agenda", *files, "-o", js)
            singles = []
            for k, path in enumerate(files):
                single = os.path.join(tmp, f"{name}-{k}.ics")
                ok("plan", path, "-o", single)
                singles.append(single)
            r = subprocess.run([node, os.path.join(node_dir, "agenda_ics_check.mjs"), ics, js, *singles],
                               cwd=node_dir, capture_output=True, text=True)
            sys.stdout.write(r.stderr)
            if r.returncode != 0:
                failures.append(f"{name}: the agenda's calendar does not match the campaigns' own")

        # 3. Deterministic whatever the workers and however the files are given.
        one = ok("agenda", *examples, *fixture, "--format", "json")
        if ok("agenda", *examples, *fixture, "--format", "json", "-j", "2") != one:
            failures.append("-j 2 gives other bytes than one worker")
        listing = ("\n".join(["# the agenda's inputs", *examples, "", *fixture]) + "\n").encode()
        r = run("agenda", "--files-from", "-", "--format", "json", stdin=listing)
        if r.returncode != 0 or r.stdout != one:
            failures.append(f"--files-from - differs from the files given (exit {r.returncode})")

        # The page: self-contained, the items' table and the conflicts' with C1's three tasks.
        page = ok("agenda", *fixture, "--format", "html").decode()
        if ("<script" in page or "http" in page.split("</style>")[1] or page.count("<table>") != 2
                or page.count("<td>C1</td>") != 2 or "东京店" not in page):
            failures.append("the HTML page lacks its tables or the conflict")

        # 4. The fixture's double booking.
        r = run("agenda", *fixture[:2], "--fail-on-conflict", "-o", os.path.join(tmp, "c.json"))
        conflicts = json.load(open(os.path.join(tmp, "c.json"), encoding="utf-8"))["conflicts"] if r.returncode == 3 else []
        if r.returncode != 3 or len(conflicts) != 1 or conflicts[0]["owner"] != "雪凡妮的美工主管":
            failures.append(f"--fail-on-conflict: exit {r.returncode}, conflicts {conflicts}")
        if run("agenda", fixture[0], "--fail-on-conflict").returncode != 0:
            failures.append("--fail-on-conflict fired on one campaign alone")

        # 6. Who is booked. The examples: several shops, no shared person, no conflict.
        doc = json.loads(ok("agenda", *examples, "--format", "json"))
        if doc["conflicts"]:
            failures.append(f"the examples (different shops) have {len(doc['conflicts'])} conflicts: "
                            f"{[c['owner'] for c in doc['conflicts']][:5]}")
        # The fixture: 东京店's 李娜 meets nobody of 雪凡妮 …
        doc = json.loads(ok("agenda", *fixture, "--format", "json"))
        if [len(c["tasks"]) for c in doc["conflicts"]] != [2] or "东京店" in doc["conflicts"][0]["campaigns"]:
            failures.append(f"the fixture's conflicts: {doc['conflicts']}")
        # … until 年货节 names 李娜 as its 美工主管: then 双十二 (same shop, naming nobody) is hers too.
        shutil.copytree(os.path.join(root, "tests", "data", "agenda"), os.path.join(tmp, "people"))
        named = os.path.join(tmp, "people", "年货节.yaml")
        with open(named, encoding="utf-8") as f:
            text = f.read()
        with open(named, "w", encoding="utf-8") as f:
            f.write(text.replace("shop: 雪凡妮\n", "shop: 雪凡妮\nowners: {美工主管: 李娜}\n"))
        people = [os.path.join(tmp, "people", f"{n}.yaml") for n in ("双十二", "年货节", "东京店")]
        doc = json.loads(ok("agenda", *people, "--format", "json"))
        if [(c["owner"], len(c["tasks"])) for c in doc["conflicts"]] != [("李娜", 3)]:
            failures.append(f"李娜 named in two shops: conflicts {[(c['owner'], len(c['tasks'])) for c in doc['conflicts']]}")
        # --owner finds the person as well as the role.
        doc = json.loads(ok("agenda", *people, "--owner", "李娜", "--format", "json"))
        if sorted({i["campaign"] for i in doc["items"]}) != ["东京店", "双十二", "年货节"]:
            failures.append("--owner 李娜 does not show her tasks in the three campaigns")
        # A role owners: names that no task has: D486 at the key, with the closest role.
        with open(named, "w", encoding="utf-8") as f:
            f.write(text.replace("shop: 雪凡妮\n", "shop: 雪凡妮\nowners: {美工主任: 李娜}\n"))
        r = run("agenda", *people)
        err = r.stderr.decode()
        if r.returncode != 1 or "D486" not in err or "美工主管" not in err:
            failures.append(f"owners: naming an unknown role: exit {r.returncode}\n{err}")

        # 5. A broken campaign among good ones: located error, exit 1, nothing written.
        broken = os.path.join(tmp, "broken.yaml")
        with open(broken, "w", encoding="utf-8") as f:
            f.write("dacu: 1\nkind: campaign\nname: 坏的\nextends: 聚划算\nmilestones:\n  开团: 2026-13-40T10:00\n")
        out = os.path.join(tmp, "never.md")
        r = run("agenda", examples[0], broken, examples[1], "-o", out)
        err = r.stderr.decode()
        if r.returncode != 1 or os.path.exists(out) or f"{broken}:6:" not in err or "1/3" not in err:
            failures.append(f"a broken campaign: exit {r.returncode}, output written {os.path.exists(out)}\n{err}")

    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
