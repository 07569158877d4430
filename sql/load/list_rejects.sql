-- @produces: rejected records with file, line, column and reason; $1 = load id or NULL for all, $2 = limit.
SELECT load_id, file_name AS file, line, column_name AS "column", code, message AS reason, value, raw
FROM rejects WHERE $1 IS NULL OR load_id = $1
ORDER BY load_id, line, column_name
LIMIT $2;
