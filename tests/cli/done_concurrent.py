#!/usr/bin/env python3
"""`dacu done` never loses a row to a concurrent writer, and never leaves half a file.

Eight `dacu done` processes are started at once on one status file, each writing 6 rows one run
after another (48 runs, 48 rows, each with its own note); then the file must hold the header and
all 48 rows, each whole, and read back with `dacu plan --status` (which refuses a broken row).
A writer that read, added and renamed without the lock would drop the rows of a writer that
renamed in between; the check is on the rows, never on timing. Also: the file is created with its header when absent,
a GBK file is rewritten as UTF-8 keeping its rows, an unknown task name (D460) and a bad --state
(D465) leave the file untouched, and no temporary file is left behind. And `report --status-dir`
in a batch: each shop its own status file, none for one of them, --fail-on-alert exits 3 on
overdue open tasks.

    done_concurrent.py --dacu BUILD/apps/dacu --root SOURCE_DIR
"""
import argparse
import csv
import io
import os
import subprocess
import sys
import tempfile

ENV = dict(os.environ, NO_COLOR="1", LC_ALL="C.UTF-8")
WRITERS, RUNS = 8, 6


def status_dir_batch(args, campaign, tmp):
    """--status-dir in a batch: shop a reads status/a.csv, shop b has none (no section, no alert)."""
    problems = []
    shops, status_dir, out = (os.path.join(tmp, d) for d in ("shops", "status", "out"))
    for d in (shops, status_dir):
        os.makedirs(d)
    text = open(campaign, encoding="utf-8").read()
    for name in ("a", "b"):
        with open(os.path.join(shops, name + ".yaml"), "w", encoding="utf-8") as f:
            f.write(text)
    with open(os.path.join(status_dir, "a.csv"), "w", encoding="utf-8") as f:
        f.write("任务,状态,负责人,时间,备注\n老客户短信预热,进行中,推广主管,2026-12-19 15:30,\n")
    r = subprocess.run([args.dacu, "report", os.path.join(shops, "a.yaml"), os.path.join(shops, "b.yaml"), "--status-dir",
                        status_dir, "--out-dir", out, "--format", "json", "--as-of", "2026-12-19T20:00", "--fail-on-alert"],
                       env=ENV, capture_output=True, text=True)
    import json
    try:
        a = json.load(open(os.path.join(out, "a.json"), encoding="utf-8"))
        b = json.load(open(os.path.join(out, "b.json"), encoding="utf-8"))
    except OSError as e:
        return [f"--status-dir batch wrote no outputs ({r.returncode}): {r.stderr} {e}"]
    overdue = [t["task"] for t in (a.get("task_status") or {}).get("overdue", [])]
    if "老客户短信预热" not in overdue:
        problems.append(f"--status-dir: shop a's overdue tasks {overdue}")
    if b.get("task_status", "missing") is not None:
        problems.append("--status-dir: shop b has no status file but its task_status is not null")
    if r.returncode != 3 or not a["alert"] is False:
        problems.append(f"--status-dir --fail-on-alert: exit {r.returncode} (expected 3: overdue open tasks), {r.stderr}")
    return problems


