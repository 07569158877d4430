-- @produces: a load_log row for a file refused whole before loading (bad header, unknown dataset).
-- $file_name, $file_path, $sha256, $dataset, $format, $message, $message_code, $message_params, $source, $total_ms,
-- $loaded_by (the uploading user, or NULL)
INSERT INTO load_log (file_name, file_path, sha256, dataset, format, status, message, message_code, message_params, records, loaded, rejected, started_at, finished_at, total_ms, source, loaded_by)
VALUES ($file_name, $file_path, $sha256, $dataset, $format, 'refused', $message, $message_code, $message_params, NULL, 0, 0, current_localtimestamp(), current_localtimestamp(), $total_ms, $source, $loaded_by)
RETURNING load_id;
