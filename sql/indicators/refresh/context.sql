-- @produces: temp table refresh_context — the run id, the data's date and who runs it, read by every step
-- @params: $run_id INTEGER, $as_of VARCHAR (YYYY-MM-DD), $actor VARCHAR
CREATE OR REPLACE TEMP TABLE refresh_context AS
SELECT CAST($run_id AS INTEGER) AS run_id, CAST($as_of AS DATE) AS as_of, CAST($actor AS VARCHAR) AS actor;
