#!/usr/bin/env python3
"""Output files do not change with the machine's locale; messages on stderr do.

The locale (LC_ALL, LC_MESSAGES, LANG) picks the language of messages; labels follow --lang only
(docs/errors.md, "Language"). Reports and ROI files quote warnings, so they must quote them in
their labels' language too: the same inputs give the same bytes under en_US.UTF-8 and C.UTF-8.

    python3 tests/cli/locale_outputs.py --dacu build/apps/dacu --root .
"""
import argparse
import os
import pathlib
import subprocess
import sys
import tempfile

parser = argparse.ArgumentParser()
parser.add_argument("--dacu", required=True)
parser.add_argument("--root", required=True)
o = parser.parse_args()
dacu, root = os.path.abspath(o.dacu), pathlib.Path(o.root).resolve()

failures = []
with tempfile.TemporaryDirectory() as tmp:
    tmp = pathlib.Path(tmp)
    # The example's data plus a metric the report does not know: a D510 warning the report quotes.
    actuals = tmp / "actuals.csv"
    actuals.write_text((root / "examples/雪凡妮-实时数据.csv").read_text(encoding="utf-8") + "2026-12-20 10:05,访客数x,3150\n",
                       encoding="utf-8")
    runs = {
        "roi.json": ["roi", "examples/聚划算-ROI样例.yaml"],
        "report.md": ["report", "examples/雪凡妮-双十二聚划算.yaml", "--actuals", str(actuals), "--as-of", "2026-12-20T12:30"],
        "report.json": ["report", "examples/雪凡妮-双十二聚划算.yaml", "--actuals", str(actuals), "--as-of", "2026-12-20T12:30"],
        "report.html": ["report", "examples/雪凡妮-双十二聚划算.yaml", "--actuals", str(actuals), "--as-of", "2026-12-20T12:30"],
        "plan.csv": ["plan", "examples/雪凡妮-双十二聚划算.yaml"],
    }
    for name, args in runs.items():
        outputs, errors = {}, {}
        for locale in ("en_US.UTF-8", "C.UTF-8"):
            target = tmp / f"{locale}-{name}"
            env = dict(os.environ, NO_COLOR="1", LC_ALL=locale)
            r = subprocess.run([dacu, *args, "-o", str(target)], cwd=root, env=env, capture_output=True, timeout=60)
            if r.returncode != 0:
                failures.append(f"{name} under {locale}: exit {r.returncode}: {r.stderr.decode(errors='replace')}")
                break
            outputs[locale], errors[locale] = target.read_bytes(), r.stderr.decode()
        else:
            if outputs["en_US.UTF-8"] != outputs["C.UTF-8"]:
                failures.append(f"{name}: the file differs between LC_ALL=en_US.UTF-8 and LC_ALL=C.UTF-8")
            # Where there are messages, they follow the locale.
            if errors["C.UTF-8"] and ("警告" not in errors["C.UTF-8"] or "warning" not in errors["en_US.UTF-8"]):
                failures.append(f"{name}: messages do not follow the locale:\n{errors['C.UTF-8']}\n{errors['en_US.UTF-8']}")
    quoted = (tmp / "C.UTF-8-report.md").read_text(encoding="utf-8") if (tmp / "C.UTF-8-report.md").exists() else ""
    if "访客数x" not in quoted:
        failures.append("report.md does not quote the unknown metric's warning, so this test checks nothing")

for f in failures:
    print("FAIL:", f)
print(f"{len(runs)} outputs compared, {len(failures)} problems")
sys.exit(1 if failures else 0)
