-- @produces: the account's password hash replaced (its sessions are ended by end_sessions.sql in the same transaction)
-- @params: $username VARCHAR, $password_hash VARCHAR
UPDATE users SET password_hash = $password_hash WHERE username = $username;
