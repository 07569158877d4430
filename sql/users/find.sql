-- @produces: one account by name with its password hash and state (at most one row); for sign-in and account changes
-- @params: $username VARCHAR
SELECT username, role, province_code, password_hash, disabled, must_change_password FROM users WHERE username = $username;
