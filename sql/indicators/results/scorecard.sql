-- @produces: the latest run's scorecard for a year (and region)
-- @params: $year INTEGER, $region VARCHAR or NULL
SELECT s.*, r.region_name, r.designation
FROM scorecard AS s
LEFT JOIN regions AS r ON r.region_code = s.region_code
WHERE s.year = $year AND ($region IS NULL OR s.region_code = $region)
ORDER BY s.rank NULLS LAST, s.region_code;
