-- @produces: temp table rate_steps — for every rate metric compared on funnel plots (t.funnel), each region's step
-- from year Y−1 to Y: the two rates and counts, the change in the worse direction (drop > 0 = worse: a lower rate
-- when higher is better, a higher one when lower is better), and a one-sided two-proportion z of that change.
-- z is divided by sqrt(φ), the year's funnel over-dispersion when above 1: region rates that vary more than
-- binomial noise would otherwise make ordinary year-to-year swings look significant.
-- Read by the trend rules sql/flags/worsening.sql and sql/flags/sudden_drop.sql; built after the funnel limits.
CREATE OR REPLACE TEMP TABLE rate_steps AS
WITH v AS (
  SELECT v.region_code, v.year, v.metric_id, v.numerator AS x, v.denominator AS n, v.value AS p, v.direction, t.name_zh, t.source,
    coalesce(d.phi, 1) AS phi
  FROM indicator_values AS v
  JOIN indicator_thresholds AS t ON t.version = v.system_version AND t.metric_id = v.metric_id
  LEFT JOIN (SELECT DISTINCT metric_id, year, greatest(phi, 1) AS phi FROM funnel_limits
             WHERE run_id = (SELECT run_id FROM refresh_context)) AS d ON d.metric_id = v.metric_id AND d.year = v.year
  WHERE v.run_id = (SELECT run_id FROM refresh_context) AND t.funnel AND v.denominator > 0 AND v.direction IN ('higher', 'lower')
)
SELECT a.*, b.p AS p_prev, b.n AS n_prev, b.x AS x_prev,
  CASE WHEN a.direction = 'higher' THEN b.p - a.p ELSE a.p - b.p END AS drop,
  (a.x + b.x) / (a.n + b.n) AS pooled,
  CASE WHEN pooled > 0 AND pooled < 1 THEN drop / sqrt(a.phi * pooled * (1 - pooled) * (1 / a.n + 1 / b.n)) END AS z
FROM v AS a
JOIN v AS b ON b.region_code = a.region_code AND b.metric_id = a.metric_id AND b.year = a.year - 1;
