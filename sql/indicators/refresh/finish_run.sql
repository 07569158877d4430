-- @produces: the refresh_runs row of a finished run
UPDATE refresh_runs
SET finished_at = current_localtimestamp(), status = $status, seconds = $seconds, source_rows = $source_rows,
    metric_rows = (SELECT count(*) FROM indicator_values WHERE run_id = $run_id),
    flags_active = (SELECT count(*) FROM flags WHERE status = 'active'),
    flags_new = (SELECT count(*) FROM flags WHERE first_seen_run = $run_id),
    flags_resolved = (SELECT count(*) FROM flags WHERE resolved_run = $run_id)
WHERE run_id = $run_id;
