-- @produces: a round's public notice (none before it is published)
-- @params: $round VARCHAR
SELECT round_id, strftime(starts_on, '%Y-%m-%d') AS starts_on, workdays, strftime(ends_on, '%Y-%m-%d') AS ends_on,
       provisional, medium, strftime(published_at, '%Y-%m-%dT%H:%M:%S') AS published_at, published_by
FROM naming_notices
WHERE round_id = $round;
