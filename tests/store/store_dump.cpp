// store_dump DB — a canonical text dump of a gwr corpus database, for comparing two databases
// (tests/cli/dask_from_jsonl_test.py compares a store built from map output with a direct ingest).
//
//   store_dump corpus.db > corpus.dump
//   store_dump --fts-delete 3 copy.db      # test hook: drop paragraph 3 from the full-text index
//
// One line per row: "<table>\t<cells>", cells a JSON array of typed values ("i:42", "r:1.5" with
// 17 significant digits, "t:<text>", "b:<hex>", null), tables in name order, rows in the order of
// the declared primary key (ingest_files by path, slogans by report and text: a re-run replaces
// rows, which moves their hidden rowid), else of the rowid (the ids), else of all columns. Then:
//   * every view (reports, paragraph_analysis_text) as "view <name>\t<cells>", by its first column;
//   * schema: every sqlite_master entry (type, name, table, sql);
//   * paragraphs_fts.instance: the full-text index itself, every (term, paragraph, column, offset)
//     from fts5vocab 'instance' — what search reads, independent of how the index happens to be
//     split into segments;
//   * paragraphs_fts.integrity: the result of FTS5's integrity-check against the content.
// Left out, and only these: the columns that hold the ingest clock (report_rows.ingested_at and
// the view's reports.ingested_at, ingest_files.seen_at) and the FTS5 segment tables
// paragraphs_fts_data and paragraphs_fts_idx (their b-tree layout depends on commit and merge
// history; their content is the instance dump). Needs the "gwr" tokenizer, hence C++ (Python's
// sqlite3 cannot open the index). Opens the database for writing (the integrity-check is an INSERT)
// but writes nothing unless told to. Exit 0, or 1 with the SQLite error on stderr.
#include <sqlite3.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "store/store.h"

namespace {

using nlohmann::json;

const std::set<std::string> kSkippedTables = {"paragraphs_fts_data", "paragraphs_fts_idx"};
const std::set<std::string> kSkippedColumns = {"report_rows.ingested_at", "reports.ingested_at",
                                               "ingest_files.seen_at"};

[[noreturn]] void die(sqlite3* db, const std::string& what) {
  std::cerr << "store_dump: " << what << ": " << (db ? sqlite3_errmsg(db) : "") << "\n";
  std::exit(1);
}

json cell(sqlite3_stmt* s, int i) {
  switch (sqlite3_column_type(s, i)) {
    case SQLITE_INTEGER:
      return "i:" + std::to_string(sqlite3_column_int64(s, i));
    case SQLITE_FLOAT: {
      char buf[40];
      std::snprintf(buf, sizeof buf, "r:%.17g", sqlite3_column_double(s, i));
      return buf;
    }
    case SQLITE_TEXT:
      return "t:" + std::string(reinterpret_cast<const char*>(sqlite3_column_text(s, i)),
                                static_cast<std::size_t>(sqlite3_column_bytes(s, i)));
    case SQLITE_BLOB: {
      const auto* p = static_cast<const unsigned char*>(sqlite3_column_blob(s, i));
      std::string hex = "b:";
      char b[3];
      for (int k = 0; k < sqlite3_column_bytes(s, i); ++k) {
        std::snprintf(b, sizeof b, "%02x", p[k]);
        hex += b;
      }
      return hex;
    }
    default:
      return nullptr;
  }
}

// Prints every row of `sql` as "<label>\t<cells>".
void dump_query(sqlite3* db, const std::string& label, const std::string& sql) {
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) die(db, sql);
  int rc;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    json row = json::array();
    for (int i = 0; i < sqlite3_column_count(s); ++i) row.push_back(cell(s, i));
    std::cout << label << "\t" << row.dump(-1, ' ', false, json::error_handler_t::replace) << "\n";
  }
  if (rc != SQLITE_DONE) die(db, sql);
  sqlite3_finalize(s);
}

std::vector<std::string> strings(sqlite3* db, const std::string& sql) {
  std::vector<std::string> out;
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) die(db, sql);
  while (sqlite3_step(s) == SQLITE_ROW)
    out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)));
  sqlite3_finalize(s);
  return out;
}

