-- @produces: how many flags match the filters of flags_list.sql (sent as the x-total-count header)
-- @params: $year INTEGER or NULL, $region VARCHAR or NULL, $status VARCHAR or NULL, $province VARCHAR or NULL
SELECT count(*) AS total
FROM flags AS f
JOIN regions AS r ON r.region_code = f.region_code
WHERE ($year IS NULL OR f.year = $year) AND ($region IS NULL OR f.region_code = $region)
  AND ($status IS NULL OR f.status = $status) AND ($province IS NULL OR r.province_code = $province);
