-- @produces: runs left 'running' by a process that died are closed as failed when a scheduler starts
UPDATE job_runs
SET status = 'failed', finished_at = current_localtimestamp(), error = 'interrupted: the process running the job stopped before it finished'
WHERE status = 'running';
