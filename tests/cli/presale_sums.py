#!/usr/bin/env python3
"""Issue 19's done-means on the two-wave example, through the CLI: in `dacu roi --format json`, per
wave and in total, 定金 + 尾款 + 现货 = 成交额 to the fen; the waves add up to the total (units and
every amount); the total is the campaign's 成交额; each wave's parts follow their formulas from the
per-unit figures (尾款 = 付尾款件数 × (到手价 − 膨胀金额) …). Amounts are compared in fen as integers.

    python3 tests/cli/presale_sums.py --dacu build/apps/dacu --root .
"""
import argparse
import json
import subprocess
import sys
from decimal import Decimal

parser = argparse.ArgumentParser()
parser.add_argument("--dacu", required=True)
parser.add_argument("--root", required=True)
options = parser.parse_args()


def fen(text):
    value = Decimal(text) * 100
    assert value == value.to_integral_value(), f"{text} is not whole fen"
    return int(value)


failures = []
for scenario in ([], ["--set", "尾款支付率=73%"], ["--set", "预售件数=4999"]):
    cmd = [options.dacu, "roi", "examples/双十一-两波预售.yaml", "--format", "json", *scenario]
    run = subprocess.run(cmd, cwd=options.root, capture_output=True, text=True)
    if run.returncode != 0:
        failures.append(f"{' '.join(cmd)}: exit {run.returncode}: {run.stderr}")
        continue
    figures = json.loads(run.stdout)["figures"]
    presale = figures["revenue"]["presale"]
    where = " ".join(scenario) or "defaults"
    if len(presale["waves"]) != 2:
        failures.append(f"{where}: {len(presale['waves'])} waves, expected 2")
    for part in presale["waves"] + [presale["total"]]:
        name = part["wave"] or "合计"
        a, u = part["amounts"], part["units"]
        if fen(a["deposits"]) + fen(a["balances"]) + fen(a["spot"]) != fen(a["total"]):
            failures.append(f"{where} {name}: 定金 {a['deposits']} + 尾款 {a['balances']} + 现货 {a['spot']} != {a['total']}")
        if u["presale"] + u["spot"] != u["planned"] or u["paid"] + u["unpaid"] != u["presale"]:
            failures.append(f"{where} {name}: units do not add up: {u}")
        if part["per_unit"]:
            p = part["per_unit"]
            checks = {
                "deposits": u["presale"] * fen(p["deposit"]),
                "balances": u["paid"] * (fen(p["price"]) - fen(p["deposit_value"])),
                "spot": u["spot"] * fen(p["price"]),
                "forfeited_deposits": u["unpaid"] * fen(p["deposit"]),
                "bonus": u["paid"] * (fen(p["deposit_value"]) - fen(p["deposit"])),
            }
            for key, expected in checks.items():
                if fen(a[key]) != expected:
                    failures.append(f"{where} {name}: {key} {a[key]} is not {expected / 100:.2f}")
    total = presale["total"]
    for key in total["amounts"]:
        if sum(fen(w["amounts"][key]) for w in presale["waves"]) != fen(total["amounts"][key]):
            failures.append(f"{where}: the waves' {key} do not add up to the total's {total['amounts'][key]}")
    for key in total["units"]:
        if sum(w["units"][key] for w in presale["waves"]) != total["units"][key]:
            failures.append(f"{where}: the waves' {key} units do not add up to the total's {total['units'][key]}")
    if fen(total["amounts"]["total"]) != fen(figures["revenue"]["amount"]):
        failures.append(f"{where}: presale total {total['amounts']['total']} is not 成交额 {figures['revenue']['amount']}")

for f in failures:
    print("FAIL:", f)
print(f"presale sums: {len(failures)} failures")
sys.exit(1 if failures else 0)
