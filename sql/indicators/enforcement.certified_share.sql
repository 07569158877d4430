-- @id: enforcement.certified_share
-- @definition: data/indicator-systems/catalogue.json (indicator No., source, rule, threshold, weight);
--              a version file there says what changes by version
INSERT INTO metric_results BY NAME
SELECT
  'enforcement.certified_share' AS metric_id,
  region_code,
  CAST(year AS INTEGER) AS year,
  sum(certified_officers) FILTER (WHERE certified_officers IS NOT NULL) AS numerator,
  sum(officers) FILTER (WHERE certified_officers IS NOT NULL) AS denominator,
  CASE WHEN denominator > 0 THEN numerator / denominator END AS value,
  count(*) FILTER (WHERE certified_officers < officers) AS evidence_count,
  list_slice(list({'record_id': region_code || '|' || year || '|' || agency, 'load_id': _load_id, 'line': _line} ORDER BY _load_id, _line)
    FILTER (WHERE certified_officers < officers), 1, 50) AS evidence
FROM enforcement_stats
GROUP BY region_code, year;
