-- @produces: one source row of a dataset without regions (national figures, visible to every account), by load id
--            and source line
-- @params: $dataset VARCHAR (a contract name without a region_code column, checked before this runs),
--          $load_id INTEGER, $line BIGINT
SELECT t.* FROM query_table($dataset) AS t
WHERE t._load_id = $load_id AND t._line = $line;
