#!/usr/bin/python3
"""The reference web server of the speed benchmark: /api/reports/<id> in plain Python.

    /usr/bin/python3 bench/ref_server.py --db corpus.db [--port 0]

Answers GET /api/reports/<id> from a gwr corpus database with the rows `gwr serve` reads for the
same request (src/server/api_corpus.cpp and reader.cpp: the report's row, its sections,
paragraphs, quantities, facts, targets, livelihood items, glossary, warnings and slogans), as
one JSON object of row lists, without gwr's reshaping (section tree, paragraph parts). The
standard library only: http.server's ThreadingHTTPServer speaking HTTP/1.1 (keep-alive), one
read-only SQLite connection per thread. Loopback only. Prints `http://127.0.0.1:PORT` when ready.
"""
import argparse
import json
import re
import sqlite3
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

REPORT = ("SELECT r.report_id AS id, r.region, r.region_code, r.level, r.province, r.parent, "
          "r.delivered, r.session, r.speaker, r.speaker_title, r.acting, r.review_year, "
          "r.plan_year, r.partial, r.gdp_target, r.char_count AS chars, r.source, r.format, "
          "r.encoding, r.traditional, r.published, r.targets_sentence, r.body_start, r.body_end "
          "FROM reports r WHERE r.report_id = ?1")
PARTS = {
    "sections": "SELECT ord, title, level, type, appended, start_byte AS start, end_byte AS end "
                "FROM sections WHERE report_id = ?1 ORDER BY ord",
    "paragraphs": "SELECT paragraph_id AS id, ord, section_type, section_title, text, "
                  "start_byte AS start, end_byte AS end FROM paragraphs WHERE report_id = ?1 "
                  "ORDER BY ord",
    "quantities": "SELECT value, value_hi, unit, kind, comparator, text, start_byte AS start, "
                  "end_byte AS end FROM quantities WHERE report_id = ?1 "
                  "ORDER BY start_byte, quantity_id",
    "facts": "SELECT ord, indicator, indicator_id, measure, value, value_hi, unit, comparator, "
             "status, period, year, scope, headline, linked_ord AS linked, verbatim, "
             "start_byte AS start, end_byte AS end FROM facts WHERE report_id = ?1 ORDER BY ord",
    "targets": "SELECT kind, horizon, year, indicator, indicator_id, canonical, value, value_hi, "
               "unit, modifier, basis, aspiration, verbatim, start_byte AS start, end_byte AS end "
               "FROM targets WHERE report_id = ?1 ORDER BY kind DESC, target_id",
    "livelihood": "SELECT ord, label, declared_count, text, start_byte AS start, end_byte AS end "
                  "FROM livelihood_items WHERE report_id = ?1 ORDER BY ord",
    "glossary": "SELECT term, definition, start_byte AS start, end_byte AS end FROM glossary "
                "WHERE report_id = ?1 ORDER BY glossary_id",
    "warnings": "SELECT code, message, raw_offset AS offset FROM warnings WHERE report_id = ?1",
    "slogans": "SELECT text, count FROM slogans WHERE report_id = ?1 ORDER BY count DESC, text",
}
PATH = re.compile(r"^/api/reports/(\d+)$")


def rows(cur):
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    local = threading.local()
    db_path = ""

    def db(self):
        if not hasattr(self.local, "db"):
            self.local.db = sqlite3.connect(f"file:{self.db_path}?mode=ro", uri=True,
                                            check_same_thread=False)
        return self.local.db

    def reply(self, status, obj):
        body = json.dumps(obj, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        m = PATH.match(self.path)
        if not m:
            return self.reply(404, {"error": "not found"})
        db = self.db()
        rid = int(m.group(1))
        meta = rows(db.execute(REPORT, (rid,)))
        if not meta:
            return self.reply(404, {"error": f"no report with id {rid}"})
        out = meta[0]
        for key, sql in PARTS.items():
            out[key] = rows(db.execute(sql, (rid,)))
        self.reply(200, out)

    def log_message(self, *args):
        pass


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--port", type=int, default=0)
    a = ap.parse_args()
    Handler.db_path = a.db
    server = ThreadingHTTPServer(("127.0.0.1", a.port), Handler)
    server.daemon_threads = True
    print(f"http://127.0.0.1:{server.server_address[1]}", flush=True)
    server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
