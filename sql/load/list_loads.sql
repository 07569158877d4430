-- @produces: the load log, newest first. $limit = maximum number of rows.
SELECT load_id, file_name, dataset, format, encoding, status, records, loaded, rejected, superseded,
       strftime(started_at, '%Y-%m-%d %H:%M:%S') AS started_at, total_ms, sha256, message, message_code, message_params
FROM load_log ORDER BY load_id DESC LIMIT $limit;
