#!/usr/bin/python3
"""gwr speed benchmark: every figure of issue 11 beside its reference, from one run.

    bash bench/speed.sh [--quick] [--size-mb 50] [--build build] [--runs 3] [--work DIR] [--keep]

Run from the repository root with /usr/bin/python3 (bench/speed.sh does both). Reads the shared
corpus (../shared/corpus, GWR_SHARED overrides ../shared) and the dev corpus
(../shared/devcorpus/cities-2024) at run time; writes corpora and databases under /tmp.

Every measure runs --runs times back to back (default 3) and reports the median of wall and of
CPU time (user + system of the process and its children, from wait4). MB = 10^6 bytes.
The full run writes bench/results/<date>-<commit>.json, bench/results/speed.png and the table
between the `speed:` markers of bench/README.md; --quick (5 MB, shorter phases, CI) writes them
to the work folder only. See bench/README.md ("Speed benchmark") for what each row measures.
"""
import argparse
import datetime
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "bench"
PY = "/usr/bin/python3"
NO_HIT = "鸭嘴兽"  # a word no report holds


def log(msg: str) -> None:
    print(f"speed: {msg}", flush=True)


def median(v):
    return statistics.median(v) if v else None


def percentile(sorted_values, p):
    """Nearest-rank percentile of sorted values (as bench/search_bench.cpp)."""
    if not sorted_values:
        return None
    k = -(-p * len(sorted_values) // 100)
    return sorted_values[int(max(1, min(len(sorted_values), k))) - 1]


class Run:
    """One process: wall seconds, CPU seconds (user + sys, children included), exit code."""

    def __init__(self, wall, cpu, rc, out=b""):
        self.wall, self.cpu, self.rc, self.out = wall, cpu, rc, out


def run(cmd, *, env=None, capture=False, timeout=1800) -> Run:
    """Runs cmd to its end (killed after timeout seconds); stdout kept when capture."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, env=env)
    timer = threading.Timer(timeout, p.kill)
    timer.start()
    out = b""
    if capture:
        out = p.stdout.read()
        p.stdout.close()
    _, status, ru = os.wait4(p.pid, 0)
    timer.cancel()
    p.returncode = os.waitstatus_to_exitcode(status)
    return Run(time.perf_counter() - t0, ru.ru_utime + ru.ru_stime, p.returncode, out)


def run_together(cmds) -> Run:
    """Several processes started at once: wall until the last ends, CPU summed."""
    t0 = time.perf_counter()
    procs = [subprocess.Popen(c, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
             for c in cmds]
    cpu, rc = 0.0, 0
    for p in procs:
        _, status, ru = os.wait4(p.pid, 0)
        cpu += ru.ru_utime + ru.ru_stime
        rc = max(rc, os.waitstatus_to_exitcode(status))
    return Run(time.perf_counter() - t0, cpu, rc)


def repeat(n, fn):
    """fn() n times back to back; the medians of wall and CPU and every run."""
    runs = [fn() for _ in range(n)]
    return {"wall_s": median([r.wall for r in runs]), "cpu_s": median([r.cpu for r in runs]),
            "runs_wall_s": [round(r.wall, 4) for r in runs],
            "runs_cpu_s": [round(r.cpu, 4) for r in runs], "rc": max(r.rc for r in runs)}


def uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def file_bytes(files) -> int:
    return sum(os.path.getsize(f) for f in files)


def db_bytes(db: Path) -> int:
    return sum(os.path.getsize(p) for p in (db, Path(f"{db}-wal"), Path(f"{db}-shm")) if p.exists())


def sql_scalar(db: Path, sql: str):
    import sqlite3
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


def git(*args) -> str:
    r = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True)
    return r.stdout.strip()


# --- phases ----------------------------------------------------------------------------------

def make_inputs(a, work: Path, res: dict):
    corpus = work / "corpus"
    t = run([PY, str(BENCH / "make_corpus.py"), "--size-mb", str(a.size_mb), "--out", str(corpus)])
    if t.rc != 0:
        sys.exit("speed: make_corpus.py failed")
    files = sorted(str(p) for p in corpus.rglob("*") if p.is_file())
    res["corpus"] = {"target_mb": a.size_mb, "files": len(files), "mb": file_bytes(files) / 1e6}
    inputs = work / "inputs"
    inputs.mkdir()
    (inputs / "corpus").symlink_to(corpus)
    dev_files = []
    if a.devcorpus.is_dir():
        run([PY, str(BENCH / "make_inputs.py"), "--devcorpus", str(a.devcorpus), "--out",
             str(inputs)])
        dev_files = sorted(str(p) for p in a.devcorpus.glob("*.docx"))
        sys.path.insert(0, str(BENCH))
        from make_inputs import docx_lines
        text = sum(len("\n".join(docx_lines(Path(f))).encode()) for f in dev_files)
        res["devcorpus"] = {"files": len(dev_files), "docx_mb": file_bytes(dev_files) / 1e6,
                            "text_mb": text / 1e6}
    else:
        log(f"no dev corpus at {a.devcorpus}: single-report, dump and dev-corpus rows skipped")
    log(f"corpus {res['corpus']['files']} files, {res['corpus']['mb']:.1f} MB")
    return files, inputs, dev_files


def measure_extract(a, gwr, files, dev_files, work, res):
    m = res["measures"]
    mb = res["corpus"]["mb"]
    listing = work / "files.txt"
    listing.write_text("\n".join(files) + "\n")
    m["cat"] = repeat(a.runs, lambda: run(["cat", *files]))
    m["re_pass"] = repeat(a.runs, lambda: run([PY, str(BENCH / "re_pass.py"), str(listing)]))
    m["extract"] = repeat(a.runs, lambda: run([gwr, "extract", "--format", "jsonl", *files]))
    # Two processes, each on half of the bytes (files dealt largest first to the lighter half).
    halves, sizes = [[], []], [0, 0]
    for f in sorted(files, key=os.path.getsize, reverse=True):
        i = 0 if sizes[0] <= sizes[1] else 1
        halves[i].append(f)
        sizes[i] += os.path.getsize(f)
    m["extract_2proc"] = repeat(a.runs, lambda: run_together(
        [[gwr, "extract", "--format", "jsonl", *h] for h in halves]))
    for k in ("cat", "re_pass", "extract", "extract_2proc"):
        m[k]["mb"] = mb
    if dev_files:
        m["extract_dev"] = repeat(a.runs, lambda: run([gwr, "extract", "--format", "jsonl",
                                                       *dev_files]))
        m["extract_dev"]["mb"] = res["devcorpus"]["text_mb"]
    log(f"extract {mb / m['extract']['cpu_s']:.2f} MB/s CPU, cat {mb / m['cat']['cpu_s']:.0f}")


def measure_in_process(a, bench_bin, inputs, work, res):
    out = work / "gwr_bench.json"
    env = dict(os.environ, GWR_BENCH_INPUTS=str(inputs))
    flt = "^Input/(Decode/corpus|Extract/(single|dump)_.*)$"
    r = run([bench_bin, f"--benchmark_filter={flt}", f"--benchmark_repetitions={a.runs}",
             f"--benchmark_min_time={a.min_time}", f"--benchmark_out={out}",
             "--benchmark_out_format=json"], env=env)
    if r.rc != 0 or not out.exists():
        log("gwr_bench failed; in-process rows skipped")
        return
    per = {}
    for b in json.loads(out.read_text())["benchmarks"]:
        if b.get("run_type") != "iteration" or b.get("error_occurred"):
            continue
        scale = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}[b.get("time_unit", "ns")]
        e = per.setdefault(b["run_name"], {"cpu": [], "wall": [], "mb": b.get("MB"),
                                           "reports": b.get("reports")})
        e["cpu"].append(b["cpu_time"] * scale)
        e["wall"].append(b["real_time"] * scale)
    for name, e in per.items():
        key = "inproc_" + name.split("/", 1)[1].replace("/", "_").replace(".txt", "")
        res["measures"][key] = {"wall_s": median(e["wall"]), "cpu_s": median(e["cpu"]),
                                "runs_cpu_s": e["cpu"], "mb": e["mb"], "reports": e["reports"]}


def ingest(gwr, corpus, db: Path, extra=()) -> Run:
    for p in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        if p.exists():
            p.unlink()
    return run([gwr, "ingest", str(corpus), "--db", str(db), *extra])


def measure_ingest(a, gwr, work, res):
    m = res["measures"]
    corpus, db = work / "corpus", work / "gwr.db"
    m["ingest"] = repeat(a.runs, lambda: ingest(gwr, corpus, db))
    m["ingest"]["mb"] = res["corpus"]["mb"]
    m["ingest"]["db_mb"] = db_bytes(db) / 1e6
    m["ingest"]["reports"] = sql_scalar(db, "SELECT count(*) FROM reports")
    m["ingest"]["paragraphs"] = sql_scalar(db, "SELECT count(*) FROM paragraphs")
    m["ingest"]["text_mb"] = sql_scalar(
        db, "SELECT sum(length(CAST(text_simplified AS BLOB))) FROM paragraph_analysis_text") / 1e6
    paras = work / "paras.jsonl"
    run([PY, str(BENCH / "bigram_ref.py"), "export", "--gwr-db", str(db), "--out", str(paras)])
    bdb = work / "bigram.db"

    def bigram():
        if bdb.exists():
            bdb.unlink()
        return run([PY, str(BENCH / "bigram_ref.py"), "build", "--paragraphs", str(paras),
                    "--db", str(bdb)])
    m["bigram_ingest"] = repeat(a.runs, bigram)
    m["bigram_ingest"]["mb"] = res["corpus"]["mb"]
    m["bigram_ingest"]["db_mb"] = db_bytes(bdb) / 1e6
    log(f"ingest {m['ingest']['mb'] / m['ingest']['wall_s']:.2f} MB/s, "
        f"bigram {m['bigram_ingest']['mb'] / m['bigram_ingest']['wall_s']:.2f} MB/s")
    return db, bdb


def measure_dev_ingest(a, gwr, work, res):
    """The dev corpus stored once by each (one run each: sizes, not speed)."""
    db = work / "dev.db"
    r = ingest(gwr, a.devcorpus, db)
    paras = work / "dev_paras.jsonl"
    run([PY, str(BENCH / "bigram_ref.py"), "export", "--gwr-db", str(db), "--out", str(paras)])
    bdb = work / "dev_bigram.db"
    b = run([PY, str(BENCH / "bigram_ref.py"), "build", "--paragraphs", str(paras), "--db",
             str(bdb)])
    res["measures"]["dev_store"] = {
        "mb": res["devcorpus"]["text_mb"], "wall_s": r.wall, "cpu_s": r.cpu, "rc": r.rc,
        "db_mb": db_bytes(db) / 1e6, "bigram_wall_s": b.wall, "bigram_db_mb": db_bytes(bdb) / 1e6,
        "reports": sql_scalar(db, "SELECT count(*) FROM reports")}


def load_queries():
    out = []
    for line in (BENCH / "speed_queries.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            kind, q = line.split("\t")
            out.append((kind, q))
    return out


def bigram_sql(q: str) -> str:
    sys.path.insert(0, str(BENCH))
    import bigram_ref
    return bigram_ref.query_sql(bigram_ref.match_expr(q))


def measure_search(a, gwr, db, bdb, res):
    m = res["measures"]
    queries = load_queries()
    gwr_cmd = lambda q, fmt="table": [gwr, "search", q, "--db", str(db), "--limit", "20",
                                      "--format", fmt]
    cli_cmd = lambda q: ["sqlite3", "-readonly", str(bdb), bigram_sql(q)]
    hits = {}
    for kind, q in queries:  # warm-up pass; hit counts (at most 20 each)
        g = run(gwr_cmd(q, "csv"), capture=True, timeout=120)
        s = run(cli_cmd(q), capture=True, timeout=120)
        hits[q] = {"gwr": max(0, g.out.count(b"\n") - 1), "sqlite3": s.out.count(b"\n")}
    engines = {"gwr": lambda q: gwr_cmd(q), "sqlite3": cli_cmd}
    for name, cmd in engines.items():
        rounds = []
        for _ in range(a.runs):
            rounds.append({q: run(cmd(q)) for _, q in queries})
        common = [q for k, q in queries if k == "common"]
        rest = [q for k, q in queries if k != "common"]
        p50 = median([percentile(sorted(r[q].wall for q in rest), 50) * 1000 for r in rounds])
        p99 = median([percentile(sorted(r[q].wall for q in rest), 99) * 1000 for r in rounds])
        m[f"search_{name}"] = {
            "p50_ms": p50, "p99_ms": p99, "queries": len(rest),
            "common_ms": median([r[common[0]].wall * 1000 for r in rounds]) if common else None,
            "cpu_p50_ms": median([percentile(sorted(r[q].cpu for q in rest), 50) * 1000
                                  for r in rounds]),
            "per_query_ms": {q: round(median([r[q].wall for r in rounds]) * 1000, 2)
                             for _, q in queries}}
        nohit = repeat(a.runs, lambda: run(cmd(NO_HIT)))
        m[f"nohit_{name}"] = {"cpu_ms": nohit["cpu_s"] * 1000, "wall_ms": nohit["wall_s"] * 1000,
                              "runs_cpu_s": nohit["runs_cpu_s"]}
    m["search_gwr"]["hits"] = hits
    log(f"search p99 {m['search_gwr']['p99_ms']:.1f} ms, sqlite3 CLI "
        f"{m['search_sqlite3']['p99_ms']:.1f} ms")


def keyvals(text: str) -> dict:
    out = {}
    for line in text.splitlines():
        k, eq, v = line.partition("=")
        if eq and re.fullmatch(r"[a-z0-9_]+", k):
            try:
                out[k] = float(v)
            except ValueError:
                pass
    return out


def measure_in_process_search(a, search_bin, db, bdb, res):
    m = res["measures"]
    for name, cmd in (("inproc_search_gwr", [search_bin, str(db), "--seconds", str(a.search_s)]),
                      ("inproc_search_bigram", [PY, str(BENCH / "bigram_ref.py"), "search",
                                                "--db", str(bdb), "--seconds", str(a.search_s)])):
        runs = [keyvals(run(cmd, capture=True, timeout=a.search_s * 5 + 600).out.decode())
                for _ in range(a.runs)]
        keys = sorted({k for r in runs for k in r if k.endswith("_ms")})
        m[name] = {k: median([r[k] for r in runs if k in r]) for k in keys}
    log(f"in process words p50 {m['inproc_search_gwr'].get('word_p50_ms')} ms, bigram "
        f"{m['inproc_search_bigram'].get('word_p50_ms')} ms")


def start_server(cmd, pattern):
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    deadline = time.time() + 30
    while time.time() < deadline:
        line = p.stdout.readline()
        m = re.search(pattern, line or "")
        if m:
            return p, m.group(0)
        if p.poll() is not None:
            break
    p.kill()
    p.wait()
    return None, None


def stop(p):
    if p and p.poll() is None:
        p.send_signal(signal.SIGTERM)
        try:
            p.wait(timeout=10)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()


def serve_pair(a, gwr, db, key, rid, res):
    """`gwr serve` and the Python reference on one database and one /api/reports/<id> URL."""
    m = res["measures"]
    servers = {
        "gwr": [gwr, "serve", "--db", str(db), "--port", "0"],
        "python": [PY, str(BENCH / "ref_server.py"), "--db", str(db)],
    }
    for name, cmd in servers.items():
        p, base = start_server(cmd, r"http://127\.0\.0\.1:\d+")
        if not p:
            log(f"{name} server did not start; serve rows skipped")
            continue
        try:
            if rid is None:  # as bench/serve_load.sh picks it
                with urllib.request.urlopen(base + "/api/reports?q=%E7%BB%8D%E5%85%B4&year=2024",
                                            timeout=30) as r:
                    rid = json.loads(r.read())["items"][0]["id"]
            path = f"/api/reports/{rid}"
            with urllib.request.urlopen(base + path, timeout=30) as r:
                payload = len(r.read())
            runs = []
            for _ in range(a.runs):
                out = run(["node", str(BENCH / "serve_load.mjs"), base, path, str(a.serve_s), "8"],
                          capture=True, timeout=a.serve_s + 60).out.decode()
                kv = dict(x.split("=", 1) for x in out.strip().split("\t")[1:] if "=" in x)
                runs.append({k: float(v) for k, v in kv.items()})
            m[f"{key}_{name}"] = {"path": path, "payload_bytes": payload,
                                  "req_s": median([r["req/s"] for r in runs]),
                                  "p50_ms": median([r["p50_ms"] for r in runs]),
                                  "p99_ms": median([r["p99_ms"] for r in runs]),
                                  "errors": sum(r["errors"] for r in runs),
                                  "runs_req_s": [r["req/s"] for r in runs]}
        finally:
            stop(p)
    if f"{key}_gwr" in m and f"{key}_python" in m:
        log(f"{key}: {m[f'{key}_gwr']['req_s']:.0f} req/s, python "
            f"{m[f'{key}_python']['req_s']:.0f}")


def measure_serve(a, gwr, db, work, res):
    # The database and report of bench/serve_load.sh (examples/ and the server test fixture).
    small = work / "serve.db"
    run([gwr, "ingest", "examples", "tests/server/fixtures", "--db", str(small)])
    serve_pair(a, gwr, small, "serve", None, res)
    if not a.quick:  # and a full-length report of the generated corpus
        rid = sql_scalar(db, "SELECT min(report_id) FROM reports WHERE source LIKE "
                             "'%/c00000/corpus_000_%'")
        if rid:
            serve_pair(a, gwr, db, "serve_long", rid, res)


# --- the table -------------------------------------------------------------------------------

def rows_of(res) -> list:
    """One row per figure: gwr, its reference, the ratio, and the issue-11 threshold if any."""
    m, rows = res["measures"], []
    size = f"{res['corpus']['mb']:.0f} MB"

    def add(measure, unit, gwr, ref_name, ref, accept=None, ok=None, higher=True):
        ratio = (gwr / ref) if (gwr is not None and ref) else None
        rows.append({"measure": measure, "unit": unit, "gwr": gwr, "reference": ref_name,
                     "ref": ref, "ratio": ratio, "acceptance": accept or "",
                     "pass": None if ok is None or gwr is None else bool(ok(gwr, ratio)),
                     "higher_is_better": higher})

    def rate(k, t="cpu_s"):
        e = m.get(k)
        return e["mb"] / e[t] if e and e.get(t) else None

    ex = rate("extract")
    add(f"`gwr extract`, CPU MB/s per core ({size} generated)", "MB/s", ex, "`cat`", rate("cat"),
        "≥ 20 MB/s", lambda g, r: g >= 20)
    add("`gwr extract` (same figure)", "MB/s", ex, "Python `re` number+unit pass", rate("re_pass"))
    add("`gwr extract` (same figure)", "MB/s", ex, "gwr decode+normalize (in process)",
        rate("inproc_Decode_corpus"))
    add("`gwr extract`, 2 processes vs 1 (wall MB/s)", "MB/s", rate("extract_2proc", "wall_s"),
        "1 process", rate("extract", "wall_s"), "≥ 1.8× (idle machine)", lambda g, r: r >= 1.8)
    add(f"`gwr extract`, dev corpus ({res.get('devcorpus', {}).get('files', 0)} .docx), "
        "CPU MB/s of text", "MB/s", rate("extract_dev"), f"`gwr extract` on the {size} corpus", ex)
    base = rate("inproc_Extract_single_30k")
    for k, label in (("single_30k", "single report 30 KB"), ("single_300k", "single report 300 KB"),
                     ("single_3m", "single report 3 MB")):
        add(f"in-process extract, {label}", "MB/s", rate("inproc_Extract_" + k),
            "single report 30 KB", base,
            "≥ 0.8×" if k == "single_3m" else None,
            (lambda g, r: r >= 0.8) if k == "single_3m" else None)
    base = rate("inproc_Extract_dump_1")
    for n in (1, 10, 100):
        e = m.get(f"inproc_Extract_dump_{n}", {})
        add(f"in-process extract, dump of {n} ({e.get('reports', 0) or 0:.0f} found)", "MB/s",
            rate(f"inproc_Extract_dump_{n}"), "dump of 1", base)
    add(f"`gwr ingest` with the index, MB/s ({size})", "MB/s", rate("ingest", "wall_s"),
        "bigram reference (Python, FTS5)", rate("bigram_ingest", "wall_s"), "≥ 1.2×",
        lambda g, r: r >= 1.2)
    ing, big = m.get("ingest", {}), m.get("bigram_ingest", {})
    if ing and big:
        add("database MB per MB of input", "MB/MB", ing["db_mb"] / ing["mb"], "bigram reference",
            big["db_mb"] / big["mb"], "≤ 3.0", lambda g, r: g <= 3.0, higher=False)
    dev = m.get("dev_store")
    if dev:
        add("dev corpus stored once: database MB per MB of text", "MB/MB",
            dev["db_mb"] / dev["mb"], "bigram reference", dev["bigram_db_mb"] / dev["mb"],
            higher=False)
    sg, sc = m.get("search_gwr", {}), m.get("search_sqlite3", {})
    nq = sg.get("queries", 0)
    add(f"`gwr search` end to end p50 ({nq} queries)", "ms", sg.get("p50_ms"),
        "sqlite3 CLI, bigram db", sc.get("p50_ms"), higher=False)
    add(f"`gwr search` end to end p99 ({nq} queries)", "ms", sg.get("p99_ms"),
        "sqlite3 CLI, bigram db", sc.get("p99_ms"), f"≤ 1.5× (at 100 MB; here {size})",
        lambda g, r: r <= 1.5, higher=False)
    add("`gwr search` end to end, very common word (发展)", "ms", sg.get("common_ms"),
        "sqlite3 CLI, bigram db", sc.get("common_ms"), higher=False)
    ig, ib = m.get("inproc_search_gwr", {}), m.get("inproc_search_bigram", {})
    for kind, label in (("word", "words"), ("phrase", "phrases"), ("common", "very common word")):
        for p, limit in (("p50", 20), ("p99", 100)):
            accept = f"≤ {limit} ms (at 1 GB; here {size})" if kind == "word" else None
            add(f"in-process search, {label} {p}", "ms", ig.get(f"{kind}_{p}_ms"),
                "bigram FTS5 in Python", ib.get(f"{kind}_{p}_ms"), accept,
                (lambda g, r, lim=limit: g <= lim) if accept else None, higher=False)
    for p, limit in (("p50", 20), ("p99", 100)):
        add(f"in-process search, all 56 queries {p}", "ms", ig.get(f"{p}_ms"), "—", None,
            f"≤ {limit} ms (at 1 GB; here {size})", lambda g, r, lim=limit: g <= lim,
            higher=False)
    add("no-hit search, CPU", "ms", m.get("nohit_gwr", {}).get("cpu_ms"), "sqlite3 CLI",
        m.get("nohit_sqlite3", {}).get("cpu_ms"), "≤ 15 ms", lambda g, r: g <= 15, higher=False)
    sv = m.get("serve_gwr", {})
    add(f"`/api/reports/:id`, req/s (serve_load.sh's report, {sv.get('payload_bytes', 0) / 1e3:.0f}"
        " KB of JSON)", "req/s", sv.get("req_s"), "plain Python server, same rows",
        m.get("serve_python", {}).get("req_s"), "≥ 1,000", lambda g, r: g >= 1000)
    sl = m.get("serve_long_gwr", {})
    if sl:
        add(f"`/api/reports/:id`, req/s (a full report of the corpus, "
            f"{sl.get('payload_bytes', 0) / 1e3:.0f} KB of JSON)", "req/s", sl.get("req_s"),
            "plain Python server, same rows", m.get("serve_long_python", {}).get("req_s"))
    return rows


def fmt(v, unit=""):
    if v is None:
        return "—"
    if unit == "ratio":
        return f"{v:.2f}×"
    if abs(v) >= 100:
        return f"{v:,.0f}"
    if abs(v) >= 10:
        return f"{v:.1f}"
    return f"{v:.2f}"


def table(res) -> str:
    lines = ["| measure | gwr | reference | reference value | ratio gwr / ref | acceptance | pass |",
             "|---|---|---|---|---|---|---|"]
    for r in res["rows"]:
        ok = "" if r["pass"] is None else ("pass" if r["pass"] else "**fail**")
        unit = f" {r['unit']}" if r["gwr"] is not None else ""
        ref_unit = f" {r['unit']}" if r["ref"] is not None else ""
        lines.append(f"| {r['measure']} | {fmt(r['gwr'])}{unit} | {r['reference']} | "
                     f"{fmt(r['ref'])}{ref_unit} | {fmt(r['ratio'], 'ratio')} | {r['acceptance']} "
                     f"| {ok} |")
    return "\n".join(lines)


def chart(res, png: Path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    m = res["measures"]

    def rate(k, t="cpu_s"):
        e = m.get(k)
        return e["mb"] / e[t] if e and e.get(t) else 0

    fig, axes = plt.subplots(1, 3, figsize=(15, 4.8))
    stages = [("cat", rate("cat")), ("Python re pass", rate("re_pass")),
              ("decode+normalize", rate("inproc_Decode_corpus")),
              ("gwr extract (CPU)", rate("extract")),
              ("gwr ingest (wall)", rate("ingest", "wall_s")),
              ("bigram FTS5 ingest (wall)", rate("bigram_ingest", "wall_s"))]
    ax = axes[0]
    colors = ["#888", "#888", "#1f77b4", "#1f77b4", "#1f77b4", "#888"]  # gwr blue, references grey
    ax.barh([s for s, _ in stages][::-1], [v for _, v in stages][::-1], color=colors[::-1])
    ax.bar_label(ax.containers[0], fmt="%.1f", fontsize=8)
    ax.set_xscale("log")
    ax.set_xlabel("MB/s (log)")
    ax.set_title(f"Throughput per stage ({res['corpus']['mb']:.0f} MB corpus)")
    sizes = [("30 KB", "single_30k"), ("300 KB", "single_300k"), ("3 MB", "single_3m"),
             ("dump 1", "dump_1"), ("dump 10", "dump_10"), ("dump 100", "dump_100")]
    ax = axes[1]
    ax.bar([s for s, _ in sizes], [rate("inproc_Extract_" + k) for _, k in sizes],
           color=["#1f77b4"] * 3 + ["#2ca02c"] * 3)
    ax.bar_label(ax.containers[0], fmt="%.2f", fontsize=8)
    ax.tick_params(axis="x", labelsize=8)
    ax.set_ylabel("MB/s (CPU, in process)")
    ax.set_title("gwr extract per input size")
    ax = axes[2]
    sg, sc = m.get("search_gwr", {}), m.get("search_sqlite3", {})
    ig, ib = m.get("inproc_search_gwr", {}), m.get("inproc_search_bigram", {})
    labels = ["e2e p50", "e2e p99", "in-proc words p50", "in-proc words p99"]
    gv = [sg.get("p50_ms"), sg.get("p99_ms"), ig.get("word_p50_ms"), ig.get("word_p99_ms")]
    rv = [sc.get("p50_ms"), sc.get("p99_ms"), ib.get("word_p50_ms"), ib.get("word_p99_ms")]
    xs = range(len(labels))
    ax.bar([x - 0.2 for x in xs], [v or 0 for v in gv], 0.4, label="gwr", color="#1f77b4")
    ax.bar([x + 0.2 for x in xs], [v or 0 for v in rv], 0.4, label="bigram FTS5 reference",
           color="#888")
    for c in ax.containers:
        ax.bar_label(c, fmt="%.1f", fontsize=8)
    ax.set_xticks(list(xs), labels, rotation=15, fontsize=8)
    ax.set_ylabel("ms")
    ax.set_title("Search latency")
    ax.legend()
    fig.suptitle(f"gwr speed, {res['date']} {res['commit']} (medians of {res['runs']} runs; "
                 f"load before {res['load']['before_1min']})", fontsize=10)
    fig.tight_layout()
    fig.savefig(png, dpi=90)
    plt.close(fig)


def update_readme(res, readme: Path, json_name: str):
    text = readme.read_text(encoding="utf-8")
    begin, end = "<!-- speed:begin -->", "<!-- speed:end -->"
    body = (f"{begin}\n"
            f"Run {res['date']} at commit {res['commit']} ({res['mode']}, medians of {res['runs']} "
            f"runs, {res['machine']['nproc']} cores, {res['corpus']['mb']:.1f} MB generated "
            f"corpus, {res['measures'].get('ingest', {}).get('reports', '?')} reports). "
            f"Load: before `{res['load']['before']}`; after `{res['load']['after']}`. "
            f"Raw figures: [results/{json_name}](results/{json_name})."
            + (f" Note: {res['note']}" if res.get("note") else "") + "\n\n"
            f"{table(res)}\n\n![throughput and latency](results/speed.png)\n{end}")
    if begin in text and end in text:
        text = text[:text.index(begin)] + body + text[text.index(end) + len(end):]
    else:
        text = text.rstrip("\n") + "\n\n" + body + "\n"
    readme.write_text(text, encoding="utf-8")


def render(path: Path, note: str) -> int:
    """The table, README section and chart again from a results file (after a format change)."""
    res = json.loads(path.read_text(encoding="utf-8"))
    if note:
        res["note"] = note
    res["rows"] = rows_of(res)
    path.write_text(json.dumps(res, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    chart(res, path.parent / "speed.png")
    update_readme(res, BENCH / "README.md", path.name)
    print(table(res))
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="5 MB, short phases; writes to --work only")
    ap.add_argument("--size-mb", type=float, default=None, help="generated corpus MB (default 50)")
    ap.add_argument("--build", default="build")
    ap.add_argument("--runs", type=int, default=None, help="runs per measure (3; --quick: 1)")
    ap.add_argument("--work", default=None, help="work folder (default: new under /tmp)")
    ap.add_argument("--keep", action="store_true", help="keep the work folder")
    ap.add_argument("--note", default="", help="a remark kept with the results (e.g. the load)")
    ap.add_argument("--render", metavar="JSON", help="only rebuild the table, README and PNG "
                    "from a results file of bench/results (nothing is measured)")
    a = ap.parse_args()
    if a.render:
        return render(Path(a.render), a.note)
    a.size_mb = a.size_mb or (5 if a.quick else 50)
    a.runs = a.runs or (1 if a.quick else 3)
    a.min_time = 0.05 if a.quick else 0.5
    a.search_s = 1 if a.quick else 10
    a.serve_s = 2 if a.quick else 8
    shared = Path(os.environ.get("GWR_SHARED") or REPO.parent / "shared")
    a.devcorpus = shared / "devcorpus" / "cities-2024"
    build = Path(a.build)
    if not build.is_absolute():
        build = REPO / build
    gwr, bench_bin, search_bin = (str(build / "src/gwr"), str(build / "bench/gwr_bench"),
                                  str(build / "bench/gwr_search_bench"))
    for b in (gwr, bench_bin, search_bin):
        if not os.access(b, os.X_OK):
            print(f"speed: {b} not built (cmake --build {a.build})", file=sys.stderr)
            return 3
    for tool in ("sqlite3", "node", "cat", "uptime"):
        if not shutil.which(tool):
            print(f"speed: {tool} not found (bash scripts/setup.sh)", file=sys.stderr)
            return 3
    # A `timeout` (CI) sends SIGTERM: leave through the finally blocks, which stop the servers.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(124))
    work = Path(a.work) if a.work else Path(tempfile.mkdtemp(prefix="gwr-speed."))
    work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    res = {"date": datetime.date.today().isoformat(), "commit": commit,
           "dirty": bool(git("status", "--porcelain", "--untracked-files=no")),
           "mode": "quick" if a.quick else "full", "runs": a.runs,
           "machine": {"nproc": os.cpu_count(), "cpu": next(
               (line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo")
                if line.startswith("model name")), "?")},
           "note": a.note, "load": {"before": uptime(), "before_1min": open("/proc/loadavg").read().split()[0]},
           "measures": {}}
    log(f"{res['mode']} run in {work}; {res['load']['before']}")
    try:
        os.chdir(REPO)  # make_corpus.py and gwr_bench find ../shared from here
        phases = res["phase_s"] = {}

        def phase(name, fn, *args):
            t0 = time.perf_counter()
            out = fn(*args)
            phases[name] = round(time.perf_counter() - t0, 1)
            return out

        files, inputs, dev_files = phase("inputs", make_inputs, a, work, res)
        phase("extract", measure_extract, a, gwr, files, dev_files, work, res)
        phase("extract_in_process", measure_in_process, a, bench_bin, inputs, work, res)
        db, bdb = phase("ingest", measure_ingest, a, gwr, work, res)
        if dev_files:
            phase("dev_store", measure_dev_ingest, a, gwr, work, res)
        phase("search", measure_search, a, gwr, db, bdb, res)
        phase("search_in_process", measure_in_process_search, a, search_bin, db, bdb, res)
        phase("serve", measure_serve, a, gwr, db, work, res)
        res["load"]["after"] = uptime()
        res["seconds"] = round(time.perf_counter() - started, 1)
        res["rows"] = rows_of(res)
        out_dir = work if a.quick else BENCH / "results"
        out_dir.mkdir(exist_ok=True)
        name = f"{res['date']}-{commit}.json"
        (out_dir / name).write_text(json.dumps(res, ensure_ascii=False, indent=1) + "\n",
                                    encoding="utf-8")
        try:
            chart(res, out_dir / "speed.png")
        except ImportError as e:  # the figures matter more than the picture
            log(f"no chart ({e}; apt-get install python3-matplotlib)")
        if not a.quick:
            update_readme(res, BENCH / "README.md", name)
        print(table(res))
        log(f"done in {res['seconds']} s; {out_dir / name}; load after: {res['load']['after']}")
    finally:
        if not a.keep and not a.work:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
