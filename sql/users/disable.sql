-- @produces: the account marked disabled (its sessions are ended by end_sessions.sql in the same transaction)
-- @params: $username VARCHAR
UPDATE users SET disabled = true WHERE username = $username;
