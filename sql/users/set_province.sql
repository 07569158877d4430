-- @produces: a provincial account's province
-- @params: $username VARCHAR, $province_code VARCHAR
UPDATE users SET province_code = $province_code WHERE username = $username;
