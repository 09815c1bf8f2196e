#!/usr/bin/env python3
"""`dacu schema` checked by a real JSON Schema validator (Ajv, tests/node, installed by
scripts/install-deps.sh). A machine without node or without tests/node/node_modules/{ajv,yaml}
FAILS this test: it never skips.

1. The input schema (`dacu schema`) accepts every built-in template, calendar and example, and
   rejects every tests/schema/*.yaml (each has a misspelled key).
2. The output schemas (`dacu schema --output NAME`, docs/schemas/NAME.schema.json byte for byte):
   every example, every example template and every built-in template (through `dacu init`) is
   run through every command that writes JSON, with the options that change the JSON's shape
   (report with and without actuals, before and in the sale, in both languages; staff's campaign
   and erlang forms; roi with scenarios and a sensitivity; validate over good, bad and empty
   files), and each output must be valid against its schema; a command that refuses an input
   must say why with one of the expected codes (no staffing, no eligibility rules…), and each
   schema must have checked a minimum of outputs, so that a broken command cannot pass by
   printing nothing. Then each schema must reject outputs with a misspelled key at the top and
   deeper, an exact figure written as a number, and a date-time without its offset.

    schema.py --dacu BUILD/apps/dacu --root SOURCE_DIR
"""
import argparse
import copy
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

ENV = dict(os.environ, NO_COLOR="1", LC_ALL="C.UTF-8")
OUTPUTS = ["plan", "report", "staff", "roi", "check", "funnel", "validate", "agenda"]
ACTUALS = "examples/雪凡妮-实时数据.csv"
PRODUCTS = "examples/聚划算-商品.csv"
CUSTOMERS = "examples/订货宝-客户.csv"
# Why a command may refuse an input (exit 1): its template has no staffing (D200), no scenarios
# (D330), no such parameter (D332), no budget or revenue (D338), no eligibility rules (D420), no
# such phase (D521).
REFUSALS = {"D200", "D330", "D332", "D338", "D420", "D521"}
# Each output schema must have accepted at least this many outputs.
MINIMUM = {"plan": 10, "report": 20, "staff": 6, "roi": 10, "check": 2, "funnel": 1, "validate": 4, "agenda": 5}


def check_input_schema(dacu, root, node, node_dir, tmp):
    valid = sorted(glob.glob(os.path.join(root, "templates", "*.yaml"))
                   + glob.glob(os.path.join(root, "templates", "calendars", "*.yaml"))
                   + glob.glob(os.path.join(root, "examples", "*.yaml"))
                   + glob.glob(os.path.join(root, "examples", "templates", "*.yaml")))
    invalid = sorted(glob.glob(os.path.join(root, "tests", "schema", "*.yaml")))
    if not valid or not invalid:
        print("FAIL: no files to check")
        return False
    schema = os.path.join(tmp, "dacu.schema.json")
    r = subprocess.run([dacu, "schema", "-o", schema])
    if r.returncode != 0:
        print(f"FAIL: dacu schema exited {r.returncode}")
        return False
    # The built-in schema is the file in docs/, byte for byte (one source of truth).
    with open(schema, "rb") as a, open(os.path.join(root, "docs", "dacu.schema.json"), "rb") as b:
        if a.read() != b.read():
            print("FAIL: dacu schema differs from docs/dacu.schema.json")
            return False
    check = os.path.join(node_dir, "schema_check.mjs")
    ok = subprocess.run([node, check, schema, *valid], cwd=node_dir).returncode == 0
    ok &= subprocess.run([node, check, schema, "--expect-invalid", *invalid], cwd=node_dir).returncode == 0
    return ok


