#!/usr/bin/env bash
# clang-tidy over every source file of src/ with the checks of .clang-tidy (each one justified
# there). Needs a configured build directory with compile_commands.json (scripts/test.sh makes
# build/). Any finding fails (WarningsAsErrors). About 8 s of CPU per file: runs on all cores.
# Usage: bash scripts/tidy.sh [BUILD_DIR] [FILE_REGEX]
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build}"
filter="${2:-^$(pwd)/src/.*\\.cpp$}"
if [ ! -f "$build/compile_commands.json" ]; then
  echo "tidy: $build/compile_commands.json missing; configure the build first (bash scripts/test.sh)" >&2
  exit 2
fi
if ! command -v run-clang-tidy >/dev/null 2>&1; then
  echo "tidy: run-clang-tidy not found (Debian package clang-tidy; scripts/setup.sh installs it)" >&2
  exit 2
fi
# Only src/ (not the generated build/src/embedded_*.cpp byte arrays, tests or bench).
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
rc=0
run-clang-tidy -quiet -p "$build" -j "$(nproc)" "$filter" >"$log" 2>&1 || rc=$?
sed "s/\x1b\[[0-9;]*m//g" "$log" | grep -E "(warning|error):" | sort -u || true
if [ "$rc" -ne 0 ]; then
  echo "tidy: findings above (or clang-tidy failed: see run-clang-tidy's output)" >&2
  grep -E "^Error|clang-tidy-14 .*failed" "$log" | head -5 >&2 || true
  exit 1
fi
echo "tidy: clean ($(grep -c '"file"' "$build/compile_commands.json") translation units in the database)"
