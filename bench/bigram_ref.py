#!/usr/bin/python3
"""The bigram reference of the speed benchmark: SQLite FTS5 over the paragraphs gwr stores.

    /usr/bin/python3 bench/bigram_ref.py export --gwr-db corpus.db --out paras.jsonl
    /usr/bin/python3 bench/bigram_ref.py build  --paragraphs paras.jsonl --db bigram.db
    /usr/bin/python3 bench/bigram_ref.py sql    --db bigram.db --query 教育      # prints the SQL
    /usr/bin/python3 bench/bigram_ref.py search --db bigram.db --seconds 10  # in-process latency

`export` (not timed by bench/speed.py) writes what gwr indexes: one JSON line per report (its
row of `reports`: id, region, code, level, province, plan year, delivered, source) and one per
paragraph (id, report id, section type, analysis text: `paragraph_analysis_text`, simplified).

`build` is the reference ingest, timed as a whole: it reads that file and fills a new database
with a table of reports, a table of paragraphs (id → report, section) and an FTS5 table
`unicode61` whose text is each paragraph pre-split into overlapping Han bigrams (高质量发展 →
高质 质量 量发 发展; a lone Han character stays as it is; other text is left to unicode61), so
two-character words are found, which SQLite's `trigram` tokenizer cannot do. Default FTS5
settings, one transaction.

`sql` prints the query the sqlite3 CLI runs per process: the top 20 by FTS5 rank with a snippet,
joined to the paragraph and report rows after ranking. A query is converted term by term: each
run of Han characters becomes a phrase of its bigrams ("营商 商环 环境"); quotes are dropped.

`search` runs, in one process, the two-character words and phrases of bench/search_bench.cpp and
the very common word, one untimed warm-up pass and then rounds for --seconds, and prints p50/p99
per kind as `key=value` lines (word_p50_ms=…).
"""
import argparse
import json
import re
import sqlite3
import sys
import time

HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")

# The same words and phrases as bench/search_bench.cpp, and its very common word.
WORDS = ["教育", "医疗", "就业", "养老", "住房", "交通", "环境", "生态", "农业", "工业",
         "科技", "创新", "消费", "投资", "旅游", "文化", "民生", "安全", "改革", "开放"]
PHRASES = ["高质量发展", "营商环境", "乡村振兴", "新型城镇化", "一般公共预算收入",
           "数字经济", "城乡居民人均可支配收入", "生态文明建设", "招商引资", "基础设施建设",
           "社会保障体系", "污染防治攻坚战"]
COMMON = "发展"


def _split_run(m: re.Match) -> str:
    run = m.group(0)
    if len(run) == 1:
        return f" {run} "
    return " " + " ".join(run[i:i + 2] for i in range(len(run) - 1)) + " "


def bigrams(text: str) -> str:
    """Every run of Han characters as its overlapping bigrams, separated by spaces."""
    return HAN.sub(_split_run, text)


def match_expr(query: str) -> str:
    """An FTS5 MATCH expression for a gwr-style query over the bigram text (terms ANDed)."""
    terms = []
    for term in query.replace('"', " ").split():
        tokens = bigrams(term).split()
        if tokens:
            terms.append('"' + " ".join(t.replace('"', '""') for t in tokens) + '"')
    return " ".join(terms)


def query_sql(match: str) -> str:
    lit = match.replace("'", "''")
    return ("SELECT h.id, r.region, r.plan_year, p.section_type, h.snip FROM "
            "(SELECT rowid AS id, snippet(fts, 0, '«', '»', '…', 48) AS snip, rank FROM fts "
            f"WHERE fts MATCH '{lit}' ORDER BY rank LIMIT 20) h "
            "JOIN paras p ON p.paragraph_id = h.id JOIN reports r ON r.report_id = p.report_id "
            "ORDER BY h.rank;")


def export(a) -> int:
    src = sqlite3.connect(f"file:{a.gwr_db}?mode=ro", uri=True)
    with open(a.out, "w", encoding="utf-8") as out:
        for row in src.execute("SELECT report_id, region, region_code, level, province, "
                               "plan_year, delivered, source FROM reports ORDER BY report_id"):
            out.write(json.dumps({"report": row}, ensure_ascii=False) + "\n")
        for row in src.execute("SELECT paragraph_id, report_id, section_type, text_simplified "
                               "FROM paragraph_analysis_text ORDER BY paragraph_id"):
            out.write(json.dumps({"p": row}, ensure_ascii=False) + "\n")
    return 0


def build(a) -> int:
    db = sqlite3.connect(a.db)
    db.executescript(
        "CREATE TABLE reports(report_id INTEGER PRIMARY KEY, region TEXT, region_code TEXT, "
        "level TEXT, province TEXT, plan_year INTEGER, delivered TEXT, source TEXT);"
        "CREATE TABLE paras(paragraph_id INTEGER PRIMARY KEY, report_id INTEGER NOT NULL, "
        "section_type TEXT);"
        "CREATE VIRTUAL TABLE fts USING fts5(body, tokenize='unicode61');")
    n = 0
    with db, open(a.paragraphs, encoding="utf-8") as f:
        for line in f:
            o = json.loads(line)
            if "p" in o:
                pid, rid, section, text = o["p"]
                db.execute("INSERT INTO paras VALUES(?,?,?)", (pid, rid, section))
                db.execute("INSERT INTO fts(rowid, body) VALUES(?,?)", (pid, bigrams(text)))
                n += 1
            else:
                db.execute("INSERT INTO reports VALUES(?,?,?,?,?,?,?,?)", o["report"])
    db.close()
    print(f"bigram_ref: {n} paragraphs in {a.db}")
    return 0


def sql(a) -> int:
    print(query_sql(match_expr(a.query)))
    return 0


def percentile(sorted_values, p):
    if not sorted_values:
        return 0.0
    k = max(0, min(len(sorted_values) - 1, int(-(-p * len(sorted_values) // 100)) - 1))
    return sorted_values[k]


def search(a) -> int:
    db = sqlite3.connect(f"file:{a.db}?mode=ro", uri=True)
    cases = [("word", w) for w in WORDS] + [("phrase", p) for p in PHRASES] + [("common", COMMON)]
    stmts = [(kind, query_sql(match_expr(q))) for kind, q in cases]
    for _, s in stmts:  # warm-up, and a check that every query runs
        db.execute(s).fetchall()
    times = {}
    start = time.perf_counter()
    rounds = 0
    while True:
        for kind, s in stmts:
            t0 = time.perf_counter()
            db.execute(s).fetchall()
            times.setdefault(kind, []).append((time.perf_counter() - t0) * 1000)
        rounds += 1
        if time.perf_counter() - start >= a.seconds:
            break
    for kind, v in times.items():
        v.sort()
        print(f"{kind}_p50_ms={percentile(v, 50):.3f}")
        print(f"{kind}_p99_ms={percentile(v, 99):.3f}")
    print(f"rounds={rounds}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    e = sub.add_parser("export")
    e.add_argument("--gwr-db", required=True)
    e.add_argument("--out", required=True)
    b = sub.add_parser("build")
    b.add_argument("--paragraphs", required=True)
    b.add_argument("--db", required=True)
    q = sub.add_parser("sql")
    q.add_argument("--db")
    q.add_argument("--query", required=True)
    s = sub.add_parser("search")
    s.add_argument("--db", required=True)
    s.add_argument("--seconds", type=float, default=10)
    a = ap.parse_args()
    return {"export": export, "build": build, "sql": sql, "search": search}[a.cmd](a)


if __name__ == "__main__":
    sys.exit(main())
