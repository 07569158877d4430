-- @produces: every triage decision on a flag, oldest first
-- @params: $flag_id VARCHAR
SELECT decision, reason, entry_id, decided_by, strftime(decided_at, '%Y-%m-%dT%H:%M:%S') AS decided_at
FROM flag_triage_history WHERE flag_id = $flag_id ORDER BY history_id;
