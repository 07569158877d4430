-- @produces: the provinces' recommendation lists of a round (三(二) 初审推荐): every applicant with its pre-review,
--            by province and place on the list
-- @params: $round VARCHAR
SELECT substr(a.region_code, 1, 2) || '0000' AS province_code, p.province_rank, a.region_code, a.region_name,
       a.kind, a.field, a.project_name, strftime(a.applied_on, '%Y-%m-%d') AS applied_on, p.recommended, p.opinion
FROM naming_applications AS a
LEFT JOIN naming_prereviews AS p ON p.round_id = a.round_id AND p.region_code = a.region_code
WHERE a.round_id = $round
ORDER BY province_code, p.recommended DESC NULLS LAST, p.province_rank NULLS LAST, a.region_code;
