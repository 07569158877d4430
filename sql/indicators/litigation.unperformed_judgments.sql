-- @id: litigation.unperformed_judgments
-- @definition: data/indicator-systems/catalogue.json (indicator No., source, rule, threshold, weight);
--              a version file there says what changes by version
INSERT INTO metric_results BY NAME
SELECT
  'litigation.unperformed_judgments' AS metric_id,
  region_code,
  year(concluded_on) AS year,
  count(*) FILTER (WHERE outcome = 'lost' AND judgment_performed = false) AS numerator,
  count(*) FILTER (WHERE outcome = 'lost') AS denominator,
  numerator AS value,
  numerator AS evidence_count,
  list_slice(list({'record_id': case_id, 'load_id': _load_id, 'line': _line} ORDER BY _load_id, _line)
    FILTER (WHERE outcome = 'lost' AND judgment_performed = false), 1, 50) AS evidence
FROM litigation_cases
WHERE concluded_on IS NOT NULL
GROUP BY region_code, year(concluded_on);
