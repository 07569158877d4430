-- @produces: one metric of one year for every region the caller may see, with its funnel limits (when it has them)
-- @params: $run_id INTEGER, $metric VARCHAR, $year INTEGER, $province VARCHAR or NULL
SELECT v.region_code, r.region_name, r.province_code, v.numerator, v.denominator, v.value, v.threshold, v.status,
       v.provisional, f.lower95, f.upper95, f.lower998, f.upper998, f.target, f.position
FROM indicator_values AS v
JOIN regions AS r ON r.region_code = v.region_code
LEFT JOIN funnel_limits AS f
  ON f.run_id = v.run_id AND f.metric_id = v.metric_id AND f.year = v.year AND f.region_code = v.region_code
WHERE v.run_id = $run_id AND v.metric_id = $metric AND v.year = $year
  AND ($province IS NULL OR r.province_code = $province)
ORDER BY v.region_code;
