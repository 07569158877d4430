-- @rule: report_missing
-- @version: 1
-- @source: indicator_values (report.submitted_on_time), annual_reports, regions
-- @fires: a designated region has no annual report for year Y after 31 January of Y + 1 (section 四(一))
-- @severity: high
INSERT INTO flag_candidates BY NAME
SELECT
  'report_missing' AS rule_id, 1 AS rule_version, v.region_code, v.year, '' AS detail_key, 'high' AS severity,
  json_object('year', v.year, 'due_on', make_date(v.year + 1, 1, 31), 'as_of', c.as_of) AS numbers,
  0 AS evidence_count,
  [] AS evidence
FROM indicator_values AS v
CROSS JOIN refresh_context AS c
WHERE v.run_id = c.run_id AND v.metric_id = 'report.submitted_on_time' AND v.status = 'not_met'
  AND NOT EXISTS (SELECT 1 FROM annual_reports AS a WHERE a.region_code = v.region_code AND a.report_year = v.year);
