-- @produces: n = the number of enabled admin accounts (none on a fresh database: the first start creates one)
SELECT count(*) AS n FROM users WHERE role = 'admin' AND NOT disabled;
