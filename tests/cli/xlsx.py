#!/usr/bin/env python3
"""`--format xlsx` read back by exceljs (tests/node, installed by scripts/install-deps.sh) and
compared with the same command's JSON, plus what a reader cannot see.

    xlsx.py --dacu BUILD/apps/dacu --root SOURCE_DIR check COMMAND FILE [ARGS...]
        COMMAND FILE ARGS --format json and -o tmp.xlsx; tests/node/xlsx_check.mjs compares every
        sheet and cell with the JSON. The workbook records a creation time taken from the input
        (the earliest milestone, or --as-of for a report), every zip entry is dated 1980-01-01,
        and the same command with its workbook on a pipe gives the same bytes.
    xlsx.py --dacu … --root … etiquette
        Two runs a second apart give identical bytes; a terminal on stdout is refused (D072) and
        gets no bytes; a failing run (a bad input, a cell Excel cannot hold: D073) leaves no file
        and an earlier file untouched; --out-dir writes NAME.xlsx, byte for byte what -o writes.

A machine without node or without tests/node/node_modules/exceljs FAILS: it never skips.
"""
import argparse
import datetime
import json
import os
import pty
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from zoneinfo import ZoneInfo

EXAMPLE = "examples/雪凡妮-双十二聚划算.yaml"
REPORT_ARGS = ["--actuals", "examples/雪凡妮-实时数据.csv", "--as-of", "2026-12-20T12:30"]
NO_DATE = "2000-01-01T00:00:00Z"


class Runner:
    def __init__(self, dacu, root):
        self.dacu, self.root, self.problems = os.path.abspath(dacu), os.path.abspath(root), []

    def run(self, args, env_extra=None, **kw):
        # Messages in English: the checks below quote them (the golden cases hold the Chinese).
        env = dict(os.environ, NO_COLOR="1", LC_ALL="en_US.UTF-8")
        env.update(env_extra or {})
        kw.setdefault("capture_output", True)
        return subprocess.run([self.dacu] + args, cwd=self.root, env=env, timeout=120, **kw)

    def must(self, args):
        r = self.run(args)
        if r.returncode != 0:
            raise SystemExit(f"FAIL: dacu {' '.join(args)} exited {r.returncode}\n{r.stderr.decode()}")
        return r

    def check(self, ok, what):
        if not ok:
            self.problems.append(what)

    def finish(self, success):
        if self.problems:
            print("FAIL:\n" + "\n".join(self.problems))
            return 1
        print(success)
        return 0


def utc_text(moment):
    return moment.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def moment_of(text, zone):
    """A JSON moment ("2026-12-20T10:00:00+08:00") or day ("2026-11-11", local midnight)."""
    if len(text) == 10:
        return datetime.datetime.fromisoformat(text).replace(tzinfo=ZoneInfo(zone))
    return datetime.datetime.fromisoformat(text)


def expected_created(r, command, file, args, output):
    """What docProps/core.xml must record: never the clock, always something from the input."""
    if command == "report":
        return utc_text(datetime.datetime.fromisoformat(output["as_of"]))
    plan = json.loads(r.must(["plan", file, "--format", "json"] + [a for a in args if a.startswith("--set")]).stdout)
    milestones = plan["milestones"]
    if command == "roi":  # roi plans nothing: the milestones the campaign (or template) gives
        milestones = [m for m in milestones if m["derived_from"] is None]
    if not milestones:
        return NO_DATE
    return utc_text(min(moment_of(m["at"], plan["timezone"]) for m in milestones))


def check_package(r, path, created):
    with zipfile.ZipFile(path) as z:
        dated = {i.filename: i.date_time for i in z.infolist() if i.date_time != (1980, 1, 1, 0, 0, 0)}
        r.check(not dated, f"zip entries not dated 1980-01-01: {dated}")
        core = z.read("docProps/core.xml").decode()
    found = re.findall(r"<dcterms:(created|modified)[^>]*>([^<]*)<", core)
    r.check(found == [("created", created), ("modified", created)], f"core.xml dates {found}, expected {created}")


