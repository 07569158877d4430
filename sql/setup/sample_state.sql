-- @produces: what decides whether `shifan start` loads the demo sample (pipeline/setup/first-run.ts), one row:
--   others, files loaded from anywhere but the shipped reference data and the demo; demo, demo files loaded;
--   refreshed, whether a refresh has finished. Demo files without a finished refresh are a first setup that was
--   stopped (Ctrl-C, a closed terminal) before its refresh: the next start takes it up again.
SELECT
  count(*) FILTER (WHERE source NOT IN ('reference', 'demo')) AS others,
  count(*) FILTER (WHERE source = 'demo') AS demo,
  (SELECT count(*) FROM refresh_runs WHERE status = 'done') > 0 AS refreshed
FROM load_log
WHERE status = 'loaded';
