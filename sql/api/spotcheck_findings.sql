-- @produces: spot-check findings of the caller's regions, each with the draw it belongs to and how the region
--            came to be checked (view spotcheck_findings_by_draw, sql/spotcheck/findings_by_draw.sql)
-- @params: $year INTEGER or NULL, $province VARCHAR or NULL
SELECT f.region_code, r.region_name, r.province_code, f.year, f.indicator_no, f.met, f.note, f.draw_id, f.link
FROM spotcheck_findings_by_draw AS f
JOIN regions AS r ON r.region_code = f.region_code
WHERE ($year IS NULL OR f.year = $year) AND ($province IS NULL OR r.province_code = $province)
ORDER BY f.year, f.region_code, f.indicator_no;
