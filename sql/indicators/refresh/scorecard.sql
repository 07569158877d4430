-- @produces: scorecard rows of the current run
-- @params: $method VARCHAR — threshold | binary
-- @source: indicator_values, indicator_thresholds, indicator_systems
-- Conformance = met / assessed (no_data is not assessed); a comprehensive designation needs more than the bar
-- (二(一): "90% 以上", read as > 90%). The composite is the weighted mean of per-metric scores, times 100:
--   threshold: a met metric scores 1; a shortfall scores value/threshold (higher is better) or threshold/value
--              (lower is better), 0 when the threshold is 0 and missed — "how far towards the bar"
--   binary:    1 when met, 0 when not
-- Rank is within the year over regions with a composite. Change = this year minus the previous calendar year.
INSERT INTO scorecard
WITH scored AS (
  SELECT v.*, t.weight,
    CASE
      WHEN v.status = 'no_data' THEN NULL
      WHEN v.status = 'met' THEN 1.0
      WHEN $method = 'binary' THEN 0.0
      WHEN v.direction = 'higher' AND v.threshold > 0 THEN least(greatest(v.value, 0) / v.threshold, 1)
      WHEN v.direction = 'lower' AND v.threshold > 0 AND v.value > 0 THEN least(v.threshold / v.value, 1)
      ELSE 0.0
    END AS score
  FROM indicator_values AS v
  JOIN indicator_thresholds AS t ON t.version = v.system_version AND t.metric_id = v.metric_id
  WHERE v.run_id = (SELECT run_id FROM refresh_context)
),
per AS (
  SELECT
    region_code, year, any_value(system_version) AS system_version,
    count(*) FILTER (WHERE status = 'met') AS metrics_met,
    count(*) FILTER (WHERE status <> 'no_data') AS metrics_assessed,
    count(*) FILTER (WHERE status = 'no_data') AS metrics_no_data,
    metrics_met / nullif(metrics_assessed, 0) AS conformance,
    100 * sum(weight * score) FILTER (WHERE score IS NOT NULL) / nullif(sum(weight) FILTER (WHERE score IS NOT NULL), 0) AS composite,
    bool_or(provisional AND status <> 'no_data') AS provisional
  FROM scored
  GROUP BY region_code, year
)
SELECT
  c.run_id, p.region_code, p.year, p.system_version, p.metrics_met, p.metrics_assessed, p.metrics_no_data,
  p.conformance, s.bar, p.conformance > s.bar AS meets_bar, round(p.composite, 4) AS composite, $method AS scoring_method,
  CASE WHEN p.composite IS NOT NULL THEN rank() OVER (PARTITION BY p.year, p.composite IS NULL ORDER BY round(p.composite, 4) DESC) END AS rank,
  count(p.composite) OVER (PARTITION BY p.year) AS ranked_of,
  max(round(p.composite, 4)) OVER w AS prev_composite,
  round(p.composite, 4) - prev_composite AS composite_change,
  max(p.conformance) OVER w AS prev_conformance,
  p.conformance - prev_conformance AS conformance_change,
  p.provisional
FROM per AS p
JOIN indicator_systems AS s ON s.version = p.system_version
CROSS JOIN refresh_context AS c
WINDOW w AS (PARTITION BY p.region_code ORDER BY p.year RANGE BETWEEN 1 PRECEDING AND 1 PRECEDING);
