-- @rule: sudden_drop
-- @version: 1
-- @source: indicator_values, indicator_thresholds (rate metrics with counts: funnel = true), metric_results
-- @fires: a rate got worse from one year to the next by at least 10 percentage points and beyond chance at 99.9%
--         (one-sided two-proportion z >= 3.09): a collapse that a single year's funnel may not show against
--         other regions but that breaks the region's own record; z is divided by sqrt(φ) (rate_steps)
-- @severity: high
-- Year-to-year steps and their z come from rate_steps (sql/indicators/refresh/rate_steps.sql).
INSERT INTO flag_candidates BY NAME
SELECT
  'sudden_drop' AS rule_id, 1 AS rule_version, s.region_code, s.year, s.metric_id AS detail_key, 'high' AS severity,
  json_object('year', s.year, 'metric_id', s.metric_id, 'metric_name_zh', s.name_zh, 'value', s.p, 'previous', s.p_prev, 'denominator', s.n, 'previous_denominator', s.n_prev,
    'drop', s.drop, 'z', s.z) AS numbers,
  coalesce(r.evidence_count, 0) AS evidence_count,
  coalesce([{'dataset': s.source, 'record_id': e.record_id, 'load_id': e.load_id, 'line': e.line} FOR e IN r.evidence], []) AS evidence
FROM rate_steps AS s
LEFT JOIN metric_results AS r ON r.metric_id = s.metric_id AND r.region_code = s.region_code AND r.year = s.year
WHERE s.drop >= 0.10 AND s.z >= 3.09;
