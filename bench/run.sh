#!/usr/bin/env bash
# dacu benchmark suite (issue 7): the one command.
#
#   bash bench/run.sh            # full suite: Release build, inputs, timings, one table
#   bash bench/run.sh --short    # tiny sizes, 1 repetition, no tj3: only checks the suite runs
#
# Options: --reps N (default 5; runs under 0.1 s get 10x) --tj3-reps N (default: --reps)
#          --batch-reps N (default 3)
#          --batch N (small campaign files, default 10000) --no-tj3 --timeout SECONDS (tj3 cap, 600)
#          --sizes "100 1000" (task counts, default "100 1000 10000 100000")
#          --build-dir DIR (default build-bench) --no-build (use the binaries already in --build-dir)
#          --out DIR (default bench/out, git-ignored)
# Every time is the median of the repetitions, in wall seconds measured with bash's EPOCHREALTIME;
# peak RSS comes from one more run under `/usr/bin/time -f %M`. No timing is ever asserted; the
# machine is shared.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
reps=5 tj3_reps= batch_reps=3 batch=10000 use_tj3=1 tj3_timeout=600 short=0 build=1
build_dir=$root/build-bench out=$root/bench/out
sizes=(100 1000 10000 100000)
while (($#)); do
  case $1 in
    --short) short=1 ;;
    --reps) reps=$2; shift ;;
    --tj3-reps) tj3_reps=$2; shift ;;
    --batch-reps) batch_reps=$2; shift ;;
    --batch) batch=$2; shift ;;
    --sizes) read -r -a sizes <<<"$2"; shift ;;
    --no-tj3) use_tj3=0 ;;
    --no-build) build=0 ;;
    --timeout) tj3_timeout=$2; shift ;;
    --build-dir) build_dir=$2; shift ;;
    --out) out=$2; shift ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
