-- @id: satisfaction.rate
-- @indicator_no: 84
-- @source: satisfaction_surveys
-- @rule: satisfied / respondents of the year's survey (summed if a region sends several rows for a year)
-- @threshold: >= 80% (data/indicator-systems)
INSERT INTO metric_results BY NAME
SELECT
  'satisfaction.rate' AS metric_id,
  region_code,
  CAST(year AS INTEGER) AS year,
  sum(satisfied) AS numerator,
  sum(respondents) AS denominator,
  CASE WHEN denominator > 0 THEN numerator / denominator END AS value,
  count(*) AS evidence_count,
  list({'record_id': region_code || '|' || year, 'load_id': _load_id, 'line': _line} ORDER BY _load_id, _line) AS evidence
FROM satisfaction_surveys
GROUP BY region_code, year;
