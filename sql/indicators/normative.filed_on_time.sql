-- @id: normative.filed_on_time
-- @definition: data/indicator-systems/catalogue.json (indicator No., source, rule, threshold, weight);
--              a version file there says what changes by version
INSERT INTO metric_results BY NAME
WITH judged AS (
  SELECT d.*, coalesce(d.filed_on <= d.issued_on + INTERVAL 30 DAY, false) AS on_time
  FROM normative_documents AS d
  CROSS JOIN refresh_context AS c
  WHERE d.filed_on IS NOT NULL OR d.issued_on + INTERVAL 30 DAY < c.as_of
)
SELECT
  'normative.filed_on_time' AS metric_id,
  region_code,
  year(issued_on) AS year,
  count(*) FILTER (WHERE on_time) AS numerator,
  count(*) AS denominator,
  numerator / denominator AS value,
  count(*) FILTER (WHERE NOT on_time) AS evidence_count,
  list_slice(list({'record_id': doc_id, 'load_id': _load_id, 'line': _line} ORDER BY _load_id, _line) FILTER (WHERE NOT on_time), 1, 50) AS evidence
FROM judged
GROUP BY region_code, year(issued_on);
