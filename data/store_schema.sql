-- gwr corpus schema (SQLite). Read by store.cpp at open time; documented in docs/schema.md. The
-- read views every reader relies on (canonical_reports: which stored report speaks for a region
-- and plan year; next_reports) are in store_views.sql, applied after this file.
-- Offsets (start_byte, end_byte) are half-open byte ranges into the raw input file of the report.
-- Text columns hold the source's own characters; *_simplified columns the analysis form used by
-- search. Booleans are 0/1. Every child table cascades on delete of its report.
PRAGMA foreign_keys = ON;

CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- The stored row of a report; read it through the view `reports` below, which adds body_text.
CREATE TABLE IF NOT EXISTS report_rows (
  report_id        INTEGER PRIMARY KEY,
  content_key      TEXT NOT NULL UNIQUE,   -- hash of the report's body text: the idempotency key
  source           TEXT NOT NULL,          -- input path as given at ingest
  index_in_file    INTEGER NOT NULL,
  format           TEXT,
  encoding         TEXT,
  traditional      INTEGER NOT NULL DEFAULT 0,
  region           TEXT,
  region_source    TEXT,                   -- title | session | header | body | file_name
  region_code      TEXT,
  level            TEXT,                   -- national | province | prefecture | county
  province         TEXT,
  parent           TEXT,
  delivered        TEXT,                   -- YYYY-MM-DD or YYYY-MM
  session          TEXT,
  speaker          TEXT,
  speaker_title    TEXT,
  acting           INTEGER NOT NULL DEFAULT 0,
  review_year      INTEGER,
  plan_year        INTEGER,
  published        TEXT,
  partial          INTEGER NOT NULL DEFAULT 0,
  gdp_target       TEXT,                   -- stated | explicitly_absent | not_found
  targets_sentence TEXT,
  body_start       INTEGER,
  body_end         INTEGER,
  char_count       INTEGER,                -- characters in the body
  body_text        TEXT,                   -- the body as written; NULL when body_gaps rebuild it
  ingested_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE INDEX IF NOT EXISTS reports_region_year ON report_rows(region, plan_year);
CREATE INDEX IF NOT EXISTS reports_level_year ON report_rows(level, plan_year);
CREATE INDEX IF NOT EXISTS reports_province ON report_rows(province);

CREATE TABLE IF NOT EXISTS sections (
  section_id   INTEGER PRIMARY KEY,
  report_id    INTEGER NOT NULL REFERENCES report_rows(report_id) ON DELETE CASCADE,
  ord          INTEGER NOT NULL,
  title        TEXT NOT NULL,
  level        INTEGER NOT NULL,
  type         TEXT NOT NULL,              -- review | five_year_review | fyp_goals | plan_tasks | self_building | glossary | livelihood | other
  appended     INTEGER NOT NULL DEFAULT 0,
  start_byte   INTEGER, end_byte INTEGER
);
CREATE INDEX IF NOT EXISTS sections_report ON sections(report_id);

CREATE TABLE IF NOT EXISTS paragraphs (
  paragraph_id    INTEGER PRIMARY KEY,
  report_id       INTEGER NOT NULL REFERENCES report_rows(report_id) ON DELETE CASCADE,
  ord             INTEGER NOT NULL,
  section_type    TEXT,                    -- type of the top-level section holding it
  section_title   TEXT,
  text            TEXT NOT NULL,           -- as written
  text_simplified TEXT,                    -- analysis text (simplified); NULL when equal to text
  start_byte      INTEGER, end_byte INTEGER
);
CREATE INDEX IF NOT EXISTS paragraphs_report ON paragraphs(report_id);

-- The body text between paragraphs: the body of a report whose report_rows.body_text is NULL is
-- its gaps and paragraph texts interleaved (gap ord k comes before paragraph ord k; the last gap,
-- after the last paragraph, has ord = last paragraph ord + 1). Empty gaps have no row.
CREATE TABLE IF NOT EXISTS body_gaps (
  report_id INTEGER NOT NULL REFERENCES report_rows(report_id) ON DELETE CASCADE,
  ord       INTEGER NOT NULL,
  text      TEXT NOT NULL,
  PRIMARY KEY (report_id, ord)
) WITHOUT ROWID;

-- Every report with its body text (stored once, in the paragraphs): what readers query.
CREATE VIEW IF NOT EXISTS reports AS
  SELECT report_id, content_key, source, index_in_file, format, encoding, traditional, region,
         region_source, region_code, level, province, parent, delivered, session, speaker,
         speaker_title, acting, review_year, plan_year, published, partial, gdp_target,
         targets_sentence, body_start, body_end, char_count,
         coalesce(body_text, (SELECT group_concat(piece, '') FROM (
           SELECT 2 * g.ord AS k, g.text AS piece FROM body_gaps g
             WHERE g.report_id = report_rows.report_id
           UNION ALL
           SELECT 2 * p.ord + 1, p.text FROM paragraphs p WHERE p.report_id = report_rows.report_id
           ORDER BY k))) AS body_text,
         ingested_at
  FROM report_rows;
CREATE TRIGGER IF NOT EXISTS reports_delete INSTEAD OF DELETE ON reports BEGIN
  DELETE FROM report_rows WHERE report_id = old.report_id;
END;

-- The analysis text of every paragraph, NULLs filled in: what the full-text index and the
-- analytics read.
CREATE VIEW IF NOT EXISTS paragraph_analysis_text AS
  SELECT paragraph_id, report_id, ord, section_type, coalesce(text_simplified, text) AS text_simplified
  FROM paragraphs;

CREATE TABLE IF NOT EXISTS targets (
  target_id    INTEGER PRIMARY KEY,
  report_id    INTEGER NOT NULL REFERENCES report_rows(report_id) ON DELETE CASCADE,
  kind         TEXT NOT NULL,              -- plan_year | five_year
  horizon      INTEGER,                    -- five-year targets: 2025, 2030
  year         INTEGER,                    -- the year the target is for (plan_year or horizon)
  indicator    TEXT NOT NULL,
  indicator_id TEXT,
  canonical    TEXT NOT NULL,
  value        REAL, value_hi REAL, unit TEXT,
  modifier     TEXT NOT NULL,
  basis        TEXT NOT NULL,
  aspiration   INTEGER NOT NULL DEFAULT 0,
  reference    TEXT,                       -- relative targets: province | nation | prefecture
  relative_modifier TEXT,                  -- relative targets: the offset's modifier
  stretch_value REAL,                      -- 保8争9 → 9
  base_year    INTEGER,                    -- 比2010年翻一番 → 2010
  verbatim     TEXT NOT NULL,
  start_byte   INTEGER, end_byte INTEGER
);
CREATE INDEX IF NOT EXISTS targets_canonical_year ON targets(canonical, year);
CREATE INDEX IF NOT EXISTS targets_report ON targets(report_id);

CREATE TABLE IF NOT EXISTS facts (
  fact_id      INTEGER PRIMARY KEY,
  report_id    INTEGER NOT NULL REFERENCES report_rows(report_id) ON DELETE CASCADE,
  ord          INTEGER NOT NULL,           -- position in the report's fact list
  indicator    TEXT NOT NULL,
  indicator_id TEXT NOT NULL,
  measure      TEXT NOT NULL,              -- growth | level
  value        REAL NOT NULL, value_hi REAL, unit TEXT,
  comparator   TEXT,
  status       TEXT NOT NULL,              -- actual | estimate | target | aspiration
  period       TEXT NOT NULL,              -- review_year | five_year_span | plan_year | fyp_horizon | unknown
  year         INTEGER,
  scope        TEXT NOT NULL,
  headline     INTEGER NOT NULL DEFAULT 0,
  linked_ord   INTEGER,                    -- ord of the paired level/growth fact
  verbatim     TEXT NOT NULL,
  start_byte   INTEGER, end_byte INTEGER
);
CREATE INDEX IF NOT EXISTS facts_indicator_year ON facts(indicator_id, year, status);
CREATE INDEX IF NOT EXISTS facts_report ON facts(report_id);

CREATE TABLE IF NOT EXISTS quantities (
  quantity_id  INTEGER PRIMARY KEY,
  report_id    INTEGER NOT NULL REFERENCES report_rows(report_id) ON DELETE CASCADE,
  value        REAL NOT NULL, value_hi REAL,
  unit         TEXT, base_value REAL, base_unit TEXT,
  kind         TEXT NOT NULL, comparator TEXT NOT NULL,
  text         TEXT NOT NULL,
  start_byte   INTEGER, end_byte INTEGER
);
CREATE INDEX IF NOT EXISTS quantities_report ON quantities(report_id);

CREATE TABLE IF NOT EXISTS livelihood_items (
  item_id        INTEGER PRIMARY KEY,
  report_id      INTEGER NOT NULL REFERENCES report_rows(report_id) ON DELETE CASCADE,
  ord            INTEGER NOT NULL,
  label          TEXT,
  declared_count INTEGER,
  text           TEXT NOT NULL,
  start_byte     INTEGER, end_byte INTEGER
);
CREATE INDEX IF NOT EXISTS livelihood_report ON livelihood_items(report_id);

CREATE TABLE IF NOT EXISTS glossary (
  glossary_id INTEGER PRIMARY KEY,
  report_id   INTEGER NOT NULL REFERENCES report_rows(report_id) ON DELETE CASCADE,
  term        TEXT NOT NULL,
  definition  TEXT NOT NULL,
  start_byte  INTEGER, end_byte INTEGER
);
CREATE INDEX IF NOT EXISTS glossary_term ON glossary(term);

-- Without rowid: the key is the table (a rowid table would keep every text twice, in its index).
CREATE TABLE IF NOT EXISTS slogans (
  report_id INTEGER NOT NULL REFERENCES report_rows(report_id) ON DELETE CASCADE,
  text      TEXT NOT NULL,
  count     INTEGER NOT NULL,
  PRIMARY KEY (report_id, text)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS warnings (
  report_id   INTEGER NOT NULL REFERENCES report_rows(report_id) ON DELETE CASCADE,
  code        TEXT NOT NULL,
  message     TEXT NOT NULL,
  raw_offset  INTEGER
);
CREATE INDEX IF NOT EXISTS warnings_report ON warnings(report_id);

-- One row per input file seen by `gwr ingest`, for the summary and for resuming.
CREATE TABLE IF NOT EXISTS ingest_files (
  path        TEXT PRIMARY KEY,
  size        INTEGER,
  status      TEXT NOT NULL,               -- ingested | duplicate | failed
  reports     INTEGER NOT NULL DEFAULT 0,
  error       TEXT,
  seen_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);

-- Versions of one report (docs/schema.md, "Versions"). A report is identified by its report_key,
-- "<region code>/<plan year>" (the region name while the code is unknown); every stored copy of it
-- (a .docx and its .txt, a traditional repost …) is a version. version_rank 1 is the canonical
-- version, which every count, chart, panel and export reads unless asked for all versions. Kept by
-- the store: recomputed from the view version_ranks (store_views.sql) whenever a write adds reports
-- or a preference changes. report_key is NULL for a report without a region or a plan year; such a
-- report is its own only version (rank 1).
CREATE TABLE IF NOT EXISTS report_versions (
  report_id    INTEGER PRIMARY KEY REFERENCES report_rows(report_id) ON DELETE CASCADE,
  report_key   TEXT,
  version_rank INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS report_versions_key ON report_versions(report_key, version_rank);

-- Versions chosen by hand (`gwr versions --prefer`): a preferred version is canonical whatever the
-- rules say. Keyed by the version's content_key, so the choice survives a rebuild of the corpus.
CREATE TABLE IF NOT EXISTS version_preferences (
  content_key TEXT PRIMARY KEY,
  chosen_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
) WITHOUT ROWID;
