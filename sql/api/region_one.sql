-- @produces: one region's directory row (empty when unknown)
-- @params: $code VARCHAR
SELECT r.region_code, r.region_name, r.province_code, r.level, r.batch, r.designation, r.project_name,
       CAST(r.designated_on AS VARCHAR) AS designated_on
FROM regions AS r WHERE r.region_code = $code;
