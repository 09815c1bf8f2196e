#!/usr/bin/env python3
"""docs/trace.md: each built-in template's seed passages and the elements citing them (issue 20).

- docs/trace.md is exactly the output of `dacu templates --trace` (`--update` rewrites it);
- every built-in template is traced completely: the table lists no element without a source, and
  `dacu validate templates/T.yaml` gives no D107, D108 or D109;
- every task and checkpoint the table says a seed covers is in `dacu plan T --format json`, with
  an owner and a start (a repeated one as its occurrences, `NAME HH:MM`); every budget line in
  `dacu roi T --format json`; every staffing post, calling campaign, rota and queue in
  `dacu staff T --format json`; every staffing table in its `tables`, each subtotal that disagrees
  with its posts flagged by `dacu validate` (D250); every milestone in the plan's `milestones`, with
  its time; every eligibility category found by `dacu check` for a product of that category (each
  part of a name written A/B/C too), so the product is judged by the category's rows and not as an
  unknown category.

    python3 tests/cli/trace.py --dacu build/apps/dacu --root . [--update]
"""
import argparse
import json
import os
import pathlib
import subprocess
import sys
import tempfile

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
    milestones = {m["name"]: m for m in data.get("milestones", [])}
    for section, element in items:
        if section == "milestones" and not milestones.get(element, {}).get("at"):
            failures.append(f"{name}: milestone 「{element}」 is in docs/trace.md but not dated in dacu plan")
    categories = [e for s, e in items if s == "eligibility/categories"]
    if categories:
        # One product per category, and one per part of a name written A/B/C, priced and recorded
        # so that nothing but the category decides which rows judge it.
        names = [c for e in categories for c in dict.fromkeys([e, *[p for p in e.split("/") if p]])]
        control = "没有这个类目"
        with tempfile.TemporaryDirectory() as tmp:
            products = os.path.join(tmp, "products.csv")
            with open(products, "w", encoding="utf-8") as f:
                f.write("编号,商品,类目,子类目,市场,原价,团购价,报名数量,销售记录,低价记录,DSR,新品首发,条件\n")
                # A category's rows may be for one market only (化妆品 lists 集市): one product in each.
                for i, c in enumerate([control, *names]):
                    for market in ("商城", "集市"):
                        f.write(f"P{i}{market},商品{i},{c},,{market},200,60,2000,50,0,4.8,否,\n")
            checked_products = run("check", f"templates/{name}.yaml", *DATES.get(name, []),
                                   "--products", products, "--format", "json")
        try:
            judged = json.loads(checked_products.stdout)["products"]
        except ValueError:
            failures.append(f"{name}: dacu check failed: {checked_products.stderr}")
            judged = []

        def category_notes(i):
            # What check says of the category itself: an unknown one gets a 类目 note naming it.
            return {f["message"] for p in judged[2 * i:2 * i + 2] for f in p["findings"] if f["rule"] == "类目"}

        unknown = category_notes(0)
        if not any(control in m for m in unknown):
            failures.append(f"{name}: dacu check says nothing of an unknown category: {sorted(unknown)}")
        for i, c in enumerate(names, start=1):
            said = [m for m in category_notes(i) if m.replace(c, control) in unknown]
            if said:
                failures.append(f"{name}: category 「{c}」 is in docs/trace.md but dacu check treats it as unknown: {said}")

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
