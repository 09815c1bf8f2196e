#!/usr/bin/env python3
"""The nightly job of an agency (issue 21), end to end: a small agency in a scratch folder — 25
shop campaigns made from examples/雪凡妮-双十二聚划算.yaml, each with its own actuals in one folder
(on plan, off plan as examples/雪凡妮-实时数据.csv is, missing, malformed) and some campaign files
broken — run once as README's "Nightly job" runs it. Checked: each shop's status in --summary
(and the summary against docs/schemas/summary.schema.json with Ajv, tests/node), the exit code,
the manifest and its sha256s, --clean-failed, the lock refusing a concurrent run (exit 4),
--files-from (a file and stdin), --quiet, -j 1 and -j 2 giving the same bytes, the messages of a
run killed half-way (printed as inputs finish), an unwritable
summary (exit 4), --actuals-dir with --actuals (exit 2). A machine without node or
tests/node/node_modules/ajv FAILS this test: it never skips.

    agency.py --dacu BUILD/apps/dacu --root SOURCE_DIR
"""
import argparse
import fcntl
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

AS_OF = "2026-12-20T12:30"
# The checkpoints of the built-in 聚划算 (templates/聚划算.yaml): minutes after 开团, share of 件数.

# shop name -> (kind, expected status, expected failure)
SHOPS = {}
for i in range(1, 11):
    SHOPS[f"店{i:02d}"] = ("on-plan", "ok", None)
for i in range(11, 14):
    SHOPS[f"店{i:02d}"] = ("example-actuals", "alert", None)
for i in range(14, 18):
    SHOPS[f"店{i:02d}"] = ("no-actuals", "missing_data", None)
SHOPS["店18"] = ("actuals-bad-value", "failed", "input")
SHOPS["店19"] = ("actuals-bad-header", "failed", "input")
SHOPS["店20"] = ("bad-yaml", "failed", "input")
SHOPS["店21"] = ("bad-value", "failed", "input")
SHOPS["店22"] = ("on-plan", "ok", None)
SHOPS["店23"] = ("example-actuals", "alert", None)
SHOPS["店24"] = ("no-actuals", "missing_data", None)
SHOPS["店25"] = ("on-plan", "ok", None)


class Test:
    def __init__(self):
        self.failures = 0

    def check(self, ok, what):
        if not ok:
            self.failures += 1
            print(f"FAIL: {what}")
        return ok


def make_agency(root, tmp, dacu, env):
    example = open(os.path.join(root, "examples", "雪凡妮-双十二聚划算.yaml"), encoding="utf-8").read()
    example_actuals = open(os.path.join(root, "examples", "雪凡妮-实时数据.csv"), encoding="utf-8").read()
    shops = os.path.join(tmp, "shops")
    actuals = os.path.join(tmp, "actuals")
    os.makedirs(shops)
    os.makedirs(actuals)
    for n, (name, (kind, _, _)) in enumerate(sorted(SHOPS.items())):
        pieces = 2000 + 100 * n if kind == "on-plan" else 3000
        text = example.replace("name: 雪凡妮 双十二聚划算", f"name: {name} 双十二聚划算").replace("件数: 3000", f"件数: {pieces}")
        if kind == "bad-yaml":
            text = text.replace("  days_off: [2026-12-25]", "  days_off: [2026-12-25")
        if kind == "bad-value":
            text = text.replace("团购价: 129", "团购价: 一百二十九块")
        with open(os.path.join(shops, f"{name}.yaml"), "w", encoding="utf-8") as f:
            f.write(text)
        csv = os.path.join(actuals, f"{name}.csv")
        if kind == "on-plan":
            # Exactly on plan: every checkpoint due by AS_OF (支付笔数 and the half-hourly 访客数
            # follow-ups) gets its planned figure at its moment, as the shop's plan says.
            plan = json.loads(subprocess.run([dacu, "plan", os.path.join(shops, f"{name}.yaml"), "--format", "json"],
                                             env=env, capture_output=True, check=True).stdout)
            rows = ["time,metric,value"]
            for c in plan["checkpoints"]:
                at = c["at"][:16].replace("T", " ")
                if c["at"][:16] <= AS_OF:
                    rows.append(f"{at},{c['metric']},{c['plan']}")
            open(csv, "w", encoding="utf-8").write("\n".join(rows) + "\n")
        elif kind == "example-actuals":
            open(csv, "w", encoding="utf-8").write(example_actuals)
        elif kind == "actuals-bad-value":
            open(csv, "w", encoding="utf-8").write("time,metric,value\n2026-12-20 10:05,支付笔数,很多\n")
        elif kind == "actuals-bad-header":
            open(csv, "w", encoding="utf-8").write("when,what\n2026-12-20 10:05,支付笔数\n")
        elif kind in ("bad-yaml", "bad-value"):
            open(csv, "w", encoding="utf-8").write(example_actuals)
    return shops, actuals


