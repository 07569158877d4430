-- @produces: one metric of one year for every region the caller may see, with its funnel limits (when it has them)
-- @params: $run_id INTEGER, $metric VARCHAR, $year INTEGER, $province VARCHAR or NULL
-- Rates, limits and targets are rounded to 5 decimals (0.001 percentage points): enough for any chart, and the
-- response is a third smaller; numerator and denominator are exact, and `shifan indicators` keeps full precision.
SELECT v.region_code, r.region_name, r.province_code, v.numerator, v.denominator, round(v.value, 5) AS value, v.threshold,
       v.status, v.provisional, round(f.lower95, 5) AS lower95, round(f.upper95, 5) AS upper95, round(f.lower998, 5) AS lower998,
       round(f.upper998, 5) AS upper998, round(f.target, 5) AS target, f.position
FROM indicator_values AS v
JOIN regions AS r ON r.region_code = v.region_code
LEFT JOIN funnel_limits AS f
  ON f.run_id = v.run_id AND f.metric_id = v.metric_id AND f.year = v.year AND f.region_code = v.region_code
WHERE v.run_id = $run_id AND v.metric_id = $metric AND v.year = $year
  AND ($province IS NULL OR r.province_code = $province)
ORDER BY v.region_code;
