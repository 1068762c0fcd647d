#!/usr/bin/env bash
# Runs gwr_bench briefly and prints MB/s per benchmark and the ratio Extract/Baseline per scale.
# Usage: bench/run.sh [path/to/gwr_bench] [min_time_seconds]   (run from the repository root,
# so ../shared/corpus is found; GWR_SHARED overrides it).
set -euo pipefail
BIN=${1:-./build/bench/gwr_bench}
MIN_TIME=${2:-0.5}
OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT
"$BIN" --benchmark_min_time="$MIN_TIME" --benchmark_format=json >"$OUT"
python3 - "$OUT" <<'PY'
import json, sys
runs = json.load(open(sys.argv[1]))["benchmarks"]
rate = {}
for b in runs:
    if b.get("error_occurred"):
        print(f"{b['name']}: skipped ({b.get('error_message', '')})")
        continue
    rate[b["name"]] = b["bytes_per_second"] / 1e6
    print(f"{b['name']:<12} {rate[b['name']]:8.2f} MB/s")
for name in sorted(rate):
    if name.startswith("Extract/"):
        base = rate.get("Baseline/" + name.split("/", 1)[1])
        if base:
            print(f"ratio {name}/Baseline: {rate[name] / base:.3f}")
PY
