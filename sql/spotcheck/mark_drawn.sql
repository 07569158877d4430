-- @produces: the draws row of a frozen pool moved to state drawn, with its seed and parameters
-- @params: $draw_id, $seed, $seed_hash, $proportion (text or NULL), $sample_count (or NULL), $allocation_rule,
--          $per_stratum_minimum (or NULL), $team_size, $drawn_by
-- Only a current frozen draw can take a seed, and only once: RETURNING is empty otherwise and draw.ts refuses.
UPDATE draws
SET state = 'drawn',
    seed = $seed,
    seed_hash = $seed_hash,
    proportion = CAST($proportion AS VARCHAR),
    sample_count = CAST($sample_count AS INTEGER),
    allocation_rule = $allocation_rule,
    per_stratum_minimum = CAST($per_stratum_minimum AS INTEGER),
    team_size = $team_size,
    drawn_at = current_localtimestamp(),
    drawn_by = $drawn_by
WHERE draw_id = $draw_id AND state = 'frozen' AND superseded_by IS NULL
RETURNING draw_id;
