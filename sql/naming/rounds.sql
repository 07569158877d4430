-- @produces: naming rounds, newest first (one when $round is given)
-- @params: $round VARCHAR or NULL
SELECT round_id, batch, year, title, kinds, fields, data_from, data_to, bar, method, field_check_rule, timetable,
       notice_workdays, strftime(created_at, '%Y-%m-%dT%H:%M:%S') AS created_at, created_by
FROM naming_rounds
WHERE $round IS NULL OR round_id = $round
ORDER BY year DESC, round_id DESC;
