-- @produces: the account's last sign-in time set to now
-- @params: $username VARCHAR
UPDATE users SET last_login_at = current_localtimestamp() WHERE username = $username;
