-- @produces: one draws row in state frozen
-- @params: $year, $strata, $exclusions (JSON text array), $pool_size, $pool_sha256, $strata_sha256, $frozen_by,
--          $supersedes, $redraw_reason (both NULL unless this freeze starts a redraw)
-- pool_version counts this year's freezes, so a second freeze of the same year is visibly a new version.
INSERT INTO draws (year, pool_version, strata, exclusions, pool_size, pool_sha256, strata_sha256, frozen_at, frozen_by,
                   state, supersedes, redraw_reason)
SELECT $year,
       1 + (SELECT count(*) FROM draws WHERE year = $year),
       $strata,
       from_json($exclusions, '["VARCHAR"]'),
       $pool_size, $pool_sha256, CAST($strata_sha256 AS VARCHAR),
       current_localtimestamp(), $frozen_by, 'frozen',
       CAST($supersedes AS INTEGER), CAST($redraw_reason AS VARCHAR)
RETURNING draw_id, pool_version;
