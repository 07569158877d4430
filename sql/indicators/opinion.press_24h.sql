-- @id: opinion.press_24h
-- @definition: data/indicator-systems/catalogue.json (indicator No., source, rule, threshold, weight);
--              a version file there says what changes by version
-- Threshold every event (100%)
INSERT INTO metric_results BY NAME
WITH judged AS (
  SELECT i.*, coalesce(i.press_conference_at <= i.occurred_at + INTERVAL 24 HOUR, false) AS on_time
  FROM incidents AS i
  CROSS JOIN refresh_context AS c
  WHERE i.kind = 'public_opinion'
    AND (i.press_conference_at IS NOT NULL OR i.occurred_at + INTERVAL 24 HOUR < CAST(c.as_of AS TIMESTAMP))
)
SELECT
  'opinion.press_24h' AS metric_id,
  region_code,
  year(occurred_at) AS year,
  count(*) FILTER (WHERE on_time) AS numerator,
  count(*) AS denominator,
  numerator / denominator AS value,
  count(*) FILTER (WHERE NOT on_time) AS evidence_count,
  list_slice(list({'record_id': event_id, 'load_id': _load_id, 'line': _line} ORDER BY _load_id, _line) FILTER (WHERE NOT on_time), 1, 50) AS evidence
FROM judged
GROUP BY region_code, year(occurred_at);
