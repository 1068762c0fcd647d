#!/usr/bin/env bash
# bench/fuzz.sh SECONDS [TARGET...] — runs each libFuzzer target of fuzz/ for SECONDS, one at a
# time (nice 19), and appends one row per target (date, seconds, executions, new crashes) to the
# log in docs/reliability-fuzz.md, then recomputes its totals line.
#
#   bash bench/fuzz.sh 20                  # CI: 20 s per target
#   bash bench/fuzz.sh 600 fuzz_pipeline   # one target longer
#
# Builds build-fuzz (clang, -DGWR_FUZZ=ON; FUZZ_BUILD_DIR to change, FUZZ_JOBS for -j) when
# needed. Corpora grow in <build>/fuzz-corpus/<target> (seeded by fuzz/make_seeds.py), crash
# inputs land in <build>/fuzz-artifacts/<target>/. FUZZ_NO_LOG=1 skips the docs update.
# Exit status 1 when a target found a crash (its input is named on stderr).
set -euo pipefail
cd "$(dirname "$0")/.."
SECS="${1:?usage: bench/fuzz.sh SECONDS [TARGET...]}"
shift
BUILD="${FUZZ_BUILD_DIR:-build-fuzz}"
ALL=(fuzz_decode fuzz_html fuzz_docx fuzz_split fuzz_quantity fuzz_pdf_text fuzz_pipeline
     fuzz_tokenizer fuzz_jsonl fuzz_api_params)
TARGETS=("$@")
[ "${#TARGETS[@]}" -eq 0 ] && TARGETS=("${ALL[@]}")
LOG=docs/reliability-fuzz.md

if [ ! -f "$BUILD/build.ninja" ]; then
  cmake -S . -B "$BUILD" -G Ninja -DGWR_FUZZ=ON -DCMAKE_C_COMPILER=clang \
    -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGWR_BUILD_TESTS=OFF \
    -DGWR_BUILD_BENCH=OFF >/dev/null
fi
nice -n 10 cmake --build "$BUILD" --target "${TARGETS[@]}" -- -j"${FUZZ_JOBS:-1}" >/dev/null

python3 fuzz/make_seeds.py "$BUILD/fuzz-seeds" >/dev/null
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
status=0
for t in "${TARGETS[@]}"; do
  corpus="$BUILD/fuzz-corpus/$t"
  art="$BUILD/fuzz-artifacts/$t"
  mkdir -p "$corpus" "$art"
  # Crash, leak, timeout and out-of-memory inputs count; slow-unit-* files (an input over 10 s,
  # usually a starved process at nice 19) are kept but not counted.
  count_found() { find "$art" -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l; }
  before=$(count_found)
  out="$BUILD/fuzz-$t.log"
  start=$(date +%s)
  rc=0
  nice -n 19 /usr/bin/time -f "%U %S" -o "$BUILD/fuzz-$t.cpu" "$BUILD/fuzz/$t" -max_total_time="$SECS" -timeout=30 -rss_limit_mb=2560 \
    -max_len=4096 -print_final_stats=1 -artifact_prefix="$art/" "$corpus" \
    "$BUILD/fuzz-seeds/$t" >"$out" 2>&1 || rc=$?
  secs=$(($(date +%s) - start))
  cpu=$(awk '{printf "%d", $1 + $2}' "$BUILD/fuzz-$t.cpu" 2>/dev/null || echo 0)
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$out" | grep -o '[0-9]*$' | tail -1)
  execs=${execs:-0}
  found=$(($(count_found) - before))
  printf '%-18s %6s s (%s s CPU) %12s execs  %s new crash(es)  exit %s\n' "$t" "$secs" "$cpu" \
    "$execs" "$found" "$rc"
  if [ "$rc" -ne 0 ] || [ "$found" -gt 0 ]; then
    status=1
    echo "fuzz: $t failed; see $out and $art" >&2
    grep -m3 -E 'ERROR|runtime error|SUMMARY' "$out" >&2 || true
  fi
  if [ "${FUZZ_NO_LOG:-0}" != "1" ]; then
    python3 - "$LOG" "$t" "$secs" "$cpu" "$execs" "$found" <<'PY'
import datetime, re, sys
path, target = sys.argv[1], sys.argv[2]
secs, cpu, execs, found = (int(x) for x in sys.argv[3:7])
text = open(path, encoding="utf-8").read()
row = "| %s | %s | %d | %d | %d | %d |\n" % (datetime.date.today().isoformat(), target, secs, cpu,
                                           execs, found)
marker = "<!-- fuzz-log-end -->"
text = text.replace(marker, row + marker)
rows = re.findall(r"^\| \d{4}-\d\d-\d\d \| (\w+) \| (\d+) \| (\d+|-) \| (\d+) \| (\d+) \|$",
                  text, re.M)
num = lambda v: int(v) if v != "-" else 0
total_s = sum(int(r[1]) for r in rows)
total_cpu = sum(num(r[2]) for r in rows)
total_x = sum(int(r[3]) for r in rows)
total_c = sum(int(r[4]) for r in rows)
per = {}
for r in rows:
    p = per.setdefault(r[0], [0, 0, 0])
    p[0] += int(r[1])
    p[1] += num(r[2])
    p[2] += int(r[3])
summary = ("Total: %.2f hours of fuzzing (wall clock, one process at a time, nice 19 on a shared "
           "2-core machine; %.2f CPU-hours measured), %s executions, %d crash inputs found.\n\n"
           % (total_s / 3600.0, total_cpu / 3600.0, format(total_x, ","), total_c))
summary += "| target | hours | CPU-hours | executions |\n|---|---|---|---|\n" + "".join(
    "| %s | %.2f | %.2f | %s |\n" % (k, v[0] / 3600.0, v[1] / 3600.0, format(v[2], ","))
    for k, v in sorted(per.items()))
text = re.sub(r"<!-- fuzz-total -->.*?<!-- fuzz-total-end -->",
              "<!-- fuzz-total -->\n" + summary + "<!-- fuzz-total-end -->", text, flags=re.S)
open(path, "w", encoding="utf-8").write(text)
PY
  fi
done
exit "$status"