def check_command(r, node, node_dir, command, file, args):
    with tempfile.TemporaryDirectory() as tmp:
        out_json, out_xlsx = os.path.join(tmp, "out.json"), os.path.join(tmp, "out.xlsx")
        r.must([command, file] + args + ["--format", "json", "-o", out_json])
        r.must([command, file] + args + ["--format", "xlsx", "-o", out_xlsx])
        output = json.load(open(out_json, encoding="utf-8"))
        check_package(r, out_xlsx, expected_created(r, command, file, args, output))
        piped = r.must([command, file] + args + ["--format", "xlsx"]).stdout
        r.check(piped == open(out_xlsx, "rb").read(), "the workbook on a pipe differs from the one -o wrote")
        read_back = subprocess.run([node, os.path.join(node_dir, "xlsx_check.mjs"), command, out_xlsx, out_json], cwd=node_dir)
        r.check(read_back.returncode == 0, "exceljs read-back differs from the JSON (above)")
    return r.finish(f"{command} {file}: workbook matches the JSON")


# ---------------------------------------------------------------------------------------------
# etiquette

def on_terminal(r, args):
    """Runs dacu with a pseudo-terminal as stdout; returns (exit code, stdout bytes, stderr)."""
    master, slave = pty.openpty()
    chunks = []

    def drain():  # read while dacu writes, so a long output never fills the terminal's buffer
        try:
            while chunk := os.read(master, 65536):
                chunks.append(chunk)
        except OSError:
            pass

    reader = threading.Thread(target=drain)
    reader.start()
    proc = subprocess.run([r.dacu] + args, cwd=r.root, env=dict(os.environ, NO_COLOR="1", LC_ALL="en_US.UTF-8"),
                          stdout=slave, stderr=subprocess.PIPE, timeout=120)
    os.close(slave)
    reader.join(timeout=30)
    os.close(master)
    return proc.returncode, b"".join(chunks), proc.stderr.decode()


def check_determinism(r):
    for args in (["plan", EXAMPLE], ["report", EXAMPLE] + REPORT_ARGS, ["staff", "examples/双十一-旗舰店.yaml"],
                 ["roi", "examples/聚划算-ROI样例.yaml", "--scenarios"]):
        first = r.must(args + ["--format", "xlsx"]).stdout
        time.sleep(1.1)  # a clock reading would show in the next second
        second = r.must(args + ["--format", "xlsx"]).stdout
        r.check(first == second and first.startswith(b"PK"), f"two runs of {' '.join(args)} --format xlsx differ")


def check_terminal(r, tmp):
    for args in (["plan", EXAMPLE, "--format", "xlsx"], ["plan", EXAMPLE, "--format", "xlsx", "-o", "-"],
                 ["staff", "examples/双十一-旗舰店.yaml", "--format", "xlsx"], ["roi", "examples/聚划算-ROI样例.yaml", "--format", "xlsx"],
                 ["report", EXAMPLE] + REPORT_ARGS + ["--format", "xlsx"]):
        rc, data, err = on_terminal(r, args)
        r.check(rc == 1 and "[D072]" in err and "stdout is a terminal" in err, f"{' '.join(args)} on a terminal: exit {rc}, {err!r}")
        r.check(b"PK" not in data, f"{' '.join(args)} wrote the workbook to a terminal")
    out = os.path.join(tmp, "tty.xlsx")
    rc, data, err = on_terminal(r, ["plan", EXAMPLE, "-o", out])
    r.check(rc == 0 and os.path.getsize(out) > 0 and b"PK" not in data, f"-o out.xlsx with a terminal stdout: exit {rc} {err!r}")
    rc, data, err = on_terminal(r, ["plan", EXAMPLE, "--format", "json"])
    r.check(rc == 0 and data.lstrip().startswith(b"{"), "text formats must still go to a terminal")


def leftovers(folder, keep):
    return sorted(n for n in os.listdir(folder) if n not in keep)


