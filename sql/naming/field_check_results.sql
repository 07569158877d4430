-- @produces: per applicant of a round with field-check findings: indicator Nos. checked and confirmed met, and the
--            share met (counted per No., as the designation bar is), with the application's kind
-- @params: $round VARCHAR
SELECT a.region_code, a.region_name, a.kind, count(f.indicator_no) AS checked,
       count(*) FILTER (WHERE f.met) AS confirmed, count(*) FILTER (WHERE f.met) / nullif(count(f.indicator_no), 0) AS share
FROM naming_applications AS a
JOIN naming_field_checks AS f ON f.round_id = a.round_id AND f.region_code = a.region_code
WHERE a.round_id = $round
GROUP BY ALL
ORDER BY a.region_code;
