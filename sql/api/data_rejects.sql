-- @produces: rejected records (file, line, column, reason, raw text) of one load or all, for central users only:
--            a rejected row may belong to any province, so a provincial caller ($province set) gets none
-- @params: $load_id INTEGER or NULL, $limit INTEGER, $province VARCHAR or NULL
SELECT load_id, file_name AS file, line, column_name AS "column", code, message AS reason, value, raw
FROM rejects
WHERE ($load_id IS NULL OR load_id = $load_id) AND $province IS NULL
ORDER BY load_id, line, column_name
LIMIT $limit;
