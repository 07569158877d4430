-- @produces: the provinces that have regions, with their names, visible to the caller
-- @params: $province VARCHAR or NULL (the caller's province; NULL = all)
SELECT r.province_code AS code, coalesce(any_value(d.name), r.province_code) AS name
FROM regions AS r
LEFT JOIN divisions AS d ON d.region_code = r.province_code
WHERE $province IS NULL OR r.province_code = $province
GROUP BY r.province_code
ORDER BY r.province_code;
