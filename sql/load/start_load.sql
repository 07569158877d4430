-- @produces: a load_log row in state "running", committed before the data transaction starts, so that a load
-- killed midway is visible afterwards (mark_interrupted.sql) while its data was rolled back.
-- $file_name, $file_path, $sha256, $dataset, $format, $source
INSERT INTO load_log (file_name, file_path, sha256, dataset, format, status, started_at, source)
VALUES ($file_name, $file_path, $sha256, $dataset, $format, 'running', current_localtimestamp(), $source)
RETURNING load_id;
