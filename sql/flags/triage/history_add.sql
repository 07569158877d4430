-- @produces: one flag_triage_history row (every decision, in order)
-- @params: $flag_id, $decision, $reason, $evidence_hash, $entry_id, $by
INSERT INTO flag_triage_history (flag_id, decision, reason, evidence_hash, entry_id, decided_by, decided_at)
VALUES ($flag_id, $decision, $reason, $evidence_hash, $entry_id, $by, current_localtimestamp());
