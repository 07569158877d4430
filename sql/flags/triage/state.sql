-- @produces: the triage state of flags: the decision, who and when, and whether it still holds — a dismissal holds
-- while the flag's evidence fingerprint is the one it was dismissed on; otherwise the flag is back (reopened)
-- @params: $flag_id VARCHAR or NULL (all)
SELECT t.flag_id, t.decision, t.reason, t.entry_id, t.decided_by, strftime(t.decided_at, '%Y-%m-%dT%H:%M:%S') AS decided_at,
  triage_state(t.decision, t.evidence_hash, f.numbers, f.evidence_count) AS state
FROM flag_triage AS t
JOIN flags AS f ON f.flag_id = t.flag_id
WHERE $flag_id IS NULL OR t.flag_id = $flag_id
ORDER BY t.flag_id;
