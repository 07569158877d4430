-- @produces: the inputs of a round's combined ranking, one row per applicant: pre-review, the decisive year's
--            conformance (scorecard), the mean third-party area score, the survey's sample and satisfied count
-- @params: $round VARCHAR
WITH r AS (SELECT * FROM naming_rounds WHERE round_id = $round),
tp AS (
  SELECT region_code, avg(score) AS third_party, count(*) AS areas
  FROM naming_third_party WHERE round_id = $round GROUP BY region_code
)
SELECT a.region_code, a.region_name, substr(a.region_code, 1, 2) || '0000' AS province_code, a.kind, a.field,
       p.recommended, p.province_rank, s.conformance, s.meets_bar, s.items_met, s.items_assessed,
       tp.third_party, CAST(tp.areas AS INTEGER) AS third_party_areas,
       CAST(sat.respondents AS INTEGER) AS respondents, CAST(sat.satisfied AS INTEGER) AS satisfied
FROM naming_applications AS a
CROSS JOIN r
LEFT JOIN naming_prereviews AS p ON p.round_id = a.round_id AND p.region_code = a.region_code
LEFT JOIN scorecard AS s ON s.region_code = a.region_code AND s.year = r.data_to
LEFT JOIN tp ON tp.region_code = a.region_code
LEFT JOIN naming_satisfaction AS sat ON sat.round_id = a.round_id AND sat.region_code = a.region_code
WHERE a.round_id = $round
ORDER BY a.region_code;
