-- @produces: a round's field-check lists, newest first
-- @params: $round VARCHAR
SELECT list_id, round_id, strftime(made_at, '%Y-%m-%dT%H:%M:%S') AS made_at, made_by, rule, inputs_sha256, inputs,
       ranking, regions
FROM naming_field_check_lists
WHERE round_id = $round
ORDER BY list_id DESC;