# The batch runs from inside the batch folder, so every path must be absolute.
build_dir=$(realpath -m "$build_dir") out=$(realpath -m "$out")
if ((short)); then reps=1 batch_reps=1 batch=20 use_tj3=0 sizes=(10 100); fi
tj3_reps=${tj3_reps:-$reps}
quick_reps=$((reps * 10))  # runs of a few milliseconds: more of them for a steady median
[[ -x /usr/bin/time ]] || { echo "run.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 1; }

# 1. Release build with the bench helpers (tests off: this is about the shipped binary).
if ((build)); then
  cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DDACU_BUILD_TESTS=OFF \
    -DDACU_BUILD_BENCH=ON >/dev/null
  cmake --build "$build_dir" >/dev/null
fi
dacu=$build_dir/apps/dacu floor=$build_dir/bench/parse_floor

# 2. Inputs.
mkdir -p "$out"
tjp_flag=()
((use_tj3)) || tjp_flag=(--no-tjp)
python3 "$root/bench/gen.py" --out "$out" --sizes "${sizes[@]}" --batch "$batch" "${tjp_flag[@]}"
if ((use_tj3)) && ! command -v tj3 >/dev/null; then
  echo "run.sh: tj3 not found, installing the Debian package" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y tj3 >/dev/null || use_tj3=0
fi

# 3. Timing. measure NAME REPS CMD...: runs CMD REPS times (stdout discarded) and sets WALL to the
#    median wall seconds, timed by bash's EPOCHREALTIME around fork and exec (microseconds, where
#    /usr/bin/time's %e has hundredths: too coarse for a 13 ms plan); then runs it once more under
#    /usr/bin/time for RSS, the peak resident set in MB. A failing or timed-out run sets WALL=FAIL.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
median() { sort -g | awk '{v[NR]=$1} END {if (NR==0) print "-"; else if (NR%2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }
measure() {
  local name=$1 n=$2 start end; shift 2
  : >"$tmp/w"
  WALL=FAIL RSS=-
  for ((r = 0; r < n; r++)); do
    start=${EPOCHREALTIME/[.,]/}  # microseconds; no $(…), whose fork would be timed too
    if ! "$@" >/dev/null 2>"$tmp/err"; then
      echo "run.sh: $name failed: $(tail -c 300 "$tmp/err")" >&2
      return 0
    fi
    end=${EPOCHREALTIME/[.,]/}
    awk -v d=$((10#$end - 10#$start)) 'BEGIN {printf "%.4f\n", d / 1e6}' >>"$tmp/w"
  done
  WALL=$(median <"$tmp/w")
  /usr/bin/time -f '%M' -o "$tmp/t" "$@" >/dev/null 2>&1 && RSS=$(tail -n 1 "$tmp/t" | awk '{printf "%.1f", $1 / 1024}')
}
rows=()
row() { rows+=("$(printf '%-34s %9s %10s %9s %6s  %s' "$@")"); echo "  ${rows[-1]}" >&2; }
ratio() { awk -v a="$1" -v b="$2" -v d="${3:-1}" 'BEGIN {if (a+0 > 0 && b+0 > 0) printf "%.*fx", d, a/b; else print "-"}'; }

echo "load before timing: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
echo "timing (median of $reps; tj3 $tj3_reps; batch $batch_reps) ..." >&2
# Each built-in template, planned whole-process through the first example campaign extending it
# (a template alone has no dates for its milestones).
while read -r name _; do
  example=$(grep -l -x "extends: $name" "$root"/examples/*.yaml | head -n 1)
  [[ -n $example ]] || { row "dacu plan $name" - - - - "no example extends it"; continue; }
  measure "plan-$name" "$quick_reps" "$dacu" plan "$example"
  row "dacu plan $name (table)" "$(($("$dacu" plan "$example" --format csv | wc -l) - 1))" "$WALL" "$RSS" "$quick_reps" \
    "examples/$(basename "$example")"
done < <("$dacu" templates | tail -n +2)

declare -A dacu_wall dacu_rss floor_wall
for n in "${sizes[@]}"; do
  k=$reps
  ((n <= 1000)) && k=$quick_reps
  measure floor "$k" "$floor" "$out/tpl-$n.yaml" "$out/campaign-$n.yaml"
  floor_wall[$n]=$WALL
  row "parse floor (yaml-cpp LoadFile)" "$n" "$WALL" "$RSS" "$k" "both files, every node touched"
  measure events "$k" "$floor" --events "$out/tpl-$n.yaml" "$out/campaign-$n.yaml"
  row "yaml-cpp events only" "$n" "$WALL" "$RSS" "$k" "both files, no tree: the least any yaml-cpp program pays"
  measure dacu "$k" "$dacu" plan "$out/campaign-$n.yaml" --format csv
  dacu_wall[$n]=$WALL dacu_rss[$n]=$RSS
  row "dacu plan --format csv" "$n" "$WALL" "$RSS" "$k" "= $(ratio "$WALL" "${floor_wall[$n]}" 2) parse floor"
done
[[ -n ${dacu_wall[100000]:-} && -n ${dacu_wall[10000]:-} ]] &&
  row "dacu 100,000 / 10,000 tasks" - - - - "time $(ratio "${dacu_wall[100000]}" "${dacu_wall[10000]}"), memory $(ratio "${dacu_rss[100000]}" "${dacu_rss[10000]}")"

if ((use_tj3)); then
  for n in "${sizes[@]}"; do
    ((n >= 100000)) && { row "tj3 (skipped)" "$n" - - - "too slow"; continue; }
    cd "$out"
    measure tj3 "$tj3_reps" timeout "$tj3_timeout" tj3 --no-reports "tj-$n.tjp"
    row "tj3 --no-reports" "$n" "$WALL" "$RSS" "$tj3_reps" "timeout ${tj3_timeout}s"
    measure tj3csv "$tj3_reps" timeout "$tj3_timeout" tj3 "tj-$n.tjp"
    tj3_wall=$WALL tj3_rss=$RSS
    # dacu again, right after tj3: this machine's speed drifts by 2x over minutes, so the ratio
    # compares runs made side by side, not the dacu rows timed minutes earlier.
    k=$reps
    ((n <= 1000)) && k=$quick_reps
    measure dacu-next "$k" "$dacu" plan "$out/campaign-$n.yaml" --format csv
    row "tj3 + CSV taskreport" "$n" "$tj3_wall" "$tj3_rss" "$tj3_reps" "dacu csv, timed right after: $WALL s, $(ratio "$tj3_wall" "$WALL" 0) faster, $(ratio "$tj3_rss" "${dacu_rss[$n]}") less memory"
    cd - >/dev/null
  done
fi

# Batch mode: every batch file through one `dacu plan --out-dir` process, -j 1 and -j 2 (one
# Loader per worker, so the built-in template is parsed once per thread). The files are passed as
# a relative glob from inside the batch folder (10,000 names of 10 bytes fit any ARG_MAX).
declare -A batch_rate
for p in 1 2; do
  rm -rf "$tmp/batch-j$p"
  measure "batch-j$p" "$batch_reps" sh -c "cd '$out/batch' && exec '$dacu' plan --format csv --out-dir '$tmp/batch-j$p' -j $p *.yaml 2>/dev/null"
  batch_rate[$p]=$(awk -v w="$WALL" -v n="$batch" 'BEGIN {if (w+0 > 0) printf "%.0f", n/w; else print "-"}')
  row "batch: plan --out-dir -j $p" "$batch" "$WALL" "$RSS" "$batch_reps" "${batch_rate[$p]} files/s"
done
row "batch throughput -j2 / -j1" "$batch" - - - "$(ratio "${batch_rate[2]}" "${batch_rate[1]}" 2)"
printf '\n%-34s %9s %10s %9s %6s  %s\n' "case" "tasks" "wall s" "peak MB" "runs" "note"
printf '%s\n' "${rows[@]}"
printf '\nmachine: %s cores, %s; load average %s; %s; dacu %s\n' "$(nproc)" "$(uname -r)" \
  "$(cut -d' ' -f1-3 /proc/loadavg)" "$(date -u '+%Y-%m-%d %H:%M UTC')" "$(git -C "$root" rev-parse --short HEAD)"
