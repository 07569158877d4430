-- @produces: the caller's regions with their scorecard of $year and their number of active flags
-- @params: $run_id INTEGER, $year INTEGER, $province VARCHAR or NULL (the caller's scope), $only_province VARCHAR or
--          NULL (a filter the caller chose), $all BOOLEAN (false: the regions in their designation term in $year
--          (macro in_designation_term), the list analysts work from and the population of the headline figures;
--          true: also the monitored regions — no designation, or a batch not yet named — about 3,000 nationally)
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
  AND ($all OR coalesce(in_designation_term(r.designation, r.batch, r.region_code, $year), false))
ORDER BY s.rank NULLS LAST, r.region_code;
