-- @rule: worsening
-- @version: 1
-- @source: indicator_values, indicator_thresholds (rate metrics with counts: funnel = true)
-- @fires: a rate got worse two years running (Y−2 → Y−1 → Y, each step worse in the metric's direction) and the
--         two-year change is beyond chance: one-sided two-proportion z-test of Y against Y−2 with z >= 2.58 (99.5%).
--         Three falling values happen by chance one time in six; the test keeps small regions' noise out, while a
--         steady slide whose single steps are each too small to prove (97% → 85% → 77% on 150 requests) still shows.
--         z-scores are divided by sqrt(φ), the year's funnel over-dispersion when above 1
-- @severity: medium
-- Year-to-year steps and their z come from rate_steps (sql/indicators/refresh/rate_steps.sql).
INSERT INTO flag_candidates BY NAME
WITH trend AS (
  SELECT s2.*, s1.p_prev AS p_first, s1.n_prev AS n_first, s1.z AS z_first_step,
    (s1.x_prev + s2.x) / (s1.n_prev + s2.n) AS pooled2,
    CASE WHEN pooled2 > 0 AND pooled2 < 1
      THEN (CASE WHEN s2.direction = 'higher' THEN s1.p_prev - s2.p ELSE s2.p - s1.p_prev END)
           / sqrt(s2.phi * pooled2 * (1 - pooled2) * (1 / s1.n_prev + 1 / s2.n))
    END AS z2
  FROM rate_steps AS s2
  JOIN rate_steps AS s1 ON s1.region_code = s2.region_code AND s1.metric_id = s2.metric_id AND s1.year = s2.year - 1
  WHERE s1.z > 0 AND s2.z > 0
)
SELECT
  'worsening' AS rule_id, 1 AS rule_version, t.region_code, t.year, t.metric_id AS detail_key, 'medium' AS severity,
  json_object('year', t.year, 'metric_id', t.metric_id, 'metric_name_zh', t.name_zh, 'values', [t.p_first, t.p_prev, t.p], 'denominators', [t.n_first, t.n_prev, t.n],
    'years', [t.year - 2, t.year - 1, t.year], 'z_two_years', t.z2) AS numbers,
  coalesce(r.evidence_count, 0) AS evidence_count,
  coalesce([{'dataset': t.source, 'record_id': e.record_id, 'load_id': e.load_id, 'line': e.line} FOR e IN r.evidence], []) AS evidence
FROM trend AS t
LEFT JOIN metric_results AS r ON r.metric_id = t.metric_id AND r.region_code = t.region_code AND r.year = t.year
WHERE t.z2 >= 2.58;