def inputs(dacu, root, tmp):
    """Every campaign or template to run: the examples, the example templates (with --set for their
    milestones) and each built-in template as `dacu init` writes it, milestones filled in."""
    runs = []  # (path as given, extra arguments)
    for path in sorted(glob.glob(os.path.join(root, "examples", "*.yaml"))):
        runs.append((os.path.relpath(path, root), []))
    for path in sorted(glob.glob(os.path.join(root, "examples", "templates", "*.yaml"))):
        runs.append((os.path.relpath(path, root), ["--set", "活动=2026-11-11T00:00"]))
    names = subprocess.run([dacu, "templates"], capture_output=True, text=True, env=ENV, cwd=root).stdout
    sets = {"聚划算": ["--set", "报名=2026-11-20T10:00", "--set", "开团=2026-12-20T10:00"],
            "双十一": ["--set", "活动=2026-11-11T00:00"],
            "订货宝": ["--set", "上线=2026-12-01T09:00"]}
    made = 0
    for name, sets_of in sets.items():
        if name not in names:
            continue
        out = os.path.join(tmp, f"init-{name}.yaml")
        r = subprocess.run([dacu, "init", name, *sets_of, "-o", out], capture_output=True, env=ENV, cwd=root)
        if r.returncode != 0:
            # A milestone name this test guessed wrong: init without --set, milestones left to fill.
            r = subprocess.run([dacu, "init", name, "-o", out], capture_output=True, env=ENV, cwd=root)
        if r.returncode == 0:
            runs.append((out, []))
            made += 1
    if made != len(sets):
        print(f"FAIL: dacu init wrote {made} of {len(sets)} built-in templates: {names!r}")
        return None
    return runs


def commands(runs):
    """(schema name, argument list) for every JSON output this test checks."""
    out = []
    for path, extra in runs:
        out.append(("plan", ["plan", path, *extra, "--format", "json"]))
        out.append(("plan", ["plan", path, *extra, "--format", "json", "--phase", "活动中"]))
        for as_of in ("2026-12-01T09:00", "2026-12-20T12:30"):
            for lang in ("zh", "en"):
                out.append(("report", ["report", path, *extra, "--actuals", ACTUALS, "--as-of", as_of,
                                       "--lang", lang, "--format", "json"]))
        out.append(("report", ["report", path, *extra, "--as-of", "2026-11-12T09:00", "--format", "json"]))
        out.append(("staff", ["staff", path, *extra, "--format", "json"]))
        out.append(("roi", ["roi", path, *extra, "--format", "json"]))
        out.append(("roi", ["roi", path, *extra, "--format", "json", "--scenarios", "--lang", "en"]))
        out.append(("roi", ["roi", path, *extra, "--format", "json", "--sensitivity", "件数=-20%..+20%:10%"]))
        out.append(("check", ["check", path, *extra, "--products", PRODUCTS, "--format", "json"]))
        out.append(("funnel", ["funnel", path, *extra, "--customers", CUSTOMERS, "--format", "json"]))
    erlang = ["staff", "erlang", "--contacts", "100", "--interval", "30m", "--aht", "180s", "--sl", "80/20",
              "--format", "json"]
    out.append(("staff", erlang))
    out.append(("staff", erlang + ["--max-occupancy", "85%", "--shrinkage", "30%"]))
    out.append(("staff", erlang + ["--agents", "12"]))
    out.append(("staff", erlang + ["--max-agents", "12"]))
    out.append(("staff", erlang + ["--concurrency", "1.8"]))
    return out


