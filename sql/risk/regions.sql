-- @produces: the regions of a risk queue (every one gets a row, score 0 when nothing is held against it)
-- @params: $year INTEGER, $scope VARCHAR (designated | monitored), $province VARCHAR or NULL
-- Designated scope: in the designation term in $year (macro in_designation_term, sql/macros/risk.sql).
SELECT r.region_code, r.region_name, r.province_code, r.designation, r.batch
FROM regions AS r
WHERE ($province IS NULL OR r.province_code = $province)
  AND coalesce(in_designation_term(r.designation, r.batch, r.region_code, $year), false) = ($scope = 'designated')
ORDER BY r.region_code;
