-- @produces: the current draws that selected one region, with the draw's year and state
-- @params: $code VARCHAR, $province VARCHAR or NULL
SELECT d.draw_id, d.year, d.state, s.stratum, s.draw_order
FROM draw_selection AS s
JOIN draws AS d ON d.draw_id = s.draw_id
JOIN regions AS r ON r.region_code = s.region_code
WHERE s.region_code = $code AND d.superseded_by IS NULL AND ($province IS NULL OR r.province_code = $province)
ORDER BY d.year DESC;
