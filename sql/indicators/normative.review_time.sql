-- @id: normative.review_time
-- @definition: data/indicator-systems/catalogue.json (indicator No., source, rule, threshold, weight);
--              a version file there says what changes by version
-- No. 31: "合法性审核的时间一般不少于 5 个工作日，最长不超过 15 个工作日". review_workdays is stated in working days by
-- the region, so no calendar is needed. A reviewed document without review_workdays is left out (no figure to judge).
INSERT INTO metric_results BY NAME
SELECT
  'normative.review_time' AS metric_id,
  region_code,
  year(issued_on) AS year,
  count(*) FILTER (WHERE review_workdays BETWEEN 5 AND 15) AS numerator,
  count(*) AS denominator,
  numerator / denominator AS value,
  count(*) FILTER (WHERE review_workdays NOT BETWEEN 5 AND 15) AS evidence_count,
  list_slice(list({'record_id': doc_id, 'load_id': _load_id, 'line': _line} ORDER BY _load_id, _line)
    FILTER (WHERE review_workdays NOT BETWEEN 5 AND 15), 1, 50) AS evidence
FROM normative_documents
WHERE legal_review AND review_workdays IS NOT NULL
GROUP BY region_code, year(issued_on);
