-- @produces: an analyst's watchlist entry on a ground of 四(三) they choose (1, 2 or 4), status flagged
-- @params: $entry_id, $region_code, $year, $ground INTEGER, $kind VARCHAR, $params, $evidence (JSON text), $source_key, $by
INSERT INTO watchlist_entries (entry_id, region_code, year, ground, kind, is_ground, params, evidence, origin, source_key,
                               source_active, created_at, created_run, status, status_at, status_by)
VALUES ($entry_id, $region_code, $year, $ground, $kind, true, $params, $evidence, 'analyst', $source_key,
        true, current_localtimestamp(), NULL, 'flagged', current_localtimestamp(), $by);
