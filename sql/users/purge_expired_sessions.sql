-- @produces: expired sessions removed (done at every sign-in, so the table holds live sessions only)
DELETE FROM sessions WHERE expires_at <= current_localtimestamp();
