-- @produces: job runs, newest first
-- @params: $limit INTEGER, $job_id VARCHAR or NULL, $unacknowledged BOOLEAN (only failed/warning runs not yet acknowledged)
SELECT run_id, job_id, trigger, strftime(started_at, '%Y-%m-%dT%H:%M:%S') AS started_at,
       strftime(finished_at, '%Y-%m-%dT%H:%M:%S') AS finished_at, status, attempts, summary, details, error,
       triggered_by, acknowledged_by, strftime(acknowledged_at, '%Y-%m-%dT%H:%M:%S') AS acknowledged_at
FROM job_runs
WHERE ($job_id IS NULL OR job_id = $job_id)
  AND (NOT $unacknowledged OR (status IN ('failed', 'warning') AND acknowledged_at IS NULL))
ORDER BY run_id DESC
LIMIT $limit;
