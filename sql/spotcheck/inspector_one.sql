-- @produces: one inspector of the register
-- @params: $inspector_id VARCHAR
SELECT inspector_id, name, home_province_code, load_cap, active FROM inspectors WHERE inspector_id = $inspector_id;
