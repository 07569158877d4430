-- @produces: the spot-check pool of a year: one row per eligible region with its stratum, sorted by region_code
-- @source: regions (current rows), revocations
-- @params: $year INTEGER, $strata none|province|batch|designation, $exclude_revoked BOOLEAN,
--          $exclude_named_this_year BOOLEAN, $as_of DATE (the freeze date)
-- Rule: a region is in the pool when it holds a designation (comprehensive or single) named in or before $year.
-- Exclusions: revoked = a revocations row dated on or before $as_of; named_this_year = batch = $year.
-- The province is always the first two digits of region_code || '0000' (the regions contract enforces that a
-- stated province_code agrees), so anyone can derive it from the published pool alone.
SELECT
  r.region_code,
  r.region_name,
  CASE $strata
    WHEN 'none' THEN 'all'
    WHEN 'province' THEN substr(r.region_code, 1, 2) || '0000'
    WHEN 'batch' THEN CAST(r.batch AS VARCHAR)
    WHEN 'designation' THEN r.designation
  END AS stratum
FROM regions AS r
WHERE r.designation IN ('comprehensive', 'single')
  AND r.batch IS NOT NULL
  AND r.batch <= $year
  AND NOT ($exclude_named_this_year AND r.batch = $year)
  AND NOT ($exclude_revoked AND EXISTS (
    SELECT 1 FROM revocations AS v WHERE v.region_code = r.region_code AND v.revoked_on <= CAST($as_of AS DATE)
  ))
ORDER BY r.region_code;
