-- @produces: one watchlist entry with its evidence JSON (empty when unknown or outside the caller's province)
-- @params: $entry_id VARCHAR, $province VARCHAR or NULL
SELECT w.entry_id, w.region_code, r.region_name, r.province_code, w.year, w.ground, w.kind, w.is_ground, w.params,
       w.evidence, w.origin, w.source_key, w.source_active, w.status,
       strftime(w.status_at, '%Y-%m-%d %H:%M:%S') AS status_at, w.status_by,
       strftime(w.created_at, '%Y-%m-%d %H:%M:%S') AS created_at, w.created_run
FROM watchlist_entries AS w
JOIN regions AS r ON r.region_code = w.region_code
WHERE w.entry_id = $entry_id AND ($province IS NULL OR r.province_code = $province);
