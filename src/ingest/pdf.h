// gwr/ingest/pdf.h — INTERNAL to the ingest stage: PDF → text with poppler-cpp.
//
//   Result<MappedText> t = ingest::pdf_to_text(bytes, "report.pdf");
//
// Pages are joined with '\n'. A PDF's text has no byte-level correspondence with the file
// (content streams are compressed and glyph-coded), so, as for .docx, the extracted text is the
// raw layer: the map is the identity and offsets downstream are byte offsets into this text
// (`gwr extract --text` prints it). Encrypted (password-locked) and corrupt files are
// kUnsupportedFormat; `name` is used in the message. Safe for concurrent use (each call owns its
// poppler document).
//
// Budget: poppler cannot be bounded from outside (a 3 KB PDF of nested form XObjects takes
// minutes and gigabytes), so the text is extracted in a child process (fork) that the caller
// kills when it runs past `budget.seconds` of wall time; in the child RLIMIT_AS allows
// `budget.memory_bytes` more address space than the process had (not under AddressSanitizer,
// which reserves terabytes of address space: there the time budget alone applies). Over either
// budget → kTooLarge naming the budget; the child dying of a signal → kUnsupportedFormat.
// The parent never calls poppler itself, so forking from a multi-threaded process is safe.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "ingest/ingest.h"
#include "text/offset_map.h"

namespace gwr::ingest {

// When `page_begins` is given, it receives the offset in the text where each page starts.
Result<MappedText> pdf_to_text(std::string_view bytes, std::string_view name,
                               std::vector<std::size_t>* page_begins = nullptr,
                               const PdfBudget& budget = PdfBudget::from_environment());

}  // namespace gwr::ingest
