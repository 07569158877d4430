-- @produces: designated regions whose annual report of $year is missing or unpublished (status missing | unpublished)
-- @params: $year INTEGER, $province VARCHAR or NULL
SELECT r.region_code, r.region_name, CAST($year AS INTEGER) AS report_year,
       CASE WHEN a.region_code IS NULL THEN 'missing' ELSE 'unpublished' END AS status
FROM regions AS r
LEFT JOIN annual_reports AS a ON a.region_code = r.region_code AND a.report_year = $year
WHERE r.designation <> 'none' AND (a.region_code IS NULL OR a.published_on IS NULL)
  AND ($province IS NULL OR r.province_code = $province)
ORDER BY status, r.region_code;
