-- @produces: up to 10 peers of a region in $year: same level and designation, nearest composite score first,
--            within the caller's province when the caller is provincial; each rank with its ranked_of and 90% interval
-- @params: $run_id INTEGER, $code VARCHAR, $year INTEGER, $province VARCHAR or NULL
WITH me AS (
  SELECT r.level, r.designation, s.composite
  FROM regions AS r LEFT JOIN scorecard AS s ON s.region_code = r.region_code AND s.run_id = $run_id AND s.year = $year
  WHERE r.region_code = $code
)
SELECT r.region_code, r.region_name, r.province_code, s.conformance, s.composite, s.rank, s.ranked_of, s.rank_low, s.rank_high
FROM regions AS r
JOIN me ON me.level = r.level AND me.designation = r.designation
JOIN scorecard AS s ON s.region_code = r.region_code AND s.run_id = $run_id AND s.year = $year
WHERE r.region_code <> $code AND ($province IS NULL OR r.province_code = $province)
ORDER BY abs(s.composite - me.composite) NULLS LAST, r.region_code
LIMIT 10;
