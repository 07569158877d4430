-- @produces: audit_log rows in seq order
-- The chain as stored, optionally narrowed to one subject and/or action ($subject, $action NULL = all).
-- Verification always reads the whole chain (both NULL).
SELECT seq, logged_at, action, actor, subject, details, prev_hash, hash
FROM audit_log
WHERE ($subject IS NULL OR subject = $subject)
  AND ($action IS NULL OR action = $action)
ORDER BY seq;
