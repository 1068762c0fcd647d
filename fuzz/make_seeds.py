#!/usr/bin/env python3
"""Builds the seed corpora of the fuzz targets from invented text in the repository.

    python3 fuzz/make_seeds.py OUT_DIR

Sources: examples/ (invented sample reports), tests/analysis/fixtures/*.txt and fuzz/seeds/
(hand-written XML and query strings). Long files are cut into pieces of at most 4 KB at line
breaks, since libFuzzer mutates small inputs best. Writes OUT_DIR/<target>/<n>.
"""
import base64
import glob
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def pieces(data, limit=4096):
    out, cur = [], b""
    for line in data.splitlines(keepends=True):
        if len(cur) + len(line) > limit and cur:
            out.append(cur)
            cur = b""
        cur += line[:limit]
    if cur:
        out.append(cur)
    return out


def main():
    out = sys.argv[1]
    texts = sorted(glob.glob(os.path.join(ROOT, "examples", "*.txt")) +
                   glob.glob(os.path.join(ROOT, "tests", "analysis", "fixtures", "*.txt")))
    raw = [open(p, "rb").read() for p in texts]
    html = [open(p, "rb").read() for p in glob.glob(os.path.join(ROOT, "examples", "*.html"))]
    utf8 = [r for r in raw if _is_utf8(r)]
    chunks = [c for r in utf8 for c in pieces(r)]
    whole_small = [r for r in utf8 if len(r) <= 16384]
    seeds = {
        "fuzz_decode": chunks[:40] + [c for r in raw if not _is_utf8(r) for c in pieces(r)][:20],
        "fuzz_html": [c for h in html for c in pieces(h)] + html,
        "fuzz_docx": [open(p, "rb").read() for p in glob.glob(os.path.join(ROOT, "fuzz", "seeds",
                                                                          "docx", "*"))],
        "fuzz_split": chunks + whole_small,
        "fuzz_quantity": chunks,
        "fuzz_pdf_text": [c.replace(b"\n\n", b"\n\f", 3) for c in chunks],
        "fuzz_pipeline": chunks + whole_small,
        "fuzz_tokenizer": chunks,
        "fuzz_jsonl": [json.dumps({"id": i, "text": c.decode()}, ensure_ascii=False).encode()
                       for i, c in enumerate(chunks[:30])] +
                      [json.dumps({"id": "h", "base64": base64.b64encode(h[:3000]).decode(),
                                   "name": "p.html"}).encode() for h in html] +
                      [b'{"id":[1,{"a":null}],"text":""}', b"not json", b"{}"],
        "fuzz_api_params": [open(p, "rb").read() for p in glob.glob(os.path.join(
            ROOT, "fuzz", "seeds", "api_params", "*"))],
    }
    for target, items in seeds.items():
        d = os.path.join(out, target)
        os.makedirs(d, exist_ok=True)
        for i, data in enumerate(items):
            with open(os.path.join(d, "seed%03d" % i), "wb") as f:
                f.write(data)
    print("seeds in %s: %s" % (out, ", ".join("%s %d" % (k, len(v)) for k, v in seeds.items())))


def _is_utf8(b):
    try:
        b.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


if __name__ == "__main__":
    main()
