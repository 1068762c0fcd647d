#!/usr/bin/python3
"""Scale-out extraction on Dask: gwr's --stdin-jsonl map mode over a partitioned corpus.

    /usr/bin/python3 tools/dask_extract.py CORPUS... --out shards/ [--gwr build/src/gwr]
        [--partitions N] [--workers 2] [--scheduler tcp://host:8786] [--write-inputs]
    gwr ingest --from-jsonl shards/part-*.jsonl --db corpus.db

Lists the report files under CORPUS as `gwr ingest CORPUS` does (folders searched recursively for
.txt .htm .html .pdf .docx, any case; files named are taken as given), cuts the sorted list into
contiguous partitions of about equal bytes, and runs one Dask task per partition: the task reads
its files, feeds them to `gwr extract --stdin-jsonl` as {"id", "name", "base64"} lines (raw bytes,
so every format and encoding arrives as on disk; "name" is the path as `gwr ingest` would record
it) and writes the result lines to OUT/part-NNNNN.jsonl (first to a .tmp file, renamed when the
task succeeded, so a failed task leaves no shard). `gwr ingest --from-jsonl` then builds the
database from the shards without extracting again; it equals a direct `gwr ingest CORPUS`.

With --write-inputs it only writes the input lines of each partition to OUT/input-NNNNN.jsonl, for
Hadoop Streaming or Spark (docs/cli.md, "Scale-out"), and runs nothing.

Without --scheduler the work runs on a distributed.LocalCluster of --workers processes with one
thread each; with it, on that cluster (its workers must see CORPUS, OUT and --gwr at the same
paths). Debian: apt install python3-distributed, and run with /usr/bin/python3. Shards left in
OUT by an earlier run (part-*.jsonl) are removed first. Exit 0 when every partition was written;
1 when a task failed (its error is printed: gwr could not start, a file could not be read);
2 on a bad command line.
"""
import argparse
import base64
import glob
import json
import os
import subprocess
import sys
import tempfile
import time

EXTENSIONS = {".txt", ".htm", ".html", ".pdf", ".docx"}


def list_inputs(paths):
    """The files `gwr ingest PATH...` reads, in its order: folders walked and sorted by bytes."""
    out = []
    for p in paths:
        if os.path.isdir(p):
            found = []
            for d, dirs, files in os.walk(p):
                dirs.sort()
                for f in files:
                    full = os.path.join(d, f)
                    if os.path.splitext(f)[1].lower() in EXTENSIONS and os.path.isfile(full):
                        found.append(full)
            out.extend(sorted(found, key=os.fsencode))
        else:
            out.append(p)
    return out


def partition(files, n):
    """`n` contiguous runs of `files` of about equal total size (none empty)."""
    n = max(1, min(n, len(files)))
    sizes = [max(1, os.path.getsize(f)) if os.path.exists(f) else 1 for f in files]
    total = sum(sizes)
    parts, cur, acc = [], [], 0
    for i, (f, s) in enumerate(zip(files, sizes)):
        cur.append(f)
        acc += s
        left_files, left_parts = len(files) - i - 1, n - len(parts) - 1
        if left_parts > 0 and (acc >= total * (len(parts) + 1) / n or left_files == left_parts):
            parts.append(cur)
            cur = []
    if cur:
        parts.append(cur)
    return parts


def write_input_lines(files, out):
    """The --stdin-jsonl input of FILES: {"id", "name", "base64"} lines, written to `out`."""
    for f in files:
        with open(f, "rb") as fh:  # an unreadable file fails its partition
            data = fh.read()
        line = {"id": f, "name": f, "base64": base64.b64encode(data).decode("ascii")}
        out.write(json.dumps(line).encode("ascii") + b"\n")


