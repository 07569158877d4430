-- @produces: every live session of one account ended, marked with why (after a password reset, a province change or
-- disabling); the rows stay until they expire so their holders can be told (users/session_end.sql)
-- @params: $username VARCHAR, $reason VARCHAR (password_reset | province_changed | account_disabled)
UPDATE sessions SET ended_reason = $reason WHERE username = $username AND ended_reason IS NULL;
