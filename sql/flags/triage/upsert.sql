-- @produces: the flag's current triage decision (one row per flag); the history row is sql/flags/triage/history_add.sql
-- @params: $flag_id, $decision (acknowledged | dismissed | escalated), $reason, $evidence_hash, $entry_id, $by
INSERT INTO flag_triage (flag_id, decision, reason, evidence_hash, entry_id, decided_by, decided_at)
VALUES ($flag_id, $decision, $reason, $evidence_hash, $entry_id, $by, current_localtimestamp())
ON CONFLICT (flag_id) DO UPDATE SET decision = excluded.decision, reason = excluded.reason,
  evidence_hash = excluded.evidence_hash, entry_id = coalesce(excluded.entry_id, flag_triage.entry_id),
  decided_by = excluded.decided_by, decided_at = excluded.decided_at;
