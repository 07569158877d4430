-- @produces: one row per metric of the reporting year: how many regions met it, missed it, had no data, and
--            the median value (rates as fractions), over the regions in their designation term in the year (macro in_designation_term), the population of every count
-- @params: $year INTEGER
SELECT v.metric_id, any_value(v.indicator_no) AS indicator_no, any_value(t.name_zh) AS name_zh, any_value(t.unit) AS unit,
       any_value(v.direction) AS direction, any_value(v.system_version) AS system_version,
       round(median(v.threshold), 4) AS threshold,
       count(*) FILTER (WHERE v.status = 'met') AS regions_met,
       count(*) FILTER (WHERE v.status = 'not_met') AS regions_not_met,
       count(*) FILTER (WHERE v.status = 'no_data') AS regions_no_data,
       round(count(*) FILTER (WHERE v.status = 'met') / nullif(count(*) FILTER (WHERE v.status <> 'no_data'), 0), 4) AS met_share,
       round(median(v.value), 4) AS median_value
FROM indicator_values AS v
LEFT JOIN indicator_thresholds AS t ON t.version = v.system_version AND t.metric_id = v.metric_id
JOIN regions AS r ON r.region_code = v.region_code
WHERE v.year = $year AND coalesce(in_designation_term(r.designation, r.batch, r.region_code, $year), false)
GROUP BY v.metric_id
ORDER BY indicator_no NULLS LAST, v.metric_id;
