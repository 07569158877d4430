-- @produces: histogram of scorecard conformance (share of assessed indicators met) in 10-point buckets, over the
--            regions in their designation term in $year (the population of the headline figures)
-- @params: $run_id INTEGER, $year INTEGER, $province VARCHAR or NULL
-- bucket is the lower edge in percent (0, 10, ..., 90; 100 counts in 90); regions with nothing assessed are left out.
SELECT least(floor(s.conformance * 10), 9) * 10 AS bucket, count(*) AS count
FROM scorecard AS s
JOIN regions AS r ON r.region_code = s.region_code
WHERE s.run_id = $run_id AND s.year = $year AND s.conformance IS NOT NULL
  AND ($province IS NULL OR r.province_code = $province)
  AND coalesce(in_designation_term(r.designation, r.batch, r.region_code, $year), false)
GROUP BY ALL ORDER BY bucket;
