-- @produces: an account disabled or enabled again
-- @params: $username VARCHAR, $disabled BOOLEAN
UPDATE users SET disabled = $disabled WHERE username = $username;
