-- @produces: the flag a triage decision is about (by id or unique id prefix), with its evidence fingerprint and any
-- decision already taken
-- @params: $flag_id VARCHAR (full id or prefix)
SELECT f.flag_id, f.rule_id, f.region_code, f.year, f.detail_key, f.status, f.severity, f.numbers,
  flag_evidence_hash(f.numbers, f.evidence_count) AS evidence_hash,
  t.decision AS previous_decision
FROM flags AS f
LEFT JOIN flag_triage AS t ON t.flag_id = f.flag_id
WHERE f.flag_id LIKE $flag_id || '%'
ORDER BY f.flag_id
LIMIT 2;
