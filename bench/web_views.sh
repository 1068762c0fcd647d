#!/usr/bin/env bash
# Browser benchmark of the workbench views (bench/web_views.mjs): builds the e2e fixture corpus
# (examples/ and tests/server/fixtures), starts `gwr serve` on a free port and times every view in
# chromium. Usage: bash bench/web_views.sh [GWR_BIN] [RUNS]   (default build/src/gwr, 5 runs)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${1:-${GWR_BIN:-build/src/gwr}}"
RUNS="${2:-5}"
. bench/serve_common.sh
"$BIN" ingest examples tests/server/fixtures --db "$tmp/c.db" >/dev/null
serve_db "$BIN" "$tmp/c.db"
node bench/web_views.mjs "$base" "$RUNS"
