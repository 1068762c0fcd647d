#!/usr/bin/env python3
"""Writes the hostile-input matrix of issue 13 into a folder, with a manifest.

    python3 tests/hostile/make_inputs.py OUT_DIR [--quick]

Every case is invented bytes (no corpus text). OUT_DIR/manifest.json lists the cases:
  {"name", "args": [...gwr arguments, "{dir}" expanded to OUT_DIR],
   "stdin": null | "file:<path>" | "yes:<line>" (an endless stream of that line),
   "env": {...}, "codes": [accepted exit codes], "why": "..."}
tests/hostile/run_hostile.py runs them and checks exit code, signal, time and RSS.
--quick leaves out the largest cases (for the sanitizer build).
"""
import base64
import io
import json
import os
import sys
import zipfile
import zlib

HEAD = ("政府工作报告\n——2024年1月10日在安和市第五届人民代表大会第三次会议上\n市长 李某某\n\n"
        "各位代表:\n现在,我代表市人民政府向本次大会报告工作,请予审议。\n\n一、2023年工作回顾\n")
PLAN = "\n二、2024年工作安排\n今年全市发展主要预期目标定为:全市生产总值增长5.5%左右;财政一般公共预算收入增长5%。\n"
TAIL = "\n各位代表,让我们团结奋斗,再创新辉煌!\n"

# An invented sentence full of numbers, units, indicators and trigger words.
SENTENCE = ("全年地区生产总值增长6.1%,全市一般公共预算收入321亿元,新增就业1.2万人,"
            "力争规上工业增加值增长7%以上,城乡居民收入分别增长5%、6%左右;")

FILLER = ("坚持以人民为中心的发展思想,深化重点领域改革,推进城乡融合发展,持续优化营商环境,"
          "加强生态环境保护,统筹发展和安全,扎实推动各项工作落地见效;")


def report(middle):
    return HEAD + middle + PLAN + TAIL


def write(path, data):
    with open(path, "wb") as f:
        f.write(data.encode("utf-8") if isinstance(data, str) else data)


def docx(document_xml, extra=None, compress=zipfile.ZIP_DEFLATED):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compress) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"/>')
        z.writestr("word/document.xml", document_xml)
        for k, v in (extra or {}).items():
            z.writestr(k, v)
    return buf.getvalue()


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def para(text):
    return "<w:p><w:r><w:t>%s</w:t></w:r></w:p>" % text


def nested_tables_docx(depth):
    body = "".join("<w:tbl><w:tr><w:tc>" for _ in range(depth)) + para("政府工作报告")
    body += "".join("</w:tc></w:tr></w:tbl>" for _ in range(depth))
    return docx('<?xml version="1.0"?><w:document %s><w:body>%s%s</w:body></w:document>'
                % (W, body, para("各位代表")))


def zip_bomb_docx():
    # word/document.xml: 200 MB of spaces inside an element, compressed about 1000:1.
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(('<?xml version="1.0"?><w:document %s><w:body><w:p><w:r><w:t>' % W).encode())
            chunk = b" " * (1 << 20)
            for _ in range(200):
                f.write(chunk)
            f.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return buf.getvalue()


def billion_laughs_docx():
    ents = '<!ENTITY l0 "政府工作报告">' + "".join(
        '<!ENTITY l%d "%s">' % (i, ("&l%d;" % (i - 1)) * 10) for i in range(1, 10))
    xml = ('<?xml version="1.0"?><!DOCTYPE w:document [%s]><w:document %s><w:body>'
           '<w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>' % (ents, W))
    return docx(xml)


def xxe_docx():
    xml = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           '<w:document %s><w:body>%s<w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>'
           % (W, para("政府工作报告")))
    return docx(xml)


