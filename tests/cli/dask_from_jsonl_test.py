#!/usr/bin/python3
"""CTest dask_from_jsonl (issue 11): a Dask scale-out run builds the same database as a direct ingest.

    /usr/bin/python3 tests/cli/dask_from_jsonl_test.py --gwr build/src/gwr \
        --store-dump build/tests/store_dump --driver tools/dask_extract.py --corpus examples

On a small corpus — the given folders, invented fixtures written here (a .docx, a file that is
no report, an empty file, a copy of another report, an upper-case extension), and
../shared/corpus when present — it runs tools/dask_extract.py (LocalCluster, two worker
processes), `gwr ingest --from-jsonl` of the shards and a direct `gwr ingest` of the same folder,
then checks: the same exit code and summary line, and equal canonical dumps of the two databases
(tests/store/store_dump.cpp: every table, the schema and the full-text index, leaving out only
reports.ingested_at, ingest_files.seen_at and the FTS5 segment tables). A second --from-jsonl run
must change nothing. Finally it tampers with copies — one fact's value, one paragraph taken out of
the full-text index — and checks that the comparison catches each. Skips (exit 77) when this
Python has no `distributed` (Debian python3-distributed).
"""
import argparse
import collections
import io
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import zipfile

# Invented report text (never copied from a real report).
HEAD = ("政府工作报告\n——2024年1月9日在清河市第八届人民代表大会第二次会议上\n市长 赵某某\n\n"
        "各位代表:\n现在,我代表市人民政府向本次大会报告工作,请予审议。\n\n一、2023年工作回顾\n"
        "过去一年,全市地区生产总值完成1260亿元,同比增长5.8%;全市一般公共预算收入98亿元,增长6.2%;"
        "城镇新增就业3.6万人。\n")
PLAN = ("\n二、2024年工作安排\n清河今年的主要预期目标拟定为:地区生产总值增长6%左右;"
        "城镇调查失业率控制在5.5%以内;全市一般公共预算收入增长5%;物价涨幅3%左右。\n"
        "(一)壮大实体经济。新建5G基站1200个,培育专精特新企业40家。\n"
        "\n三、加强政府自身建设\n坚持过紧日子,一般性支出压减5%。\n"
        "各位代表,让我们团结一心、真抓实干,为建设现代化清河而努力奋斗!\n")

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx(text):
    paras = "".join("<w:p><w:r><w:t>%s</w:t></w:r></w:p>" % line for line in text.split("\n"))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"/>')
        z.writestr("word/document.xml",
                   '<?xml version="1.0" encoding="UTF-8"?><w:document %s><w:body>%s</w:body>'
                   "</w:document>" % (W, paras))
    return buf.getvalue()


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data.encode("utf-8") if isinstance(data, str) else data)


def build_corpus(root, folders, shared):
    for i, src in enumerate(folders):
        shutil.copytree(src, os.path.join(root, "given%d" % i))
    fx = os.path.join(root, "fixtures")
    write(os.path.join(fx, "qinghe_2024.docx"), docx(HEAD + PLAN))
    write(os.path.join(fx, "meeting_notes.txt"), "会议纪要\n今天下午讨论了食堂菜单和停车位安排。\n")
    write(os.path.join(fx, "empty.html"), "")
    other = HEAD.replace("清河", "白沙") + PLAN
    write(os.path.join(fx, "UPPER_CASE.TXT"), other)
    write(os.path.join(fx, "sub", "dir", "again.txt"), other)  # a duplicate by content
    if shared and os.path.isdir(shared):
        shutil.copytree(shared, os.path.join(root, "shared"))


def run(cmd, cwd, check=True):
    p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if check and p.returncode not in (0, 4, 5, 6, 7):
        sys.exit("FAIL: %s exited %d\n%s%s" % (" ".join(cmd), p.returncode, p.stdout, p.stderr))
    return p


