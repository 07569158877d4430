-- @produces: inspectors rows (new ones added, same inspector_id replaced)
-- @params: $rows JSON text: [{"inspector_id","name","home_province_code","load_cap","active"}], already checked
-- by spotcheck/inspectors_read.sql
INSERT OR REPLACE INTO inspectors (inspector_id, name, home_province_code, load_cap, active)
SELECT inspector_id, name, home_province_code, load_cap, active
FROM (SELECT unnest(from_json($rows,
  '[{"inspector_id":"VARCHAR","name":"VARCHAR","home_province_code":"VARCHAR","load_cap":"INTEGER","active":"BOOLEAN"}]'),
  recursive := true));
