-- @produces: the indicator_systems rows of every version of the indicator system (pipeline/indicators/system.ts
--   storeSystems, after it emptied the table)
-- @params: $systems — JSON text [{version, label, year_from, year_to, bar, sha256, definition}]
INSERT INTO indicator_systems (version, label, year_from, year_to, bar, sha256, definition)
SELECT version, label, year_from, year_to, bar, sha256, definition
FROM (SELECT unnest(from_json($systems, '[{"version":"VARCHAR","label":"VARCHAR","year_from":"INTEGER",
  "year_to":"INTEGER","bar":"DOUBLE","sha256":"VARCHAR","definition":"VARCHAR"}]'), recursive := true));
