-- @rule: worsening
-- @version: 1
-- @source: indicator_values, indicator_thresholds (rate metrics with counts: funnel = true)
-- @fires: a rate got worse two years running, each step beyond chance: a one-sided two-proportion z-test of year
--         Y−1 against Y−2 and of Y against Y−1, both with z >= 1.96 in the metric's worse direction. Requiring
--         significance keeps small regions' noise out (three falling values happen by chance one time in six)
-- @severity: medium
INSERT INTO flag_candidates BY NAME
WITH v AS (
  SELECT v.region_code, v.year, v.metric_id, v.numerator AS x, v.denominator AS n, v.value AS p, v.direction, t.name_zh, t.source
  FROM indicator_values AS v
  JOIN indicator_thresholds AS t ON t.version = v.system_version AND t.metric_id = v.metric_id
  WHERE v.run_id = (SELECT run_id FROM refresh_context) AND t.funnel AND v.denominator > 0 AND v.direction IN ('higher', 'lower')
),
steps AS (
  -- z > 0 means worse: a lower rate when higher is better, a higher one when lower is better
  SELECT a.*, b.p AS p_prev, b.n AS n_prev,
    (a.x + b.x) / (a.n + b.n) AS pooled,
    CASE WHEN pooled > 0 AND pooled < 1
      THEN (CASE WHEN a.direction = 'higher' THEN b.p - a.p ELSE a.p - b.p END) / sqrt(pooled * (1 - pooled) * (1 / a.n + 1 / b.n))
    END AS z
  FROM v AS a
  JOIN v AS b ON b.region_code = a.region_code AND b.metric_id = a.metric_id AND b.year = a.year - 1
)
SELECT
  'worsening' AS rule_id, 1 AS rule_version, s2.region_code, s2.year, s2.metric_id AS detail_key, 'medium' AS severity,
  printf('%s连续两年显著下滑：%d年%s（n=%d），%d年%s（n=%d），%d年%s（n=%d）；两次变化的z值分别为%.2f、%.2f（均≥1.96）',
    s2.name_zh, s2.year - 2, fmt_rate(s1.p_prev), CAST(s1.n_prev AS BIGINT), s2.year - 1, fmt_rate(s2.p_prev), CAST(s2.n_prev AS BIGINT),
    s2.year, fmt_rate(s2.p), CAST(s2.n AS BIGINT), s1.z, s2.z) AS message_zh,
  json_object('metric_id', s2.metric_id, 'values', [s1.p_prev, s2.p_prev, s2.p], 'denominators', [s1.n_prev, s2.n_prev, s2.n],
    'years', [s2.year - 2, s2.year - 1, s2.year], 'z', [s1.z, s2.z]) AS numbers,
  0 AS evidence_count,
  [] AS evidence
FROM steps AS s2
JOIN steps AS s1 ON s1.region_code = s2.region_code AND s1.metric_id = s2.metric_id AND s1.year = s2.year - 1
WHERE s1.z >= 1.96 AND s2.z >= 1.96;
