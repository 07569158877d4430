-- @produces: indicator_values, scorecard and funnel_limits without the rows of the years this run recomputes
-- (refresh_years); the other years' rows move to this run (keep_latest.sql): the tables hold the latest run only
DELETE FROM indicator_values WHERE year IN (SELECT year FROM refresh_years);
DELETE FROM scorecard WHERE year IN (SELECT year FROM refresh_years);
DELETE FROM funnel_limits WHERE year IN (SELECT year FROM refresh_years);
