#!/usr/bin/env bash
# dacu agenda over many campaigns (issue 18 item 4) against the sum of single `dacu plan` runs.
#
#   bash bench/agenda.sh [--dacu PATH] [--count N] [--reps N] [--out DIR]
#
# Writes N campaign files (default 1000) into DIR/agenda/ (default bench/out, git-ignored): each a
# shop extending the built-in 聚划算 with its own name and a 开团 spread over 20 days, so the
# shops' 美工主管, 推广主管 … overlap across campaigns as an agency's would. Then times, as the
# median of --reps runs (default 3, by wall time), wall and CPU seconds (bash's `time`, children included):
#   - `dacu agenda DIR/agenda/*.yaml --format json` with -j 1 and -j 2 (one process, one Loader
#     per worker: the built-in template is parsed once per worker);
#   - the same files through N separate `dacu plan FILE --format json` processes, one after the
#     other: what a script that merged single plans would pay before merging anything.
# Prints one table (Markdown) and the agenda's size. No timing is asserted anywhere; the machine is
# shared: read the load average printed first.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
dacu=$root/build/apps/dacu count=1000 reps=3 out=$root/bench/out
while (($#)); do
  case $1 in
    --dacu) dacu=$2; shift ;;
    --count) count=$2; shift ;;
    --reps) reps=$2; shift ;;
    --out) out=$2; shift ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "agenda.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
dir=$out/agenda
rm -rf "$dir"
mkdir -p "$dir"
for ((i = 0; i < count; i++)); do
  day=$((1 + i % 20))
  printf 'dacu: 1\nkind: campaign\nname: 店铺%05d 双十二聚划算\nextends: 聚划算\nmilestones:\n  报名: 2026-11-%02dT10:00\n  开团: 2026-12-%02dT10:00\n' \
    "$i" "$day" "$day" >"$dir/$(printf %05d "$i").yaml"
done
files=("$dir"/*.yaml)

# One run's wall, user and system seconds (children included), as "wall cpu" (cpu = user + system).
TIMEFORMAT='%R %U %S'
measure() { { time "$@" >/dev/null 2>&1; } 2>&1 | awk '{printf "%s %.2f\n", $1, $2 + $3}'; }
median() { sort -n | awk '{a[NR] = $0} END {print a[int((NR + 1) / 2)]}'; }

agenda_run() { "$dacu" agenda "${files[@]}" --format json -j "$1" -o "$out/agenda.json"; }
plan_runs() { local f; for f in "${files[@]}"; do "$dacu" plan "$f" --format json >/dev/null; done; }
time_agenda() { for ((r = 0; r < reps; r++)); do measure agenda_run "$1"; done | median; }
time_plans() { for ((r = 0; r < reps; r++)); do measure plan_runs; done | median; }

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) processors; $count campaign files"
a1=$(time_agenda 1)
a2=$(time_agenda 2)
p=$(time_plans)
items=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(len(d["items"]), len(d["conflicts"]))' "$out/agenda.json")
echo
echo "| run | wall s | CPU s (user + system) |"
echo "|---|---:|---:|"
echo "| \`dacu agenda\` ×$count files, -j 1 | ${a1% *} | ${a1#* } |"
echo "| \`dacu agenda\` ×$count files, -j 2 | ${a2% *} | ${a2#* } |"
echo "| $count × \`dacu plan FILE --format json\` | ${p% *} | ${p#* } |"
echo
echo "agenda: ${items% *} items, ${items#* } conflicts; $(wc -c <"$out/agenda.json") bytes of JSON"
