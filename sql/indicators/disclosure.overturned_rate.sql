-- @id: disclosure.overturned_rate
-- @definition: data/indicator-systems/catalogue.json (indicator No., source, rule, threshold, weight);
--              a version file there says what changes by version
-- Threshold <= 5% (the seed's "5% 以下", which in Chinese legal usage includes 5%)
INSERT INTO metric_results BY NAME
SELECT
  'disclosure.overturned_rate' AS metric_id,
  region_code,
  year(received_on) AS year,
  count(*) FILTER (WHERE review_result = 'overturned') AS numerator,
  count(*) AS denominator,
  numerator / denominator AS value,
  numerator AS evidence_count,
  list_slice(list({'record_id': request_id, 'load_id': _load_id, 'line': _line} ORDER BY _load_id, _line)
    FILTER (WHERE review_result = 'overturned'), 1, 50) AS evidence
FROM disclosure_requests
WHERE answered_on IS NOT NULL
GROUP BY region_code, year(received_on);