def run_partition(index, files, gwr, out_dir):
    """One map task: FILES through `gwr extract --stdin-jsonl` into OUT/part-INDEX.jsonl."""
    start = time.monotonic()
    shard = os.path.join(out_dir, "part-%05d.jsonl" % index)
    with tempfile.TemporaryFile() as feed:
        write_input_lines(files, feed)
        feed.seek(0)
        with open(shard + ".tmp", "wb") as out:
            p = subprocess.run([gwr, "extract", "--stdin-jsonl"], stdin=feed, stdout=out,
                               stderr=subprocess.PIPE)
    if p.returncode != 0:
        os.unlink(shard + ".tmp")
        raise RuntimeError("partition %d: gwr exited %d: %s" %
                           (index, p.returncode, p.stderr.decode("utf-8", "replace").strip()))
    with open(shard + ".tmp", "rb") as fh:
        lines = sum(1 for _ in fh)
    if lines != len(files):
        os.unlink(shard + ".tmp")
        raise RuntimeError("partition %d: %d result lines for %d files" % (index, lines, len(files)))
    os.replace(shard + ".tmp", shard)
    return {"partition": index, "files": len(files), "shard": shard,
            "bytes": os.path.getsize(shard), "seconds": round(time.monotonic() - start, 3)}


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", nargs="+", help="report files or folders")
    ap.add_argument("--out", required=True, help="folder for the shards (created)")
    ap.add_argument("--gwr", default="gwr", help="the gwr binary (default: gwr on PATH)")
    ap.add_argument("--partitions", type=int, default=0,
                    help="number of partitions (default: 4 per worker)")
    ap.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes")
    ap.add_argument("--scheduler", help="address of a running Dask scheduler instead")
    ap.add_argument("--quiet", action="store_true", help="no per-partition lines on stderr")
    ap.add_argument("--write-inputs", action="store_true",
                    help="only write each partition's input lines to OUT/input-NNNNN.jsonl "
                         "(for Hadoop Streaming or Spark) and stop; no Dask")
    a = ap.parse_args(argv)
    if a.workers < 1 or a.partitions < 0:
        ap.error("--workers must be 1 or more, --partitions 0 or more")

    gwr = a.gwr
    if os.sep in gwr:
        gwr = os.path.abspath(gwr)
    out_dir = os.path.abspath(a.out)
    os.makedirs(out_dir, exist_ok=True)
    for old in glob.glob(os.path.join(out_dir, "part-*.jsonl")):
        os.unlink(old)

    missing = [f for f in a.corpus if not os.path.exists(f)]
    if missing:
        print("dask_extract: no such file or folder: %s" % ", ".join(missing), file=sys.stderr)
        return 2
    files = list_inputs(a.corpus)
    parts = partition(files, a.partitions or 4 * a.workers)
    if a.write_inputs:
        for old in glob.glob(os.path.join(out_dir, "input-*.jsonl")):
            os.unlink(old)
        for i, p in enumerate(parts):
            with open(os.path.join(out_dir, "input-%05d.jsonl" % i), "wb") as out:
                write_input_lines(p, out)
        print("dask_extract: %d files in %d input files under %s" % (len(files), len(parts), out_dir),
              file=sys.stderr)
        return 0

    from dask.distributed import Client, LocalCluster  # imported late: --help works without it

    start = time.monotonic()
    cluster = None
    if a.scheduler:
        client = Client(a.scheduler)
    else:
        cluster = LocalCluster(n_workers=a.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        futures = client.map(run_partition, range(len(parts)), parts,
                             gwr=gwr, out_dir=out_dir, pure=False)
        failed = 0
        for f in futures:
            try:
                r = f.result()
                if not a.quiet:
                    print("dask_extract: partition %(partition)d: %(files)d files -> %(shard)s "
                          "(%(bytes)d bytes, %(seconds).1f s)" % r, file=sys.stderr)
            except Exception as e:  # noqa: BLE001 — every task failure is reported, then exit 1
                failed += 1
                print("dask_extract: error: %s" % e, file=sys.stderr)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    print("dask_extract: %d files in %d partitions, %d failed, %.1f s" %
          (len(files), len(parts), failed, time.monotonic() - start), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
