-- @produces: a load_log row for a file refused whole before loading (bad header, unknown dataset).
-- $1 file_name, $2 file_path, $3 sha256, $4 dataset, $5 format, $6 message, $7 source, $8 total_ms
INSERT INTO load_log (file_name, file_path, sha256, dataset, format, status, message, records, loaded, rejected, started_at, finished_at, total_ms, source)
VALUES ($1, $2, $3, $4, $5, 'refused', $6, NULL, 0, 0, current_localtimestamp(), current_localtimestamp(), $8, $7)
RETURNING load_id;
