#!/usr/bin/env bash
# Reliability figures of `gwr serve` under slow and many clients (issue 13; docs/reliability.md).
# Builds a corpus (bench/make_corpus.py, CORPUS_MB, default 20, from ../shared and examples/;
# examples/ and the server fixture alone when ../shared is missing), starts the server on a free
# port and runs bench/serve_reliability.mjs: 16 slowloris connections beside normal requests,
# CLIENTS (default 50) clients × SECONDS (default 10) over search / report / summary, and 8
# expensive /api/slogans clients beside /api/summary. Prints one JSON object; exits 1 on errors.
# Not a timed test: run it by hand and copy the figures into docs/reliability.md.
# Usage: bash bench/serve_reliability.sh [GWR_BIN]
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${1:-${GWR_BIN:-build/src/gwr}}"
SECS="${SECONDS_EACH:-10}"
CLIENTS="${CLIENTS:-50}"
SLOW="${SLOW:-16}"
MB="${CORPUS_MB:-20}"
tmp="$(mktemp -d)"
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
shared="${GWR_SHARED:-../shared}"
if [ -d "$shared/corpus" ] && [ "$MB" != 0 ]; then
  /usr/bin/python3 bench/make_corpus.py --size-mb "$MB" --out "$tmp/corpus" >/dev/null
  "$BIN" ingest "$tmp/corpus" --db "$tmp/c.db" >/dev/null
else
  "$BIN" ingest examples tests/server/fixtures --db "$tmp/c.db" >/dev/null
fi
"$BIN" serve --db "$tmp/c.db" --port 0 ${SERVE_ARGS:-} >"$tmp/out" 2>&1 &
pid=$!
for _ in $(seq 100); do grep -q "http://" "$tmp/out" && break; sleep 0.1; done
base="$(grep -o 'http://127.0.0.1:[0-9]*' "$tmp/out")"
ids="$(curl -s "$base/api/reports?limit=200" | grep -o '"id":[0-9]*' | cut -d: -f2 | paste -sd,)"
reports="$(curl -s "$base/api/summary" | grep -o '"reports":[0-9]*' | cut -d: -f2)"
echo "serve_reliability: $base, $reports reports ($(du -m "$tmp/c.db" | cut -f1) MB db), ${SECS}s per phase, $CLIENTS clients, $SLOW slow, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
node bench/serve_reliability.mjs "$base" "$ids" "$SECS" "$CLIENTS" "$SLOW"
