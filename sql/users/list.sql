-- @produces: every account (never the hash), with its number of live sessions
SELECT u.username, u.role, u.province_code, u.disabled,
       strftime(u.created_at, '%Y-%m-%d %H:%M:%S') AS created_at,
       strftime(u.last_login_at, '%Y-%m-%d %H:%M:%S') AS last_login_at,
       (SELECT count(*) FROM sessions AS s
        WHERE s.username = u.username AND s.expires_at > current_localtimestamp() AND s.ended_reason IS NULL) AS sessions
FROM users AS u
ORDER BY u.username;
