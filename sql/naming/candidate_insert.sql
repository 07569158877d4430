-- @produces: one naming_candidates row
-- @params: $round_id, $region_code, $basis, $added_by
INSERT INTO naming_candidates (round_id, region_code, basis, added_at, added_by)
VALUES ($round_id, $region_code, $basis, current_localtimestamp(), $added_by);
