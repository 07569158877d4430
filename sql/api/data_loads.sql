-- @produces: the load log, newest first (file metadata only: no row of any region)
-- @params: $limit INTEGER
SELECT load_id, file_name, dataset, format, encoding, source, loaded_by, status, records, loaded, rejected, superseded,
       strftime(started_at, '%Y-%m-%d %H:%M:%S') AS started_at, total_ms, message, message_code, message_params
FROM load_log ORDER BY load_id DESC LIMIT $limit;
