#!/usr/bin/env python3
"""Hostile sizes get their answer, and what dacu prints about them stays small (issue 16).

Inputs are generated here, being megabytes or thousands of tasks:
- 80,000 dates on one line are planned (locating its nodes was quadratic in the length of the
  line; bench/long_lines.py measures it); 8 MiB of them are more items than a list may have
  (D028), and more than a million values are more than a file may have (D029);
- an error on a 7 MiB line, and nesting 100,000 brackets deep, echo about 120 columns of the line
  around the caret, not the whole line;
- 2,000 tasks of one owner at one moment are one D105 warning with the count;
- more than 50 warnings print the first 50 and one line saying how many more; --all-warnings
  prints them all, and --format json always does.

No time is asserted: the subprocess timeout only keeps a hang from stalling the suite.
"""
import argparse
import collections
import datetime as dt
import json
import os
import re
import subprocess
import sys
import tempfile

HEAD = "dacu: 1\nkind: campaign\nname: 长行\nextends: 聚划算\nmilestones:\n  报名: 2026-11-20T10:00\n  开团: 2026-12-20\n"
HANG_GUARD = 600


def run(dacu, args, cwd):
    # Messages in English: the checks below quote them (the golden cases hold the Chinese).
    env = dict(os.environ, NO_COLOR="1", LC_ALL="en_US.UTF-8")
    return subprocess.run([dacu] + args, cwd=cwd, env=env, capture_output=True, timeout=HANG_GUARD)


def flow_dates(size, tail=""):
    start = dt.date(2026, 1, 1)
    n = (size - len(HEAD) - 64) // 12  # "2026-01-01, " is 12 bytes
    items = ", ".join((start + dt.timedelta(days=i)).isoformat() for i in range(n))
    return HEAD + "calendar: {base: cn, days_off: [" + items + tail + "]}\n"