def dump(store_dump, db):
    p = subprocess.run([store_dump, db], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode != 0:
        sys.exit("FAIL: store_dump %s: %s" % (db, p.stderr.decode()))
    tables = collections.OrderedDict()
    for line in p.stdout.decode("utf-8").splitlines():
        table, _, row = line.partition("\t")
        tables.setdefault(table, []).append(row)
    return tables


def differences(a, b):
    """Names of the tables whose rows differ, with the first differing row of each."""
    out = []
    for t in sorted(set(a) | set(b)):
        ra, rb = a.get(t, []), b.get(t, [])
        if ra != rb:
            first = next((i for i, (x, y) in enumerate(zip(ra, rb)) if x != y), min(len(ra), len(rb)))
            out.append((t, "%d vs %d rows; first difference at row %d: %s | %s" %
                        (len(ra), len(rb), first, ra[first] if first < len(ra) else "-",
                         rb[first] if first < len(rb) else "-")))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gwr", required=True)
    ap.add_argument("--store-dump", required=True)
    ap.add_argument("--driver", required=True)
    ap.add_argument("--corpus", action="append", default=[])
    ap.add_argument("--shared", default=os.environ.get("GWR_SHARED_CORPUS"))
    a = ap.parse_args()
    try:
        import distributed  # noqa: F401
    except ImportError:
        print("SKIP: no dask distributed for %s (apt install python3-distributed)" % sys.executable)
        return 77
    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    shared = a.shared or os.path.join(repo, "..", "shared", "corpus")
    gwr, store_dump = os.path.abspath(a.gwr), os.path.abspath(a.store_dump)

    with tempfile.TemporaryDirectory(prefix="gwr-dask-") as tmp:
        build_corpus(os.path.join(tmp, "corpus"), [os.path.abspath(c) for c in a.corpus], shared)
        p = run([sys.executable, os.path.abspath(a.driver), "corpus", "--out", "shards",
                 "--gwr", gwr, "--partitions", "3", "--workers", "2", "--quiet"], tmp, check=False)
        if p.returncode != 0:
            sys.exit("FAIL: dask_extract exited %d\n%s" % (p.returncode, p.stderr))
        shards = sorted(os.path.join("shards", f) for f in os.listdir(os.path.join(tmp, "shards")))
        if len(shards) != 3:
            sys.exit("FAIL: %d shards, expected 3: %s" % (len(shards), shards))

        mapped = run([gwr, "ingest", "--from-jsonl"] + shards + ["--db", "mapped.db"], tmp)
        direct = run([gwr, "ingest", "corpus", "--db", "direct.db"], tmp)
        print("direct:     exit %d, %s" % (direct.returncode, direct.stdout.strip()))
        print("from-jsonl: exit %d, %s" % (mapped.returncode, mapped.stdout.strip()))
        if (mapped.returncode, mapped.stdout) != (direct.returncode, direct.stdout):
            sys.exit("FAIL: exit code or summary differ\n%s%s" % (mapped.stderr, direct.stderr))
        if sorted(mapped.stderr.splitlines()) != sorted(direct.stderr.splitlines()):
            sys.exit("FAIL: failures differ:\n%s\n---\n%s" % (mapped.stderr, direct.stderr))

        want = dump(store_dump, os.path.join(tmp, "direct.db"))
        got = dump(store_dump, os.path.join(tmp, "mapped.db"))
        for t in ("report_rows", "view reports", "body_gaps", "paragraphs", "facts", "targets",
                  "paragraphs_fts.instance"):
            if not want.get(t):
                sys.exit("FAIL: the direct ingest stored no %s: the corpus is too small" % t)
        if not any('"t:failed"' in r for r in want.get("ingest_files", [])):
            sys.exit("FAIL: no failed file in the corpus: the test lost its failure cases")
        if want.get("paragraphs_fts.integrity") != ['["ok"]']:
            sys.exit("FAIL: FTS integrity-check of the direct ingest: %s" %
                     want.get("paragraphs_fts.integrity"))
        diff = differences(want, got)
        for t, why in diff:
            print("differs: %s: %s" % (t, why))
        if diff:
            sys.exit("FAIL: the store built from the Dask shards differs from the direct ingest")
        print("equal: %d tables, %d rows (%s)" % (len(want), sum(len(v) for v in want.values()),
              ", ".join("%s %d" % (t, len(v)) for t, v in want.items())))

        # A second run of each: unchanged documents are skipped and failed ones retried, the same
        # way on both sides.
        again = run([gwr, "ingest", "--from-jsonl"] + shards + ["--db", "mapped.db"], tmp)
        direct_again = run([gwr, "ingest", "corpus", "--db", "direct.db"], tmp)
        if (again.returncode, again.stdout) != (direct_again.returncode, direct_again.stdout):
            sys.exit("FAIL: re-runs differ: %r vs %r" % (again.stdout, direct_again.stdout))
        diff = differences(dump(store_dump, os.path.join(tmp, "direct.db")),
                           dump(store_dump, os.path.join(tmp, "mapped.db")))
        if diff:
            sys.exit("FAIL: after a second run of each, the stores differ: %s" % diff)

        # The comparison must catch a changed row and a changed full-text index.
        tampered = os.path.join(tmp, "tampered.db")
        shutil.copy(os.path.join(tmp, "mapped.db"), tampered)
        with sqlite3.connect(tampered) as c:
            c.execute("UPDATE facts SET value = value + 1 WHERE fact_id = (SELECT min(fact_id) "
                      "FROM facts)")
        if [t for t, _ in differences(want, dump(store_dump, tampered))] != ["facts"]:
            sys.exit("FAIL: the comparison missed a changed fact")
        shutil.copy(os.path.join(tmp, "mapped.db"), tampered)
        run([store_dump, "--fts-delete", "1", tampered], tmp)
        tables = [t for t, _ in differences(want, dump(store_dump, tampered))]
        if "paragraphs_fts.instance" not in tables:
            sys.exit("FAIL: the comparison missed a paragraph dropped from the index: %s" % tables)
        print("tamper checks: a changed fact and a paragraph dropped from the index are caught")
    print("PASS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
