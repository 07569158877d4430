-- @produces: an account's new password hash (an admin's reset)
-- @params: $username VARCHAR, $password_hash VARCHAR
UPDATE users SET password_hash = $password_hash WHERE username = $username;
