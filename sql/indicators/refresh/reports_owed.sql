-- @produces: temp view reports_owed — one row per annual report a designated region owes (every year from its batch,
-- the year it was named — 四(一) binds 示范地区, so the first report owed is on the year of naming — up to the year
-- before the data's date) or has sent, with its due date
-- (31 January of the next year, section 四(一)). Read by report.submitted_on_time and report.published.
CREATE OR REPLACE TEMP VIEW reports_owed AS
WITH expected AS (
  SELECT r.region_code, CAST(y.year AS INTEGER) AS year
  FROM regions AS r
  CROSS JOIN refresh_context AS c
  CROSS JOIN range(2019, year(c.as_of)) AS y(year)
  WHERE r.designation <> 'none' AND y.year >= r.batch
)
SELECT
  coalesce(e.region_code, a.region_code) AS region_code,
  coalesce(e.year, CAST(a.report_year AS INTEGER)) AS year,
  a.submitted_on, a.published_on, a._load_id, a._line,
  make_date(coalesce(e.year, CAST(a.report_year AS INTEGER)) + 1, 1, 31) AS due_on
FROM expected AS e
FULL JOIN annual_reports AS a ON a.region_code = e.region_code AND a.report_year = e.year;
