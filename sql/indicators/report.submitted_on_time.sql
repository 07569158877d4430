-- @id: report.submitted_on_time
-- @indicator_no: —
-- @source: annual_reports, regions
-- @rule: the report on year Y is submitted by 31 January of Y + 1 (section 四(一)); a designated region owes a report
--        for every year from the year before its batch (its application year); no report once 31 January has passed
--        is not submitted (value 0); no report before then is no data (not yet due)
-- @threshold: 100% (data/indicator-systems)
-- Which reports are owed, and when: the view reports_owed (sql/indicators/refresh/reports_owed.sql).
INSERT INTO metric_results BY NAME
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
FROM reports_owed AS j
CROSS JOIN refresh_context AS c;
