-- @produces: whether a watchlist entry exists (an escalated flag creates its ground-4 entry once)
-- @params: $entry_id VARCHAR
SELECT count(*) > 0 AS present FROM watchlist_entries WHERE entry_id = $entry_id;
