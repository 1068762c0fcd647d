// gwr/ingest/html.h — INTERNAL to the ingest stage: HTML → visible text.
//
//   MappedText v = ingest::html_to_text(decoded_html);      // map → decoded_html
//   std::string cs = ingest::sniff_charset(raw_bytes);      // "gbk", "utf-8" or ""
//
// html_to_text drops tags, comments, <script>, <style>, <nav>, <head>, <header>, <footer>,
// <noscript>, <template>, <iframe>, <svg>, <select> with their content; block tags (p, div, br,
// li, tr, h1–h6, table, section …) become line breaks, table cells a TAB; runs of ASCII white
// space collapse to one space (none at a line start); entities (named, incl. &nbsp; &ensp;
// &emsp; &ldquo; &rdquo; &mdash;, and numeric) are decoded. Never fails: malformed markup is
// read as text as far as it goes. Pure; safe for concurrent use.
#pragma once

#include <string>
#include <string_view>

#include "text/offset_map.h"

namespace gwr::ingest {

MappedText html_to_text(std::string_view html);

// The encoding declared by <meta charset=…> or <meta http-equiv content="…; charset=…"> in the
// first 8 KiB of the raw bytes, lower-cased; "" when none.
std::string sniff_charset(std::string_view raw);

// True when the bytes look like an HTML document (a doctype, <html>, <head>, <body>, <meta> or
// several block tags near the start).
bool looks_like_html(std::string_view raw);

}  // namespace gwr::ingest
