-- @produces: region counts by batch, designation and level (dimension, key, count), for the overview, over the
--            year's population: the regions in their designation term in $year (macro in_designation_term), the
--            same population as the headline figures (sql/indicators/results/year_counts.sql) and the region list
-- @params: $year INTEGER, $province VARCHAR or NULL
WITH pop AS (
  SELECT r.* FROM regions AS r
  WHERE ($province IS NULL OR r.province_code = $province)
    AND coalesce(in_designation_term(r.designation, r.batch, r.region_code, $year), false)
)
SELECT 'batch' AS dimension, coalesce(CAST(batch AS VARCHAR), 'none') AS key, count(*) AS count FROM pop GROUP BY ALL
UNION ALL
SELECT 'designation', designation, count(*) FROM pop GROUP BY ALL
UNION ALL
SELECT 'level', level, count(*) FROM pop GROUP BY ALL
ORDER BY 1, 2;
