-- @produces: the revocation watchlist, open entries first
SELECT w.status, w.region_code, r.region_name, w.year, w.ground, w.kind, w.is_ground, w.params,
       strftime(w.status_at, '%Y-%m-%d') AS status_at, w.status_by
FROM watchlist_entries AS w
LEFT JOIN regions AS r ON r.region_code = w.region_code
ORDER BY CASE WHEN w.status IN ('cleared', 'revoked') THEN 1 ELSE 0 END, w.is_ground DESC, w.year DESC, w.region_code;
