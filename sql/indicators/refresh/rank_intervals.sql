-- @produces: scorecard.rank_low / rank_high of the current run from the rank intervals computed in TypeScript
-- @params: $rows — JSON text [{region_code, year, low, high}]
UPDATE scorecard AS s
SET rank_low = x.low, rank_high = x.high
FROM (SELECT unnest(from_json($rows, '[{"region_code":"VARCHAR","year":"INTEGER","low":"INTEGER","high":"INTEGER"}]'), recursive := true)) AS x
WHERE s.run_id = (SELECT run_id FROM refresh_context) AND s.region_code = x.region_code AND s.year = x.year;
