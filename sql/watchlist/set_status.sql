-- @produces: a watchlist entry's current status (its history row is add_history.sql)
-- @params: $entry_id, $to, $by
UPDATE watchlist_entries SET status = $to, status_at = current_localtimestamp(), status_by = $by WHERE entry_id = $entry_id;