def validate_commands(root, tmp):
    empty = os.path.join(tmp, "empty.yaml")
    open(empty, "w").close()
    examples = sorted(os.path.relpath(p, root) for p in glob.glob(os.path.join(root, "examples", "*.yaml")))
    bad = sorted(os.path.relpath(p, root) for p in glob.glob(os.path.join(root, "tests", "bad-validate", "*.yaml")))
    out = [("validate", ["validate", "--format", "json", *examples]),
           ("validate", ["validate", "--format", "json", empty]),
           ("validate", ["validate", "--format", "json", *bad])]
    out += [("validate", ["validate", "--format", "json", path]) for path in bad[:4]]
    # dacu agenda: every example in one agenda, a filtered one, the fixture's double booking in
    # two zones, English labels.
    fixture = [f"tests/data/agenda/{n}.yaml" for n in ("双十二", "年货节", "东京店")]
    out += [("agenda", ["agenda", "--format", "json", *examples]),
            ("agenda", ["agenda", "--format", "json", *examples, "--from", "2026-12-19", "--to", "2026-12-20", "--owner", "美工主管"]),
            ("agenda", ["agenda", "--format", "json", *fixture]),
            ("agenda", ["agenda", "--format", "json", "--lang", "en", *fixture, *examples]),
            ("agenda", ["agenda", "--format", "json", "examples/雪凡妮-双十二聚划算.yaml", "examples/订货宝-上线.yaml",
                        "examples/双十一-两波预售.yaml", "--status", "examples/雪凡妮-任务状态.csv"])]
    return out


def mutations(doc):
    """Outputs the schema must reject, each made from a valid one: (what, document)."""
    out = []
    first = next(iter(doc))
    bad = {("campaing" if k == "campaign" else k): v for k, v in doc.items()}
    out.append(("misspelled top-level key campaign", bad))
    bad = copy.deepcopy(doc)
    bad["dacu_versoin"] = bad.get("dacu_version")
    out.append(("an extra top-level key", bad))
    bad = copy.deepcopy(doc)
    del bad[first]
    out.append((f"no {first}", bad))
    # Deeper: the first object in the first non-empty list of objects gets a misspelled key.
    for key, value in doc.items():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            bad = copy.deepcopy(doc)
            item = bad[key][0]
            k = next(iter(item))
            item[k + "x"] = item.pop(k)
            out.append((f"misspelled key in {key}[0]", bad))
            break
    return out


