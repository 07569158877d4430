-- @produces: empty indicator_values, scorecard and funnel_limits before a run writes its own (only the latest run
-- is kept there; flags and the watchlist carry the history)
DELETE FROM indicator_values;
DELETE FROM scorecard;
DELETE FROM funnel_limits;
