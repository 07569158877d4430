-- @produces: one naming_decisions row
-- @params: $round_id, $region_code, $decision, $reason, $decided_on, $decided_by
INSERT INTO naming_decisions (round_id, region_code, decision, reason, decided_on, decided_at, decided_by)
VALUES ($round_id, $region_code, $decision, $reason, CAST($decided_on AS DATE), current_localtimestamp(), $decided_by);
