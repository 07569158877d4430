-- @produces: the status history of one watchlist entry, oldest first
-- @params: $entry_id VARCHAR
SELECT h.from_status, h.to_status, h.note, h.changed_by, strftime(h.changed_at, '%Y-%m-%d %H:%M:%S') AS changed_at
FROM watchlist_history AS h
WHERE h.entry_id = $entry_id
ORDER BY h.history_id;
