-- @produces: rejected records (file, dataset, line, column, reason code, raw text) of one load or all, for central
--            users only (the dashboard words the reason from the code):
--            a rejected row may belong to any province, so a provincial caller ($province set) gets none
-- @params: $load_id INTEGER or NULL, $limit INTEGER, $province VARCHAR or NULL
SELECT j.load_id, j.file_name AS file, l.dataset, j.line, j.column_name AS "column", j.code, j.value, j.raw
FROM rejects AS j
LEFT JOIN load_log AS l ON l.load_id = j.load_id
WHERE ($load_id IS NULL OR j.load_id = $load_id) AND $province IS NULL
ORDER BY j.load_id, j.line, j.column_name
LIMIT $limit;
