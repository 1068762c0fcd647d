#!/usr/bin/env bash
# Builds (if needed) and runs the whole test suite with CTest: unit tests per stage, golden tests
# against ../shared/gold, and end-to-end tests of the gwr command.
# SANITIZE=1 runs it in a separate AddressSanitizer + UndefinedBehaviorSanitizer build.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${SANITIZE:-0}" = "1" ]; then
  BUILD_DIR="${BUILD_DIR:-build-asan}"
  EXTRA="-DGWR_SANITIZE=ON -DGWR_BUILD_BENCH=OFF -DCMAKE_BUILD_TYPE=Debug"
  # The browser test adds nothing the server API tests do not already cover under the sanitizers;
  # the corpus-wide quality gates (hashes, dev labels, dev coverage) run the same code paths as the
  # golden tests and take minutes in a Debug + ASan build: the release run checks them. The Dask
  # run (dask_from_jsonl) extracts the shared corpus in worker processes: its code paths are the
  # ingest and --from-jsonl unit tests', which run here; the store equality is checked in release.
  CTEST_EXCLUDE=(-E "web_e2e|extract_hashes|dev_labels_eval|dev_coverage|dask_from_jsonl")
else
  BUILD_DIR="${BUILD_DIR:-build}"
  EXTRA=""
  CTEST_EXCLUDE=()
fi
cmake -S . -B "$BUILD_DIR" -G Ninja -DGWR_WERROR=ON $EXTRA ${CMAKE_ARGS:-} >/dev/null
cmake --build "$BUILD_DIR" --parallel "$(nproc)"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
ctest --test-dir "$BUILD_DIR" --output-on-failure --parallel "$(nproc)" --timeout 600 "${CTEST_EXCLUDE[@]}"
