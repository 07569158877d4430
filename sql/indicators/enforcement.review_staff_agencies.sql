-- @id: enforcement.review_staff_agencies
-- @definition: data/indicator-systems/catalogue.json (indicator No., source, rule, threshold, weight);
--              a version file there says what changes by version
-- No. 63 asks it of each agency ("行政执法机关均……不少于本单位执法人员总数的5%"), so agencies are judged one by
-- one and the region's value is the share of agencies that meet it: a large agency well staffed cannot hide a
-- small one without legal-review staff, as a pooled ratio would.
INSERT INTO metric_results BY NAME
SELECT
  'enforcement.review_staff_agencies' AS metric_id,
  region_code,
  CAST(year AS INTEGER) AS year,
  count(*) FILTER (WHERE legal_review_staff >= 0.05 * officers) AS numerator,
  count(*) AS denominator,
  numerator / denominator AS value,
  count(*) FILTER (WHERE legal_review_staff < 0.05 * officers) AS evidence_count,
  list_slice(list({'record_id': region_code || '|' || year || '|' || agency, 'load_id': _load_id, 'line': _line} ORDER BY _load_id, _line)
    FILTER (WHERE legal_review_staff < 0.05 * officers), 1, 50) AS evidence
FROM enforcement_stats
WHERE legal_review_staff IS NOT NULL AND officers > 0
GROUP BY region_code, year;
