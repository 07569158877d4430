-- @id: report.submitted_on_time
-- @indicator_no: —
-- @source: annual_reports, regions
-- @rule: the report on year Y is submitted by 31 January of Y + 1 (section 四(一)); a designated region owes a report
--        for every year from the year before its batch (its application year); no report once 31 January has passed
--        is not submitted (value 0); no report before then is no data (not yet due)
-- @threshold: 100% (data/indicator-systems)
INSERT INTO metric_results BY NAME
WITH expected AS (
  SELECT r.region_code, CAST(y.year AS INTEGER) AS year
  FROM regions AS r
  CROSS JOIN refresh_context AS c
  CROSS JOIN range(2019, year(c.as_of)) AS y(year)
  WHERE r.designation <> 'none' AND y.year >= r.batch - 1
),
judged AS (
  SELECT
    coalesce(e.region_code, a.region_code) AS region_code,
    coalesce(e.year, CAST(a.report_year AS INTEGER)) AS year,
    a.submitted_on, a._load_id, a._line,
    make_date(coalesce(e.year, CAST(a.report_year AS INTEGER)) + 1, 1, 31) AS due_on
  FROM expected AS e
  FULL JOIN annual_reports AS a ON a.region_code = e.region_code AND a.report_year = e.year
)
SELECT
  'report.submitted_on_time' AS metric_id,
  j.region_code,
  j.year,
  CASE WHEN j.submitted_on <= j.due_on THEN 1 WHEN j.submitted_on IS NOT NULL OR j.due_on < c.as_of THEN 0 END AS numerator,
  CASE WHEN j.submitted_on IS NOT NULL OR j.due_on < c.as_of THEN 1 END AS denominator,
  numerator / denominator AS value,
  coalesce(denominator - numerator, 0) AS evidence_count,
  CASE WHEN j._load_id IS NOT NULL AND numerator = 0
    THEN [{'record_id': j.region_code || '|' || j.year, 'load_id': j._load_id, 'line': j._line}] ELSE [] END AS evidence
FROM judged AS j
CROSS JOIN refresh_context AS c;
