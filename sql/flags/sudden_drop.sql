-- @rule: sudden_drop
-- @version: 1
-- @source: indicator_values, indicator_thresholds (rate metrics with counts: funnel = true), metric_results
-- @fires: a rate got worse from one year to the next by at least 10 percentage points and beyond chance at 99.9%
--         (one-sided two-proportion z >= 3.09): a collapse that a single year's funnel may not show against
--         other regions but that breaks the region's own record; z is divided by sqrt(φ) as in worsening.sql
-- @severity: high
INSERT INTO flag_candidates BY NAME
WITH v AS (
  SELECT v.region_code, v.year, v.metric_id, v.numerator AS x, v.denominator AS n, v.value AS p, v.direction, t.name_zh, t.source,
    coalesce(d.phi, 1) AS phi
  FROM indicator_values AS v
  JOIN indicator_thresholds AS t ON t.version = v.system_version AND t.metric_id = v.metric_id
  -- the year's over-dispersion from the funnel (when > 1): region rates that vary more than binomial noise
  -- would otherwise make ordinary year-to-year swings look significant
  LEFT JOIN (SELECT DISTINCT metric_id, year, greatest(phi, 1) AS phi FROM funnel_limits
             WHERE run_id = (SELECT run_id FROM refresh_context)) AS d ON d.metric_id = v.metric_id AND d.year = v.year
  WHERE v.run_id = (SELECT run_id FROM refresh_context) AND t.funnel AND v.denominator > 0 AND v.direction IN ('higher', 'lower')
),
steps AS (
  SELECT a.*, b.p AS p_prev, b.n AS n_prev,
    CASE WHEN a.direction = 'higher' THEN b.p - a.p ELSE a.p - b.p END AS drop,
    (a.x + b.x) / (a.n + b.n) AS pooled,
    CASE WHEN pooled > 0 AND pooled < 1 THEN drop / sqrt(a.phi * pooled * (1 - pooled) * (1 / a.n + 1 / b.n)) END AS z
  FROM v AS a
  JOIN v AS b ON b.region_code = a.region_code AND b.metric_id = a.metric_id AND b.year = a.year - 1
)
SELECT
  'sudden_drop' AS rule_id, 1 AS rule_version, s.region_code, s.year, s.metric_id AS detail_key, 'high' AS severity,
  printf('%s骤降：由%d年%s（n=%d）变为%d年%s（n=%d），恶化%.1f个百分点，z=%.2f',
    s.name_zh, s.year - 1, fmt_rate(s.p_prev), CAST(s.n_prev AS BIGINT), s.year, fmt_rate(s.p), CAST(s.n AS BIGINT), 100 * s.drop, s.z) AS message_zh,
  json_object('metric_id', s.metric_id, 'value', s.p, 'previous', s.p_prev, 'denominator', s.n, 'previous_denominator', s.n_prev,
    'drop', s.drop, 'z', s.z) AS numbers,
  coalesce(r.evidence_count, 0) AS evidence_count,
  coalesce([{'dataset': s.source, 'record_id': e.record_id, 'load_id': e.load_id, 'line': e.line} FOR e IN r.evidence], []) AS evidence
FROM steps AS s
LEFT JOIN metric_results AS r ON r.metric_id = s.metric_id AND r.region_code = s.region_code AND r.year = s.year
WHERE s.drop >= 0.10 AND s.z >= 3.09;