def check_failures(r, tmp):
    folder, scratch = os.path.join(tmp, "fail"), os.path.join(tmp, "scratch")
    os.mkdir(folder)
    os.mkdir(scratch)
    private = {"TMPDIR": scratch}  # dacu's own scratch workbook goes here, so leftovers show
    target = os.path.join(folder, "plan.xlsx")
    # A bad input: nothing is written.
    res = r.run(["plan", "tests/bad/unknown-milestone-key.yaml", "-o", target], env_extra=private)
    r.check(res.returncode == 1 and not os.path.exists(target), f"a bad input left {os.listdir(folder)} (exit {res.returncode})")
    # A text longer than an Excel cell holds (32,767 characters): D073 located at the cell, no
    # file, and the workbook an earlier run wrote stays as it was.
    long_note = os.path.join(folder, "long-note.yaml")
    open(long_note, "w", encoding="utf-8").write(LONG_NOTE.format(note="备" * 40000))
    r.must(["plan", EXAMPLE, "-o", target])
    before = open(target, "rb").read()
    res = r.run(["plan", long_note, "-o", target], env_extra=private)
    err = res.stderr.decode()
    r.check(res.returncode == 1 and "[D073]" in err and re.search(r"任务!L\d+: ", err), f"an overlong note: exit {res.returncode}, {err!r}")
    r.check(open(target, "rb").read() == before, "a failed run changed the earlier workbook")
    r.check(sorted(os.listdir(folder)) == ["long-note.yaml", "plan.xlsx"], f"a failed run left {sorted(os.listdir(folder))}")
    r.check(os.listdir(scratch) == [], f"scratch files left behind: {os.listdir(scratch)}")


# A campaign with one task whose note no Excel cell can hold.
LONG_NOTE = """dacu: 1
kind: campaign
name: 超长备注
extends: 聚划算
milestones:
  报名: 2026-11-20T10:00
  开团: 2026-12-20T10:00
tasks:
  add:
    - name: 超长备注的任务
      department: 运营
      owner: 运营主管
      phase: 活动前
      start: 报名前3天
      note: {note}
"""


def check_batch(r, tmp):
    out = os.path.join(tmp, "batch")
    inputs = [EXAMPLE, "examples/订货宝-上线.yaml"]
    r.must(["plan"] + inputs + ["--out-dir", out, "--format", "xlsx", "-j", "2"])
    made = sorted(n for n in os.listdir(out) if n not in (".dacu-manifest.json", ".dacu.lock"))  # the batch's manifest and lock aside
    r.check(made == ["订货宝-上线.xlsx", "雪凡妮-双十二聚划算.xlsx"], f"--out-dir wrote {made}")
    for file in inputs:
        name = os.path.splitext(os.path.basename(file))[0] + ".xlsx"
        alone = r.must(["plan", file, "--format", "xlsx"]).stdout
        r.check(open(os.path.join(out, name), "rb").read() == alone, f"batch {name} differs from a single run")
    res = r.run(["report", EXAMPLE] + REPORT_ARGS + ["--out-dir", out, "--format", "xlsx"])
    r.check(res.returncode == 0 and os.path.getsize(os.path.join(out, "雪凡妮-双十二聚划算.xlsx")) > 0, f"report batch: {res.stderr.decode()}")


def check_etiquette(r):
    with tempfile.TemporaryDirectory() as tmp:
        check_determinism(r)
        check_terminal(r, tmp)
        check_failures(r, tmp)
        check_batch(r, tmp)
    return r.finish("xlsx etiquette checks passed")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dacu", required=True)
    ap.add_argument("--root", required=True)
    ap.add_argument("mode", choices=["check", "etiquette"])
    ap.add_argument("rest", nargs=argparse.REMAINDER)
    o = ap.parse_args()
    r = Runner(o.dacu, o.root)
    if o.mode == "etiquette":
        return check_etiquette(r)
    node_dir = os.path.join(r.root, "tests", "node")
    node = shutil.which("node")
    if not node or not os.path.isdir(os.path.join(node_dir, "node_modules", "exceljs")):
        print("FAIL: node or tests/node/node_modules/exceljs is missing; run scripts/install-deps.sh")
        return 1
    command, file, args = o.rest[0], o.rest[1], o.rest[2:]
    if command == "report" and not args:
        args = REPORT_ARGS
    return check_command(r, node, node_dir, command, file, args)


if __name__ == "__main__":
    sys.exit(main())
