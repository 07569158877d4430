-- @produces: one naming_notices row
-- @params: $round_id, $starts_on, $workdays, $ends_on, $provisional, $medium, $published_by
INSERT INTO naming_notices (round_id, starts_on, workdays, ends_on, provisional, medium, published_at, published_by)
VALUES ($round_id, CAST($starts_on AS DATE), $workdays, CAST($ends_on AS DATE), $provisional, $medium,
        current_localtimestamp(), $published_by);
