-- @produces: a refresh_runs row in state running; returns its run_id
INSERT INTO refresh_runs (started_at, as_of, as_of_source, scoring_method, systems, status)
VALUES (current_localtimestamp(), CAST($as_of AS DATE), $as_of_source, $method, $systems, 'running')
RETURNING run_id;
