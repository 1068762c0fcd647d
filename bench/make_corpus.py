#!/usr/bin/env python3
"""Writes a synthetic corpus of distinct report files for the corpus benchmarks.

    bench/make_corpus.py --size-mb 1024 --out /tmp/gwr-corpus [--seed 1]

Sources, read at run time (their text is never copied into the repository): every file of
../shared/corpus (GWR_SHARED overrides ../shared) and of the repository's examples/. The output
holds copies c00000/, c00001/, … of all source files, each file keeping its name and extension,
until the total reaches --size-mb (MB = 10^6 bytes; the last copy is complete, so the total is
slightly above the target).

Each copy has distinct bodies, so `gwr ingest` stores every report rather than skipping it as a
duplicate: the last digit of every Arabic number is replaced by a digit drawn from a PRNG seeded
with (seed, copy, file). Numbers that look like years (four digits, 1949-2035) are kept, so
plan years and filters stay realistic; magnitudes stay about the same, so extraction does the
same work on a copy as on the original. Dates (2024-02-02, 12月19日) are kept too. Copy 0 is varied too (no copy equals a source file).

Files are decoded (UTF-8, else GB18030, else Big5) and re-encoded in the same encoding, so digits
inside multi-byte characters are never touched; in HTML, digits inside tags and entities are
kept. A file that does not round-trip through its encoding is copied unchanged, with a warning.
Deterministic: the same sources, size and seed give the same bytes.
"""
import argparse
import os
import random
import re
import sys
from pathlib import Path

# Group 1 is kept as it is: dates (2024-02-02, 12月, 19日) and, in HTML, tags and character
# references. Group 2 is a number to vary.
DATES = r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}(?=[月日号时])"
HTML_TOKEN = re.compile(r"(<[^>]*>|&#?\w+;|" + DATES + r")|(\d+)")
TEXT_TOKEN = re.compile(r"(" + DATES + r")|(\d+)")


def shared_corpus(repo: Path) -> Path:
    shared = os.environ.get("GWR_SHARED")
    return (Path(shared) if shared else repo.parent / "shared") / "corpus"


def decode(raw: bytes):
    for enc in ("utf-8-sig" if raw.startswith(b"\xef\xbb\xbf") else "utf-8", "gb18030", "big5"):
        try:
            text = raw.decode(enc)
        except UnicodeDecodeError:
            continue
        if text.encode(enc) == raw:
            return text, enc
    return None, None


class Template:
    """A source file split into fixed text and the numbers to vary (prefix kept, last digit free)."""

    def __init__(self, name: str, raw: bytes):
        self.name = name
        self.raw = raw
        self.text, self.encoding = decode(raw)
        self.parts = []  # fixed strings; a number slot sits between parts[i] and parts[i + 1]
        if self.text is None:
            print(f"make_corpus: warning: {name}: unknown encoding, copied unchanged", file=sys.stderr)
            return
        pattern = HTML_TOKEN if name.lower().endswith((".htm", ".html")) else TEXT_TOKEN
        fixed, last = [], 0
        for m in pattern.finditer(self.text):
            num = m.group(2)
            if m.group(1) or num is None or (len(num) == 4 and 1949 <= int(num) <= 2035):
                continue
            fixed.append(self.text[last:m.end() - 1])
            last = m.end()
        fixed.append(self.text[last:])
        self.parts = fixed
        if len(self.parts) < 2:
            print(f"make_corpus: warning: {name}: no numbers to vary, copies will be duplicates",
                  file=sys.stderr)

    def render(self, rng: random.Random) -> bytes:
        if self.text is None or len(self.parts) < 2:
            return self.raw
        digits = rng.choices("0123456789", k=len(self.parts) - 1)
        out = [None] * (2 * len(self.parts) - 1)
        out[0::2] = self.parts
        out[1::2] = digits
        return "".join(out).encode(self.encoding)


def main() -> int:
    repo = Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--size-mb", type=float, required=True, help="total size to write, MB (10^6 bytes)")
    ap.add_argument("--out", required=True, help="output folder (created; must be empty or missing)")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()

    sources = []
    for folder in (shared_corpus(repo), repo / "examples"):
        if not folder.is_dir():
            print(f"make_corpus: warning: no folder {folder}", file=sys.stderr)
            continue
        for p in sorted(folder.iterdir()):
            if p.is_file():
                sources.append(Template(f"{folder.name}_{p.name}", p.read_bytes()))
    if not sources:
        print("make_corpus: error: no source files", file=sys.stderr)
        return 3
    out = Path(a.out)
    if out.exists() and any(out.iterdir()):
        print(f"make_corpus: error: {out} is not empty", file=sys.stderr)
        return 2
    out.mkdir(parents=True, exist_ok=True)

    target = int(a.size_mb * 1e6)
    written = files = copy = 0
    while written < target:
        d = out / f"c{copy:05d}"
        d.mkdir()
        for i, t in enumerate(sources):
            data = t.render(random.Random(f"{a.seed}:{copy}:{i}"))
            (d / t.name).write_bytes(data)
            written += len(data)
            files += 1
        copy += 1
    print(f"make_corpus: {files} files in {copy} copies, {written / 1e6:.1f} MB in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
