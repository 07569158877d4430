-- @produces: whether the account's owner is asked to choose a new password at the next login (true: someone else set it)
-- @params: $username VARCHAR, $must_change BOOLEAN
UPDATE users SET must_change_password = $must_change WHERE username = $username;
