-- @produces: each applicant of a round with its scorecard for every year of the round's data years (the same
--            scorecard `shifan refresh` computes for named regions: conformance per seed indicator No.)
-- @params: $round VARCHAR, $province VARCHAR or NULL (a provincial account's own province), $region VARCHAR or NULL
SELECT a.region_code, a.region_name, substr(a.region_code, 1, 2) || '0000' AS province_code, a.kind, a.field,
       a.project_name, y.year, s.items_met, s.items_assessed, s.conformance, s.meets_bar, s.metrics_met,
       s.metrics_assessed, s.metrics_no_data, s.composite, s.provisional, s.system_version,
       y.year = r.data_to AS decisive
FROM naming_applications AS a
JOIN naming_rounds AS r ON r.round_id = a.round_id
CROSS JOIN LATERAL (SELECT unnest(range(r.data_from, r.data_to + 1)) AS year) AS y
LEFT JOIN scorecard AS s ON s.region_code = a.region_code AND s.year = y.year
WHERE a.round_id = $round
  AND ($province IS NULL OR substr(a.region_code, 1, 2) || '0000' = $province)
  AND ($region IS NULL OR a.region_code = $region)
ORDER BY a.region_code, y.year;
