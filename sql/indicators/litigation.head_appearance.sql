-- @id: litigation.head_appearance
-- @definition: data/indicator-systems/catalogue.json (indicator No., source, rule, threshold, weight);
--              a version file there says what changes by version
INSERT INTO metric_results BY NAME
SELECT
  'litigation.head_appearance' AS metric_id,
  region_code,
  year(concluded_on) AS year,
  count(*) FILTER (WHERE head_appeared) AS numerator,
  count(*) AS denominator,
  numerator / denominator AS value,
  count(*) FILTER (WHERE head_appeared IS NOT TRUE) AS evidence_count,
  list_slice(list({'record_id': case_id, 'load_id': _load_id, 'line': _line} ORDER BY _load_id, _line) FILTER (WHERE head_appeared IS NOT TRUE), 1, 50) AS evidence
FROM litigation_cases
WHERE concluded_on IS NOT NULL AND is_major
GROUP BY region_code, year(concluded_on);
