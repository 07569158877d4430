-- @produces: a session, stored by the SHA-256 of its id (the id itself is only in the browser's cookie)
-- @params: $session_hash VARCHAR, $username VARCHAR, $csrf_token VARCHAR, $hours INTEGER (lifetime)
INSERT INTO sessions (session_hash, username, csrf_token, expires_at)
VALUES ($session_hash, $username, $csrf_token, current_localtimestamp() + to_hours(CAST($hours AS INTEGER)));
