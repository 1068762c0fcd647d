#!/usr/bin/env bash
# Bounded load check of `gwr serve` on loopback: builds a corpus from examples/ and the server test
# fixture, starts the server on a free port, and drives the search and report endpoints for
# SECONDS each (default 8, so the run stays under 20 s) with CONCURRENCY requests in flight
# (default 8). Prints requests/s, p50/p99 latency and errors per endpoint; exits 1 on any error.
# Usage: bash bench/serve_load.sh [GWR_BIN]
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${1:-${GWR_BIN:-build/src/gwr}}"
SECONDS_EACH="${SECONDS_EACH:-8}"
CONCURRENCY="${CONCURRENCY:-8}"
. bench/serve_common.sh
"$BIN" ingest examples tests/server/fixtures --db "$tmp/c.db" >/dev/null
serve_db "$BIN" "$tmp/c.db"
id="$(curl -s "$base/api/reports?q=%E7%BB%8D%E5%85%B4&year=2024" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)"
echo "serve_load: $base, ${SECONDS_EACH}s per endpoint, $CONCURRENCY in flight, $(nproc) cores"
status=0
node bench/serve_load.mjs "$base" "/api/search?q=%E6%B0%91%E7%94%9F&limit=20" "$SECONDS_EACH" "$CONCURRENCY" || status=1
node bench/serve_load.mjs "$base" "/api/reports/$id" "$SECONDS_EACH" "$CONCURRENCY" || status=1
exit $status
