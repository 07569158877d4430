-- @id: bonus.promoted
-- @definition: data/indicator-systems/catalogue.json (indicator No., source, rule, threshold, weight);
--              a version file there says what changes by version
-- 附加项 加分项 2: "有关做法经验在全国范围内推广". Counted from incidents of kind promoted by the year they occurred. Only a region with
-- such an incident gets a value (met); the others have no data, never "not met": a bonus item is not a requirement.
-- Area 9 (附加项) is left out of conformance and the composite (sql/indicators/refresh/scorecard.sql).
INSERT INTO metric_results BY NAME
SELECT
  'bonus.promoted' AS metric_id,
  region_code,
  year(occurred_at) AS year,
  count(*) AS numerator,
  NULL AS denominator,
  count(*) AS value,
  count(*) AS evidence_count,
  list_slice(list({'record_id': event_id, 'load_id': _load_id, 'line': _line} ORDER BY _load_id, _line), 1, 50) AS evidence
FROM incidents
WHERE kind = 'promoted'
GROUP BY region_code, year(occurred_at);
