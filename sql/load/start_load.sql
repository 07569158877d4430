-- @produces: a load_log row in state "running", committed before the data transaction starts, so that a load
-- killed midway is visible afterwards (mark_interrupted.sql) while its data was rolled back.
-- $1 file_name, $2 file_path, $3 sha256, $4 dataset, $5 format, $6 source
INSERT INTO load_log (file_name, file_path, sha256, dataset, format, status, started_at, source)
VALUES ($1, $2, $3, $4, $5, 'running', current_localtimestamp(), $6)
RETURNING load_id;
