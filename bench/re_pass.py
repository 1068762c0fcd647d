#!/usr/bin/python3
"""A reference of the speed benchmark: one Python `re` pass for numbers with units.

    /usr/bin/python3 bench/re_pass.py FILELIST

Reads every file named in FILELIST (one path a line), decodes it (UTF-8, else GB18030, else
Big5, bad bytes replaced), and finds every Arabic number followed by a unit of the kind gwr's
quantity grammar reads (%, 个百分点, 亿元, 万人, 公里, 亩, …). Prints the number of files, MB and
matches. What a plain regular-expression scan of the same text costs; not an extractor.
"""
import re
import sys

UNITS = ["%", "％", "‰", "个百分点", "万亿元", "亿元", "万元", "元", "亿美元", "万美元", "万人次",
         "万人", "人次", "人", "万户", "户", "万吨", "吨", "公里", "千米", "平方公里", "万平方米",
         "平方米", "万亩", "亩", "万千瓦", "千瓦", "家", "个", "项", "所", "座", "套", "倍", "岁"]
PATTERN = re.compile(r"(\d+(?:\.\d+)?)\s*(" + "|".join(
    re.escape(u) for u in sorted(UNITS, key=len, reverse=True)) + ")")


def decode(raw: bytes) -> str:
    for enc in ("utf-8", "gb18030"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            pass
    return raw.decode("big5", errors="replace")


def main() -> int:
    files = [line.rstrip("\n") for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
    total = matches = 0
    for path in files:
        with open(path, "rb") as f:
            raw = f.read()
        total += len(raw)
        matches += sum(1 for _ in PATTERN.finditer(decode(raw)))
    print(f"re_pass: {len(files)} files, {total / 1e6:.1f} MB, {matches} number+unit matches")
    return 0


if __name__ == "__main__":
    sys.exit(main())
