#!/usr/bin/python3
"""Smoke test of the speed benchmark's Python parts (bench/speed.py and its helpers).

    /usr/bin/python3 tests/bench/speed_scripts_test.py

Checks, on invented text only: the bigram split and query conversion of the bigram reference, a
reference database built and queried end to end (ranked hits, snippets, the join to reports),
the number+unit pass, the single-report builder of make_inputs.py, and the pass/fail column of
the speed table. No gwr binary needed.
"""
import json
import sqlite3
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "bench"))

import bigram_ref  # noqa: E402
import make_inputs  # noqa: E402
import speed  # noqa: E402


class Bigrams(unittest.TestCase):
    def test_han_runs_become_overlapping_bigrams(self):
        self.assertEqual(bigram_ref.bigrams("建设新港口").split(), ["建设", "设新", "新港", "港口"])

    def test_lone_han_and_other_text_stay(self):
        self.assertEqual(bigram_ref.bigrams("增长6.5%，村A").split(), ["增长", "6.5%，", "村", "A"])

    def test_query_terms_become_phrases(self):
        self.assertEqual(bigram_ref.match_expr('"新港口" 建设'), '"新港 港口" "建设"')


class ReferenceDatabase(unittest.TestCase):
    def test_build_and_query(self):
        with tempfile.TemporaryDirectory() as d:
            paras = Path(d) / "p.jsonl"
            lines = [{"report": [1, "甲市", "000001", "prefecture", "乙省", 2024, None, "a.txt"]},
                     {"p": [10, 1, "review", "今年新建港口两座，港口吞吐量增长。"]},
                     {"p": [11, 1, "plan_tasks", "加快建设口岸设施。"]},
                     {"p": [12, 1, "plan_tasks", "口港不相连。"]}]
            paras.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines))
            db = Path(d) / "b.db"
            r = subprocess.run([sys.executable, str(REPO / "bench/bigram_ref.py"), "build",
                                "--paragraphs", str(paras), "--db", str(db)],
                               capture_output=True, text=True)
            self.assertEqual(r.returncode, 0, r.stderr)
            con = sqlite3.connect(db)
            hits = con.execute(bigram_ref.query_sql(bigram_ref.match_expr("港口"))).fetchall()
            self.assertEqual([h[0] for h in hits], [10])  # not 12: 口港 is not 港口
            self.assertEqual(hits[0][1], "甲市")
            self.assertIn("«港口»", hits[0][4].replace(" ", ""))
            self.assertEqual(con.execute(bigram_ref.query_sql(bigram_ref.match_expr("口岸设施")))
                             .fetchall()[0][0], 11)
            self.assertEqual(con.execute(bigram_ref.query_sql(bigram_ref.match_expr("鸭嘴兽")))
                             .fetchall(), [])


class RePass(unittest.TestCase):
    def test_counts_number_unit_pairs(self):
        with tempfile.TemporaryDirectory() as d:
            f = Path(d) / "a.txt"
            f.write_text("新增就业1.2万人，增长6.5%，建成3座桥和2024年。", encoding="utf-8")
            listing = Path(d) / "list"
            listing.write_text(f"{f}\n")
            out = subprocess.run([sys.executable, str(REPO / "bench/re_pass.py"), str(listing)],
                                 capture_output=True, text=True, check=True).stdout
            self.assertIn(" 3 number+unit matches", out)


class MakeInputs(unittest.TestCase):
    def test_single_report_keeps_one_opening_and_its_size(self):
        body = "\n".join(f"　　第{i}段，推进某项工作，数量增长{i}%。" for i in range(200))
        sources = [("甲", "各位代表：\n" + body), ("乙", "各位代表：\n" + body + "\n各位代表，奋斗！")]
        text = make_inputs.single(sources, 6000)
        self.assertLessEqual(len(text.encode()), 6000)
        self.assertGreater(len(text.encode()), 5900)
        self.assertEqual(text.count("各位代表"), 1)
        self.assertTrue(text.startswith("甲2024年政府工作报告\n"))
        dump = make_inputs.dump(sources, 2)
        self.assertEqual(dump.count("【"), 2)


class Table(unittest.TestCase):
    def test_thresholds_and_ratios(self):
        res = {"corpus": {"mb": 50.0}, "devcorpus": {"files": 2}, "measures": {
            "extract": {"mb": 50.0, "cpu_s": 10.0, "wall_s": 10.0},  # 5 MB/s: fails ≥ 20
            "cat": {"mb": 50.0, "cpu_s": 0.5},
            "extract_2proc": {"mb": 50.0, "wall_s": 5.0},  # 2.0× one process: passes ≥ 1.8
            "nohit_gwr": {"cpu_ms": 12.0}, "nohit_sqlite3": {"cpu_ms": 10.0},
        }}
        rows = {r["measure"].split(",")[0] + r["reference"]: r for r in speed.rows_of(res)}
        ex = rows["`gwr extract`" + "`cat`"]
        self.assertAlmostEqual(ex["gwr"], 5.0)
        self.assertAlmostEqual(ex["ratio"], 0.05)
        self.assertFalse(ex["pass"])
        self.assertTrue(rows["`gwr extract`" + "1 process"]["pass"])
        self.assertTrue(rows["no-hit search" + "sqlite3 CLI"]["pass"])
        self.assertIsNone(rows["`gwr ingest` with the index" + "bigram reference (Python, FTS5)"]
                          ["pass"])  # not measured: no verdict
        self.assertIn("**fail**", speed.table({"rows": speed.rows_of(res)}))

    def test_percentile_is_nearest_rank(self):
        v = sorted(float(i) for i in range(1, 30))
        self.assertEqual(speed.percentile(v, 50), 15.0)
        self.assertEqual(speed.percentile(v, 99), 29.0)


if __name__ == "__main__":
    unittest.main()
