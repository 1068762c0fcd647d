#!/usr/bin/env python3
"""Turns a labeller's scratch file (quoted text, kept OUTSIDE the repository) into a label file
that holds only values and byte offsets into the "docx-wt-1" rendering (see render_docx.py).

usage: make_label.py SCRATCH.json DOCX_DIR > labels/<stem>.json

Scratch format (see README.md in this folder for the conventions):
{
  "file": "X.docx",
  "region": ..., "level": ..., "province": ..., "parent": ..., "review_year": ..., "plan_year": ...,
  "delivered": ..., "session": ..., "speaker": ..., "speaker_title": ..., "acting": ...,
  "gdp_target": "stated" | "explicitly_absent" | "not_found",
  "targets_passage": "exact text of the passage" | null,
  "passage_occurrence": 0,          # optional: which occurrence of the passage text (0-based)
  "absent_sentence": "exact text" | null,   # the sentence that says there is no GDP target
  "targets": [ {"indicator": "exact", "verbatim": "exact", "canonical": ..., "value": ...,
                "value_hi": ..., "unit": ..., "modifier": ..., "basis": "annual",
                "reference": null, "relative_modifier": null, "stretch_value": null}, ... ]
}
Every exact text is searched inside the rendering (verbatims inside the passage, from the
previous verbatim's start on; indicators inside their verbatim). A text that is not found stops
the tool with a message naming it.
"""
import hashlib
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from render_docx import render  # noqa: E402

META = ['region', 'level', 'province', 'parent', 'review_year', 'plan_year', 'delivered',
        'session', 'speaker', 'speaker_title', 'acting']
TARGET_KEYS = ['canonical', 'value', 'value_hi', 'unit', 'modifier', 'basis', 'reference',
               'relative_modifier', 'stretch_value']
CANONICAL = set('''gdp_growth fixed_asset_investment_growth retail_sales_growth
public_budget_revenue_growth fiscal_revenue_growth urban_income_growth rural_income_growth
resident_income_growth cpi urban_new_jobs urban_surveyed_unemployment urban_registered_unemployment
industrial_value_added_growth primary_industry_growth secondary_industry_growth
tertiary_industry_growth construction_growth trade_growth energy_intensity grain_output
deposit_growth loan_growth urbanization_rate other'''.split())
MODIFIERS = {'around', 'at_least', 'at_most', 'range', 'point', 'qualitative', 'relative'}
REFERENCES = {None, 'province', 'nation', 'prefecture'}


def die(msg):
    sys.stderr.write('make_label: ' + msg + '\n')
    sys.exit(1)


def byte_span(text, char_start, char_len):
    b0 = len(text[:char_start].encode('utf-8'))
    return [b0, b0 + len(text[char_start:char_start + char_len].encode('utf-8'))]


def main(scratch_path, docx_dir):
    s = json.load(open(scratch_path, encoding='utf-8'))
    text = render(os.path.join(docx_dir, s['file']))
    out = {'file': s['file'], 'rendering': 'docx-wt-1',
           'rendering_sha256': hashlib.sha256(text.encode('utf-8')).hexdigest()}
    for k in META:
        if k not in s:
            die(f'{s["file"]}: missing {k}')
        out[k] = s[k]
    if s['level'] not in ('national', 'province', 'prefecture', 'county'):
        die('bad level')
    if s['gdp_target'] not in ('stated', 'explicitly_absent', 'not_found'):
        die('bad gdp_target')
    out['gdp_target'] = s['gdp_target']
    if s.get('absent_sentence'):
        i = text.find(s['absent_sentence'])
        if i < 0:
            die('absent_sentence not found')
        out['absent_span'] = byte_span(text, i, len(s['absent_sentence']))
    passage = s.get('targets_passage')
    targets = []
    if passage:
        occ = s.get('passage_occurrence', 0)
        i = -1
        for _ in range(occ + 1):
            i = text.find(passage, i + 1)
            if i < 0:
                die('targets_passage not found (occurrence %d)' % occ)
        p0, p1 = i, i + len(passage)
        out['targets_span'] = byte_span(text, p0, len(passage))
        cursor = p0
        for t in s['targets']:
            v = t['verbatim']
            j = text.find(v, cursor, p1)
            if j < 0:
                j = text.find(v, p0, p1)  # a shared verbatim (分别 lists) repeats an earlier one
            if j < 0:
                die('verbatim not found in the passage: ' + v)
            cursor = j
            k = text.find(t['indicator'], j, j + len(v))
            if k < 0:
                die('indicator not inside its verbatim: ' + t['indicator'])
            for key in TARGET_KEYS:
                if key not in t:
                    t[key] = None
            if t['canonical'] not in CANONICAL:
                die('bad canonical ' + str(t['canonical']))
            if t['modifier'] not in MODIFIERS:
                die('bad modifier ' + str(t['modifier']))
            if t['reference'] not in REFERENCES:
                die('bad reference ' + str(t['reference']))
            if (t['modifier'] == 'qualitative') != (t['value'] is None and t['reference'] is None
                                                  and t['unit'] is None) and t['modifier'] != 'relative':
                if t['modifier'] == 'qualitative' and t['reference'] is not None and t['value'] is None:
                    pass
                else:
                    die('qualitative iff no value/unit: ' + v)
            if t['modifier'] == 'relative' and t['reference'] is None:
                die('a relative target needs its reference: ' + v)
            for key in ('value', 'value_hi', 'stretch_value'):
                x = t[key]
                if isinstance(x, (int, float)):
                    digits = ('%g' % x)
                    if digits not in v.replace('．', '.') and not re.search(r'[一二三四五六七八九十两百千万壹贰叁肆伍陆柒捌玖拾佰仟]', v):
                        sys.stderr.write(f'make_label: WARN {key} {x} not written in Arabic digits in: {v}\n')
            row = {'indicator': byte_span(text, k, len(t['indicator'])),
                   'verbatim': byte_span(text, j, len(v))}
            row.update({key: t[key] for key in TARGET_KEYS})
            row['basis'] = row['basis'] or 'annual'
            targets.append(row)
    elif s.get('targets'):
        die('targets given without a targets_passage')
    out['targets'] = targets
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write('\n')


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.stderr.write(__doc__)
        sys.exit(2)
    main(sys.argv[1], sys.argv[2])
