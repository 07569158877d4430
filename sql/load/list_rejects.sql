-- @produces: rejected records with file, line, column, the reason's code (worded by the vocabulary with the load's
-- dataset) and the English reason as written at load time; $load_id = a load id or NULL for all, $limit.
SELECT r.load_id, r.file_name AS file, r.line, r.column_name AS "column", r.code, l.dataset, r.message AS reason,
       r.value, r.raw
FROM rejects r LEFT JOIN load_log l USING (load_id)
WHERE $load_id IS NULL OR r.load_id = $load_id
ORDER BY r.load_id, r.line, r.column_name
LIMIT $limit;
