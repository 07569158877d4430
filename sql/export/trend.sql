-- @produces: one row per year up to the reporting year (latest refresh): regions scored, share meeting the bar,
--            mean conformance and composite (the trend chart). Later, unfinished years are left out.
-- @params: $year INTEGER
SELECT year, count(*) AS regions, round(avg(CASE WHEN meets_bar THEN 1 ELSE 0 END), 4) AS share_meeting_bar,
       round(avg(conformance), 4) AS mean_conformance, round(avg(composite), 2) AS mean_composite,
       bool_or(provisional) AS provisional
FROM scorecard
WHERE year <= $year
GROUP BY year
ORDER BY year;
