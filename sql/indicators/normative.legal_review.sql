-- @id: normative.legal_review
-- @definition: data/indicator-systems/catalogue.json (indicator No., source, rule, threshold, weight);
--              a version file there says what changes by version
INSERT INTO metric_results BY NAME
SELECT
  'normative.legal_review' AS metric_id,
  region_code,
  year(issued_on) AS year,
  count(*) FILTER (WHERE legal_review) AS numerator,
  count(*) AS denominator,
  numerator / denominator AS value,
  count(*) FILTER (WHERE legal_review IS NOT TRUE) AS evidence_count,
  list_slice(list({'record_id': doc_id, 'load_id': _load_id, 'line': _line} ORDER BY _load_id, _line) FILTER (WHERE legal_review IS NOT TRUE), 1, 50) AS evidence
FROM normative_documents
GROUP BY region_code, year(issued_on);
