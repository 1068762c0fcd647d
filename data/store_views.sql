-- gwr corpus read views (SQLite): which stored report speaks for a region and plan year. Created
-- with the schema (store_schema.sql) on every writable open; a read-only connection to a file
-- written before they existed creates them as TEMP views of its own (store/query.h), so every
-- view here is created IF NOT EXISTS. Documented in docs/schema.md.

-- The canonical report of each region and plan year. One speech can be stored more than once (a
-- page holding its first part, the same text from two sites with different wrapping …); of those
-- versions the first complete (non-partial) one by report_id wins, else the first partial one.
-- Every "the report of region R for year Y" reads this view. Reports without a region or a plan
-- year have no row.
CREATE VIEW IF NOT EXISTS canonical_reports AS
  SELECT r.report_id, r.region, r.plan_year FROM report_rows r
  WHERE r.region IS NOT NULL AND r.plan_year IS NOT NULL
    AND NOT EXISTS (
      SELECT 1 FROM report_rows o
      WHERE o.region = r.region AND o.plan_year = r.plan_year
        AND (o.partial < r.partial OR (o.partial = r.partial AND o.report_id < r.report_id)));

-- Every report with the canonical report of its region for the following plan year: the one whose
-- review says what became of this report's targets and commitments. Reports without one have no
-- row.
CREATE VIEW IF NOT EXISTS next_reports AS
  SELECT r.report_id, n.report_id AS next_report_id, n.plan_year AS next_plan_year
  FROM report_rows r JOIN canonical_reports n ON n.region = r.region AND n.plan_year = r.plan_year + 1;
