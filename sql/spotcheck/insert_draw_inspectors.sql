-- @produces: draw_inspectors rows of one draw
-- @params: $draw_id, $assignments: JSON text array as computed by pipeline/spotcheck/inspectors.ts
INSERT INTO draw_inspectors (draw_id, region_code, position, inspector_id, ticket)
SELECT $draw_id, region_code, position, inspector_id, ticket
FROM (SELECT unnest(from_json($assignments,
  '[{"region_code":"VARCHAR","position":"INTEGER","inspector_id":"VARCHAR","ticket":"VARCHAR"}]'), recursive := true));
