-- @produces: one session ended (sign-out)
-- @params: $session_hash VARCHAR
DELETE FROM sessions WHERE session_hash = $session_hash;
