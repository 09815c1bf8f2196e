#!/usr/bin/env python3
"""What a shop's 运营主管 found in the last release (report, done, task status), through the CLI.

- `report --ahead 7` is 7 days: the same bytes as `--ahead 7d`; `--ahead` without --status says
  that it did nothing (D487, one line, exit 0) instead of being taken silently.
- `report --status` has one 今日到期 list (the status section's) and calls the plan's running tasks
  按排期进行中, so that 进行中 means only a reported state; without --status the report is as before.
- `dacu done` without --owner fills 负责人 with the task's owner in the plan; --owner still wins.
- `dacu done` leaves FILE.lock (removing it would break the lock; README says why).
- A status CSV without a 时间 column is read: its rows have no time and lose to any timed row of
  the same task, whatever the file order; among themselves the later row wins; JSON `at` is null;
  `dacu done` appends to such a file without a time, and its row is then the task's state.

    operator_findings.py --dacu BUILD/apps/dacu --root SOURCE_DIR
"""
import argparse
import csv
import io
import json
import os
import subprocess
import sys
import tempfile

ENV = dict(os.environ, NO_COLOR="1", LC_ALL="C.UTF-8")
CAMPAIGN = "examples/雪凡妮-双十二聚划算.yaml"
STATUS = "examples/雪凡妮-任务状态.csv"
AS_OF = "2026-12-19T20:00"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dacu", required=True)
    ap.add_argument("--root", required=True)
    o = ap.parse_args()
    dacu = os.path.abspath(o.dacu)
    failures = []

    def run(*args):
        return subprocess.run([dacu, *args], cwd=o.root, env=ENV, capture_output=True, text=True)

    def ok(*args):
        r = run(*args)
        if r.returncode != 0:
            raise SystemExit(f"FAIL: dacu {' '.join(args)} exited {r.returncode}\n{r.stderr}")
        return r

    # --ahead: a bare number is days.
    seven = ok("report", CAMPAIGN, "--status", STATUS, "--as-of", AS_OF, "--ahead", "7", "--format", "json")
    seven_d = ok("report", CAMPAIGN, "--status", STATUS, "--as-of", AS_OF, "--ahead", "7d", "--format", "json")
    if seven.stdout != seven_d.stdout or json.loads(seven.stdout)["task_status"]["ahead_days"] != 7:
        failures.append("--ahead 7 is not --ahead 7d")
    # … and without --status it is said to do nothing.
    r = ok("report", CAMPAIGN, "--as-of", AS_OF, "--ahead", "7")
    plain = ok("report", CAMPAIGN, "--as-of", AS_OF)
    if "D487" not in r.stderr or "--ahead" not in r.stderr or r.stderr.count("\n") != 1 or r.stdout != plain.stdout:
        failures.append(f"--ahead without --status: {r.stderr!r}")
    if "D487" in plain.stderr:
        failures.append("D487 without --ahead")

    # One 今日到期, and 进行中 only as a reported state.
    md = ok("report", CAMPAIGN, "--status", STATUS, "--as-of", AS_OF).stdout
    headings = [line for line in md.splitlines() if line.startswith("#")]
    if sum(h.startswith("### 今日到期") for h in headings) != 1 or not any(h.startswith("### 按排期进行中") for h in headings):
        failures.append(f"report --status headings: {headings}")
    if any(h.startswith("### 进行中") for h in headings):
        failures.append("report --status still has a 进行中 list")
    plain_headings = [line for line in plain.stdout.splitlines() if line.startswith("### ")]
    if "### 按排期进行中" in "\n".join(plain_headings) or not any(h.startswith("### 今日到期") for h in plain_headings):
        failures.append(f"report without --status: {plain_headings}")
    html = ok("report", CAMPAIGN, "--status", STATUS, "--as-of", AS_OF, "--format", "html").stdout
    if html.count(">今日到期 (") != 1 or "按排期进行中" not in html:
        failures.append("report --status --format html: not one 今日到期")

    plan = json.loads(ok("plan", CAMPAIGN, "--format", "json").stdout)
    owner_of = {t["name"]: t["owner"] for t in plan["tasks"]}

    with tempfile.TemporaryDirectory() as tmp:
        # dacu done: 负责人 from the plan, unless --owner.
        status = os.path.join(tmp, "状态.csv")
        ok("done", CAMPAIGN, "老客户短信预热", "对账与发票", "--status", status, "--at", "2026-12-19T16:00")
        ok("done", CAMPAIGN, "对账与发票", "--status", status, "--owner", "王芳", "--at", "2026-12-19T16:05")
        rows = list(csv.reader(io.StringIO(open(status, encoding="utf-8-sig").read())))
        owners = [(r[0], r[2]) for r in rows[1:]]
        want = [("老客户短信预热", owner_of["老客户短信预热"]), ("对账与发票", owner_of["对账与发票"]), ("对账与发票", "王芳")]
        if owners != want or not all(o for _, o in owners):
            failures.append(f"done's 负责人: {owners}, expected {want}")
        if not os.path.exists(status + ".lock"):
            failures.append("the lock file is gone: README says it stays")

        # A status file without 时间.
        untimed = os.path.join(tmp, "清单.csv")
        with open(untimed, "w", encoding="utf-8") as f:
            f.write("任务,状态,负责人\n老客户短信预热,已完成,推广主管\n对账与发票,已完成,运营主管\n对账与发票,进行中,运营主管\n")
        timed = os.path.join(tmp, "timed.csv")
        with open(timed, "w", encoding="utf-8") as f:
            f.write("任务,状态,负责人,时间,备注\n老客户短信预热,进行中,推广主管,2026-12-01 09:00,\n")

        def states(*files):
            args = [a for f in files for a in ("--status", f)]
            doc = json.loads(ok("plan", CAMPAIGN, *args, "--format", "json").stdout)
            return {t["name"]: t["status"] for t in doc["tasks"] if t["name"] in ("老客户短信预热", "对账与发票")}

        # The timed row wins over the untimed one, in either file order; untimed rows by row order.
        for order in ((untimed, timed), (timed, untimed)):
            s = states(*order)
            if s["老客户短信预热"]["state"] != "in_progress" or s["对账与发票"]["state"] != "in_progress":
                failures.append(f"untimed rows, files {[os.path.basename(f) for f in order]}: {s}")
            if s["对账与发票"]["at"] is not None:
                failures.append(f"an untimed row's at: {s['对账与发票']['at']!r}")
        # The report reads it as well (its rows count whatever --as-of says).
        rep = json.loads(ok("report", CAMPAIGN, "--status", untimed, "--as-of", AS_OF, "--format", "json").stdout)
        if rep["task_status"]["counts"]["in_progress"] < 1:
            failures.append(f"report --status on an untimed file: {rep['task_status']['counts']}")
        # dacu done appends without a time; its row is then the task's state.
        ok("done", CAMPAIGN, "对账与发票", "--status", untimed)
        last = open(untimed, encoding="utf-8-sig").read().splitlines()[-1]
        if last != f"对账与发票,已完成,{owner_of['对账与发票']}":
            failures.append(f"done onto a file without 时间 wrote {last!r}")
        if states(untimed)["对账与发票"]["state"] != "done":
            failures.append("done's row on an untimed file is not the task's state")

    for f in failures:
        print("FAIL:", f)
    if not failures:
        print("ok: --ahead 7, one 今日到期, done's 负责人 and lock file, status without 时间")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
