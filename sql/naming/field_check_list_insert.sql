-- @produces: one naming_field_check_lists row, returning its id
-- @params: $round_id, $made_by, $rule, $inputs_sha256, $inputs, $ranking, $regions
INSERT INTO naming_field_check_lists (round_id, made_at, made_by, rule, inputs_sha256, inputs, ranking, regions)
VALUES ($round_id, current_localtimestamp(), $made_by, $rule, $inputs_sha256, $inputs, $ranking, $regions)
RETURNING list_id;
