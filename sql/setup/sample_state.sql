-- @produces: what decides whether `shifan start` loads the demo sample (pipeline/setup/first-run.ts), one row:
--   others, files loaded from anywhere but the shipped reference data and the demo; demo, demo files loaded;
--   complete, whether a first setup finished: its audit entry (setup.sample, written after its last step), or, for a
--   database set up before that entry existed, a refresh and the demo naming round's field-check list (written last).
--   Demo files without either are a first setup that was stopped midway: the next start takes it up again.
SELECT
  count(*) FILTER (WHERE source NOT IN ('reference', 'demo')) AS others,
  count(*) FILTER (WHERE source = 'demo') AS demo,
  (SELECT count(*) FROM audit_log WHERE action = 'setup.sample') > 0
    OR ((SELECT count(*) FROM refresh_runs WHERE status = 'done') > 0
      AND (SELECT count(*) FROM naming_field_check_lists) > 0) AS complete
FROM load_log
WHERE status = 'loaded';
