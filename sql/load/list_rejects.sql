-- @produces: rejected records with file, line, column and reason; $load_id = a load id or NULL for all, $limit.
SELECT load_id, file_name AS file, line, column_name AS "column", code, message AS reason, value, raw
FROM rejects WHERE $load_id IS NULL OR load_id = $load_id
ORDER BY load_id, line, column_name
LIMIT $limit;
