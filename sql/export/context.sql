-- @produces: the refresh a quarterly package is built from: the latest finished run, its data as-of date and the
--            indicator-system versions it used
SELECT run_id, strftime(as_of, '%Y-%m-%d') AS as_of, as_of_source, scoring_method, systems,
       strftime(finished_at, '%Y-%m-%d %H:%M') AS finished_at
FROM refresh_runs
WHERE status = 'done'
ORDER BY run_id DESC
LIMIT 1;
