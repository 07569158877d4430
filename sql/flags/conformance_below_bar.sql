-- @rule: conformance_below_bar
-- @version: 1
-- @source: scorecard, regions
-- @fires: a designated region (from its application year, batch − 1) meets no more than the bar (90%) of the
--         indicators it was assessed on; the bar is the comprehensive designation's (二(一)), so the flag is high for
--         comprehensive and medium for single designations
-- @severity: high | medium
INSERT INTO flag_candidates BY NAME
SELECT
  'conformance_below_bar' AS rule_id, 1 AS rule_version, s.region_code, s.year, '' AS detail_key,
  CASE WHEN g.designation = 'comprehensive' THEN 'high' ELSE 'medium' END AS severity,
  json_object('year', s.year, 'metrics_met', s.metrics_met, 'metrics_assessed', s.metrics_assessed, 'conformance', s.conformance, 'bar', s.bar,
    'designation', g.designation, 'provisional', s.provisional) AS numbers,
  s.metrics_assessed - s.metrics_met AS evidence_count,
  [{'dataset': 'regions', 'record_id': g.region_code, 'load_id': g._load_id, 'line': g._line}] AS evidence
FROM scorecard AS s
JOIN regions AS g ON g.region_code = s.region_code
CROSS JOIN refresh_context AS c
WHERE s.run_id = c.run_id AND g.designation <> 'none' AND s.year >= g.batch - 1 AND s.meets_bar = false;
