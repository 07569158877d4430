-- @id: enforcement.review_staff_share
-- @definition: data/indicator-systems/catalogue.json (indicator No., source, rule, threshold, weight);
--              a version file there says what changes by version
INSERT INTO metric_results BY NAME
SELECT
  'enforcement.review_staff_share' AS metric_id,
  region_code,
  CAST(year AS INTEGER) AS year,
  sum(legal_review_staff) FILTER (WHERE legal_review_staff IS NOT NULL) AS numerator,
  sum(officers) FILTER (WHERE legal_review_staff IS NOT NULL) AS denominator,
  CASE WHEN denominator > 0 THEN numerator / denominator END AS value,
  count(*) FILTER (WHERE legal_review_staff < 0.05 * officers) AS evidence_count,
  list_slice(list({'record_id': region_code || '|' || year || '|' || agency, 'load_id': _load_id, 'line': _line} ORDER BY _load_id, _line)
    FILTER (WHERE legal_review_staff < 0.05 * officers), 1, 50) AS evidence
FROM enforcement_stats
GROUP BY region_code, year;
