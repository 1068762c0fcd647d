# Sourced by the bench/serve_*.sh and web_views.sh scripts: a temporary folder removed on exit, and
# `gwr serve` on a free loopback port. After `serve_db BIN DB [ARGS...]`, $base is its URL and
# $pid its process, which the exit trap stops.
tmp="$(mktemp -d)"
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT

serve_db() {
  local bin="$1" db="$2"
  shift 2
  "$bin" serve --db "$db" --port 0 "$@" >"$tmp/out" 2>&1 &
  pid=$!
  for _ in $(seq 100); do grep -q "http://" "$tmp/out" && break; sleep 0.1; done
  base="$(grep -o 'http://127.0.0.1:[0-9]*' "$tmp/out")"
}
