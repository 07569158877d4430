-- @produces: one audit_log row
-- Appends an entry whose seq and hashes pipeline/audit/log.ts has computed from the current head. The NOT EXISTS
-- guard refuses the row if the head moved since it was read (the insert then affects 0 rows and log.ts fails),
-- so two writers can never chain onto the same predecessor.
INSERT INTO audit_log (seq, logged_at, action, actor, subject, details, prev_hash, hash)
SELECT $seq, $logged_at, $action, $actor, $subject, $details, $prev_hash, $hash
WHERE coalesce((SELECT max(seq) FROM audit_log), 0) = $seq - 1
RETURNING seq;
