-- @produces: a new account (the caller checked that the name is free, inside the same transaction)
-- @params: $username VARCHAR, $role VARCHAR, $province_code VARCHAR (NULL unless provincial), $password_hash VARCHAR
INSERT INTO users (username, role, province_code, password_hash) VALUES ($username, $role, $province_code, $password_hash);
