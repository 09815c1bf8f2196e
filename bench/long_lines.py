#!/usr/bin/env python3
"""Time and output bounds of parsing and diagnostics (issue 16): long lines and many warnings.

    python3 bench/long_lines.py --dacu build/apps/dacu            # every case
    python3 bench/long_lines.py --dacu build/apps/dacu --short    # small sizes: only checks it runs
    python3 bench/long_lines.py --dacu build/apps/dacu --timeout 60 --only flow-dates-80k

Each case writes a generated campaign into --out (default bench/out/long-lines) and runs the real
binary once under /usr/bin/time -v, stdout discarded and stderr counted, and prints one row: wall
seconds, CPU seconds (user + system: on a loaded machine the steadier figure), bytes of stderr,
peak RSS, exit code and the first line of stderr. A run that passes
--timeout is killed and shown as "> N s". Nothing here is asserted: the figures go into
bench/README.md by hand.

Cases (the campaigns extend the built-in 聚划算 template):
  flow-dates-80k    `calendar: {base: cn, days_off: [2026-01-01, …]}`: 80,000 dates on one line (960 KB)
  block-dates-80k   the same dates one per line (`- 2026-01-01`): the baseline
  flow-keys-40k     `parameters: {k00000: 0, …}`: 40,000 keys on one line
  block-keys-40k    the same keys one per line
  flow-8mib         an 8 MiB line of dates (just under the 8 MiB file limit, D011)
  block-8mib        8 MiB of dates one per line
  values-1.1m       eleven one-line lists of 100,000 `1`s: 1.1 million values in 2.2 MB
  error-7mib        a 7 MiB quoted name with a bad escape at its end (the echoed line)
  nesting-100k      `a: [[[…` 100,000 deep (the echoed line of D017)
  openers-80k       `x: {［a, ［a, …}`: 80,000 full-width brackets on one line (the slip checks, issue 17)
  double-book-2000  2,000 added tasks for one owner at one moment (D105 warnings, `dacu validate`)
  double-book-4000  the same with 4,000 tasks

dacu runs with its address space limited to --max-memory (default 4096 MB), so that a run that
would take the machine's memory fails instead.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import resource
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HEAD = "dacu: 1\nkind: campaign\nname: 长行\nextends: 聚划算\nmilestones:\n  报名: 2026-11-20T10:00\n  开团: 2026-12-20\n"


def dates(n: int) -> list[str]:
    start = dt.date(2026, 1, 1)
    return [(start + dt.timedelta(days=i % 2_900_000)).isoformat() for i in range(n)]


def flow_dates(n: int, tail: str = "") -> str:
    return HEAD + "calendar: {base: cn, days_off: [" + ", ".join(dates(n)) + tail + "]}\n"


def block_dates_for_bytes(size: int) -> str:
    return block_dates((size - len(HEAD) - 64) // 17)  # "    - 2026-01-01\n" is 17 bytes


def block_dates(n: int) -> str:
    return HEAD + "calendar:\n  base: cn\n  days_off:\n" + "".join(f"    - {d}\n" for d in dates(n))


def flow_keys(n: int) -> str:
    return HEAD + "parameters: {" + ", ".join(f"k{i:05d}: {i}" for i in range(n)) + "}\n"


def block_keys(n: int) -> str:
    return HEAD + "parameters:\n" + "".join(f"  k{i:05d}: {i}\n" for i in range(n))


def dates_for_bytes(size: int) -> int:
    # "2026-01-01, " is 12 bytes; leave room for the head under the 8 MiB limit.
    return (size - len(HEAD) - 64) // 12


def double_book(n: int) -> str:
    tasks = "".join(
        f"    - {{name: 同时任务{i:05d}, department: 运营, owner: 运营主管, phase: 活动中, start: 开团后1小时, duration: 1h}}\n"
        for i in range(n))
    return HEAD + "tasks:\n  add:\n" + tasks


def cases(short: bool) -> list[tuple[str, str, list[str]]]:
    k = 100 if short else 1
    mib = 1 << 20
    return [
        ("flow-dates-80k", flow_dates(80_000 // k), ["plan", "--format", "csv"]),
        ("block-dates-80k", block_dates(80_000 // k), ["plan", "--format", "csv"]),
        ("flow-keys-40k", flow_keys(40_000 // k), ["plan", "--format", "csv"]),
        ("block-keys-40k", block_keys(40_000 // k), ["plan", "--format", "csv"]),
        ("flow-8mib", flow_dates(dates_for_bytes(8 * mib // k)), ["plan", "--format", "csv"]),
        ("block-8mib", block_dates_for_bytes(8 * mib // k), ["plan", "--format", "csv"]),
        ("values-1.1m", "".join(f"a{i}: [" + ",".join(["1"] * (100_000 // k)) + "]\n" for i in range(11)), ["plan"]),
        ("error-7mib", 'dacu: 1\nname: "' + "开团" * (7 * mib // 6 // k) + '\\q"\n', ["plan"]),
        ("nesting-100k", "a: " + "[" * (100_000 // k) + "\n", ["plan"]),
        ("openers-80k", HEAD + "x: {" + "［a, " * (80_000 // k) + "}\n", ["validate"]),
        ("double-book-2000", double_book(2000 // k), ["validate"]),
        ("double-book-4000", double_book(4000 // k), ["validate"]),
    ]


def run(dacu: str, args: list[str], timeout: float, max_memory_mb: int) -> dict:
    with tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile("r") as stats:
        env = dict(os.environ, NO_COLOR="1", LC_ALL="C.UTF-8")
        cmd = ["/usr/bin/time", "-v", "-o", stats.name, dacu] + args
        begin = time.monotonic()
        # A session of its own, so that a timeout ends dacu too and not only /usr/bin/time.
        limit = max_memory_mb << 20
        p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, env=env, start_new_session=True,
                             preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (limit, limit)))
        try:
            code = p.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait()
            return {"wall": None, "code": "killed"}
        wall = time.monotonic() - begin
        err.seek(0, os.SEEK_END)
        size = err.tell()
        err.seek(0)
        first = err.readline(300).decode("utf-8", errors="replace").rstrip("\n")
        text = stats.read()
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    cpu = sum(float(m) for m in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", text))
    exit_status = re.search(r"Exit status: (\d+)", text)
    return {"wall": wall, "cpu": cpu, "code": int(exit_status.group(1)) if exit_status else code, "stderr": size,
            "rss_mb": int(rss.group(1)) / 1024 if rss else float("nan"), "first": first}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dacu", required=True)
    parser.add_argument("--out", default="bench/out/long-lines")
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("--short", action="store_true", help="sizes divided by 100")
    parser.add_argument("--only", action="append", help="run only this case (repeatable)")
    parser.add_argument("--max-memory", type=int, default=4096, help="address space limit of dacu, MB")
    o = parser.parse_args()
    out = Path(o.out)
    out.mkdir(parents=True, exist_ok=True)
    dacu = os.path.abspath(o.dacu)
    print(f"load average {os.getloadavg()[0]:.1f} before the first case")
    print(f"{'case':18} {'input':>10} {'wall s':>8} {'CPU s':>7} {'stderr B':>11} {'RSS MB':>7} exit  first line of stderr")
    for name, text, args in cases(o.short):
        if o.only and name not in o.only:
            continue
        path = out / f"{name}.yaml"
        path.write_text(text, encoding="utf-8")
        r = run(dacu, args + [str(path)], o.timeout, o.max_memory)
        size = f"{len(text.encode()) / 1024:.0f} KB"
        if r["wall"] is None:
            print(f"{name:18} {size:>10} {'> %g' % o.timeout:>8} {'-':>7} {'-':>11} {'-':>7} killed", flush=True)
            continue
        first = r["first"][:100] + ("…" if len(r["first"]) > 100 else "")
        print(f"{name:18} {size:>10} {r['wall']:8.2f} {r['cpu']:7.2f} {r['stderr']:11,} {r['rss_mb']:7.1f} {r['code']:>4}  {first}",
              flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
