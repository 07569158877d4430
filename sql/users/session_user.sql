-- @produces: the enabled user behind an unexpired session, with the session's CSRF token and whether the owner is
-- asked to choose a new password
-- @params: $session_hash VARCHAR
SELECT u.username, u.role, u.province_code, s.csrf_token, u.must_change_password
FROM sessions AS s
JOIN users AS u ON u.username = s.username
WHERE s.session_hash = $session_hash AND s.expires_at > current_localtimestamp() AND s.ended_reason IS NULL
  AND NOT u.disabled;
