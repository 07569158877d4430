-- @id: satisfaction.rate
-- @definition: data/indicator-systems/catalogue.json (indicator No., source, rule, threshold, weight);
--              a version file there says what changes by version
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