def number_mutations(name, doc):
    """An exact figure as a JSON number, a date-time without its offset: rejected too."""
    out = []
    if name == "report":
        for c in doc.get("checkpoints", []):
            if c.get("deviation") is not None:
                bad = copy.deepcopy(doc)
                bad["checkpoints"][doc["checkpoints"].index(c)]["deviation"] = 0.25
                out.append(("deviation as a number", bad))
                bad = copy.deepcopy(doc)
                bad["checkpoints"][doc["checkpoints"].index(c)]["actual_at"] = c["actual_at"][:19]
                out.append(("actual_at without its offset", bad))
                break
    if name == "roi" and doc.get("figures"):
        bad = copy.deepcopy(doc)
        bad["figures"]["revenue"]["amount"] = 198000
        out.append(("money as a number", bad))
    if name == "agenda":
        for i in doc.get("items", []):
            if not i["all_day"]:
                bad = copy.deepcopy(doc)
                bad["items"][doc["items"].index(i)]["start"] = i["start"][:19]
                out.append(("an item's start without its offset", bad))
                break
    if name == "plan" and doc.get("milestones"):
        bad = copy.deepcopy(doc)
        bad["milestones"][0]["at"] = "2026-12-20T10:00:00"
        out.append(("a milestone without its offset", bad))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dacu", required=True)
    ap.add_argument("--root", required=True)
    o = ap.parse_args()
    node_dir = os.path.abspath(os.path.join(o.root, "tests", "node"))
    node = shutil.which("node")
    for package in ("ajv", "yaml"):
        if not node or not os.path.isdir(os.path.join(node_dir, "node_modules", package)):
            print(f"FAIL: node or tests/node/node_modules/{package} is missing; run scripts/install-deps.sh")
            return 1
    root = os.path.abspath(o.root)
    dacu = os.path.abspath(o.dacu)
    check = os.path.join(node_dir, "schema_check.mjs")
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        ok &= check_input_schema(dacu, root, node, node_dir, tmp)

        schemas = {}
        for name in OUTPUTS:
            r = subprocess.run([dacu, "schema", "--output", name], capture_output=True, env=ENV)
            with open(os.path.join(root, "docs", "schemas", f"{name}.schema.json"), "rb") as f:
                if r.returncode != 0 or r.stdout != f.read():
                    print(f"FAIL: dacu schema --output {name} (exit {r.returncode}) differs from docs/schemas/{name}.schema.json")
                    ok = False
            schemas[name] = os.path.join(tmp, f"{name}.schema.json")
            with open(schemas[name], "wb") as f:
                f.write(r.stdout)
        r = subprocess.run([dacu, "schema", "--output", "plna"], capture_output=True, env=ENV)
        if r.returncode != 2 or b"[D600]" not in r.stderr or r.stdout:
            print(f"FAIL: dacu schema --output plna: exit {r.returncode}, {r.stderr!r}")
            ok = False

        runs = inputs(dacu, root, tmp)
        if runs is None:
            return 1
        outputs = {name: [] for name in OUTPUTS}
        for index, (name, args) in enumerate(commands(runs) + validate_commands(root, tmp)):
            r = subprocess.run([dacu, *args], capture_output=True, env=ENV, cwd=root)
            if r.returncode == 1 and name != "validate":
                stderr = r.stderr.decode(errors="replace")
                if not any(f"[{code}]" in stderr for code in REFUSALS) or r.stdout:
                    print(f"FAIL: dacu {' '.join(args)} exited 1:\n{stderr}")
                    ok = False
                continue
            if r.returncode not in (0, 3) and not (name == "validate" and r.returncode == 1):
                print(f"FAIL: dacu {' '.join(args)} exited {r.returncode}:\n{r.stderr.decode(errors='replace')}")
                ok = False
                continue
            path = os.path.join(tmp, f"{name}-{index:03}.json")
            with open(path, "wb") as f:
                f.write(r.stdout)
            doc = json.loads(r.stdout)
            # The contract's first members, whatever the schema says.
            if list(doc)[:4] != ["dacu_version", "schema_version", "input", "campaign"]:
                print(f"FAIL: dacu {' '.join(args)}: the output starts {list(doc)[:4]}")
                ok = False
            outputs[name].append((args, path, doc))

        for name in OUTPUTS:
            got = outputs[name]
            if len(got) < MINIMUM[name]:
                print(f"FAIL: only {len(got)} {name} outputs to check (at least {MINIMUM[name]})")
                ok = False
            if not got:
                continue
            r = subprocess.run([node, check, schemas[name], *[p for _, p, _ in got]], cwd=node_dir,
                               capture_output=True, text=True)
            if r.returncode != 0:
                print(f"FAIL: {name} outputs rejected by docs/schemas/{name}.schema.json:\n{r.stderr}")
                ok = False
            else:
                print(f"{name}: {len(got)} outputs valid")
            bad_files = []
            made = [m for _, _, d in got[:3] for m in mutations(d)]
            # Figures and times: from the first output that has them (a report with actuals in the sale).
            made += next((ms for ms in (number_mutations(name, d) for _, _, d in got) if ms), [])
            if name in ("report", "roi", "plan") and not any(" as a number" in w or "offset" in w for w, _ in made):
                print(f"FAIL: {name}: no output with a figure or a date-time to make invalid")
                ok = False
            for i, (what, doc) in enumerate(made):
                path = os.path.join(tmp, f"bad-{name}-{i:03}.json")
                with open(path, "w", encoding="utf-8") as f:
                    json.dump(doc, f, ensure_ascii=False)
                bad_files.append((what, path))
            if len(bad_files) < 3:
                print(f"FAIL: {name}: too few invalid outputs made ({len(bad_files)})")
                ok = False
            r = subprocess.run([node, check, schemas[name], "--expect-invalid", *[p for _, p in bad_files]],
                               cwd=node_dir, capture_output=True, text=True)
            if r.returncode != 0:
                whats = dict((p, w) for w, p in bad_files)
                for line in r.stderr.splitlines():
                    path = line.split(": accepted")[0]
                    print(f"FAIL: {name}: the schema accepts an output with {whats.get(path, path)}")
                ok = False
    print("ok" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
