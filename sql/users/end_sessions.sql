-- @produces: every session of one account ended (after a password reset, a province change or disabling)
-- @params: $username VARCHAR
DELETE FROM sessions WHERE username = $username;
