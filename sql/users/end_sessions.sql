-- @produces: every session of one account ended
-- @params: $username VARCHAR
DELETE FROM sessions WHERE username = $username;
