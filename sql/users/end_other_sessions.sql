-- @produces: every session of one account ended but the one making the change (after the owner changed the password)
-- @params: $username VARCHAR, $session_hash VARCHAR
DELETE FROM sessions WHERE username = $username AND session_hash <> $session_hash;
