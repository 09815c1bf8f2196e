#!/usr/bin/env bash
# Runs dacu's libFuzzer targets (see tests/fuzz/README.md).
#
#   tests/fuzz/run.sh                      # every target for 60 s
#   tests/fuzz/run.sh --runs 1000000       # every target for a million executions
#   tests/fuzz/run.sh --seconds 10 fuzz_offset fuzz_expr
#   tests/fuzz/run.sh --build build-fuzz --seconds 2     # CI's smoke run, on an existing build
#
# Builds BUILD (default build-fuzz) with clang++-14 and DACU_FUZZ=ON when it is not built yet.
# The working corpus is tests/fuzz/corpus-work/TARGET, seeded from the repository each run and kept
# between runs (git ignores it); a crash, leak or sanitizer report leaves its input in
# tests/fuzz/corpus-work/artifacts/ and makes the script exit 1.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="$root/build-fuzz"
limit=(-max_total_time=60)
targets=()
while (($#)); do
  case "$1" in
    --build) build="$(realpath -m "$2")"; shift 2 ;;
    --seconds) limit=(-max_total_time="$2"); shift 2 ;;
    --runs) limit=(-runs="$2"); shift 2 ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done

if [[ ! -f "$build/build.ninja" && ! -f "$build/Makefile" ]]; then
  CXX="${CXX:-clang++-14}" cmake -S "$root" -B "$build" -G Ninja -DDACU_FUZZ=ON -DDACU_BUILD_TESTS=OFF
fi
cmake --build "$build" --target fuzz

work="$root/tests/fuzz/corpus-work"
mkdir -p "$work/artifacts"
python3 "$root/tests/fuzz/seed_corpus.py" "$work"
if ((${#targets[@]} == 0)); then
  for binary in "$build"/tests/fuzz/fuzz_*; do
    [[ -f "$binary" && -x "$binary" ]] && targets+=("$(basename "$binary")")
  done
fi

failed=0
printf '%-14s %12s %8s  %s\n' target executions seconds result
for target in "${targets[@]}"; do
  binary="$build/tests/fuzz/$target"
  [[ -x "$binary" ]] || { echo "run.sh: no fuzz target $target in $build" >&2; exit 2; }
  options=("${limit[@]}" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
           -artifact_prefix="$work/artifacts/$target-")
  [[ -f "$work/$target.dict" ]] && options+=(-dict="$work/$target.dict")
  [[ "$target" == fuzz_load ]] && options+=(-max_len=65536)
  log="$work/$target.log"
  start=$SECONDS
  if "$binary" "${options[@]}" "$work/$target" >"$log" 2>&1; then result=ok; else result="FAILED (see $log)"; failed=1; fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  printf '%-14s %12s %8s  %s\n' "$target" "${runs:-?}" $((SECONDS - start)) "$result"
done
exit "$failed"
