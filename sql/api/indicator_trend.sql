-- @produces: per year, how many of the caller's regions met / did not meet / had no data for a metric, and the
--            median, 10th and 90th percentiles of the values
-- @params: $run_id INTEGER, $metric VARCHAR, $province VARCHAR or NULL
SELECT v.year, count(*) AS regions,
       count(*) FILTER (WHERE v.status = 'met') AS met,
       count(*) FILTER (WHERE v.status = 'not_met') AS not_met,
       count(*) FILTER (WHERE v.status = 'no_data') AS no_data,
       round(median(v.value), 5) AS median,
       round(quantile_cont(v.value, 0.1), 5) AS p10,
       round(quantile_cont(v.value, 0.9), 5) AS p90
FROM indicator_values AS v
JOIN regions AS r ON r.region_code = v.region_code
WHERE v.run_id = $run_id AND v.metric_id = $metric AND ($province IS NULL OR r.province_code = $province)
GROUP BY v.year ORDER BY v.year;
