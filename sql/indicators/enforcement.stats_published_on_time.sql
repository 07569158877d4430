-- @id: enforcement.stats_published_on_time
-- @definition: data/indicator-systems/catalogue.json (indicator No., source, rule, threshold, weight);
--              a version file there says what changes by version
INSERT INTO metric_results BY NAME
WITH judged AS (
  SELECT s.*, coalesce(s.stats_published_on <= make_date(CAST(s.year AS INTEGER) + 1, 1, 31), false) AS on_time
  FROM enforcement_stats AS s
  CROSS JOIN refresh_context AS c
  WHERE s.stats_published_on IS NOT NULL OR make_date(CAST(s.year AS INTEGER) + 1, 1, 31) < c.as_of
)
SELECT
  'enforcement.stats_published_on_time' AS metric_id,
  region_code,
  CAST(year AS INTEGER) AS year,
  count(*) FILTER (WHERE on_time) AS numerator,
  count(*) AS denominator,
  numerator / denominator AS value,
  count(*) FILTER (WHERE NOT on_time) AS evidence_count,
  list_slice(list({'record_id': region_code || '|' || year || '|' || agency, 'load_id': _load_id, 'line': _line} ORDER BY _load_id, _line)
    FILTER (WHERE NOT on_time), 1, 50) AS evidence
FROM judged
GROUP BY region_code, year;
