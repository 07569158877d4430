-- @id: decisions.collective
-- @indicator_no: 45
-- @source: annual_reports
-- @rule: major_decisions_collective / major_decisions as stated, for the report's report_year; no major decision (or an empty cell) is no data
-- @threshold: 100% (data/indicator-systems)
INSERT INTO metric_results BY NAME
SELECT
  'decisions.collective' AS metric_id,
  region_code,
  CAST(report_year AS INTEGER) AS year,
  CAST(major_decisions_collective AS DOUBLE) AS numerator,
  CAST(major_decisions AS DOUBLE) AS denominator,
  CASE WHEN major_decisions > 0 THEN major_decisions_collective / major_decisions END AS value,
  coalesce(major_decisions - major_decisions_collective, 0) AS evidence_count,
  [{'record_id': region_code || '|' || report_year, 'load_id': _load_id, 'line': _line}] AS evidence
FROM annual_reports;
