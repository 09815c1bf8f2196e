#!/usr/bin/env python3
"""Hostile sizes get their answer, and what dacu prints about them stays small (issue 16).

Inputs are generated here, being megabytes:
- 80,000 dates on one line are planned (locating its nodes was quadratic in the length of the
  line; bench/long_lines.py measures it); 8 MiB of them are more items than a list may have
  (D028), and more than a million values are more than a file may have (D029);
- an error on a 7 MiB line, and nesting 100,000 brackets deep, echo about 120 columns of the line
  around the caret, not the whole line.

No time is asserted: the subprocess timeout only keeps a hang from stalling the suite.
"""
import argparse
import datetime as dt
import os
import re
import subprocess
import sys
import tempfile

HEAD = "dacu: 1\nkind: campaign\nname: 长行\nextends: 聚划算\nmilestones:\n  报名: 2026-11-20T10:00\n  开团: 2026-12-20\n"
HANG_GUARD = 600


def run(dacu, args, cwd):
    env = dict(os.environ, NO_COLOR="1", LC_ALL="C.UTF-8")
    return subprocess.run([dacu] + args, cwd=cwd, env=env, capture_output=True, timeout=HANG_GUARD)


def flow_dates(size, tail=""):
    start = dt.date(2026, 1, 1)
    n = (size - len(HEAD) - 64) // 12  # "2026-01-01, " is 12 bytes
    items = ", ".join((start + dt.timedelta(days=i)).isoformat() for i in range(n))
    return HEAD + "calendar: {base: cn, days_off: [" + items + tail + "]}\n"


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

    if problems:
        print("\n\n".join(problems))
        return 1
    print("bounds passed: long lines, D028, D029, 7 MiB error line, 100,000-deep nesting")
    return 0


if __name__ == "__main__":
    sys.exit(main())
