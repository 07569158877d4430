-- @produces: one row per year up to the reporting year (latest refresh): regions scored, share meeting the bar,
--            mean conformance and composite (the trend chart), each year over its regions in their designation
--            term (macro in_designation_term). Later, unfinished years are left out.
-- @params: $year INTEGER
SELECT s.year, count(*) AS regions, round(avg(CASE WHEN s.meets_bar THEN 1 ELSE 0 END), 4) AS share_meeting_bar,
       round(avg(s.conformance), 4) AS mean_conformance, round(avg(s.composite), 2) AS mean_composite,
       bool_or(s.provisional) AS provisional
FROM scorecard AS s
JOIN regions AS r ON r.region_code = s.region_code
WHERE s.year <= $year AND coalesce(in_designation_term(r.designation, r.batch, r.region_code, s.year), false)
GROUP BY s.year
ORDER BY s.year;
