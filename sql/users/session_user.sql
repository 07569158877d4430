-- @produces: the enabled user behind an unexpired session, with the session's CSRF token
-- @params: $session_hash VARCHAR
SELECT u.username, u.role, u.province_code, s.csrf_token
FROM sessions AS s
JOIN users AS u ON u.username = s.username
WHERE s.session_hash = $session_hash AND s.expires_at > current_localtimestamp() AND NOT u.disabled;
