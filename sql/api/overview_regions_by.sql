-- @produces: region counts by batch, designation and level (dimension, key, count), for the overview
-- @params: $province VARCHAR or NULL
SELECT 'batch' AS dimension, coalesce(CAST(r.batch AS VARCHAR), 'none') AS key, count(*) AS count
FROM regions AS r WHERE $province IS NULL OR r.province_code = $province GROUP BY ALL
UNION ALL
SELECT 'designation', r.designation, count(*)
FROM regions AS r WHERE $province IS NULL OR r.province_code = $province GROUP BY ALL
UNION ALL
SELECT 'level', r.level, count(*)
FROM regions AS r WHERE $province IS NULL OR r.province_code = $province GROUP BY ALL
ORDER BY 1, 2;
