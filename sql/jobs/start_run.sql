-- @produces: a job_runs row for a run that starts now (or that is skipped because the job is already running)
-- @params: $job_id, $trigger, $status (running | skipped_overlap), $summary, $triggered_by
INSERT INTO job_runs (job_id, trigger, started_at, finished_at, status, attempts, summary, triggered_by)
VALUES ($job_id, $trigger, current_localtimestamp(),
        CASE WHEN $status = 'running' THEN NULL ELSE current_localtimestamp() END,
        $status, CASE WHEN $status = 'running' THEN 1 ELSE 0 END, $summary, $triggered_by)
RETURNING run_id;