def shop_of(path):
    return os.path.splitext(os.path.basename(path))[0]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dacu", required=True)
    ap.add_argument("--root", required=True)
    o = ap.parse_args()
    root = os.path.abspath(o.root)
    dacu = os.path.abspath(o.dacu)
    node_dir = os.path.join(root, "tests", "node")
    node = shutil.which("node")
    if not node or not os.path.isdir(os.path.join(node_dir, "node_modules", "ajv")):
        print("FAIL: node or tests/node/node_modules/ajv is missing; run scripts/install-deps.sh")
        return 1
    env = dict(os.environ, LC_ALL="C.UTF-8", TZ="UTC")
    env.pop("LANG", None)
    env.pop("LC_MESSAGES", None)
    t = Test()
    with tempfile.TemporaryDirectory() as tmp:
        os.chmod(tmp, 0o755)
        shops, actuals = make_agency(root, tmp, dacu, env)
        inputs = [os.path.join("shops", f"{name}.yaml") for name in sorted(SHOPS)]
        out = os.path.join(tmp, "out")
        os.makedirs(out)
        # Yesterday's output of a shop whose campaign file is broken today.
        stale = os.path.join(out, "店20.json")
        open(stale, "w").write('{"yesterday": true}\n')

        def nightly(extra, jobs="2", summary="summary.json", **kw):
            command = [dacu, "report", *extra, "--actuals-dir", "actuals", "--as-of", AS_OF, "--format", "json",
                       "--out-dir", "out", "--summary", summary, "--fail-on-alert", "--fail-on-missing", "-j", jobs]
            return subprocess.run(command, capture_output=True, env=env, cwd=tmp, **kw)

        r = nightly(inputs + ["--clean-failed"])
        stderr = r.stderr.decode()
        # 1: shops failed on their own data; it wins over 3 (alerts, missing data).
        t.check(r.returncode == 1, f"nightly run exited {r.returncode}, expected 1:\n{stderr}")
        summary_path = os.path.join(tmp, "summary.json")
        summary = json.load(open(summary_path, encoding="utf-8"))
        t.check(summary["schema_version"] == "1" and summary["command"] == "report", "summary header")
        t.check(summary["exit_code"] == r.returncode, f"summary exit_code {summary['exit_code']} != {r.returncode}")
        t.check([e["input"] for e in summary["inputs"]] == inputs, "summary inputs not in the order given")
        for entry in summary["inputs"]:
            name = shop_of(entry["input"])
            kind, status, failure = SHOPS[name]
            t.check(entry["status"] == status, f"{name} ({kind}): status {entry['status']}, expected {status}")
            t.check(entry["failure"] == failure, f"{name} ({kind}): failure {entry['failure']}, expected {failure}")
            t.check(entry["written"] == (status != "failed"), f"{name}: written {entry['written']}")
            t.check(entry["output"] == os.path.join("out", f"{name}.json"), f"{name}: output {entry['output']}")
            expected_actuals = None if kind == "no-actuals" else os.path.join("actuals", f"{name}.csv")
            t.check(entry["actuals"] == expected_actuals, f"{name}: actuals {entry['actuals']}, expected {expected_actuals}")
            t.check(all(d["input"] == entry["input"] for d in entry["diagnostics"]), f"{name}: a diagnostic of another input")
            errors = [d for d in entry["diagnostics"] if d["severity"] == "error"]
            t.check(bool(errors) == (status == "failed"), f"{name}: errors {errors}")
            if status == "missing_data":
                t.check("missing_data" in entry["flags"] and entry["exit_code"] == 3, f"{name}: {entry['flags']} {entry['exit_code']}")
                t.check(any(d["code"] == "D542" for d in entry["diagnostics"]), f"{name}: no D542 for its missing actuals")
            if status == "alert":
                t.check(entry["flags"][0] == "alert" and entry["exit_code"] == 3, f"{name}: {entry['flags']} {entry['exit_code']}")
            if status == "ok":
                t.check(entry["flags"] == [] and entry["exit_code"] == 0, f"{name}: {entry['flags']} {entry['exit_code']}")
            if status == "failed":
                t.check(entry["exit_code"] == 1, f"{name}: exit_code {entry['exit_code']}")
                located = errors and errors[0]["line"] is not None and errors[0]["column"] is not None
                where = f"actuals/{name}.csv" if kind.startswith("actuals") else f"shops/{name}.yaml"
                t.check(located and errors[0]["file"] == where, f"{name}: error not located in {where}: {errors}")
        totals = summary["totals"]
        counts = {s: sum(1 for v in SHOPS.values() if v[1] == s) for s in ("ok", "failed", "alert", "missing_data", "stale")}
        t.check(all(totals[s] == n for s, n in counts.items()) and totals["inputs"] == len(SHOPS)
                and totals["written"] == len(SHOPS) - counts["failed"], f"totals {totals}, expected {counts}")
        # The summary line says it too, and each failed shop's error is on stderr, in input order.
        t.check(f"共 {len(SHOPS)} 个输入：{len(SHOPS) - counts['failed']} 个已写入 out，{counts['failed']} 个失败" in stderr,
                f"summary line:\n{stderr}")
        failed_order = [m for m in re.findall(r"(店\d\d)\.(?:yaml|csv)", stderr)]
        t.check(failed_order == sorted(failed_order), f"messages not in input order: {failed_order}")

        # The summary against its published schema, by Ajv.
        check = os.path.join(node_dir, "schema_check.mjs")
        schema = os.path.join(root, "docs", "schemas", "summary.schema.json")
        v = subprocess.run([node, check, schema, summary_path], cwd=node_dir, capture_output=True, text=True)
        t.check(v.returncode == 0, f"summary rejected by docs/schemas/summary.schema.json:\n{v.stdout}{v.stderr}")

        # The manifest: every input, today's outputs with their size and sha256; the broken shop's
        # old file removed by --clean-failed.
        manifest = json.load(open(os.path.join(out, ".dacu-manifest.json"), encoding="utf-8"))
        t.check([e["input"] for e in manifest["outputs"]] == inputs, "manifest inputs")
        for entry in manifest["outputs"]:
            path = os.path.join(out, entry["output"])
            if entry["written"]:
                data = open(path, "rb").read()
                t.check(entry["sha256"] == hashlib.sha256(data).hexdigest() and entry["size"] == len(data),
                        f"manifest: {entry['output']} sha256/size do not match the file")
            else:
                t.check(entry["status"] == "failed" and entry["sha256"] is None, f"manifest: {entry}")
        t.check(not os.path.exists(stale), "--clean-failed left yesterday's out/店20.json")
        t.check(next(e for e in summary["inputs"] if shop_of(e["input"]) == "店20")["removed_previous_output"],
                "summary does not say 店20's previous output was removed")
        t.check(sorted(os.listdir(out)) == sorted([".dacu-manifest.json", ".dacu.lock"] +
                                                  [f"{n}.json" for n, v in SHOPS.items() if v[1] != "failed"]),
                f"out/ holds {sorted(os.listdir(out))}")

        # -j 1 gives the same summary, manifest, outputs and messages, byte for byte.
        first = {n: open(os.path.join(out, n), "rb").read() for n in os.listdir(out)}
        first_summary = open(summary_path, "rb").read()
        open(stale, "w").write('{"yesterday": true}\n')
        r1 = nightly(inputs + ["--clean-failed"], jobs="1")
        t.check(r1.returncode == 1 and r1.stderr == r.stderr, "-j 1 printed other messages than -j 2")
        t.check(open(summary_path, "rb").read() == first_summary, "-j 1 wrote another summary than -j 2")
        t.check({n: open(os.path.join(out, n), "rb").read() for n in os.listdir(out)} == first, "-j 1 wrote other outputs")

        # Without --clean-failed, an old output of a failed input stays, and the manifest says it is not today's.
        open(stale, "w").write('{"yesterday": true}\n')
        r2 = nightly(inputs)
        t.check(r2.returncode == 1 and os.path.exists(stale), "without --clean-failed the old output should stay")
        manifest = json.load(open(os.path.join(out, ".dacu-manifest.json"), encoding="utf-8"))
        t.check(next(e for e in manifest["outputs"] if e["output"] == "店20.json")["written"] is False,
                "manifest takes yesterday's 店20.json for today's")

        # A second run into the same folder while one holds it: refused at once, exit 4, nothing written.
        before = {n: os.stat(os.path.join(out, n)).st_mtime_ns for n in os.listdir(out)}
        with open(os.path.join(out, ".dacu.lock"), "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            r3 = nightly(inputs, summary="locked-summary.json")
        t.check(r3.returncode == 4, f"a locked --out-dir exited {r3.returncode}, expected 4")
        t.check("[D543]" in r3.stderr.decode() and "out/.dacu.lock" in r3.stderr.decode(), f"lock message: {r3.stderr.decode()}")
        t.check(not os.path.exists(os.path.join(tmp, "locked-summary.json")), "a refused run wrote a summary")
        t.check({n: os.stat(os.path.join(out, n)).st_mtime_ns for n in os.listdir(out)} == before, "a refused run touched out/")

        # --files-from, a file and stdin: the good shops only — alerts and missing data give 3.
        good = [p for p in inputs if SHOPS[shop_of(p)][1] != "failed"]
        with open(os.path.join(tmp, "shops.txt"), "w", encoding="utf-8") as f:
            f.write("# the agency's shops\n\n" + "\n".join(good) + "\n")
        r4 = nightly(["--files-from", "shops.txt"])
        t.check(r4.returncode == 3, f"--files-from: exit {r4.returncode}, expected 3: {r4.stderr.decode()}")
        listed = json.load(open(summary_path, encoding="utf-8"))
        t.check([e["input"] for e in listed["inputs"]] == good, "--files-from inputs")
        on_plan = [p for p in inputs if SHOPS[shop_of(p)][1] == "ok"]
        r5 = nightly(["--files-from", "-", "--quiet"], input="\n".join(on_plan).encode())
        t.check(r5.returncode == 0 and r5.stderr == b"", f"--files-from - --quiet: exit {r5.returncode}, stderr {r5.stderr.decode()}")
        t.check(len(json.load(open(summary_path, encoding="utf-8"))["inputs"]) == len(on_plan), "--files-from - inputs")

        # --quiet: no warnings, no summary line; errors still.
        r6 = nightly(inputs + ["--quiet"])
        quiet = r6.stderr.decode()
        t.check(r6.returncode == 1 and "警告" not in quiet and "共 " not in quiet and "错误" in quiet, f"--quiet printed:\n{quiet}")

        # A summary that cannot be written: the machine's fault, exit 4 (the outputs are written).
        r7 = nightly(inputs, summary="no-such-folder/summary.json")
        t.check(r7.returncode == 4 and "[D070]" in r7.stderr.decode(), f"unwritable summary: exit {r7.returncode}: {r7.stderr.decode()}")

        # --actuals-dir with --actuals: one source of actuals per run, exit 2 (the command line).
        r8 = nightly(inputs + ["--actuals", "actuals/店01.csv"])
        t.check(r8.returncode == 2 and "[D540]" in r8.stderr.decode(), f"--actuals-dir with --actuals: {r8.returncode}")

        # The summary never lands on what the run writes or reads: an output, the manifest, the
        # --files-from list — refused before anything is written (D546.clash, exit 2).
        first_out = os.path.join(tmp, "out", os.path.splitext(os.path.basename(inputs[0]))[0] + ".json")
        before = open(first_out, "rb").read()
        for clash in (os.path.relpath(first_out, tmp), "out/.dacu-manifest.json", "shops.txt"):
            open(os.path.join(tmp, "shops.txt"), "w", encoding="utf-8").write("\n".join(inputs) + "\n")
            r9 = nightly(["--files-from", "shops.txt"], summary=clash)
            t.check(r9.returncode == 2 and "[D546]" in r9.stderr.decode(), f"--summary {clash}: exit {r9.returncode}: {r9.stderr.decode()}")
        t.check(open(first_out, "rb").read() == before, "a refused summary changed a shop's output")
        # A shop whose output would be the manifest is refused, alone (D530): the manifest stays the run's.
        shutil.copy(os.path.join(tmp, inputs[0]), os.path.join(tmp, "shops", ".dacu-manifest.yaml"))
        r10 = nightly([inputs[0], "shops/.dacu-manifest.yaml"], summary="reserved.json")
        manifest = json.load(open(os.path.join(tmp, "out", ".dacu-manifest.json"), encoding="utf-8"))
        t.check(r10.returncode == 1 and "[D530]" in r10.stderr.decode(), f"a shop named .dacu-manifest: exit {r10.returncode}")
        t.check(isinstance(manifest, dict), "the manifest was replaced by a shop's report")
        os.remove(os.path.join(tmp, "shops", ".dacu-manifest.yaml"))

        # A run killed half-way has printed the messages of the inputs that finished: the broken
        # shop goes first, and the run is ended once later inputs have been written.
        many = os.path.join(tmp, "many")
        os.makedirs(many)
        listed = [os.path.join("shops", "店20.yaml")]
        for i in range(300):
            copy = os.path.join(many, f"copy{i:03}.yaml")
            shutil.copy(os.path.join(shops, "店01.yaml"), copy)
            listed.append(os.path.relpath(copy, tmp))
        open(os.path.join(tmp, "many.txt"), "w", encoding="utf-8").write("\n".join(listed) + "\n")
        killed_out = os.path.join(tmp, "killed")
        p = subprocess.Popen([dacu, "report", "--files-from", "many.txt", "--as-of", AS_OF, "--format", "json",
                              "--out-dir", "killed", "-j", "1"], cwd=tmp, env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE)
        # Not a timing: wait for later inputs to be written, then signal.
        while p.poll() is None and not (os.path.isdir(killed_out) and len(os.listdir(killed_out)) >= 12):
            time.sleep(0.002)
        p.terminate()
        err = p.stderr.read().decode()
        p.wait()
        t.check(p.returncode == -15, f"the long run ended before SIGTERM (exit {p.returncode}); make it longer")
        t.check("shops/店20.yaml:" in err and "[D001]" in err and "共 " not in err,
                f"a killed run did not print what finished:\n{err}")

        # --clean-failed cannot remove the old output (a folder this user may not write): a warning
        # (D544), and the manifest cannot be written there either (D070, exit 4).
        ro = os.path.join(tmp, "ro")
        os.makedirs(ro)
        open(os.path.join(ro, "店20.md"), "w").write("yesterday\n")
        open(os.path.join(ro, ".dacu.lock"), "w").close()
        os.chmod(os.path.join(ro, ".dacu.lock"), 0o666)
        os.chmod(ro, 0o555)
        command = [dacu, "report", "shops/店20.yaml", "--out-dir", "ro", "--clean-failed", "--as-of", AS_OF]
        if os.geteuid() == 0:
            command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] + command
        r9 = subprocess.run(command, capture_output=True, env=env, cwd=tmp)
        err9 = r9.stderr.decode()
        t.check(r9.returncode == 4 and "[D544]" in err9 and "[D070]" in err9 and os.path.exists(os.path.join(ro, "店20.md")),
                f"--clean-failed in a read-only folder: exit {r9.returncode}:\n{err9}")
        os.chmod(ro, 0o755)
    print("ok" if t.failures == 0 else f"{t.failures} failures")
    return 0 if t.failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
