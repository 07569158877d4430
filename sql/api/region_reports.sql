-- @produces: one region's annual reports (dates and where they were published)
-- @params: $code VARCHAR, $province VARCHAR or NULL
SELECT a.report_year, CAST(a.submitted_on AS VARCHAR) AS submitted_on, CAST(a.published_on AS VARCHAR) AS published_on,
       a.published_url, a._load_id AS load_id, a._line AS line
FROM annual_reports AS a
JOIN regions AS r ON r.region_code = a.region_code
WHERE a.region_code = $code AND ($province IS NULL OR r.province_code = $province)
ORDER BY a.report_year;
