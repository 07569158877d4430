-- @rule: report_late
-- @version: 1
-- @source: indicator_values (report.submitted_on_time), annual_reports
-- @fires: the annual report on year Y was submitted after 31 January of Y + 1
-- @severity: medium
INSERT INTO flag_candidates BY NAME
SELECT
  'report_late' AS rule_id, 1 AS rule_version, v.region_code, v.year, '' AS detail_key, 'medium' AS severity,
  json_object('year', v.year, 'submitted_on', a.submitted_on, 'due_on', make_date(v.year + 1, 1, 31),
    'days_late', date_diff('day', make_date(v.year + 1, 1, 31), a.submitted_on)) AS numbers,
  1 AS evidence_count,
  [{'dataset': 'annual_reports', 'record_id': a.region_code || '|' || a.report_year, 'load_id': a._load_id, 'line': a._line}] AS evidence
FROM indicator_values AS v
JOIN annual_reports AS a ON a.region_code = v.region_code AND a.report_year = v.year
CROSS JOIN refresh_context AS c
WHERE v.run_id = c.run_id AND v.metric_id = 'report.submitted_on_time' AND v.status = 'not_met';
