-- @produces: one application of a round (none when the region did not apply)
-- @params: $round VARCHAR, $region VARCHAR
SELECT round_id, region_code, region_name, kind, field, project_name, strftime(applied_on, '%Y-%m-%d') AS applied_on,
       report_file
FROM naming_applications
WHERE round_id = $round AND region_code = $region;
