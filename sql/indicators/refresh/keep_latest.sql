-- @produces: the kept rows of indicator_values, scorecard and funnel_limits (years an incremental refresh does not
-- recompute) marked as this run's, exactly as a full refresh would have written them
UPDATE indicator_values SET run_id = (SELECT run_id FROM refresh_context);
UPDATE scorecard SET run_id = (SELECT run_id FROM refresh_context);
UPDATE funnel_limits SET run_id = (SELECT run_id FROM refresh_context);
