-- @rule: metric_not_met
-- @version: 1
-- @source: indicator_values, indicator_thresholds, metric_results (evidence)
-- @fires: any metric not met in a region-year (report.submitted_on_time is left to report_missing / report_late,
--         which say more); provisional values say so in the message
-- @severity: medium
INSERT INTO flag_candidates BY NAME
SELECT
  'metric_not_met' AS rule_id, 1 AS rule_version, v.region_code, v.year, v.metric_id AS detail_key, 'medium' AS severity,
  json_object('year', v.year, 'metric_id', v.metric_id, 'metric_name_zh', t.name_zh, 'unit', t.unit, 'threshold_note', t.threshold_note, 'indicator_no', v.indicator_no, 'value', v.value, 'numerator', v.numerator,
    'denominator', v.denominator, 'threshold', v.threshold, 'direction', v.direction, 'provisional', v.provisional,
    'system_version', v.system_version) AS numbers,
  v.evidence_count,
  coalesce([{'dataset': t.source, 'record_id': e.record_id, 'load_id': e.load_id, 'line': e.line} FOR e IN r.evidence], []) AS evidence
FROM indicator_values AS v
JOIN indicator_thresholds AS t ON t.version = v.system_version AND t.metric_id = v.metric_id
LEFT JOIN metric_results AS r ON r.metric_id = v.metric_id AND r.region_code = v.region_code AND r.year = v.year
CROSS JOIN refresh_context AS c
WHERE v.run_id = c.run_id AND v.status = 'not_met' AND v.metric_id <> 'report.submitted_on_time';
