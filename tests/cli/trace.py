#!/usr/bin/env python3
"""docs/trace.md: each built-in template's seed passages and the elements citing them (issue 20).

- docs/trace.md is exactly the output of `dacu templates --trace` (`--update` rewrites it);
- every built-in template is traced completely: the table lists no element without a source, and
  `dacu validate templates/T.yaml` gives no D107, D108 or D109;
- every task and checkpoint the table says a seed covers is in `dacu plan T --format json`, with
  an owner and a start (a repeated one as its occurrences, `NAME HH:MM`); every budget line in
  `dacu roi T --format json`; every staffing post, calling campaign, rota and queue in
  `dacu staff T --format json`; every staffing table in its `tables`, each subtotal that disagrees
  with its posts flagged by `dacu validate` (D250).

    python3 tests/cli/trace.py --dacu build/apps/dacu --root . [--update]
"""
import argparse
import json
import os
import pathlib
import subprocess
import sys

parser = argparse.ArgumentParser()
parser.add_argument("--dacu", required=True)
parser.add_argument("--root", required=True)
parser.add_argument("--update", action="store_true", help="rewrite docs/trace.md")
options = parser.parse_args()
root = pathlib.Path(options.root)
dacu = os.path.abspath(options.dacu)
env = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8")
env.pop("LANGUAGE", None)


def run(*args):
    return subprocess.run([dacu, *args], cwd=root, env=env, capture_output=True, text=True)


failures = []
trace = run("templates", "--trace")
if trace.returncode != 0:
    sys.exit(f"dacu templates --trace failed: {trace.stderr}")
doc = root / "docs/trace.md"
if options.update:
    doc.write_text(trace.stdout, encoding="utf-8")
elif not doc.exists() or doc.read_text(encoding="utf-8") != trace.stdout:
    failures.append("docs/trace.md is not the output of `dacu templates --trace`: "
                    "run python3 tests/cli/trace.py --dacu build/apps/dacu --root . --update")

# The table, template by template: (section, name) of each element a seed covers.
covered, missing = {}, {}
template = None
for line in trace.stdout.splitlines():
    if line.startswith("## "):
        template = line[3:].strip()
        covered[template], missing[template] = [], []
        continue
    cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
    if template is None or not line.startswith("|") or line.startswith("|---"):
        continue
    if len(cells) == 6 and cells[0] != "seed":
        section, _, name = cells[5].partition(": ")
        covered[template].append((section, name))
    elif len(cells) == 1 and not cells[0].startswith("no source"):
        missing[template].append(cells[0])

# Dates that plan every built-in template.
DATES = {
    "聚划算": ["--set", "报名=2026-11-20T10:00", "--set", "开团=2026-12-20T10:00"],
    "双十一": [],
    "订货宝": ["--set", "上线=2026-12-01"],
}

for name, items in sorted(covered.items()):
    if missing[name]:
        failures.append(f"{name}: {len(missing[name])} elements have no source: {', '.join(missing[name][:5])} …")
    # No trace warning: what --strict would fail on for want of a source (D107–D109). Other warnings
    # (a seed's own self-disagreement, D323) are the template's findings and stay.
    checked = run("validate", "--format", "json", f"templates/{name}.yaml")
    trace_codes = [line for line in checked.stdout.splitlines() if any(f'"D10{d}' in line for d in "789")]
    if trace_codes:
        failures.append(f"dacu validate templates/{name}.yaml gives trace warnings: {trace_codes[:3]}")
    plan = run("plan", f"templates/{name}.yaml", *DATES.get(name, []), "--format", "json")
    if plan.returncode != 0:
        failures.append(f"dacu plan {name} failed: {plan.stderr}")
        continue
    data = json.loads(plan.stdout)
    tasks = {t["name"]: t for t in data.get("tasks", [])}
    checkpoints = {c["name"]: c for c in data.get("checkpoints", [])}

    def find(table, wanted):
        # A repeated element appears as its occurrences: NAME HH:MM, NAME MM-DD …; one written once
        # per wave (`wave: each`) as 第一波 · NAME, 第二波 · NAME (docs/format.md, "Waves and presale").
        return [v for k, v in table.items()
                if k == wanted or k.startswith(wanted + " ") or (v.get("wave") and k == f"{v['wave']} · {wanted}")]

    for section, element in items:
        if section == "tasks":
            found = find(tasks, element)
            if not found:
                failures.append(f"{name}: task 「{element}」 is in docs/trace.md but not in dacu plan")
            for t in found:
                if not t.get("owner") or not t.get("start"):
                    failures.append(f"{name}: task 「{t['name']}」 has no owner or start in dacu plan")
        elif section == "checkpoints":
            found = find(checkpoints, element)
            if not found:
                failures.append(f"{name}: checkpoint 「{element}」 is in docs/trace.md but not in dacu plan")
            for c in found:
                if not c.get("owner") or not c.get("at"):
                    failures.append(f"{name}: checkpoint 「{c['name']}」 has no owner or time in dacu plan")
    lines = [e for s, e in items if s == "budget/lines"]
    if lines:
        roi = run("roi", f"templates/{name}.yaml", *DATES.get(name, []), "--format", "json")
        for e in lines:
            if f'"{e}"' not in roi.stdout:
                failures.append(f"{name}: budget line 「{e}」 is in docs/trace.md but not in dacu roi")
    staffing = [e for s, e in items if s in ("staffing/posts", "staffing/calling", "staffing/rotas", "staffing/queues")]
    if staffing:
        staff = run("staff", f"templates/{name}.yaml", *DATES.get(name, []), "--format", "json")
        for e in staffing:
            if f'"{e}' not in staff.stdout:
                failures.append(f"{name}: staffing 「{e}」 is in docs/trace.md but not in dacu staff")
    # A staffing table kept as its seed gives it: in staff's JSON `tables`, with every group, and
    # each declared subtotal that disagrees with its posts flagged by validate (D250), not corrected.
    tables = [e for s, e in items if s == "staffing/tables"]
    if tables:
        staff = json.loads(run("staff", f"templates/{name}.yaml", *DATES.get(name, []), "--format", "json").stdout)
        shown = {t["name"]: t for t in staff["tables"]}
        diagnostics = json.loads(checked.stdout)["diagnostics"]
        for e in tables:
            if e not in shown:
                failures.append(f"{name}: staffing table 「{e}」 is in docs/trace.md but not in dacu staff's tables")
                continue
            for g in shown[e]["groups"]:
                if g["sum"] is not None and g["declared"] is not None and g["declared"] != g["sum"]:
                    if g["difference"] != g["declared"] - g["sum"]:
                        failures.append(f"{name}: 「{e}」 {g['name']}: difference is not declared − sum")
                    if not any(d["code"] == "D250" and f"「{g['subtotal']}」" in d["message"] for d in diagnostics):
                        failures.append(f"{name}: 「{e}」 {g['subtotal']} disagrees with its posts but validate gives no D250 for it")

for f in failures:
    print(f"FAIL: {f}")
print(f"{sum(len(v) for v in covered.values())} seed citations over {len(covered)} templates; {len(failures)} failures")
sys.exit(1 if failures else 0)
