#!/usr/bin/env bash
# Corpus benchmarks: ingest MB/s with and without the full-text index, database size per MB of
# text, search latency p50/p99. See bench/README.md ("Corpus benchmarks").
#
#   bench/corpus_bench.sh [--size-mb N] [--quick] [--build DIR] [--work DIR] [--keep]
#
# Run from the repository root (make_corpus.py reads ../shared/corpus; GWR_SHARED overrides it).
#   --size-mb N   corpus size in MB (10^6 bytes), default 1024
#   --quick       20 MB and a 10 s search phase (CI)
#   --build DIR   build tree holding src/gwr and bench/gwr_search_bench (default: build)
#   --work DIR    where the corpus and databases go (default: a new folder under /tmp, removed
#                 at the end unless --keep); never inside the repository
# Phases, each bounded by `timeout`: make the corpus; `gwr ingest --no-fts`; `gwr ingest` (with
# the index); gwr_search_bench on the indexed database. An ingest that hits its time limit is
# reported over what it committed (ingest_files), marked "(timed out)". Needs python3, sqlite3.
set -euo pipefail

SIZE_MB=1024
SEARCH_SECONDS=120
BUILD=build
WORK=""
KEEP=0
while [ $# -gt 0 ]; do
  case "$1" in
    --size-mb) SIZE_MB=$2; shift 2 ;;
    --quick) SIZE_MB=20; SEARCH_SECONDS=10; shift ;;
    --build) BUILD=$2; shift 2 ;;
    --work) WORK=$2; shift 2 ;;
    --keep) KEEP=1; shift ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "corpus_bench: unknown option $1" >&2; exit 2 ;;
  esac
done

GWR=$BUILD/src/gwr
SEARCH=$BUILD/bench/gwr_search_bench
for b in "$GWR" "$SEARCH"; do
  [ -x "$b" ] || { echo "corpus_bench: $b not built (ninja -C $BUILD gwr gwr_search_bench)" >&2; exit 3; }
done
if [ -z "$WORK" ]; then
  WORK=$(mktemp -d /tmp/gwr-corpus-bench.XXXXXX)
  [ "$KEEP" = 1 ] || trap 'rm -rf "$WORK"' EXIT
else
  mkdir -p "$WORK"
fi
# Time limits: generous against the ~1 MB/s per core that extraction runs at.
INGEST_LIMIT=$(( SIZE_MB * 4 > 300 ? SIZE_MB * 4 : 300 ))
CORPUS_LIMIT=$(( SIZE_MB > 300 ? SIZE_MB : 300 ))

now() { date +%s.%N; }

echo "corpus_bench: $SIZE_MB MB corpus in $WORK ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
t0=$(now)
timeout "$CORPUS_LIMIT" python3 bench/make_corpus.py --size-mb "$SIZE_MB" --out "$WORK/corpus"
INPUT_BYTES=$(find "$WORK/corpus" -type f -printf '%s\n' | awk '{s += $1} END {print s}')
echo "corpus: $(find "$WORK/corpus" -type f | wc -l) files, $(python3 -c "print(f'{$INPUT_BYTES/1e6:.1f}')") MB of files," \
  "made in $(python3 -c "print(f'{$(now) - $t0:.1f}')") s"

# ingest NAME [--no-fts]: prints one `key=value` line set for the summary.
ingest() {
  local name=$1; shift
  local db=$WORK/$name.db out rc=0
  local t1; t1=$(now)
  out=$(timeout "$INGEST_LIMIT" "$GWR" ingest "$WORK/corpus" --db "$db" "$@" 2>"$WORK/$name.err") || rc=$?
  local secs; secs=$(python3 -c "print($(now) - $t1)")
  if [ $rc -eq 124 ]; then
    echo "corpus_bench: $name ingest hit its ${INGEST_LIMIT} s limit" >&2
  elif [ $rc -ne 0 ]; then
    echo "corpus_bench: $name ingest failed ($rc):" >&2
    tail -5 "$WORK/$name.err" >&2
  fi
  if [ -n "$out" ]; then echo "  $name: $out"; fi
  # What was committed: bytes of the files recorded, reports stored, size of the files on disk.
  local bytes reports dbsize
  bytes=$(sqlite3 "$db" "SELECT coalesce(sum(size),0) FROM ingest_files WHERE status != 'failed'")
  reports=$(sqlite3 "$db" "SELECT count(*) FROM reports")
  dbsize=0
  for f in "$db" "$db-wal" "$db-shm"; do
    if [ -f "$f" ]; then dbsize=$(( dbsize + $(stat -c %s "$f") )); fi
  done
  echo "$name $secs $bytes $reports $dbsize $rc" >>"$WORK/results"
}

: >"$WORK/results"
ingest nofts --no-fts
ingest fts

python3 - "$WORK/results" "$INPUT_BYTES" <<'PY'
import sys
rows = {}
for line in open(sys.argv[1]):
    name, secs, nbytes, reports, dbsize, rc = line.split()
    rows[name] = dict(secs=float(secs), mb=int(nbytes) / 1e6, reports=int(reports), db=int(dbsize) / 1e6, rc=int(rc))
print(f"{'ingest':<8} {'MB':>8} {'reports':>8} {'s':>8} {'MB/s':>7} {'docs/s':>7} {'db MB':>8} {'db MB / MB':>10}")
for name in ("nofts", "fts"):
    r = rows[name]
    r["mbps"] = r["mb"] / r["secs"]
    note = " (timed out)" if r["rc"] == 124 else (f" (exit {r['rc']})" if r["rc"] else "")
    print(f"{name:<8} {r['mb']:8.1f} {r['reports']:8d} {r['secs']:8.1f} {r['mbps']:7.2f} "
          f"{r['reports'] / r['secs']:7.1f} {r['db']:8.1f} {r['db'] / max(r['mb'], 1e-9):10.2f}{note}")
print(f"ratio MB/s with FTS / without: {rows['fts']['mbps'] / rows['nofts']['mbps']:.3f}")
print(f"ratio db size with FTS / without: {rows['fts']['db'] / max(rows['nofts']['db'], 1e-9):.3f}")
PY

echo "search (gwr_search_bench, ${SEARCH_SECONDS} s of timed rounds):"
timeout $(( SEARCH_SECONDS * 3 + 600 )) "$SEARCH" "$WORK/fts.db" --seconds "$SEARCH_SECONDS" | sed 's/^/  /'
