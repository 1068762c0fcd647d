#!/usr/bin/env python3
"""Fails when a list of Chinese words is written in src/ instead of data/ (STYLE.md: lexicons are
data, not code). Flags, per statement of C++ code (comments removed):
  1. an initializer list (braces without statements) holding two or more Han string literals;
  2. a string literal of two or more Han/CJK characters used as a character set
     (`U"…".find(c)`, `find_first_of(U"…")`, `std::u32string_view(U"…").find(…)`);
  3. one condition comparing or searching for three or more different Han literals (`x == "甲"
     || contains(l, "乙") || …`).
Single words that are grammar of the code (the 年 of a date, the 第 of an ordinal) are fine.
A list that is grammar rather than vocabulary (the digit table of the numeral reader) is exempted
by a marker comment with its reason, on the flagged line or the line just above it:
    // vocab-ok: numeral grammar (the digits are the syntax of numerals, not words to curate)
usage: no_vocab_in_src.py [SRC_DIR]   exit 1 and a list of places when something is found.
"""
import os
import re
import sys

LIT = re.compile(r'(?:u8|U|u|L)?"((?:[^"\\\n]|\\.)*)"')
HAN = re.compile(r'[\u3007\u3400-\u9fff\uff01-\uff5e\u3000-\u303f\u2014\u2026\u201c\u201d]')
HAN_ONLY = re.compile(r'[\u3007\u3400-\u9fff]')


def strip_comments(src):
    out, i, n = [], 0, len(src)
    while i < n:
        if src.startswith('//', i):
            j = src.find('\n', i)
            i = n if j < 0 else j
        elif src.startswith('/*', i):
            j = src.find('*/', i + 2)
            out.append('\n' * src.count('\n', i, n if j < 0 else j))
            i = n if j < 0 else j + 2
        elif src[i] == '"':
            m = LIT.match(src, i)
            if m:
                out.append(m.group(0))
                i = m.end()
            else:
                out.append(src[i])
                i += 1
        elif src[i] == "'" and i + 2 < n:
            j = src.find("'", i + 1)
            out.append(src[i:j + 1] if j > 0 else src[i])
            i = j + 1 if j > 0 else i + 1
        else:
            out.append(src[i])
            i += 1
    return ''.join(out)


def han_lits(s):
    return [m.group(1) for m in LIT.finditer(s) if HAN_ONLY.search(m.group(1))]


MARKER = re.compile(r'//\s*vocab-ok:\s*\S')


def exempt(lines, line):
    """A `// vocab-ok: reason` comment on the flagged line or the line above it."""
    return any(0 < n <= len(lines) and MARKER.search(lines[n - 1]) for n in (line, line - 1))


def check(path):
    raw = open(path, encoding='utf-8').read()
    code = strip_comments(raw)
    found = []
    line_of = lambda pos: code.count('\n', 0, pos) + 1
    for m in re.finditer(r'\{[^{};]*\}', code):  # initializer lists (no statements inside)
        lits = han_lits(m.group(0))
        if len(lits) >= 2:
            found.append((line_of(m.start()), 'word list {%s}' % ', '.join(lits[:4])))
    for m in re.finditer(r'(?:u8|U|u|L)?"((?:[^"\\\n]|\\.)*)"\s*\)?\s*\.\s*(?:find|find_first_of|find_first_not_of)\s*\(', code):
        if len(HAN_ONLY.findall(m.group(1))) >= 2:
            found.append((line_of(m.start()), 'character set "%s"' % m.group(1)))
    for m in re.finditer(r'find_first_(?:not_)?of\s*\(\s*(?:u8|U|u|L)?"((?:[^"\\\n]|\\.)*)"', code):
        if len(HAN_ONLY.findall(m.group(1))) >= 2:
            found.append((line_of(m.start()), 'character set "%s"' % m.group(1)))
    for m in re.finditer(r'[^;{}]*;', code):
        stmt = m.group(0)
        if '||' not in stmt and '&&' not in stmt:
            continue
        lits = set(han_lits(stmt))
        if len(lits) >= 3:
            found.append((line_of(m.start() + len(stmt) - len(stmt.lstrip())),
                          'condition over %s' % ', '.join(sorted(lits)[:4])))
    lines = raw.split('\n')
    return [(line, what) for line, what in found if not exempt(lines, line)]


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..', '..', 'src')
    bad = 0
    for root, _, names in os.walk(src):
        for name in sorted(names):
            if name.endswith(('.cpp', '.h')):
                p = os.path.join(root, name)
                for line, what in check(p):
                    print('%s:%d: %s' % (os.path.relpath(p, src), line, what))
                    bad += 1
    if bad:
        print('no_vocab_in_src: %d Chinese word lists in src/; move them to data/*.tsv' % bad)
        return 1
    print('no_vocab_in_src: no Chinese word lists in src/')
    return 0


if __name__ == '__main__':
    sys.exit(main())
