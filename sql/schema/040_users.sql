-- @produces: users, sessions
-- Accounts of the server (pipeline/users/README in pipeline/api/README.md). Roles: admin (manages users),
-- central (all regions; draws, watchlist, uploads), provincial (read-only, its own province_code only).
-- Passwords are scrypt hashes with a per-user salt; sessions are random 32-byte ids stored only as their sha256,
-- each with its CSRF token and an expiry. Accounts are disabled, never deleted, so audit entries keep their actor.

CREATE TABLE IF NOT EXISTS users (
  username       VARCHAR PRIMARY KEY,
  role           VARCHAR NOT NULL,      -- admin | central | provincial
  province_code  VARCHAR,               -- 6 digits ending 0000 for provincial, NULL otherwise
  password_hash  VARCHAR NOT NULL,      -- scrypt$N$r$p$salt_hex$hash_hex
  disabled       BOOLEAN NOT NULL DEFAULT false,
  created_at     TIMESTAMP NOT NULL DEFAULT current_localtimestamp(),
  last_login_at  TIMESTAMP
);

CREATE TABLE IF NOT EXISTS sessions (
  session_hash  VARCHAR PRIMARY KEY,    -- sha256 hex of the cookie value; the value itself is never stored
  username      VARCHAR NOT NULL,
  csrf_token    VARCHAR NOT NULL,
  created_at    TIMESTAMP NOT NULL DEFAULT current_localtimestamp(),
  expires_at    TIMESTAMP NOT NULL
);
