-- @rule: conformance_below_bar
-- @version: 2
-- @source: scorecard, regions
-- @fires: a designated region, in its designation term (from its batch year), meets fewer than 90% of the seed
--         indicators (Nos.) it was assessed on — 二(一) "90%以上指标", inclusive; a No. is met when all its metrics
--         are met. No verdict in a year not yet complete. The bar is the comprehensive designation's, so the flag is
--         high for comprehensive and medium for single designations
-- @severity: high | medium
INSERT INTO flag_candidates BY NAME
SELECT
  'conformance_below_bar' AS rule_id, 2 AS rule_version, s.region_code, s.year, '' AS detail_key,
  CASE WHEN g.designation = 'comprehensive' THEN 'high' ELSE 'medium' END AS severity,
  json_object('year', s.year, 'items_met', s.items_met, 'items_assessed', s.items_assessed, 'conformance', s.conformance, 'bar', s.bar,
    'metrics_met', s.metrics_met, 'metrics_assessed', s.metrics_assessed, 'designation', g.designation,
    'provisional', s.provisional) AS numbers,
  s.items_assessed - s.items_met AS evidence_count,
  [{'dataset': 'regions', 'record_id': g.region_code, 'load_id': g._load_id, 'line': g._line}] AS evidence
FROM scorecard AS s
JOIN regions AS g ON g.region_code = s.region_code
CROSS JOIN refresh_context AS c
WHERE s.run_id = c.run_id AND g.designation <> 'none' AND s.year >= g.batch AND s.meets_bar = false;