std::string quoted(const std::string& name) { return "\"" + name + "\""; }

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  long long fts_delete = -1;
  if (args.size() == 3 && args[0] == "--fts-delete") {
    fts_delete = std::atoll(args[1].c_str());
    args.erase(args.begin(), args.begin() + 2);
  }
  if (args.size() != 1) {
    std::cerr << "usage: store_dump [--fts-delete PARAGRAPH_ID] DB\n";
    return 2;
  }
  // Writable (FTS5's integrity-check is an INSERT), but nothing is written except by
  // --fts-delete: the schema is already there and fts = false builds no missing index.
  gwr::store::Options o;
  o.fts = false;
  auto st = gwr::store::Store::open(args[0], o);
  if (!st) {
    std::cerr << "store_dump: " << st.error().describe() << "\n";
    return 1;
  }
  sqlite3* db = st->handle();
  if (fts_delete >= 0) {
    const std::string sql =
        "INSERT INTO paragraphs_fts(paragraphs_fts, rowid, text_simplified) SELECT 'delete', "
        "paragraph_id, text_simplified FROM paragraph_analysis_text WHERE paragraph_id = " +
        std::to_string(fts_delete);
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) die(db, sql);
    return 0;
  }

  for (const std::string& table :
       strings(db,
               "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE "
               "'CREATE VIRTUAL TABLE%' ORDER BY name")) {
    if (kSkippedTables.count(table)) continue;
    std::vector<std::string> cols;
    for (const std::string& c :
         strings(db, "SELECT name FROM pragma_table_info(" + quoted(table) + ") ORDER BY cid")) {
      if (!kSkippedColumns.count(table + "." + c)) cols.push_back(quoted(c));
    }
    // A declared key other than the rowid orders the rows; otherwise the rowid (report and row
    // ids, and insertion order), and for a table with neither, all columns.
    std::vector<std::string> key;
    for (const std::string& c :
         strings(db, "SELECT name FROM pragma_table_info(" + quoted(table) +
                         ") WHERE pk > 0 AND NOT (type = 'INTEGER' AND (SELECT count(*) FROM "
                         "pragma_table_info(" +
                         quoted(table) + ") WHERE pk > 0) = 1) ORDER BY pk"))
      key.push_back(quoted(c));
    const bool rowid = strings(db, "SELECT sql FROM sqlite_master WHERE name = '" + table + "'")
                           .front()
                           .find("WITHOUT ROWID") == std::string::npos;
    std::string list, order;
    for (std::size_t i = 0; i < cols.size(); ++i) list += (i ? ", " : "") + cols[i];
    if (!key.empty()) {
      for (std::size_t i = 0; i < key.size(); ++i) order += (i ? ", " : "") + key[i];
    } else if (rowid) {
      order = "rowid";
    } else {
      for (std::size_t i = 0; i < cols.size(); ++i)
        order += (i ? ", " : "") + std::to_string(i + 1);
    }
    dump_query(db, table, "SELECT " + list + " FROM " + quoted(table) + " ORDER BY " + order);
  }
  // The views as readers see them (reports with its rebuilt body_text), in the order of their
  // first column (the ids).
  for (const std::string& view :
       strings(db, "SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name")) {
    std::string list;
    for (const std::string& c :
         strings(db, "SELECT name FROM pragma_table_info(" + quoted(view) + ") ORDER BY cid")) {
      if (!kSkippedColumns.count(view + "." + c)) list += (list.empty() ? "" : ", ") + quoted(c);
    }
    dump_query(db, "view " + view, "SELECT " + list + " FROM " + quoted(view) + " ORDER BY 1");
  }
  dump_query(db, "schema",
             "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name");
  if (!strings(db, "SELECT name FROM sqlite_master WHERE name = 'paragraphs_fts'").empty()) {
    if (sqlite3_exec(db,
                     "CREATE VIRTUAL TABLE temp.fts_instance USING "
                     "fts5vocab(main, paragraphs_fts, instance)",
                     nullptr, nullptr, nullptr) != SQLITE_OK)
      die(db, "fts5vocab");
    dump_query(db, "paragraphs_fts.instance",
               "SELECT term, doc, col, offset FROM temp.fts_instance ORDER BY term, doc, col, "
               "offset");
    const int rc = sqlite3_exec(
        db, "INSERT INTO paragraphs_fts(paragraphs_fts, rank) VALUES('integrity-check', 1)",
        nullptr, nullptr, nullptr);
    std::cout << "paragraphs_fts.integrity\t"
              << (rc == SQLITE_OK ? std::string("[\"ok\"]")
                                  : json::array({sqlite3_errmsg(db)}).dump())
              << "\n";
  }
  return 0;
}
