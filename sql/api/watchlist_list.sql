-- @produces: watchlist entries of the caller's regions (no evidence or history; GET /api/watchlist/:id has them)
-- @params: $status VARCHAR or NULL, $region VARCHAR or NULL, $province VARCHAR or NULL
SELECT w.entry_id, w.region_code, r.region_name, r.province_code, w.year, w.ground, w.kind, w.is_ground, w.params,
       w.origin, w.source_active, w.status, strftime(w.status_at, '%Y-%m-%d %H:%M:%S') AS status_at, w.status_by
FROM watchlist_entries AS w
JOIN regions AS r ON r.region_code = w.region_code
WHERE ($status IS NULL OR w.status = $status) AND ($region IS NULL OR w.region_code = $region)
  AND ($province IS NULL OR r.province_code = $province)
ORDER BY w.is_ground DESC, w.ground NULLS LAST, w.region_code, w.year, w.entry_id;
