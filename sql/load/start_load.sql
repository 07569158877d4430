-- @produces: a load_log row in state "running", committed before the data transaction starts, so that a load
-- killed midway is visible afterwards (mark_interrupted.sql) while its data was rolled back.
-- $file_name, $file_path, $sha256, $dataset, $format, $source, $loaded_by (the uploading user, or NULL)
INSERT INTO load_log (file_name, file_path, sha256, dataset, format, status, started_at, source, loaded_by)
VALUES ($file_name, $file_path, $sha256, $dataset, $format, 'running', current_localtimestamp(), $source, $loaded_by)
RETURNING load_id;
