-- @produces: one account's role, province and whether it is disabled (no hash), for the admin changes
-- @params: $username VARCHAR
SELECT username, role, province_code, disabled FROM users WHERE username = $username;
