-- @produces: temp table spotcheck_below_bar from the rows of pipeline/spotcheck findingsBelowBar (ground 3)
-- @params: $rows VARCHAR — JSON array of {region_code, year, findings, met, linked, unmet_indicators}
CREATE OR REPLACE TEMP TABLE spotcheck_below_bar AS
SELECT *
FROM (SELECT unnest(from_json($rows, '[{"region_code":"VARCHAR","year":"INTEGER","findings":"INTEGER","met":"INTEGER","linked":"BOOLEAN","unmet_indicators":"INTEGER[]"}]'), recursive := true));
