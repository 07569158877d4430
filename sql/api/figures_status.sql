-- @produces: one row: when the figures were computed (the latest finished refresh run), the newest file load, and
--            how many loads finished after that run started (their rows are not in the figures yet)
-- @params: none
WITH run AS (
  SELECT started_at, finished_at, as_of FROM refresh_runs WHERE status = 'done' ORDER BY run_id DESC LIMIT 1
), loads AS (
  SELECT finished_at FROM load_log WHERE status = 'loaded' AND finished_at IS NOT NULL
)
SELECT
  (SELECT strftime(finished_at, '%Y-%m-%d %H:%M:%S') FROM run) AS computed_at,
  (SELECT CAST(as_of AS VARCHAR) FROM run) AS as_of,
  (SELECT strftime(max(finished_at), '%Y-%m-%d %H:%M:%S') FROM loads) AS newest_load_at,
  (SELECT count(*) FROM loads WHERE finished_at > coalesce((SELECT started_at FROM run), TIMESTAMP '0001-01-01')) AS loads_waiting;
