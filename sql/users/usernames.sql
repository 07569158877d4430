-- @produces: every account name, enabled or not (a new default admin takes a name that is free)
SELECT username FROM users;
