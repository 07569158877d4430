-- @produces: draw_inspector_pool rows of one draw
-- @params: $draw_id, $inspector_pool: JSON text array as computed by sql/spotcheck/inspector_pool.sql, snapshotted
INSERT INTO draw_inspector_pool (draw_id, inspector_id, home_province_code, load_cap, prior_load)
SELECT $draw_id, inspector_id, home_province_code, load_cap, prior_load
FROM (SELECT unnest(from_json($inspector_pool,
  '[{"inspector_id":"VARCHAR","home_province_code":"VARCHAR","load_cap":"INTEGER","prior_load":"INTEGER"}]'), recursive := true));
