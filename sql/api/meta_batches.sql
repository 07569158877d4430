-- @produces: the designation batches (years) present in the regions, with how many regions each
-- @params: $province VARCHAR or NULL
SELECT r.batch, count(*) AS regions
FROM regions AS r
WHERE r.batch IS NOT NULL AND ($province IS NULL OR r.province_code = $province)
GROUP BY r.batch ORDER BY r.batch;
