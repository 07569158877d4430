-- @produces: every live session of one account ended but the one making the change (after the owner changed the
-- password), marked password_changed
-- @params: $username VARCHAR, $session_hash VARCHAR
UPDATE sessions SET ended_reason = 'password_changed'
WHERE username = $username AND session_hash <> $session_hash AND ended_reason IS NULL;
