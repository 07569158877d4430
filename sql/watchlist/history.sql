-- @produces: status history of watchlist entries, oldest first
-- @params: $entry_id VARCHAR or NULL for every entry
SELECT entry_id, from_status, to_status, note, changed_by, strftime(changed_at, '%Y-%m-%d %H:%M:%S') AS changed_at
FROM watchlist_history
WHERE $entry_id IS NULL OR entry_id = $entry_id
ORDER BY history_id;
