-- @produces: the years the latest run scored, oldest first, with how many regions had at least one assessed metric
--            (the default year of the views is the latest year with any: a year just begun has no data yet)
-- @params: $run_id INTEGER
SELECT year, count(*) FILTER (WHERE metrics_assessed > 0) AS regions_assessed
FROM scorecard WHERE run_id = $run_id GROUP BY year ORDER BY year;
