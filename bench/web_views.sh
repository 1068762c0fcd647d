#!/usr/bin/env bash
# Browser benchmark of the workbench views (bench/web_views.mjs): builds the e2e fixture corpus
# (examples/ and tests/server/fixtures), starts `gwr serve` on a free port and times every view in
# chromium. Usage: bash bench/web_views.sh [GWR_BIN] [RUNS]   (default build/src/gwr, 5 runs)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${1:-${GWR_BIN:-build/src/gwr}}"
RUNS="${2:-5}"
tmp="$(mktemp -d)"
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
"$BIN" ingest examples tests/server/fixtures --db "$tmp/c.db" >/dev/null
"$BIN" serve --db "$tmp/c.db" --port 0 >"$tmp/out" 2>&1 &
pid=$!
for _ in $(seq 50); do grep -q "http://" "$tmp/out" && break; sleep 0.1; done
base="$(grep -o 'http://127.0.0.1:[0-9]*' "$tmp/out")"
node bench/web_views.mjs "$base" "$RUNS"
