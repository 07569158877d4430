-- @produces: the caller's regions with their scorecard of $year and their number of active flags
-- @params: $run_id INTEGER, $year INTEGER, $province VARCHAR or NULL (the caller's scope), $only_province VARCHAR or
--          NULL (a filter the caller chose), $all BOOLEAN (false: demonstration regions only, the list analysts
--          work from; true: also the monitored regions without a designation — about 3,000 at national scale)
-- rank is among regions assessed on the same metric set (ranked_of of them), rank_low–rank_high its 90% interval
-- under random weights; both NULL in a year not yet complete. conformance (per seed No.) rounded to 5 decimals, composite (0..100) to 3: view precision; the scorecard keeps full precision.
SELECT r.region_code, r.region_name, r.province_code, r.level, r.batch, r.designation,
       round(s.conformance, 5) AS conformance, s.meets_bar, round(s.composite, 3) AS composite, s.rank,
       s.ranked_of, s.rank_low, s.rank_high, s.items_met, s.items_assessed, s.year_complete,
       (SELECT count(*) FROM flags AS f WHERE f.region_code = r.region_code AND f.year = $year AND f.status = 'active') AS flags_active
FROM regions AS r
LEFT JOIN scorecard AS s ON s.region_code = r.region_code AND s.run_id = $run_id AND s.year = $year
WHERE ($province IS NULL OR r.province_code = $province)
  AND ($only_province IS NULL OR r.province_code = $only_province)
  AND ($all OR r.designation <> 'none')
ORDER BY s.rank NULLS LAST, r.region_code;
