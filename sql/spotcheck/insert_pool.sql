-- @produces: draw_pool rows of one freeze
-- @params: $draw_id INTEGER, $rows JSON text: [{"region_code", "stratum"}] as computed from spotcheck/pool.sql
-- Rows arrive as one JSON document so the whole pool is written by one statement.
INSERT INTO draw_pool (draw_id, region_code, stratum)
SELECT $draw_id, region_code, stratum
FROM (SELECT unnest(from_json($rows, '[{"region_code":"VARCHAR","stratum":"VARCHAR"}]'), recursive := true));