def tasks(lines, duration="30min"):
    return HEAD + "tasks:\n  add:\n" + "".join(
        f"    - {{name: {name}, department: 运营, owner: 运营主管, phase: 活动中, start: {start}, duration: {duration}}}\n"
        for name, start in lines)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dacu", required=True)
    o = parser.parse_args()
    dacu = os.path.abspath(o.dacu)
    problems = []

    def check(what, ok, r, detail=""):
        if not ok:
            err = r.stderr.decode("utf-8", errors="replace")
            problems.append(f"{what}: exit {r.returncode}, {len(r.stderr)} bytes of stderr{detail}\n"
                            f"--- stderr (first 2,000 characters)\n{err[:2000]}")

    with tempfile.TemporaryDirectory() as tmp:
        def write(name, text):
            with open(os.path.join(tmp, name), "w", encoding="utf-8") as f:
                f.write(text)
            return name

        # 80,000 dates on one line (960 KB) are planned: locating each node counted the line from its
        # start, which took 19 s for this file.
        name = write("dates.yaml", flow_dates(80_000 * 12 + len(HEAD) + 64))
        r = run(dacu, ["plan", name, "--format", "csv", "--phase", "活动后"], tmp)
        check("80,000 dates on one line", r.returncode == 0 and r.stdout.startswith("阶段,任务,".encode()), r)

        # 8 MiB of dates on one line, just under the 8 MiB limit (D011): more items than a list may
        # have, refused at the list.
        name = write("long.yaml", flow_dates((8 << 20) - 4096))
        r = run(dacu, ["plan", name], tmp)
        first = r.stderr.decode("utf-8", errors="replace").split("\n", 1)[0]
        check("8 MiB one-line flow list", r.returncode == 1 and len(r.stderr) < 1000 and
              first == "dacu: error: long.yaml:8:32: this list has more than 100000 items [D028]", r)

        # More values than a file may hold, in lists within the item limit.
        name = write("values.yaml", "".join(f"a{i}: [" + ",".join(["1"] * 100_000) + "]\n" for i in range(11)))
        r = run(dacu, ["plan", name], tmp)
        first = r.stderr.decode("utf-8", errors="replace").split("\n", 1)[0]
        check("1,100,000 values", r.returncode == 1 and len(r.stderr) < 1000 and
              first == "dacu: error: values.yaml:10:199968: the file holds more than 1000000 values [D029]", r)

        # An error at the end of a 7 MiB line: the excerpt is cut before the caret.
        name = write("error.yaml", 'dacu: 1\nname: "' + "开团" * ((7 << 20) // 6) + '\\q"\n')
        r = run(dacu, ["plan", name], tmp)
        err = r.stderr.decode("utf-8", errors="replace")
        lines = err.splitlines()
        excerpt = [l for l in lines if re.match(r"^ \d+ \| ", l)]
        caret = [l for l in lines if re.match(r"^ +\| +\^$", l)]
        check("error on a 7 MiB line", r.returncode == 1 and len(r.stderr) < 1000 and len(excerpt) == 1 and
              len(caret) == 1 and excerpt[0].split(" | ", 1)[1].startswith("…") and "[D001]" in lines[0], r)

        # 100,000 brackets: the nesting error echoes a cut line.
        name = write("deep.yaml", "a: " + "[" * 100_000 + "\n")
        r = run(dacu, ["plan", name], tmp)
        err = r.stderr.decode("utf-8", errors="replace")
        check("100,000-deep nesting", r.returncode == 1 and "[D017]" in err and len(r.stderr) < 1000 and
              " 1 | a: [[[[" in err and "[…\n" in err, r)

        # 2,000 tasks for one owner at one moment: one warning with the count. (The campaign's
        # template warns about its own tasks too, D104; those are counted, not matched.)
        name = write("booked.yaml", tasks((f"同时任务{i:05d}", "开团当天22:00") for i in range(2000)))
        r = run(dacu, ["validate", name], tmp)
        err = r.stderr.decode("utf-8", errors="replace")
        want = ("dacu: warning: booked.yaml:2009:48: 运营主管 is booked on 2000 tasks at the same time "
                "(2026-12-20T22:00:00+08:00): 同时任务00000, 同时任务00001, 同时任务00002 and 1997 more [D105]")
        booked = [l for l in err.splitlines() if "[D105]" in l]
        check("2,000 tasks at one moment", r.returncode == 0 and booked == [want] and len(r.stderr) < 20_000, r)

        # 60 moments with two tasks each: 50 warnings printed, then the count of the rest.
        pairs = [(f"成对{k:02d}{side}", f"开团当天{12 + k // 6}:{k % 6}0") for k in range(60) for side in "甲乙"]
        name = write("many.yaml", tasks(pairs, "5min"))
        r = run(dacu, ["validate", "--format", "json", name], tmp)
        everything = json.loads(r.stdout)["diagnostics"]
        total = sum(1 for d in everything if d["severity"] == "warning")
        check("60 pairs in JSON", r.returncode == 0 and sum(1 for d in everything if d["code"] == "D105") == 60, r,
              " (machine formats list every diagnostic)")
        # The summary counts what it held back by code, in code order.
        held = collections.Counter(d["code"] for d in [d for d in everything if d["severity"] == "warning"][50:])
        held_by_code = ", ".join(f"{code} ×{count}" for code, count in sorted(held.items()))
        r = run(dacu, ["validate", name], tmp)
        err = r.stderr.decode("utf-8", errors="replace")
        check(f"{total} warnings, bounded", r.returncode == 0 and err.count("dacu: warning:") == 50 and
              f"\ndacu: … {total - 50} more warnings: {held_by_code} (--all-warnings)\n"
              f"dacu: 1 file checked: 0 errors, {total} warnings\n" in err, r)
        r = run(dacu, ["validate", "--all-warnings", name], tmp)
        err = r.stderr.decode("utf-8", errors="replace")
        check(f"{total} warnings with --all-warnings", r.returncode == 0 and err.count("dacu: warning:") == total and
              "more warning" not in err, r)

    if problems:
        print("\n\n".join(problems))
        return 1
    print("bounds passed: long lines, D028, D029, 7 MiB error line, 100,000-deep nesting, 2,000 simultaneous tasks, "
          "warning cap")
    return 0


if __name__ == "__main__":
    sys.exit(main())
