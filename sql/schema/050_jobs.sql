-- @produces: job_runs
-- Every run of a scheduled job (pipeline/jobs/README.md): scheduled or triggered by an analyst, with start, end,
-- status, attempts, a one-line summary and the error. A failed run, or a run that ended with a warning for the
-- analysts (calendar not loaded, draw not done), shows on the Data page and the Overview until acknowledged.

CREATE SEQUENCE IF NOT EXISTS job_run_seq START 1;

CREATE TABLE IF NOT EXISTS job_runs (
  run_id           INTEGER PRIMARY KEY DEFAULT nextval('job_run_seq'),
  job_id           VARCHAR NOT NULL,    -- data/schedules.json job_id
  trigger          VARCHAR NOT NULL,    -- scheduled | manual
  started_at       TIMESTAMP NOT NULL,  -- Asia/Shanghai civil time, like every timestamp of the product
  finished_at      TIMESTAMP,
  status           VARCHAR NOT NULL,    -- running | ok | warning | failed | skipped_overlap
  attempts         INTEGER NOT NULL,    -- 1 + retries after transient errors
  summary          VARCHAR,             -- what the run did, in Chinese, one line
  details          VARCHAR,             -- JSON the job returned (files, counts)
  error            VARCHAR,             -- the last error message when failed
  triggered_by     VARCHAR,             -- actor for manual runs, 'scheduler' otherwise
  acknowledged_by  VARCHAR,
  acknowledged_at  TIMESTAMP
);
