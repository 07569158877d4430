-- @produces: one region's scorecard for every year of the latest run
-- @params: $run_id INTEGER, $code VARCHAR, $province VARCHAR or NULL
SELECT s.year, s.system_version, s.metrics_met, s.metrics_assessed, s.metrics_no_data, s.conformance, s.bar,
       s.meets_bar, s.composite, s.rank, s.ranked_of, s.composite_change, s.conformance_change, s.provisional,
       s.items_met, s.items_assessed, s.metric_conformance, s.rank_low, s.rank_high, s.year_complete
FROM scorecard AS s
JOIN regions AS r ON r.region_code = s.region_code
WHERE s.run_id = $run_id AND s.region_code = $code AND ($province IS NULL OR r.province_code = $province)
ORDER BY s.year;
