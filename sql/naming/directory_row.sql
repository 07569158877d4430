-- @produces: the regions-directory row a named applicant gets (the regions contract's columns): name from the
--            application, level from the divisions reference (a code ending 00 is a city when divisions has none)
-- @params: $round VARCHAR, $region VARCHAR
SELECT a.region_code, a.region_name, substr(a.region_code, 1, 2) || '0000' AS province_code,
       coalesce(CASE d.level WHEN 'city' THEN 'city' WHEN 'county' THEN 'county' END,
                CASE WHEN a.region_code LIKE '%00' THEN 'city' ELSE 'county' END) AS level,
       r.year AS batch, a.kind AS designation, a.project_name, a.field
FROM naming_applications AS a
JOIN naming_rounds AS r ON r.round_id = a.round_id
LEFT JOIN divisions AS d ON d.region_code = a.region_code
WHERE a.round_id = $round AND a.region_code = $region;
