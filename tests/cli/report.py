#!/usr/bin/env python3
"""Checks of `dacu report` and friends that golden files cannot express.

- HTML (report and `plan --format html`) is self-contained: no http, src=, <script, @import or
  url( anywhere; it has @page A4 and SVG charts.
- Every format is deterministic: two runs with the same inputs and --as-of give the same bytes.
- Batch: one output per input, a bad input reported while the others are written, exit 1, a
  summary line on stderr and no progress drawing when stderr is not a terminal.
- Terminal etiquette: `dacu … | head` ends quietly; color only on a terminal without NO_COLOR.
"""
import argparse
import os
import pty
import shutil
import subprocess
import sys
import tempfile

EXAMPLE = "examples/雪凡妮-双十二聚划算.yaml"
ACTUALS = "examples/雪凡妮-实时数据.csv"
REPORT = ["report", EXAMPLE, "--actuals", ACTUALS, "--as-of", "2026-12-20T12:30"]


class Checker:
    def __init__(self, dacu, root):
        self.dacu, self.root, self.problems = dacu, root, []

    def run(self, args, env_extra=None, **kw):
        # Messages in English: the checks below quote them (the golden cases hold the Chinese).
        env = dict(os.environ, NO_COLOR="1", LC_ALL="en_US.UTF-8")
        env.update(env_extra or {})
        return subprocess.run([self.dacu] + args, cwd=self.root, env=env, capture_output=True, timeout=120, **kw)

    def check(self, ok, what):
        if not ok:
            self.problems.append(what)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dacu", required=True)
    parser.add_argument("--root", required=True)
    o = parser.parse_args()
    c = Checker(os.path.abspath(o.dacu), o.root)

    # Self-contained HTML.
    for args in (REPORT + ["--format", "html"], ["plan", EXAMPLE, "--format", "html"]):
        r = c.run(args)
        c.check(r.returncode == 0, f"{args}: exit {r.returncode} {r.stderr.decode()}")
        html = r.stdout.decode()
        for bad in ("http", "src=", "<script", "@import", "url("):
            c.check(bad not in html.lower(), f"{args[0]} html holds '{bad}'")
        c.check("@page { size: A4" in html, f"{args[0]} html has no @page A4")
        c.check(html.count("<svg") >= 2, f"{args[0]} html has no charts")
        c.check(html.startswith("<!DOCTYPE html>") and html.endswith("</html>\n"), f"{args[0]} html is not one whole page")

    # Determinism in every format.
    for args in [REPORT + ["--format", f] for f in ("md", "json", "html")] + \
                [["plan", EXAMPLE, "--format", f] for f in ("table", "md", "csv", "json", "ics", "html")]:
        a, b = c.run(args), c.run(args)
        c.check(a.returncode == 0 and a.stdout == b.stdout and a.stdout, f"two runs of {' '.join(args)} differ")

    # Exit 3 only with --fail-on-alert; outputs are written either way.
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "r.json")
        r = c.run(REPORT + ["-o", out, "--fail-on-alert"])
        c.check(r.returncode == 3 and os.path.exists(out), f"--fail-on-alert gave {r.returncode}")
        c.check(c.run(REPORT + ["-o", out]).returncode == 0, "an alert without --fail-on-alert is not an error")

    # Batch: 6 good inputs, 1 bad, over 2 jobs.
    with tempfile.TemporaryDirectory() as tmp:
        src = open(os.path.join(o.root, EXAMPLE), encoding="utf-8").read()
        inputs = []
        for i in range(6):
            p = os.path.join(tmp, f"shop{i}.yaml")
            open(p, "w", encoding="utf-8").write(src.replace("雪凡妮 双十二聚划算", f"店铺{i} 双十二聚划算"))
            inputs.append(p)
        bad = os.path.join(tmp, "shop-bad.yaml")
        open(bad, "w", encoding="utf-8").write(src.replace("开团: 2026-12-20T10:00", "开团: 2026-12-32T10:00"))
        inputs.insert(3, bad)
        for cmd, ext in ((["plan"], "ics"), (["report", "--actuals", os.path.join(o.root, ACTUALS), "--as-of", "2026-12-20T12:30"], "html")):
            out = os.path.join(tmp, "out-" + ext)
            r = c.run(cmd + inputs + ["--out-dir", out, "-j", "2", "--format", ext])
            made = sorted(n for n in os.listdir(out) if n not in (".dacu-manifest.json", ".dacu.lock")) if os.path.isdir(out) else []
            c.check(r.returncode == 1, f"batch {cmd[0]}: exit {r.returncode}, want 1")
            c.check(made == sorted(f"shop{i}.{ext}" for i in range(6)), f"batch {cmd[0]} wrote {made}")
            err = r.stderr.decode()
            c.check("shop-bad.yaml:" in err and "[D0" in err, f"batch {cmd[0]} did not report the bad file: {err}")
            c.check(err.rstrip().endswith(f"7 inputs: 6 written to {out}, 1 failed" + (", 6 with alerts (checkpoints off plan, or with --status open tasks past due), 6 with data missing or stale" if ext == "html" else "")),
                    f"batch {cmd[0]} summary: {err.splitlines()[-1] if err else ''}")
            c.check("\r" not in err and "\x1b" not in err, f"batch {cmd[0]} drew progress on a non-terminal")
            for name in made:
                c.check(os.path.getsize(os.path.join(out, name)) > 0, f"{name} is empty")
            c.check(not [n for n in os.listdir(out) if n.endswith(".tmp")], "a temporary file was left behind")

    # `dacu … | head`: the reader goes away early; dacu ends quietly.
    p = subprocess.Popen([c.dacu, "plan", EXAMPLE, "--format", "json"], cwd=o.root, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, env=dict(os.environ, NO_COLOR="1"))
    p.stdout.readline()
    p.stdout.close()
    err = p.stderr.read()
    rc = p.wait(timeout=60)
    c.check(rc in (0, 141) and err == b"", f"closed pipe: exit {rc}, stderr {err!r}")

    # Color: red `error:` on a terminal, none with NO_COLOR or off a terminal.
    def stderr_on_tty(no_color):
        master, slave = pty.openpty()
        env = dict(os.environ, LC_ALL="en_US.UTF-8")
        env.pop("NO_COLOR", None)
        if no_color:
            env["NO_COLOR"] = "1"
        r = subprocess.run([c.dacu, "plan", "no-such-file.yaml"], cwd=o.root, env=env, stdout=subprocess.DEVNULL,
                           stderr=slave, timeout=60)
        os.close(slave)
        data = b""
        try:
            while chunk := os.read(master, 4096):
                data += chunk
        except OSError:
            pass
        os.close(master)
        return r.returncode, data
    rc, data = stderr_on_tty(False)
    c.check(rc == 1 and b"\x1b[1;31merror:\x1b[0m" in data, f"no red error: on a terminal: {data!r}")
    rc, data = stderr_on_tty(True)
    c.check(rc == 1 and b"\x1b" not in data and b"error:" in data, f"color despite NO_COLOR: {data!r}")
    r = c.run(["plan", "no-such-file.yaml"], env_extra={"NO_COLOR": ""})
    c.check(b"\x1b" not in r.stderr, "color on a non-terminal")

    if c.problems:
        print("\n".join(c.problems))
        return 1
    print("report checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
