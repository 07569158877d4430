-- @produces: the end of a job run
-- @params: $run_id, $status (ok | warning | failed), $attempts, $summary, $details, $error
UPDATE job_runs
SET finished_at = current_localtimestamp(), status = $status, attempts = $attempts, summary = $summary,
    details = $details, error = $error
WHERE run_id = $run_id;
