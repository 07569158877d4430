-- @produces: sessions.ended_reason: a session ended by a change to its account is kept, marked with why
-- (password_changed: its owner chose a new password elsewhere; password_reset; account_disabled; province_changed),
-- until its own expiry purges it, so the browser holding it can be told why it was logged out. A sign-out still
-- deletes its session: nothing is left to explain.
ALTER TABLE sessions ADD COLUMN ended_reason VARCHAR;
