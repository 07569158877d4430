-- @produces: the random selection of a draw in draw order, with each region's name and inspector team
-- @source: draw_selection, draw_inspectors, regions (for the name only; names are not part of the protocol)
-- @params: $draw_id
SELECT
  s.draw_order,
  s.region_code,
  r.region_name,
  s.ticket,
  s.stratum,
  s.inclusion_probability,
  coalesce(list(a.inspector_id ORDER BY a.position) FILTER (WHERE a.inspector_id IS NOT NULL), []) AS inspectors
FROM draw_selection AS s
LEFT JOIN draw_inspectors AS a ON a.draw_id = s.draw_id AND a.region_code = s.region_code
LEFT JOIN regions AS r ON r.region_code = s.region_code
WHERE s.draw_id = $draw_id
GROUP BY ALL
ORDER BY s.draw_order;
