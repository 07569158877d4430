-- @id: enforcement.training_agencies
-- @definition: data/indicator-systems/catalogue.json (indicator No., source, rule, threshold, weight);
--              a version file there says what changes by version
-- No. 68 "每年开展……专题培训不少于 40 学时" applies to each agency's officers, so each agency's average is judged and
-- the region's value is the share of agencies at 40 hours or more (a pooled average lets 60 hours in one agency
-- cover 20 in another). Agencies without the figure are left out.
INSERT INTO metric_results BY NAME
SELECT
  'enforcement.training_agencies' AS metric_id,
  region_code,
  CAST(year AS INTEGER) AS year,
  count(*) FILTER (WHERE training_hours_avg >= 40) AS numerator,
  count(*) AS denominator,
  numerator / denominator AS value,
  count(*) FILTER (WHERE training_hours_avg < 40) AS evidence_count,
  list_slice(list({'record_id': region_code || '|' || year || '|' || agency, 'load_id': _load_id, 'line': _line} ORDER BY _load_id, _line)
    FILTER (WHERE training_hours_avg < 40), 1, 50) AS evidence
FROM enforcement_stats
WHERE training_hours_avg IS NOT NULL
GROUP BY region_code, year;
