-- @produces: the final state of a load_log row (loaded | refused), with its counts and timings.
-- $1 load_id, $2 status, $3 message, $4 encoding, $5 records, $6 loaded, $7 rejected, $8 superseded,
-- $9 read_ms, $10 validate_ms, $11 total_ms
UPDATE load_log SET
  status = $2, message = $3, encoding = $4, records = $5, loaded = $6, rejected = $7, superseded = $8,
  read_ms = $9, validate_ms = $10, total_ms = $11, finished_at = current_localtimestamp()
WHERE load_id = $1;
