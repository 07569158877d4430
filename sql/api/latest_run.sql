-- @produces: the latest finished refresh run (run_id, as_of, finished_at), or no row before the first refresh
SELECT run_id, CAST(as_of AS VARCHAR) AS as_of, strftime(finished_at, '%Y-%m-%d %H:%M:%S') AS finished_at
FROM refresh_runs WHERE status = 'done' ORDER BY run_id DESC LIMIT 1;
