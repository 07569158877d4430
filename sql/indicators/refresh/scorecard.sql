-- @produces: scorecard rows of the current run
-- @params: $method VARCHAR — threshold | binary
-- @source: indicator_values, indicator_thresholds, indicator_systems, refresh_context
-- Conformance is counted per seed indicator No. (二(一): "符合…指标体系90%以上指标" — the indicators of the annex,
-- each a third-level No.): a No. is met when every assessed metric it has is met; a metric without a No. counts as
-- its own item. The bar is inclusive: 以上 includes the number itself, as 5%以下 does for No. 83, so 27 of 30 meets
-- a 90% bar. The per-metric counts stay (metrics_met / metrics_assessed, metric_conformance).
-- A year is complete once the data's date reaches 1 February of the next year (the annual reports of 四(一) are due
-- by the end of January); before that it is provisional: no verdict on the bar, no rank.
-- The composite is the weighted mean of per-metric scores, times 100:
--   threshold: a met metric scores 1; a shortfall scores value/threshold (higher is better) or threshold/value
--              (lower is better), 0 when the threshold is 0 and missed — "how far towards the bar"
--   binary:    1 when met, 0 when not
-- Ranks compare only regions assessed on the same metric set (metric_set), within a complete year; rank_low and
-- rank_high are filled afterwards by pipeline/indicators/rank-intervals.ts. Change = this year minus the previous one.
INSERT INTO scorecard BY NAME
WITH scored AS (
  SELECT v.*, t.weight, coalesce(CAST(v.indicator_no AS VARCHAR), v.metric_id) AS item,
    metric_score(v.status, $method, v.direction, v.value, v.threshold) AS score
  FROM indicator_values AS v
  JOIN indicator_thresholds AS t ON t.version = v.system_version AND t.metric_id = v.metric_id
  WHERE v.run_id = (SELECT run_id FROM refresh_context)
    AND t.area <> 9  -- 附加项 (bonus items) add to a region's record, never to its conformance or composite
    -- the years written (refresh_years) and the year before each, which their change compares with
    AND v.year IN (SELECT year FROM refresh_years UNION SELECT year - 1 FROM refresh_years)
),
items AS (
  SELECT region_code, year, item, bool_and(status = 'met') AS met
  FROM scored WHERE status <> 'no_data'
  GROUP BY ALL
),
item_counts AS (
  SELECT region_code, year, count(*) FILTER (WHERE met) AS items_met, count(*) AS items_assessed
  FROM items GROUP BY ALL
),
per AS (
  SELECT
    region_code, year, any_value(system_version) AS system_version,
    count(*) FILTER (WHERE status = 'met') AS metrics_met,
    count(*) FILTER (WHERE status <> 'no_data') AS metrics_assessed,
    count(*) FILTER (WHERE status = 'no_data') AS metrics_no_data,
    metrics_met / nullif(metrics_assessed, 0) AS metric_conformance,
    100 * sum(weight * score) FILTER (WHERE score IS NOT NULL) / nullif(sum(weight) FILTER (WHERE score IS NOT NULL), 0) AS composite,
    md5(string_agg(metric_id, ',' ORDER BY metric_id) FILTER (WHERE score IS NOT NULL)) AS metric_set,
    bool_or(provisional AND status <> 'no_data') AS provisional
  FROM scored
  GROUP BY region_code, year
),
judged AS (
  SELECT p.*, coalesce(i.items_met, 0) AS items_met, coalesce(i.items_assessed, 0) AS items_assessed,
    i.items_met / nullif(i.items_assessed, 0) AS conformance, s.bar,
    p.year <= c.complete_through AS year_complete
  FROM per AS p
  LEFT JOIN item_counts AS i ON i.region_code = p.region_code AND i.year = p.year
  JOIN indicator_systems AS s ON s.version = p.system_version
  CROSS JOIN refresh_context AS c
)
SELECT
  c.run_id, j.region_code, j.year, j.system_version, j.metrics_met, j.metrics_assessed, j.metrics_no_data,
  j.conformance, j.bar,
  CASE WHEN j.year_complete AND j.conformance IS NOT NULL THEN j.conformance >= j.bar - 1e-9 END AS meets_bar,
  round(j.composite, 4) AS composite, $method AS scoring_method,
  CASE WHEN j.year_complete AND j.composite IS NOT NULL
    THEN rank() OVER (PARTITION BY j.year, j.metric_set, j.year_complete AND j.composite IS NOT NULL ORDER BY round(j.composite, 4) DESC) END AS rank,
  CASE WHEN j.year_complete AND j.composite IS NOT NULL
    THEN count(*) OVER (PARTITION BY j.year, j.metric_set, j.year_complete AND j.composite IS NOT NULL) ELSE 0 END AS ranked_of,
  max(round(j.composite, 4)) OVER w AS prev_composite,
  round(j.composite, 4) - prev_composite AS composite_change,
  max(j.conformance) OVER w AS prev_conformance,
  j.conformance - prev_conformance AS conformance_change,
  j.provisional OR NOT j.year_complete AS provisional,
  j.items_met, j.items_assessed, j.metric_conformance, j.year_complete, j.metric_set
FROM judged AS j
CROSS JOIN refresh_context AS c
WINDOW w AS (PARTITION BY j.region_code ORDER BY j.year RANGE BETWEEN 1 PRECEDING AND 1 PRECEDING)
-- after the windows, which read the year before: only the years this run recomputes are written
QUALIFY j.year IN (SELECT year FROM refresh_years);