def pdf(objects):
    """A PDF from object bodies (1-based, object 1 the catalog), xref offsets computed."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for o in offsets:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def stream(dict_body, data):
    return b"<< %s /Length %d >>\nstream\n" % (dict_body, len(data)) + data + b"\nendstream"


def nested_xobject_pdf(depth=12, fanout=8):
    """Forms F0..F{depth}: each draws the next one `fanout` times; the innermost shows text.
    A few KB that ask for fanout**depth text draws."""
    # 1 catalog, 2 pages, 3 page, 4 font, 5 page content, 6.. forms
    first_form = 6
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R "
            b"/Resources << /XObject << /F0 %d 0 R >> /Font << /H 4 0 R >> >> >>" % first_form,
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            stream(b"", b"q /F0 Do Q")]
    for k in range(depth + 1):
        if k < depth:
            data = b" ".join(b"q 1 0 0 1 %d 0 cm /F Do Q" % i for i in range(fanout))
            res = b"/Resources << /XObject << /F %d 0 R >> >>" % (first_form + k + 1)
        else:
            data = b"BT /H 12 Tf 10 10 Td (gwr) Tj ET"
            res = b"/Resources << /Font << /H 4 0 R >> >>"
        objs.append(stream(b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] " + res, data))
    return pdf(objs)


def text_pdf():
    page = b"BT /H 12 Tf 72 720 Td (Government work report) Tj ET"
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R "
                b"/Resources << /Font << /H 4 0 R >> >> >>",
                b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
                stream(b"", page)])


def main():
    out = sys.argv[1]
    quick = "--quick" in sys.argv[2:]
    os.makedirs(out, exist_ok=True)
    cases = []

    def case(name, data, codes, why, args=None, stdin=None, env=None):
        if data is not None:
            write(os.path.join(out, name), data)
        cases.append({"name": name, "args": args or ["extract", "{dir}/" + name],
                      "stdin": stdin, "env": env or {}, "codes": codes, "why": why})

    # Structure bombs
    case("nested_tables_20000.docx", nested_tables_docx(20000), [0, 5],
         "20,000 nested tables: iterative walk, no stack overflow")
    case("zip_bomb.docx", zip_bomb_docx(), [6], "document.xml inflates 200 MB at ~1000:1")
    case("billion_laughs.docx", billion_laughs_docx(), [4, 5], "entity expansion is refused")
    case("xxe.docx", xxe_docx(), [0, 4, 5], "external entities are not read")
    case("archive.zip", docx(para("x")).replace(b"word/document.xml", b"word/documenx.xml"), [4],
         "a zip that is not a .docx")
    deep_html = "<html><body>" + "<div>" * 100000 + HEAD + "</div>" * 100000 + "</body></html>"
    case("deep_divs.html", deep_html, [0, 5], "100,000 nested <div>")
    # Numbers and lines
    digits = report("一二三四五六七八九〇" * 0 + "12345678901234567890、标题行\n"
                    + "99999999999999999999亿元增长\n" + "(123456789012)。条目\n")
    case("long_digit_headings.txt", digits, [0], "headings starting with 11+ digits")
    # Long lines: SENTENCE alone is a number every 15 bytes (a worst case: the JSON output is 12
    # times the input); the mixed line has one every 60 bytes, as dense as a review passage.
    if not quick:
        n = (1 << 20) // len(SENTENCE.encode())
        case("line_1mb_dense.txt", report(SENTENCE * n + "\n"), [0],
             "one 1 MB line of numbers and triggers only")
    sizes = [1] if quick else [1, 2, 4]
    mixed = SENTENCE + FILLER
    for mb in sizes:
        n = (mb << 20) // len(mixed.encode())
        case("line_%dmb.txt" % mb, report(mixed * n + "\n"), [0],
             "one %d MB line of text, numbers and triggers" % mb)
    trig = "今年主要预期目标定为:地区生产总值增长6%左右,"
    kb = 256 if quick else 1024
    case("trigger_line_%dkb.txt" % kb, report(trig * ((kb << 10) // len(trig.encode())) + "\n"),
         [0], "one %d KB line repeating a targets trigger (no sentence end)" % kb)
    items = [2000] if quick else [2000, 8000]
    for k in items:
        clause = "今年安排重点项目投资" + "、".join("%d亿元" % (i % 97 + 1) for i in range(k)) + "。\n"
        case("list_%d_items.txt" % k, report(clause), [0], "one clause with %d N亿元 items" % k)
        target = ("今年全市发展主要预期目标是:" + "、".join("指标%d增长%d%%" % (i, i % 9 + 1)
                                                        for i in range(k)) + "。\n")
        case("targets_%d_items.txt" % k, HEAD + "\n二、2024年工作安排\n" + target + TAIL, [0],
             "a targets passage with %d items" % k)
    k = 2000 if quick else 8000
    case("alias_list_%d.txt" % k, report("地区生产总值、" * k + "一般公共预算收入增长5%。\n"), [0],
         "a clause of %d indicator names joined by 、 without numbers" % k)
    # Streams and devices
    case("dev_zero", None, [6], "/dev/zero: read up to the limit, then refused",
         args=["extract", "/dev/zero"])
    case("yes_stdin", None, [6], "an endless pipe on /dev/stdin",
         args=["extract", "/dev/stdin"], stdin="yes:" + SENTENCE)
    case("ingest_dev_zero", None, [6], "gwr ingest /dev/zero goes on and reports too_large",
         args=["ingest", "/dev/zero", "{dir}/ok_report.txt", "--db", "{dir}/ingest.db", "--no-fts"])
    case("ok_report.txt", report(SENTENCE + "\n"), [0], "a plain good report")
    # NUL bytes, encodings, truncation
    case("nul_after_8k.txt", report("这是正文。" * 2000 + "\x00" + "结尾。\n"), [4],
         "a NUL byte after the first 8 KiB is binary data")
    case("utf16le_bom.txt", b"\xff\xfe" + report(SENTENCE).encode("utf-16-le"), [0],
         "UTF-16 with BOM")
    case("utf16le_nobom.txt", report(SENTENCE).encode("utf-16-le"), [4, 7],
         "UTF-16 without BOM has NULs")
    case("gbk_declared_utf8.html",
         ('<html><head><meta charset="utf-8"></head><body><p>%s</p></body></html>'
          % report(SENTENCE)).encode("gbk"), [0, 5, 7], "GBK bytes under a UTF-8 meta charset")
    case("random_high_bytes.txt", bytes((i * 7919 + 13) % 128 + 128 for i in range(1 << 16)),
         [4, 5, 7], "64 KB of random high bytes")
    case("truncated_report.txt", report(SENTENCE * 3).encode()[:-40], [0],
         "a report cut mid-way (and mid-character)")
    pdf_ok = text_pdf()
    case("truncated.pdf", pdf_ok[: len(pdf_ok) // 2], [4], "a PDF cut in half")
    d = docx(para("政府工作报告") + para("各位代表"))
    case("truncated.docx", d[: len(d) // 2], [4], "a .docx cut in half")
    # Budgets
    case("nested_xobjects.pdf", nested_xobject_pdf(), [6],
         "nested form XObjects: the PDF reader is stopped at its time budget",
         env={"GWR_PDF_TIMEOUT": "3"})
    # --stdin-jsonl
    deep_id = '{"id":' + "[" * 100000 + "]" * 100000 + ',"text":"x"}\n'
    write(os.path.join(out, "deep_id.jsonl"), deep_id + json.dumps(
        {"id": 2, "text": report(SENTENCE)}, ensure_ascii=False) + "\n")
    case("deep_id.jsonl", None, [0], "an id nested 100,000 deep is answered in-band",
         args=["extract", "--stdin-jsonl"], stdin="file:{dir}/deep_id.jsonl")
    b64 = base64.b64encode(nested_tables_docx(20000)).decode()
    write(os.path.join(out, "nested_docx.jsonl"),
          json.dumps({"id": 1, "base64": b64, "name": "n.docx"}) + "\n")
    case("nested_docx.jsonl", None, [0], "a nested-table .docx inside the stream",
         args=["extract", "--stdin-jsonl"], stdin="file:{dir}/nested_docx.jsonl")

    try:
        loop = os.path.join(out, "loop_a.txt")
        for p in (loop, os.path.join(out, "loop_b.txt")):
            if os.path.islink(p):
                os.unlink(p)
        os.symlink("loop_b.txt", loop)
        os.symlink("loop_a.txt", os.path.join(out, "loop_b.txt"))
        case("loop_a.txt", None, [3], "a symbolic link loop")
    except OSError:
        pass

    with open(os.path.join(out, "manifest.json"), "w") as f:
        json.dump(cases, f, ensure_ascii=False, indent=1)
    print("wrote %d cases to %s" % (len(cases), out))


if __name__ == "__main__":
    main()
