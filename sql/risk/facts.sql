-- @produces: what the risk queue scores, one row per active flag and open watchlist entry of $year in the regions of
-- $scope: codes and figures only (pipeline/risk/score.ts applies data/risk-weights.json; pipeline/vocabulary words
-- the reasons)
-- @params: $year INTEGER, $scope VARCHAR (designated | monitored), $province VARCHAR or NULL (the caller's province)
-- @source: regions, revocations, flags, flag_triage, funnel_limits, watchlist_entries
-- Designated scope: regions in their designation term in $year (macro in_designation_term, sql/macros/risk.sql). Monitored scope: every other region. For a flag: the same finding in the previous year
-- (persistence), the funnel position of its metric (a metric miss counts only beyond the 95% limit or repeated),
-- and whether an analyst dismissed it on the evidence it still has.
WITH scope AS (
  SELECT r.region_code, r.region_name, r.province_code,
    in_designation_term(r.designation, r.batch, r.region_code, $year) AS in_term
  FROM regions AS r
  WHERE $province IS NULL OR r.province_code = $province
),
regions_in AS (
  SELECT * FROM scope WHERE coalesce(in_term, false) = ($scope = 'designated')
)
SELECT
  'flag' AS source, f.flag_id AS source_id, s.region_code, s.region_name, f.year, f.rule_id, f.detail_key, f.severity,
  f.numbers, CAST(NULL AS VARCHAR) AS params,
  p.flag_id AS prev_flag_id,
  fl.position AS funnel_position, fl.unfavourable AS funnel_unfavourable, fl.p_value, fl.q_value,
  t.decision AS triage,
  coalesce(triage_state(t.decision, t.evidence_hash, f.numbers, f.evidence_count) = 'dismissed', false) AS dismissed,
  CAST(NULL AS INTEGER) AS ground, CAST(NULL AS VARCHAR) AS kind, CAST(NULL AS BOOLEAN) AS is_ground
FROM flags AS f
JOIN regions_in AS s ON s.region_code = f.region_code
LEFT JOIN flags AS p ON p.region_code = f.region_code AND p.rule_id = f.rule_id AND p.detail_key = f.detail_key
  AND p.year = f.year - 1 AND p.status = 'active'
LEFT JOIN funnel_limits AS fl ON fl.metric_id = f.detail_key AND fl.region_code = f.region_code AND fl.year = f.year
LEFT JOIN flag_triage AS t ON t.flag_id = f.flag_id
WHERE f.year = $year AND f.status = 'active'
UNION ALL
SELECT
  'watchlist', w.entry_id, s.region_code, s.region_name, w.year, 'watchlist', w.kind, NULL,
  NULL, w.params,
  NULL, NULL, NULL, NULL, NULL, NULL, false,
  w.ground, w.kind, w.is_ground
FROM watchlist_entries AS w
JOIN regions_in AS s ON s.region_code = w.region_code
WHERE coalesce(w.year, year(w.created_at)) = $year AND w.status NOT IN ('cleared', 'revoked')
  AND (w.origin <> 'refresh' OR w.source_active)
ORDER BY 3, 1, 6, 7, 2;
