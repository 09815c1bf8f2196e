#!/usr/bin/env python3
"""Hostile sizes get their answer, and what dacu prints about them stays small (issue 16).

Inputs are generated here, being megabytes:
- an error on a 7 MiB line, and nesting 100,000 brackets deep, echo about 120 columns of the line
  around the caret, not the whole line.

No time is asserted: the subprocess timeout only keeps a hang from stalling the suite.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

HANG_GUARD = 600


def run(dacu, args, cwd):
    env = dict(os.environ, NO_COLOR="1", LC_ALL="C.UTF-8")
    return subprocess.run([dacu] + args, cwd=cwd, env=env, capture_output=True, timeout=HANG_GUARD)


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
    print("bounds passed: 7 MiB error line, 100,000-deep nesting")
    return 0


if __name__ == "__main__":
    sys.exit(main())
