-- @produces: new watchlist_entries (status flagged, or needs_review when not a ground) with their first history row;
--            source_active, params and evidence kept current for refresh-made entries (a reload that supersedes a
--            source record moves the evidence to the record now in force). Statuses set by analysts are never
--            touched. The first history row has no note: the entry's origin (refresh) says why it was listed.
-- The actor is refresh_context.actor.
INSERT INTO watchlist_history (entry_id, from_status, to_status, note, changed_by, changed_at)
SELECT w.entry_id, NULL, CASE WHEN w.is_ground THEN 'flagged' ELSE 'needs_review' END, NULL, c.actor, current_localtimestamp()
FROM watchlist_candidates AS w
CROSS JOIN refresh_context AS c
WHERE w.entry_id NOT IN (SELECT entry_id FROM watchlist_entries);

INSERT INTO watchlist_entries (entry_id, region_code, year, ground, kind, is_ground, params, evidence, origin, source_key,
                               source_active, created_at, created_run, status, status_at, status_by)
SELECT w.entry_id, w.region_code, w.year, w.ground, w.kind, w.is_ground, CAST(w.params AS VARCHAR), CAST(w.evidence AS VARCHAR), 'refresh',
       w.source_key, true, current_localtimestamp(), c.run_id, CASE WHEN w.is_ground THEN 'flagged' ELSE 'needs_review' END,
       current_localtimestamp(), c.actor
FROM watchlist_candidates AS w
CROSS JOIN refresh_context AS c
WHERE w.entry_id NOT IN (SELECT entry_id FROM watchlist_entries);

UPDATE watchlist_entries
SET source_active = entry_id IN (SELECT entry_id FROM watchlist_candidates),
    params = coalesce((SELECT CAST(w.params AS VARCHAR) FROM watchlist_candidates AS w WHERE w.entry_id = watchlist_entries.entry_id), params),
    evidence = coalesce((SELECT CAST(w.evidence AS VARCHAR) FROM watchlist_candidates AS w WHERE w.entry_id = watchlist_entries.entry_id), evidence)
WHERE origin = 'refresh';
