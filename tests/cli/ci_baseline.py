#!/usr/bin/env python3
"""`dacu validate` as CI runs it over an agency's shops (issue 21, items 4 and 7).

    ci_baseline.py --dacu BUILD/apps/dacu --root .

In a scratch folder, 24 shop campaign files made from the examples (some with warnings: a 开团 on
国庆节, D106; 双十一's rota short of the queue, D224, found in the built-in template):

- every diagnostic names its shop (`input`), a template's too;
- `--write-baseline` writes the same bytes twice and in either language, sorted;
- `validate --strict --format github --baseline` passes, also once lines are added above a finding;
- one new problem (`打包人效: 0` in one shop) fails with exactly one annotation, on that shop's file
  at the value's line and column; JSON marks it `baselined: false` and the others `true`, and names
  the template's line as `related`;
- D103 that a campaign's 结束 causes in the template is located at the campaign's 结束;
- `--ignore` drops warnings and never errors; a code that is not one is a usage error (exit 2);
- a missing baseline is D010 with a hint saying how to make one; a broken one is D610, located;
- a GBK campaign with a GBK file name gives valid UTF-8 in text, JSON and GitHub output;
- an empty file is located 1:1 in JSON.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dacu", required=True)
    parser.add_argument("--root", required=True)
    options = parser.parse_args()
    dacu = os.path.abspath(options.dacu)
    examples = os.path.join(os.path.abspath(options.root), "examples")
    problems = []

    def check(ok, what):
        if not ok:
            problems.append(what)

    english = dict(os.environ, LC_ALL="en_US.UTF-8")
    chinese = dict(os.environ, LC_ALL="C.UTF-8")

    def run(args, cwd, env=english):
        return subprocess.run([dacu, *args], cwd=cwd, capture_output=True, timeout=120, env=env)

    def read(name):
        with open(os.path.join(examples, name), encoding="utf-8") as f:
            return f.read()

    juhuasuan, shuang11, bedding = read("雪凡妮-双十二聚划算.yaml"), read("双十一-旗舰店.yaml"), read("床品店-双十二聚划算.yaml")

    with tempfile.TemporaryDirectory() as tmp:
        shops = os.path.join(tmp, "shops")
        os.makedirs(shops)
        os.makedirs(os.path.join(tmp, "ci"))
        names = []

        def write(name, text, encoding="utf-8"):
            with open(os.path.join(shops, name), "w", encoding=encoding) as f:
                f.write(text)

        for k in range(24):
            name = f"店{k:02d}.yaml"
            if k < 14:
                text = juhuasuan.replace("雪凡妮 双十二聚划算", f"店{k:02d} 双十二聚划算")
                text = text.replace("开团: 2026-12-20T10:00", f"开团: 2026-12-{14 + k}T10:00")
                text = text.replace("团购价: 129", f"团购价: {99 + k}")
                if k in (3, 9):  # 开团 on 国庆节: D106
                    text = re.sub(r"开团: 2026-12-\d\dT10:00", "开团: 2026-10-01T10:00", text)
                    text = text.replace("报名: 2026-11-20T10:00", "报名: 2026-09-01T10:00")
            elif k < 20:
                text = shuang11.replace("某女装旗舰店", f"店{k:02d}").replace("日均订单量: 1200", f"日均订单量: {1100 + 10 * k}")
            else:
                text = bedding.replace("床品", f"店{k:02d}床品", 1)
            write(name, text)
            names.append(f"shops/{name}")

        # Every diagnostic names the shop it was found in, a template's too.
        r = run(["validate", "--format", "json", *names], tmp)
        found = json.loads(r.stdout)["diagnostics"]
        check(r.returncode == 0, f"the shops validate with errors: exit {r.returncode}\n{r.stdout.decode()[:2000]}")
        codes = sorted({d["code"] for d in found})
        check("D106" in codes and "D224" in codes, f"expected D106 and D224 among the shops' warnings, got {codes}")
        check(all(d["input"] in names for d in found), "a diagnostic without its shop: " +
              json.dumps([d for d in found if d["input"] not in names], ensure_ascii=False)[:500])
        check(any(d["file"].startswith("<builtin>/") and d["input"].startswith("shops/") for d in found),
              "no template warning names its shop")
        r = run(["validate", "--strict", *names], tmp)
        check(r.returncode == 1, f"--strict without a baseline: exit {r.returncode}")

        # The baseline: deterministic, sorted, the same in either language.
        r = run(["validate", *names, "--write-baseline", "ci/baseline.tsv"], tmp)
        check(r.returncode == 0 and b"findings to the baseline" in r.stderr,
              f"--write-baseline: exit {r.returncode} {r.stderr.decode()}")
        with open(os.path.join(tmp, "ci/baseline.tsv"), "rb") as f:
            baseline = f.read()
        r = run(["validate", *reversed(names), "--write-baseline", "ci/again.tsv"], tmp, chinese)
        with open(os.path.join(tmp, "ci/again.tsv"), "rb") as f:
            check(f.read() == baseline, "the baseline differs between two runs (other order, other language)")
        lines = [line for line in baseline.decode("utf-8").splitlines() if not line.startswith("#")]
        check(len(lines) >= 2 and lines == sorted(lines, key=lambda l: tuple(l.split("\t")[:3])),
              f"baseline lines not sorted:\n{baseline.decode()}")
        check(all(re.fullmatch(r"shops/店\d\d\.yaml\tD\d{3}\t[0-9a-f]{16}\t[1-9]\d*\t.*", line) for line in lines),
              f"baseline lines not input, code, fingerprint, count, line:\n{baseline.decode()}")

        gate = ["validate", "--strict", "--format", "github", "--baseline", "ci/baseline.tsv"]
        r = run([*gate, *names], tmp)
        check(r.returncode == 0 and r.stdout == b"", f"the baseline does not pass: exit {r.returncode}\n{r.stdout.decode()}")

        # Lines added above a finding do not make it new.
        path = os.path.join(shops, "店03.yaml")
        with open(path, encoding="utf-8") as f:
            text = f.read()
        write("店03.yaml", "# 新增的说明\n# 第二行\n# 第三行\n" + text)
        r = run([*gate, *names], tmp)
        check(r.returncode == 0 and r.stdout == b"", f"a line shift made a finding new: exit {r.returncode}\n{r.stdout.decode()}")

        # One new problem: one annotation on that shop, at the value.
        with open(os.path.join(shops, "店07.yaml"), encoding="utf-8") as f:
            text = f.read()
        text = text.replace("  件数: 3000\n", "  件数: 3000\n  打包人效: 0\n")
        write("店07.yaml", text)
        line = text.splitlines().index("  打包人效: 0") + 1
        column = len("  打包人效: ") + 1
        r = run([*gate, *names], tmp)
        annotations = r.stdout.decode().splitlines()
        check(r.returncode == 1, f"a new problem passes the gate: exit {r.returncode}")
        check(len(annotations) == 1 and annotations[0].startswith(
            f"::error file=shops/店07.yaml,line={line},col={column},title=D201::"),
            f"expected one annotation at shops/店07.yaml:{line}:{column}, got:\n{r.stdout.decode()}")
        r = run(["validate", "--format", "json", "--baseline", "ci/baseline.tsv", *names], tmp)
        found = json.loads(r.stdout)["diagnostics"]
        new = [d for d in found if not d["baselined"]]
        check(len(new) == 1 and len(found) > 1, f"expected one finding not in the baseline: {json.dumps(new, ensure_ascii=False)}")
        if new:
            d = new[0]
            check((d["file"], d["line"], d["column"], d["input"]) == ("shops/店07.yaml", line, column, "shops/店07.yaml"),
                  f"D201 not at the shop's value: {d}")
            related = d["related"] or {}
            check(related.get("file") == "<builtin>/聚划算.yaml" and related.get("line", 0) > 0,
                  f"D201's template line is not its related location: {d}")
        r = run(["validate", "--baseline", "ci/baseline.tsv", *names], tmp)
        err = r.stderr.decode()
        check(r.returncode == 1 and err.count("[D201]") == 1 and "note: <builtin>/聚划算.yaml:" in err and
              "findings are in the baseline ci/baseline.tsv and not shown" in err and "[D106]" not in err,
              f"text with a baseline:\n{err}")

        # --ignore: warnings only.
        r = run(["validate", "--strict", "--ignore", "D106,D224", *names], tmp)
        check(r.returncode == 1 and b"[D201]" in r.stderr and b"[D106]" not in r.stderr and b"[D224]" not in r.stderr,
              f"--ignore D106,D224: exit {r.returncode}\n{r.stderr.decode()}")
        r = run(["validate", "--ignore", "D201", "shops/店07.yaml"], tmp)
        check(r.returncode == 1 and b"[D201]" in r.stderr, f"--ignore hid an error: exit {r.returncode}\n{r.stderr.decode()}")
        r = run(["validate", "--ignore", "104", "shops/店07.yaml"], tmp)
        check(r.returncode == 2 and b"--ignore takes codes" in r.stderr, f"--ignore 104: exit {r.returncode} {r.stderr.decode()}")
        r = run(["validate", "--baseline", "a", "--write-baseline", "b", "shops/店07.yaml"], tmp)
        check(r.returncode == 2, f"--baseline with --write-baseline: exit {r.returncode} {r.stderr.decode()}")

        # D103 that the campaign's 结束 causes in the template: at the campaign's 结束.
        with open(os.path.join(shops, "店08.yaml"), encoding="utf-8") as f:
            text = f.read()
        text = text.replace("  开团: 2026-12-22T10:00\n", "  开团: 2026-12-22T10:00\n  结束: 2026-12-28T23:59\n")
        write("店08.yaml", text)
        line = text.splitlines().index("  结束: 2026-12-28T23:59") + 1
        r = run(["validate", "--format", "json", "shops/店08.yaml"], tmp)
        found = [d for d in json.loads(r.stdout)["diagnostics"] if d["code"] == "D103"]
        check(r.returncode == 1 and found and all((d["file"], d["line"], d["column"]) == ("shops/店08.yaml", line, 7)
                                                  and (d["related"] or {}).get("file") == "<builtin>/聚划算.yaml"
                                                  for d in found),
              f"D103 not at the campaign's 结束 (line {line}): {json.dumps(found, ensure_ascii=False)[:1500]}")
        r = run(["validate", "--format", "github", "shops/店08.yaml"], tmp)
        check(r.stdout and all(a.startswith(f"::error file=shops/店08.yaml,line={line},col=7,title=D103::")
                               for a in r.stdout.decode().splitlines()),
              f"D103 annotations not on the shop:\n{r.stdout.decode()}")
        r = run(["validate", "shops/店08.yaml"], tmp)
        check(f"error: shops/店08.yaml:{line}:7: task " in r.stderr.decode() and "note: <builtin>/聚划算.yaml:" in r.stderr.decode(),
              f"D103 in text:\n{r.stderr.decode()[:1500]}")

        # The baseline file itself.
        r = run(["validate", "--strict", "--baseline", "ci/none.tsv", *names], tmp)
        err = r.stderr.decode()
        check(r.returncode == 1 and "ci/none.tsv: no such file [D010]" in err and "--write-baseline" in err,
              f"missing baseline: exit {r.returncode}\n{err}")
        with open(os.path.join(tmp, "ci/broken.tsv"), "w", encoding="utf-8") as f:
            f.write("# a comment\nshops/店07.yaml\tD201\t0123456789abcdef\t0\tx\n")
        r = run(["validate", "--baseline", "ci/broken.tsv", *names], tmp)
        err = r.stderr.decode()
        check(r.returncode == 1 and err.startswith("dacu: error: ci/broken.tsv:2:38: `0` is not a count") and "[D610]" in err,
              f"broken baseline: exit {r.returncode}\n{err}")

        # Invalid UTF-8 (a GBK file with a GBK name) never reaches the output as it is.
        gbk_name = "店".encode("gbk") + b".yaml"
        with open(os.path.join(shops.encode(), gbk_name), "wb") as f:
            f.write(juhuasuan.encode("gbk"))
        for form in ("text", "json", "github"):
            r = subprocess.run([dacu.encode(), b"validate", b"--format", form.encode(), b"shops/" + gbk_name], cwd=tmp,
                               capture_output=True, timeout=60, env=english)
            try:
                out, err = r.stdout.decode("utf-8"), r.stderr.decode("utf-8")
            except UnicodeDecodeError as e:
                check(False, f"--format {form} of a GBK file is not UTF-8: {e}")
                continue
            check(r.returncode == 1 and "D012" in out + err, f"--format {form} of a GBK file:\n{out}{err}")
            if form == "json":
                d = json.loads(out)["diagnostics"][0]
                check(d["code"] == "D012" and d["file"] == "shops/\\xb5\\xea.yaml", f"JSON of a GBK file: {out}")
            else:
                check("shops/\\xb5\\xea.yaml" in out + err, f"--format {form}: the GBK name not shown as \\xNN:\n{out}{err}")

        # An empty file: 1:1, not 0:0.
        write("empty.yaml", "")
        r = run(["validate", "--format", "json", "shops/empty.yaml"], tmp)
        d = json.loads(r.stdout)["diagnostics"][0]
        check((d["code"], d["line"], d["column"]) == ("D015", 1, 1), f"empty file: {d}")

    for p in problems:
        print("FAIL:", p)
    print(f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
