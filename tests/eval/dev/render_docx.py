#!/usr/bin/env python3
"""Plain-text rendering of a .docx for the dev-corpus labels (rendering "docx-wt-1").

The rendering is deliberately independent of gwr's own .docx reader. It is defined as:
  * the parts read: word/document.xml only, in document order;
  * every <w:p> element (wherever it sits, tables included) is one line; lines are joined by "\n";
  * inside a paragraph, the text of every <w:t> is appended as it is (xml:space is irrelevant:
    the text node is kept verbatim), <w:tab/> gives "\t", <w:br/> and <w:cr/> give "\n";
  * nothing else is emitted: no numbering, no footnotes, no fields' instructions (<w:instrText>);
  * the result is UTF-8 without a BOM; a final "\n" follows the last paragraph.
Label offsets are byte offsets into this UTF-8 text, half-open [start, end).

usage: render_docx.py FILE.docx            -> rendering on stdout
       render_docx.py --dir SRC OUT        -> OUT/<stem>.txt for every SRC/*.docx
"""
import os
import sys
import zipfile
import xml.etree.ElementTree as ET

W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'


def render(path):
    xml = zipfile.ZipFile(path).read('word/document.xml')
    root = ET.fromstring(xml)
    lines = []

    def walk_paragraph(p):
        out = []
        for el in p.iter():
            if el.tag == W + 't':
                out.append(el.text or '')
            elif el.tag == W + 'tab':
                out.append('\t')
            elif el.tag in (W + 'br', W + 'cr'):
                out.append('\n')
        return ''.join(out)

    def walk(el):
        for child in el:
            if child.tag == W + 'p':
                lines.append(walk_paragraph(child))
            else:
                walk(child)

    walk(root)
    return ''.join(line + '\n' for line in lines)


def main(argv):
    if len(argv) == 2 and argv[1] != '--dir':
        sys.stdout.write(render(argv[1]))
        return 0
    if len(argv) == 4 and argv[1] == '--dir':
        os.makedirs(argv[3], exist_ok=True)
        for name in sorted(os.listdir(argv[2])):
            if name.endswith('.docx'):
                with open(os.path.join(argv[3], name[:-5] + '.txt'), 'w', encoding='utf-8') as f:
                    f.write(render(os.path.join(argv[2], name)))
        return 0
    sys.stderr.write(__doc__)
    return 2


if __name__ == '__main__':
    sys.exit(main(sys.argv))
