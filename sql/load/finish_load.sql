-- @produces: the final state of a load_log row (loaded | refused | interrupted), with its counts and timings.
-- $load_id, $status, $message, $message_code, $message_params, $encoding, $records, $loaded, $rejected, $superseded, $read_ms, $validate_ms, $total_ms
UPDATE load_log SET
  status = $status, message = $message, message_code = $message_code, message_params = $message_params, encoding = $encoding, records = $records, loaded = $loaded,
  rejected = $rejected, superseded = $superseded, read_ms = $read_ms, validate_ms = $validate_ms,
  total_ms = $total_ms, finished_at = current_localtimestamp()
WHERE load_id = $load_id;
