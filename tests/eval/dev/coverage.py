#!/usr/bin/env python3
"""Coverage report over the dev corpus (../shared/devcorpus/cities-2024): per file the region,
level, province, parent, region source, plan year, GDP-target status and target count gwr
extracts, scored against the hand-made answer key regions.tsv; then totals, and every
`not_found` GDP target and every inferred region listed for reading.

usage: coverage.py GWR [--corpus DIR] [--min-regions N] [--quiet]
Exit 1 when fewer than N regions (default 130) are right or a file does not yield exactly one
report. CTest runs it as `dev_coverage`.
"""
import argparse
import csv
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('gwr')
    ap.add_argument('--corpus', default=os.path.join(HERE, '..', '..', '..', '..', 'shared', 'devcorpus', 'cities-2024'))
    ap.add_argument('--min-regions', type=int, default=130)
    ap.add_argument('--quiet', action='store_true')
    a = ap.parse_args()
    if not os.path.isdir(a.corpus):
        print('coverage: no dev corpus at', a.corpus)
        return 77
    key = {r['file']: r for r in csv.DictReader(open(os.path.join(HERE, 'regions.tsv'), encoding='utf-8'), delimiter='\t')}
    files = sorted(f for f in os.listdir(a.corpus) if f.endswith('.docx'))
    out = subprocess.run([a.gwr, 'extract', '--format', 'jsonl'] + [os.path.join(a.corpus, f) for f in files],
                         capture_output=True, text=True)
    by_file = {}
    for line in out.stdout.splitlines():
        r = json.loads(line)
        by_file.setdefault(os.path.basename(r['source']), []).append(r)
    rows, region_ok, one_report, not_found, inferred, wrong, statuses = [], 0, 0, [], [], [], {}
    for f in files:
        reps = by_file.get(f, [])
        if len(reps) == 1:
            one_report += 1
        r = reps[0] if reps else {}
        k = key.get(f, {})
        got = (r.get('region') or '', r.get('level') or '', r.get('province') or '', r.get('parent') or '')
        want = (k.get('region', ''), k.get('level', ''), k.get('province', ''), k.get('parent', ''))
        if want[1] == 'national':
            want = (want[0], want[1], '', '')
        ok = got == want
        region_ok += ok
        if not ok:
            wrong.append((f, got, want))
        st = r.get('gdp_target', 'missing')
        statuses[st] = statuses.get(st, 0) + 1
        if st == 'not_found':
            not_found.append(f)
        src = r.get('region_source', '')
        if src in ('body', 'file_name'):
            inferred.append((f, src, got[0]))
        rows.append((f, len(reps), got[0], got[1], got[2], got[3], src, r.get('plan_year'), st,
                     len(r.get('targets', [])), 'ok' if ok else 'WRONG'))
    if not a.quiet:
        print('file\treports\tregion\tlevel\tprovince\tparent\tsource\tplan_year\tgdp_target\ttargets\tregion_check')
        for row in rows:
            print('\t'.join(str(x) for x in row))
        print()
        print('not_found GDP targets (read these):', ', '.join(not_found) or 'none')
        print('inferred regions (read these):')
        for f, src, reg in inferred:
            print('  %s\t%s\t%s' % (f, src, reg))
        print('wrong regions:')
        for f, got, want in wrong:
            print('  %s\tgot %s\twant %s' % (f, '/'.join(got), '/'.join(want)))
    print('files %d, exactly one report %d, region right %d/%d, gdp_target %s, targets %d' % (
        len(files), one_report, region_ok, len(files),
        ' '.join('%s=%d' % kv for kv in sorted(statuses.items())),
        sum(row[9] for row in rows)))
    return 0 if region_ok >= a.min_regions and one_report == len(files) else 1


if __name__ == '__main__':
    sys.exit(main())
