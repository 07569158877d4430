-- @produces: one watchlist_history row
-- @params: $entry_id, $from (NULL on creation), $to, $note, $by
INSERT INTO watchlist_history (entry_id, from_status, to_status, note, changed_by, changed_at)
VALUES ($entry_id, $from, $to, $note, $by, current_localtimestamp());
