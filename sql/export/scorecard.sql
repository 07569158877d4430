-- @produces: the scorecard of the reporting year (latest refresh), one row per region, best first, over the
--            regions in their designation term in the year (macro in_designation_term), the population of every count
-- @params: $year INTEGER
SELECT s.rank, s.region_code, r.region_name, r.province_code, r.designation, r.batch, s.system_version,
       s.metrics_met, s.metrics_assessed, s.metrics_no_data,
       round(s.conformance, 4) AS conformance, s.bar, s.meets_bar, round(s.composite, 2) AS composite,
       round(s.composite_change, 2) AS composite_change, s.provisional
FROM scorecard AS s
JOIN regions AS r ON r.region_code = s.region_code
WHERE s.year = $year AND coalesce(in_designation_term(r.designation, r.batch, r.region_code, $year), false)
ORDER BY s.rank NULLS LAST, s.region_code;
