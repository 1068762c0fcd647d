-- gwr corpus read views (SQLite): which stored report speaks for a region and plan year. Created
-- with the schema (store_schema.sql) on every writable open; a read-only connection to a file
-- written before they existed creates them as TEMP views of its own (store/query.h), so every
-- view here is created IF NOT EXISTS. Documented in docs/schema.md.

-- The rank of every stored report among the versions of its report (docs/schema.md, "Versions"):
-- the report_key is "<region code>/<plan year>", the region name standing in while the code is
-- unknown; a report without a region or a plan year has no key and is its own only version. Of the
-- versions of one key, the canonical one (rank 1) is, in this order:
--   a version chosen by hand (version_preferences, `gwr versions --prefer`);
--   complete over partial (an excerpt, a news quote, a cut-off page);
--   simplified over traditional characters (a repost);
--   an original document format over a conversion: .docx or .pdf, then a web page, then text;
--   the first stored (lowest report_id).
-- The store keeps these ranks in the table report_versions, recomputed after each write.
CREATE VIEW IF NOT EXISTS version_ranks AS
  SELECT report_id, report_key,
         ROW_NUMBER() OVER (
           PARTITION BY coalesce(report_key, '#' || report_id)
           ORDER BY preferred DESC, partial, traditional, format_rank, report_id) AS version_rank
  FROM (SELECT r.report_id,
               CASE WHEN r.plan_year IS NULL OR coalesce(r.region_code, r.region) IS NULL THEN NULL
                    ELSE coalesce(r.region_code, r.region) || '/' || r.plan_year END AS report_key,
               EXISTS (SELECT 1 FROM version_preferences p WHERE p.content_key = r.content_key)
                 AS preferred,
               r.partial, r.traditional,
               CASE lower(coalesce(r.format, '')) WHEN 'docx' THEN 0 WHEN 'pdf' THEN 0
                    WHEN 'html' THEN 1 ELSE 2 END AS format_rank
        FROM report_rows r);

-- The canonical report of each region and plan year: the rank-1 version (report_versions). Every
-- "the report of region R for year Y" reads this view. Reports without a region or a plan year
-- have no row.
CREATE VIEW IF NOT EXISTS canonical_reports AS
  SELECT r.report_id, r.region, r.plan_year
  FROM report_versions v JOIN report_rows r ON r.report_id = v.report_id
  WHERE v.version_rank = 1 AND r.region IS NOT NULL AND r.plan_year IS NOT NULL;

-- Every report with the canonical report of its region for the following plan year: the one whose
-- review says what became of this report's targets and commitments. Reports without one have no
-- row.
CREATE VIEW IF NOT EXISTS next_reports AS
  SELECT r.report_id, n.report_id AS next_report_id, n.plan_year AS next_plan_year
  FROM report_rows r JOIN canonical_reports n ON n.region = r.region AND n.plan_year = r.plan_year + 1;
