-- @produces: an acknowledged failed or warning run (idempotent: the first acknowledgement is kept)
-- @params: $run_id, $actor
UPDATE job_runs
SET acknowledged_by = coalesce(acknowledged_by, $actor), acknowledged_at = coalesce(acknowledged_at, current_localtimestamp())
WHERE run_id = $run_id
RETURNING run_id, job_id, status, acknowledged_by, strftime(acknowledged_at, '%Y-%m-%dT%H:%M:%S') AS acknowledged_at;
