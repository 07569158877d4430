-- @produces: why a session that once existed no longer lets its holder in: the change that ended it, its account
-- disabled, or its expiry; no row for a session id that names no session (made up, signed out, or purged)
-- @params: $session_hash VARCHAR
SELECT coalesce(s.ended_reason, CASE WHEN u.disabled IS NOT false THEN 'account_disabled' ELSE 'expired' END) AS reason
FROM sessions AS s
LEFT JOIN users AS u ON u.username = s.username
WHERE s.session_hash = $session_hash
  AND (s.ended_reason IS NOT NULL OR s.expires_at <= current_localtimestamp() OR u.disabled IS NOT false);
