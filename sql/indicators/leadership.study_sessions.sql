-- @id: leadership.study_sessions
-- @indicator_no: —
-- @source: annual_reports
-- @rule: leadership_study_sessions as stated, for the report's report_year; an empty cell is no data
-- @threshold: >= 4 per year (data/indicator-systems)
-- A figure the region states about itself: the evidence is the report row. Percent cells are 0..100 in the
-- files and fractions here.
INSERT INTO metric_results BY NAME
SELECT
  'leadership.study_sessions' AS metric_id,
  region_code,
  CAST(report_year AS INTEGER) AS year,
  CAST(leadership_study_sessions AS DOUBLE) AS value,
  CASE WHEN leadership_study_sessions IS NOT NULL THEN 1 ELSE 0 END AS evidence_count,
  [{'record_id': region_code || '|' || report_year, 'load_id': _load_id, 'line': _line}] AS evidence
FROM annual_reports;
