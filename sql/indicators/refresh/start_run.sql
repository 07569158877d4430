-- @produces: a refresh_runs row in state running; returns its run_id
-- @params: $as_of, $as_of_source, $method, $systems (JSON), $funnel_model (additive | multiplicative), $fdr_q
INSERT INTO refresh_runs (started_at, as_of, as_of_source, scoring_method, systems, status, funnel_model, fdr_q)
VALUES (current_localtimestamp(), CAST($as_of AS DATE), $as_of_source, $method, $systems, 'running', $funnel_model, $fdr_q)
RETURNING run_id;
