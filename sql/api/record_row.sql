-- @produces: one source row of a dataset, as loaded (by load id and source line), when the caller may see its region
-- @params: $dataset VARCHAR (a contract name, checked against the contracts before this runs), $load_id INTEGER,
--          $line BIGINT, $province VARCHAR or NULL
SELECT t.* FROM query_table($dataset) AS t
WHERE t._load_id = $load_id AND t._line = $line
  AND ($province IS NULL OR substr(t.region_code, 1, 2) || '0000' = $province);
