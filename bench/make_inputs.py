#!/usr/bin/python3
"""Writes the sized inputs of the speed benchmark (bench/speed.py): single reports and dumps.

    /usr/bin/python3 bench/make_inputs.py --devcorpus ../shared/devcorpus/cities-2024 --out DIR

Source, read at run time (its text is never copied into the repository): the .docx reports of
the dev corpus, in file-name order, as plain text (the paragraphs of word/document.xml, one per
line). Output, UTF-8 .txt files in DIR:

  single_30k.txt, single_300k.txt, single_3m.txt   one report of about 30 KB, 300 KB, 3 MB
  dump_1.txt, dump_10.txt, dump_100.txt            1, 10, 100 reports, one `【…】` title line each

A single report is a title line, then the whole text of the first source of at least 40 KB, then
the body paragraphs of the next sources (lines that could open a report are left out: addresses
to the delegates, titles naming a 政府工作报告, session lines; so no second report starts), cut at a
paragraph boundary at the size (MB = 10^6 bytes). Every paragraph comes from a different place in
a real report, so nothing is a repeated copy that ingest would remove. A dump holds the first N
sources, each under its own title line. Deterministic: the same sources give the same bytes.
"""
import argparse
import html
import re
import sys
import zipfile
from pathlib import Path

SIZES = {"single_30k.txt": 30_000, "single_300k.txt": 300_000, "single_3m.txt": 3_000_000}
DUMPS = {"dump_1.txt": 1, "dump_10.txt": 10, "dump_100.txt": 100}

PARAGRAPH = re.compile(r"<w:p[ >].*?</w:p>", re.S)
RUN_TEXT = re.compile(r"<w:t(?: [^>]*)?>([^<]*)</w:t>")


def docx_lines(path: Path) -> list:
    """The non-empty paragraphs of a .docx as lines of text."""
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    lines = []
    for p in PARAGRAPH.findall(xml):
        t = html.unescape("".join(RUN_TEXT.findall(p))).strip("\r\n")
        if t.strip():
            lines.append(t)
    return lines


def is_opening(line: str) -> bool:
    """A line that could start a report: an address to the delegates, a title, a session line."""
    s = re.sub(r"\s", "", line)
    return (s.startswith("各位代表") or ("政府工作报告" in s and len(s) < 60)
            or "各位代表：" in s[:200] or ("人民代表大会" in s and "会议上" in s))


def single(sources, size: int) -> str:
    lead = next((s for s in sources if len(s[1].encode()) >= 40_000), sources[0])
    out = [f"{lead[0]}2024年政府工作报告"]
    used = len(out[0].encode()) + 1

    def take(line: str) -> bool:
        nonlocal used
        n = len(line.encode()) + 1
        if used + n > size:
            return False
        out.append(line)
        used += n
        return True

    for line in lead[1].split("\n"):
        if not take(line):
            return "\n".join(out) + "\n"
    for name, text in sources:
        if name == lead[0]:
            continue
        for line in text.split("\n"):
            if is_opening(line):
                continue
            if not take(line):
                return "\n".join(out) + "\n"
    print(f"make_inputs: warning: sources hold only {used} bytes, under {size}", file=sys.stderr)
    return "\n".join(out) + "\n"


def dump(sources, n: int) -> str:
    if n > len(sources):
        print(f"make_inputs: warning: {len(sources)} sources for a dump of {n}", file=sys.stderr)
    parts = [f"【{name}2024年政府工作报告】\n{text}\n" for name, text in sources[:n]]
    return "".join(parts)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--devcorpus", required=True, help="folder of .docx reports")
    ap.add_argument("--out", required=True, help="output folder (created)")
    a = ap.parse_args()
    files = sorted(Path(a.devcorpus).glob("*.docx"))
    if not files:
        print(f"make_inputs: error: no .docx in {a.devcorpus}", file=sys.stderr)
        return 3
    sources = [(f.stem, "\n".join(docx_lines(f))) for f in files]
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, size in SIZES.items():
        (out / name).write_text(single(sources, size), encoding="utf-8")
    for name, n in DUMPS.items():
        (out / name).write_text(dump(sources, n), encoding="utf-8")
    total = sum((out / n).stat().st_size for n in list(SIZES) + list(DUMPS))
    print(f"make_inputs: {len(SIZES) + len(DUMPS)} files, {total / 1e6:.1f} MB in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
