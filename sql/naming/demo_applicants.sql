-- @produces: the regions the demo round may draw its applicants from: monitored regions (designation none) and
--            single-item regions (which may apply for a comprehensive designation), with the decisive year's
--            scorecard; regions without an assessed scorecard in that year are left out
-- @params: $year INTEGER
SELECT r.region_code, r.region_name, r.designation, r.project_name, s.conformance, s.items_met, s.items_assessed
FROM regions AS r
JOIN scorecard AS s ON s.region_code = r.region_code AND s.year = $year
WHERE r.designation IN ('none', 'single') AND s.items_assessed > 0
ORDER BY r.region_code;