def done_hardening(args, campaign, tmp):
    """The attack trial's cases: a symbolic link to the status file stays a link and its target gets
    the row; a row that would take the file past the 8 MiB every command reads is refused (D571,
    exit 1, file unchanged); --note/--owner that a spreadsheet would run as a formula are written
    with the ' of every CSV dacu writes, and read back as typed."""
    problems = []
    shared, own = (os.path.join(tmp, d) for d in ("shared", "own"))
    for d in (shared, own):
        os.makedirs(d)
    target = os.path.join(shared, "状态.csv")
    with open(target, "w", encoding="utf-8") as f:
        f.write("任务,状态,负责人,时间,备注\n")
    link = os.path.join(own, "状态.csv")
    os.symlink(os.path.relpath(target, own), link)
    r = subprocess.run([args.dacu, "done", campaign, "对账与发票", "--status", link, "--at", "2026-12-26T10:00",
                        "--note", "=HYPERLINK(\"http://x\")", "--owner", "@运营"], env=ENV, capture_output=True, text=True)
    if r.returncode != 0:
        problems.append(f"done through a link: exit {r.returncode} {r.stderr}")
    if not os.path.islink(link):
        problems.append("the link to the status file was replaced by a file")
    lines = open(target, encoding="utf-8-sig").read().splitlines()
    if lines[-1:] != ["对账与发票,已完成,'@运营,2026-12-26 10:00,\"'=HYPERLINK(\"\"http://x\"\")\""]:
        problems.append(f"the link's target holds {lines!r}")
    if sorted(os.listdir(own)) != ["状态.csv"] or sorted(os.listdir(shared)) != ["状态.csv", "状态.csv.lock"]:
        problems.append(f"files left: {sorted(os.listdir(own))} {sorted(os.listdir(shared))}")
    check = subprocess.run([args.dacu, "report", campaign, "--status", link, "--as-of", "2026-12-27T10:00", "--format", "json"],
                           env=ENV, capture_output=True, text=True)
    if check.returncode != 0 or '"=HYPERLINK(\\"http://x\\")"' not in check.stdout or '"@运营"' not in check.stdout:
        problems.append(f"report does not read the note and owner back as typed: {check.returncode} {check.stderr}")

    # 8 MiB: a file just under it refuses the row that would pass it, and stays as it was.
    big = os.path.join(tmp, "big.csv")
    row = "对账与发票,已完成,运营主管,2026-12-26 10:00," + "备" * 20 + "\n"
    header = "任务,状态,负责人,时间,备注\n"
    count = ((8 << 20) - len(header.encode()) - 10) // len(row.encode())
    with open(big, "w", encoding="utf-8") as f:
        f.write(header + row * count)
    before = open(big, "rb").read()
    r = subprocess.run([args.dacu, "done", campaign, "对账与发票", "--status", big, "--note", "x" * 200], env=ENV,
                       capture_output=True, text=True)
    if r.returncode != 1 or "[D571]" not in r.stderr or big not in r.stderr:
        problems.append(f"past 8 MiB: exit {r.returncode}, {r.stderr!r} (expected D571, exit 1)")
    if open(big, "rb").read() != before:
        problems.append("the refused write past 8 MiB changed the file")
    return problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dacu", required=True)
    ap.add_argument("--root", required=True)
    args = ap.parse_args()
    campaign = os.path.join(args.root, "examples", "雪凡妮-双十二聚划算.yaml")
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        status = os.path.join(tmp, "状态.csv")
        # Each writer: a shell loop of RUNS dacu done runs, all writers started together.
        procs = []
        for w in range(WRITERS):
            loop = (f'for i in $(seq 1 {RUNS}); do "$0" done "$1" 老客户短信预热 --status "$2" --owner 推广主管 '
                    f'--note "w{w}-r$i" --at 2026-12-19T16:00 >/dev/null || exit 1; done')
            procs.append(subprocess.Popen(["sh", "-c", loop, args.dacu, campaign, status], env=ENV,
                                          stderr=subprocess.PIPE, text=True))
        for p in procs:
            _, err = p.communicate()
            if p.returncode != 0:
                problems.append(f"a writer failed ({p.returncode}): {err}")
        text = open(status, encoding="utf-8-sig").read()
        rows = list(csv.reader(io.StringIO(text)))
        if rows[0] != ["任务", "状态", "负责人", "时间", "备注"]:
            problems.append(f"header: {rows[0]}")
        notes = sorted(r[4] for r in rows[1:])
        expected = sorted(f"w{w}-r{i}" for w in range(WRITERS) for i in range(1, RUNS + 1))
        if notes != expected:
            problems.append(f"{len(notes)} rows of {len(expected)}; missing {sorted(set(expected) - set(notes))[:5]}")
        if any(len(r) != 5 or r[0] != "老客户短信预热" or r[1] != "已完成" for r in rows[1:]):
            problems.append("a row is not whole")
        leftovers = [n for n in os.listdir(tmp) if n not in ("状态.csv", "状态.csv.lock")]
        if leftovers:
            problems.append(f"left behind: {leftovers}")
        check = subprocess.run([args.dacu, "plan", campaign, "--status", status, "--format", "csv"], env=ENV,
                               capture_output=True, text=True)
        if check.returncode != 0 or "已完成" not in check.stdout:
            problems.append(f"plan --status does not read it back: {check.stderr}")

        # Refusals leave the file as it was.
        before = open(status, "rb").read()
        for extra, code in ((["老客户短信预热x"], "D460"), (["老客户短信预热", "--state", "搞定"], "D465")):
            r = subprocess.run([args.dacu, "done", campaign, *extra, "--status", status], env=ENV,
                               capture_output=True, text=True)
            if r.returncode == 0 or code not in r.stderr:
                problems.append(f"{extra}: exit {r.returncode}, {r.stderr!r} (expected {code})")
        # Text that would make the file unreadable (not UTF-8, control characters) is refused
        # (D470, exit 2), the file left as it was (a trial wrote \xff and locked everyone out).
        for note in ("\udcff", "a\x01b", "two\nlines"):
            r = subprocess.run([args.dacu.encode(), b"done", campaign.encode(), "老客户短信预热".encode(), b"--status",
                                status.encode(), b"--note", note.encode("utf-8", "surrogateescape")],
                               env=ENV, capture_output=True)
            if r.returncode != 2 or b"D470" not in r.stderr:
                problems.append(f"--note {note!r}: exit {r.returncode}, {r.stderr!r} (expected D470, exit 2)")
        if open(status, "rb").read() != before:
            problems.append("a refused run changed the file")

        # A writer that holds the lock too long: D467.locked (exit 4) after the wait, not a hang.
        import fcntl
        import time
        with open(status + ".lock", "a") as held:
            fcntl.flock(held, fcntl.LOCK_EX)
            started = time.monotonic()
            r = subprocess.run([args.dacu, "done", campaign, "老客户短信预热", "--status", status], env=ENV,
                               capture_output=True, text=True, timeout=60)
            waited = time.monotonic() - started
        if r.returncode != 4 or "D467" not in r.stderr or waited < 5:
            problems.append(f"a held lock: exit {r.returncode} after {waited:.1f} s, {r.stderr!r} (expected D467, exit 4, after the wait)")
        if open(status, "rb").read() != before:
            problems.append("a run that could not lock changed the file")

        # A GBK file (Excel's "CSV") keeps its rows and becomes UTF-8 with a BOM.
        gbk = os.path.join(tmp, "gbk.csv")
        with open(gbk, "wb") as f:
            f.write("任务,状态,负责人,时间,备注\r\n确认报名资质与DSR,完成,运营主管,2026-11-17 16:00,\r\n".encode("gbk"))
        r = subprocess.run([args.dacu, "done", campaign, "对账与发票", "--status", gbk, "--at", "2026-12-26T10:00"],
                           env=ENV, capture_output=True, text=True)
        data = open(gbk, "rb").read()
        if r.returncode != 0 or not data.startswith(b"\xef\xbb\xbf"):
            problems.append(f"GBK file: exit {r.returncode} {r.stderr}")
        else:
            lines = data.decode("utf-8-sig").split("\r\n")
            if lines[1] != "确认报名资质与DSR,完成,运营主管,2026-11-17 16:00," or lines[2] != "对账与发票,已完成,运营主管,2026-12-26 10:00,":
                problems.append(f"GBK file rewritten as {lines!r}")
        problems += status_dir_batch(args, campaign, tmp)
        problems += done_hardening(args, campaign, tmp)
    for p in problems:
        print("FAIL:", p)
    if problems:
        sys.exit(1)
    print(f"ok: {WRITERS} writers × {RUNS} runs, every row kept")


if __name__ == "__main__":
    main()
