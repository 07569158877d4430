-- @id: disclosure_report.corrected_rate
-- @definition: data/indicator-systems/catalogue.json (indicator No., source, rule, threshold, weight);
--              a version file there says what changes by version
-- Why this base: the seed says 发生率 without naming it; among the review and court cases concluded in the year is our
-- reading (pending cases are out of both). The rate per request handled is printed beside it by
-- `shifan disclosure-reports` (sql/disclosure-reports/list.sql).
INSERT INTO metric_results BY NAME
WITH concluded AS (
  SELECT
    region_code, year, publisher, _load_id, _line,
    reconsideration_corrected + litigation_direct_corrected + litigation_after_corrected AS corrected,
    reconsideration_upheld + reconsideration_corrected + reconsideration_other
      + litigation_direct_upheld + litigation_direct_corrected + litigation_direct_other
      + litigation_after_upheld + litigation_after_corrected + litigation_after_other AS concluded
  FROM disclosure_annual_reports
)
SELECT
  'disclosure_report.corrected_rate' AS metric_id,
  region_code,
  year,
  sum(corrected) AS numerator,
  sum(concluded) AS denominator,
  numerator / denominator AS value,
  count(*) FILTER (WHERE corrected > 0) AS evidence_count,
  list_slice(list({'record_id': region_code || '|' || year || '|' || publisher, 'load_id': _load_id, 'line': _line} ORDER BY _load_id, _line)
    FILTER (WHERE corrected > 0), 1, 50) AS evidence
FROM concluded
WHERE corrected IS NOT NULL AND concluded IS NOT NULL
GROUP BY region_code, year
HAVING sum(concluded) > 0;
