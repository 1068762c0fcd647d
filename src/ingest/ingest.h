// gwr/ingest/ingest.h — stage 2: one input file → the government work reports it holds.
//
//   auto lex = ingest::Lexicon::load();                              // once per process
//   Result<std::vector<Document>> r = ingest::read_file("2023_report.html", *lex);
//   if (!r) return fail(r.error());                 // kUnreadable, kTooLarge, kNotAReport, ...
//   for (const Document& d : *r) use(d.text_of(d.body), d.page_meta, d.partial);
//
// What read_file/read_bytes produce, per report found in the file:
//   source, index_in_file (0-based, file order), format ("txt", "html", "pdf"), encoding,
//   traditional; `original` = the visible text (HTML tags/script/style/nav/comments dropped,
//   block tags turned into line breaks, entities decoded; PDF pages joined with '\n') with its map
//   to the raw file bytes; `text` = text::normalize(original) with its map to `original`;
//   text_to_raw = compose(text.map, original.map); `body` = the report itself inside `text`
//   (title block included, page chrome before and footer chrome after excluded, appended glossaries
//   and annexed lists kept); page_meta = the chrome fields found (索引号, 发布日期, 来源 …), spans
//   in `text`; partial = excerpt / news quote / cut-off page; warnings from decode, normalize and
//   ingest itself, all with raw offsets into the file.
//
// Files holding several reports (one per long line between `【…】` title lines, or consecutive
// reports each opening with its own `政府工作报告` title) give one Document per report. Each
// Document's texts cover only its chunk, but its maps still point at raw offsets in the whole file.
//
// .docx: text comes from word/document.xml (ingest/docx.h); the extracted text is the raw layer,
// so raw spans of .docx documents are offsets into it, and Document::style_headings holds the
// heading paragraphs. Text and HTML pass through ingest/scrub.h (export escapes) and
// ingest/repeats.h (repeated copies, pagers); PDF text through ingest/webprint.h.
//
// PDF: text comes from poppler-cpp (ingest/pdf.h). As for .docx, the extracted text (pages
// joined by '\n') is the raw layer: raw spans of PDF documents are offsets into it.
//
// Failure (Result error; the message names the file and the problem; nothing is partially
// returned):
//   kUnreadable        missing path, a directory, no permission, a symbolic link loop, I/O error
//   kTooLarge          more than Options::max_bytes (checked before reading)
//   kNotAReport        empty file, or readable text with no sign of a work report
//                      (vocabulary in data/report_signals.tsv)
//   kUnsupportedFormat binary data (a NUL byte anywhere outside UTF-16 text), binary
//                      office/archive extensions, legacy .doc, corrupt or encrypted PDF or .docx,
//                      a PDF that crashes the PDF reader, .docx without word/document.xml or w:body
//   kTooLarge          also: a .docx part over 64 MiB uncompressed or compressed over 200:1;
//                      a PDF whose text extraction runs over its time or memory budget
//                      (Options::pdf); a device, pipe or stream that goes on past max_bytes
//                      (read_file stops reading at the limit)
//   kBadEncoding       text that no supported encoding decodes (from text::decode)
//
// Pure functions: no global state; the lexicons are passed in and only read. Safe for concurrent
// use.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/vocabulary.h"
#include "doc/document.h"
#include "text/text.h"

namespace gwr::ingest {

// The ingest stage's vocabularies: report signals (data/report_signals.tsv), page chrome
// (data/boilerplate.tsv) and the text stage's. Load once (pipeline::Resources does), share
// read-only; load() fails with kInvalidData naming the file and line of a bad row.
struct Lexicon {
  text::Lexicon text;
  data::Vocabulary signals;      // signal opening review plan closing congress
  data::Vocabulary boilerplate;  // meta head foot nav pager
  // The lists in file order (page-meta keys longest first, so 信息来源 wins over 来源).
  std::vector<std::string> signal, opening, review, plan, closing;
  std::vector<std::string> meta_keys, head, foot, nav;
  static Result<Lexicon> load();
};

// PDF text extraction runs in a child process with a wall-time and a memory budget (ingest/pdf.h).
// Defaults: 20 s and 1024 MiB; the environment variables GWR_PDF_TIMEOUT (seconds, > 0) and
// GWR_PDF_MEMORY_MB (> 0) change them (from_environment() reads them once per process).
struct PdfBudget {
  double seconds = 20;
  std::size_t memory_bytes = std::size_t{1024} << 20;
  static PdfBudget from_environment();
};

struct Options {
  std::size_t max_bytes = text::kMaxInputBytes;
  PdfBudget pdf = PdfBudget::from_environment();
};

// Reads one file (txt/html/htm/pdf/docx by extension; content is sniffed when the extension is
// missing or an unknown text one) and returns one Document per report found in it.
Result<std::vector<Document>> read_file(const std::filesystem::path& path, const Lexicon& lex,
                                        const Options& = {});

// Same on bytes already in memory; `name` is used in messages and for format detection by
// extension.
Result<std::vector<Document>> read_bytes(std::string_view bytes, std::string_view name,
                                         const Lexicon& lex, const Options& = {});

}  // namespace gwr::ingest
