-- @produces: one draws row, timestamps as text (local Asia/Shanghai time) so they print and serialise as stored
-- @params: $draw_id (NULL with $year: every draw of that year; both NULL: every draw), $year
SELECT
  draw_id, year, pool_version, strata, exclusions, pool_size, pool_sha256, strata_sha256, state,
  seed, seed_hash, proportion, sample_count, allocation_rule, per_stratum_minimum, team_size,
  CAST(frozen_at AS VARCHAR) AS frozen_at, frozen_by,
  CAST(drawn_at AS VARCHAR) AS drawn_at, drawn_by,
  CAST(committed_at AS VARCHAR) AS committed_at, committed_by,
  supersedes, redraw_reason, superseded_by,
  CAST(superseded_at AS VARCHAR) AS superseded_at
FROM draws
WHERE ($draw_id IS NULL OR draw_id = $draw_id)
  AND ($year IS NULL OR year = $year)
ORDER BY draw_id;
