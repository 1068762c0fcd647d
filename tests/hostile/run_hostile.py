#!/usr/bin/env python3
"""Runs gwr on the hostile-input matrix and checks each run (issue 13).

    python3 tests/hostile/run_hostile.py GWR_BIN [--quick] [--max-seconds 10] [--max-rss-mb 1024]

Generates the inputs with make_inputs.py into a temporary folder, then runs every case of its
manifest with a hard timeout, measuring wall time and peak RSS of the gwr process (os.wait4).
A case passes when gwr exited (no signal), with one of the accepted exit codes, within
--max-seconds of CPU time (user + system: fair on a loaded machine; the wall time is printed and
bounded by a hard timeout of 3 × --max-seconds, at least 30 s) and --max-rss-mb of peak RSS
(0 = not checked, as under sanitizers). Prints one row per case
(the figures for docs/reliability.md) and exits 1 if any case failed.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def feed_endless(pipe, line):
    data = (line + "\n").encode() * 256
    try:
        while True:
            pipe.write(data)
    except (BrokenPipeError, OSError, ValueError):
        pass


def run_case(gwr, c, folder, hard_timeout):
    args = [a.replace("{dir}", folder) for a in c["args"]]
    env = dict(os.environ)
    env.update(c.get("env") or {})
    stdin = c.get("stdin")
    stdin_arg = subprocess.DEVNULL
    fed = None
    if stdin and stdin.startswith("file:"):
        fed = open(stdin[5:].replace("{dir}", folder), "rb")
        stdin_arg = fed
    elif stdin and stdin.startswith("yes:"):
        stdin_arg = subprocess.PIPE
    t0 = time.monotonic()
    p = subprocess.Popen([gwr] + args, stdin=stdin_arg, stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, env=env, cwd=folder)
    feeder = None
    if stdin and stdin.startswith("yes:"):
        feeder = threading.Thread(target=feed_endless, args=(p.stdin, stdin[4:]), daemon=True)
        feeder.start()
    err_chunks = []
    reader = threading.Thread(target=lambda: err_chunks.append(p.stderr.read()), daemon=True)
    reader.start()
    killed = False
    timer = threading.Timer(hard_timeout, lambda: p.kill())
    timer.start()
    _, status, usage = os.wait4(p.pid, 0)
    timer.cancel()
    p.returncode = os.waitstatus_to_exitcode(status)
    secs = time.monotonic() - t0
    if p.stdin:
        try:
            p.stdin.close()
        except OSError:
            pass
    reader.join(5)
    if fed:
        fed.close()
    if os.WIFSIGNALED(status):
        killed = secs >= hard_timeout
    err = (err_chunks[0] if err_chunks else b"").decode("utf-8", "replace")
    return {
        "code": os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
        "signal": os.WTERMSIG(status) if os.WIFSIGNALED(status) else 0,
        "timed_out": killed,
        "seconds": secs,
        "cpu": usage.ru_utime + usage.ru_stime,
        "rss_mb": usage.ru_maxrss / 1024.0,
        "stderr": err.strip().splitlines()[-1] if err.strip() else "",
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gwr")
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--max-seconds", type=float, default=10.0)
    ap.add_argument("--max-rss-mb", type=float, default=1024.0)
    ap.add_argument("--only", default="", help="run only cases whose name contains this")
    ap.add_argument("--keep", default="", help="generate into this folder and keep it")
    a = ap.parse_args()
    gwr = os.path.abspath(a.gwr)
    folder = a.keep or tempfile.mkdtemp(prefix="gwr_hostile_")
    try:
        gen = [sys.executable, os.path.join(HERE, "make_inputs.py"), folder]
        if a.quick:
            gen.append("--quick")
        subprocess.run(gen, check=True, stdout=subprocess.DEVNULL)
        with open(os.path.join(folder, "manifest.json")) as f:
            cases = json.load(f)
        hard = max(30.0, 3 * a.max_seconds) if a.max_seconds else 600.0
        failed = 0
        print("%-28s %5s %8s %8s %8s  %s" % ("case", "exit", "wall s", "CPU s", "RSS MB", "result"))
        for c in cases:
            if a.only and a.only not in c["name"]:
                continue
            db = os.path.join(folder, "ingest.db")
            if os.path.exists(db):
                os.unlink(db)
            r = run_case(gwr, c, folder, hard)
            problems = []
            if r["signal"]:
                problems.append("killed by signal %d%s" % (r["signal"],
                                                           " (hard timeout)" if r["timed_out"] else ""))
            elif r["code"] not in c["codes"]:
                problems.append("exit %s, expected %s" % (r["code"], c["codes"]))
            if a.max_seconds and r["cpu"] > a.max_seconds:
                problems.append("%.1f s CPU > %.0f s" % (r["cpu"], a.max_seconds))
            if a.max_rss_mb and r["rss_mb"] > a.max_rss_mb:
                problems.append("RSS %.0f MB > %.0f MB" % (r["rss_mb"], a.max_rss_mb))
            failed += bool(problems)
            print("%-28s %5s %8.2f %8.2f %8.0f  %s" % (c["name"], r["code"], r["seconds"], r["cpu"],
                                                     r["rss_mb"],
                                                "ok" if not problems else "FAIL: " + "; ".join(problems)))
            if problems:
                print("    why: %s\n    stderr: %s" % (c["why"], r["stderr"][:300]))
            sys.stdout.flush()
        print("%d of %d cases failed" % (failed, len(cases)))
        return 1 if failed else 0
    finally:
        if not a.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
