-- @id: litigation.loss_rate
-- @definition: data/indicator-systems/catalogue.json (indicator No., source, rule, threshold, weight);
--              a version file there says what changes by version
-- Threshold <= the national loss rate of the previous year (national_benchmarks litigation_loss_rate, Y - 1); no benchmark: the value is shown and the status is no_data (applied in sql/indicators/refresh/apply_thresholds.sql)
INSERT INTO metric_results BY NAME
SELECT
  'litigation.loss_rate' AS metric_id,
  region_code,
  year(concluded_on) AS year,
  count(*) FILTER (WHERE outcome = 'lost') AS numerator,
  count(*) AS denominator,
  numerator / denominator AS value,
  numerator AS evidence_count,
  list_slice(list({'record_id': case_id, 'load_id': _load_id, 'line': _line} ORDER BY _load_id, _line) FILTER (WHERE outcome = 'lost'), 1, 50) AS evidence
FROM litigation_cases
WHERE concluded_on IS NOT NULL
GROUP BY region_code, year(concluded_on);
