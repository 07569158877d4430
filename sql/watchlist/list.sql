-- @produces: watchlist entries with the region's name, grounds first, newest status change first
-- @params: $region VARCHAR or NULL, $status VARCHAR or NULL
SELECT w.entry_id, w.region_code, r.region_name, w.year, w.ground, w.kind, w.is_ground, w.params, w.evidence, w.origin,
       w.source_key, w.source_active, w.status, strftime(w.status_at, '%Y-%m-%d %H:%M:%S') AS status_at, w.status_by
FROM watchlist_entries AS w
LEFT JOIN regions AS r ON r.region_code = w.region_code
WHERE ($region IS NULL OR w.region_code = $region) AND ($status IS NULL OR w.status = $status)
ORDER BY w.is_ground DESC, w.ground NULLS LAST, w.region_code, w.year, w.entry_id;
