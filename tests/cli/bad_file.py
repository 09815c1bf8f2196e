#!/usr/bin/env python3
"""Checks one malformed input under tests/bad/.

The file's first line says what dacu must report:  # expect: D020 12:9
dacu plan FILE -o OUT must exit 1, print exactly one `dacu: error: FILE:LINE:COL: … [CODE]`
message with the source line, a caret and a hint, never crash, and leave no OUT behind.

Extra arguments for `dacu plan` follow `args:`; when the problem is in them, the location is
`<command line>:1:COL` (the `--set KEY=VALUE` text as a one-line file):

    # expect: D050 <command line>:1:1 args: --set 开图=2026-12-21T10:00

A file that starts with a byte order mark (the D013 case) has its first line read after it.

Comment lines right after it may pin the whole text, compared exactly:

    # message: full-width colon '：' (U+FF1A) after the key '开团'
    # hint: write an ASCII colon and a space: 开团: 2026-12-20T10:00
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dacu", required=True)
    parser.add_argument("--root", required=True)
    parser.add_argument("file")
    o = parser.parse_args()
    rel = os.path.relpath(o.file, o.root)
    first = open(o.file, "rb").readline().removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors="replace")
    m = re.match(r"#\s*expect:\s*(D\d{3})\s+(<command line>:)?(\d+):(\d+)(?:\s+args:\s*(.*))?", first)
    if not m:
        print(f"{rel}: first line must be '# expect: DNNN LINE:COL' or '# expect: DNNN <command line>:1:COL'")
        return 1
    code, where, line, col = m.group(1), m.group(2) and "<command line>", m.group(3), m.group(4)
    pinned = {}
    with open(o.file, encoding="utf-8", errors="replace") as f:
        f.readline()
        for text in f:
            p = re.match(r"#\s*(message|hint): (.*)$", text.rstrip("\n"))
            if not p:
                break
            pinned[p.group(1)] = p.group(2)
    extra = (m.group(5) or "").split()
    with tempfile.TemporaryDirectory() as out_dir:
        out = os.path.join(out_dir, "plan.csv")
        # Messages in English: the checks below quote them (the golden cases hold the Chinese).
        env = dict(os.environ, NO_COLOR="1", LC_ALL="en_US.UTF-8")
        r = subprocess.run([os.path.abspath(o.dacu), "plan", rel, "-o", out] + extra, cwd=o.root,
                           capture_output=True, env=env, timeout=30)
        stderr = r.stderr.decode("utf-8", errors="replace")
        problems = []
        if r.returncode != 1:
            problems.append(f"exit code {r.returncode}, expected 1")
        if os.listdir(out_dir):
            problems.append(f"files were written: {os.listdir(out_dir)}")
        errors = [l for l in stderr.splitlines() if l.startswith("dacu: error:")]
        if len(errors) != 1:
            problems.append(f"expected one error line, got {len(errors)}")
        expected_head = f"dacu: error: {where or rel}:{line}:{col}: "
        if not errors or not errors[0].startswith(expected_head) or not errors[0].endswith(f"[{code}]"):
            problems.append(f"expected '{expected_head}… [{code}]'")
        if "\nhint: " not in "\n" + stderr:
            problems.append("no hint")
        if "message" in pinned and errors and errors[0] != f"{expected_head}{pinned['message']} [{code}]":
            problems.append(f"expected the message '{pinned['message']}'")
        if "hint" in pinned and f"hint: {pinned['hint']}" not in stderr.splitlines():
            problems.append(f"expected 'hint: {pinned['hint']}'")
        if "^" not in stderr:
            problems.append("no caret under the source line")
        if "internal error" in stderr:
            problems.append("internal error")
    if problems:
        print(f"{rel}: " + "; ".join(problems) + f"\n--- stderr\n{stderr}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
