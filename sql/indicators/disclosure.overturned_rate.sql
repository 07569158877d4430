-- @id: disclosure.overturned_rate
-- @definition: data/indicator-systems/catalogue.json (indicator No., source, rule, threshold, weight);
--              a version file there says what changes by version
-- @params: $denominator — the office's setting (catalogue params.denominator): 'answered' (the seed's reading, the
--          default: 发生率 among the requests the region decided) or 'challenged' (among the decisions taken to
--          administrative review or court, review_result upheld or overturned)
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
  AND CASE $denominator
        WHEN 'answered' THEN true
        WHEN 'challenged' THEN review_result IN ('upheld', 'overturned')
        ELSE error('disclosure.overturned_rate: params.denominator must be answered or challenged, got ' || $denominator)
      END
GROUP BY region_code, year(received_on);
