-- @produces: draw_selection rows of one draw
-- @params: $draw_id, $selection: JSON text array as computed by pipeline/spotcheck/selection.ts
INSERT INTO draw_selection (draw_id, draw_order, region_code, ticket, stratum, inclusion_probability)
SELECT $draw_id, draw_order, region_code, ticket, stratum, inclusion_probability
FROM (SELECT unnest(from_json($selection,
  '[{"draw_order":"INTEGER","region_code":"VARCHAR","ticket":"VARCHAR","stratum":"VARCHAR","inclusion_probability":"DOUBLE"}]'), recursive := true));
