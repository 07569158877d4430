-- @id: normative.filed
-- @definition: data/indicator-systems/catalogue.json (indicator No., source, rule, threshold, weight);
--              a version file there says what changes by version
-- No. 34 报备率: of the documents that had to be filed by the data's date (filed, or issued more than 30 days
-- before it), the share filed at all. Timeliness is normative.filed_on_time; the two differ by the late filings.
INSERT INTO metric_results BY NAME
SELECT
  'normative.filed' AS metric_id,
  d.region_code,
  year(d.issued_on) AS year,
  count(*) FILTER (WHERE d.filed_on IS NOT NULL) AS numerator,
  count(*) AS denominator,
  numerator / denominator AS value,
  count(*) FILTER (WHERE d.filed_on IS NULL) AS evidence_count,
  list_slice(list({'record_id': d.doc_id, 'load_id': d._load_id, 'line': d._line} ORDER BY d._load_id, d._line)
    FILTER (WHERE d.filed_on IS NULL), 1, 50) AS evidence
FROM normative_documents AS d
CROSS JOIN refresh_context AS c
WHERE d.filed_on IS NOT NULL OR d.issued_on + INTERVAL 30 DAY < c.as_of
GROUP BY d.region_code, year(d.issued_on);
