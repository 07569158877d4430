-- @produces: a revocations row (摘牌) when a watchlist entry is revoked; the spot-check pool reads it
-- @params: $region_code, $revoked_on (YYYY-MM-DD), $reason, $ground, $by
INSERT INTO revocations (region_code, revoked_on, reason, ground, decided_by)
VALUES ($region_code, CAST($revoked_on AS DATE), $reason, $ground, $by)
ON CONFLICT (region_code, revoked_on) DO NOTHING;
