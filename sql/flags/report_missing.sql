-- @rule: report_missing
-- @version: 1
-- @source: indicator_values (report.submitted_on_time), annual_reports, regions
-- @fires: a designated region has no annual report for year Y after 31 January of Y + 1 (section 四(一))
-- @severity: high
INSERT INTO flag_candidates BY NAME
SELECT
  'report_missing' AS rule_id, 1 AS rule_version, v.region_code, v.year, '' AS detail_key, 'high' AS severity,
  printf('%d年度法治政府建设年度报告未报送：应于%d年1月31日前报送，截至数据日期%s仍无报告', v.year, v.year + 1, strftime(c.as_of, '%Y-%m-%d')) AS message_zh,
  json_object('due_on', make_date(v.year + 1, 1, 31), 'as_of', c.as_of) AS numbers,
  0 AS evidence_count,
  [] AS evidence
FROM indicator_values AS v
CROSS JOIN refresh_context AS c
WHERE v.run_id = c.run_id AND v.metric_id = 'report.submitted_on_time' AND v.status = 'not_met'
  AND NOT EXISTS (SELECT 1 FROM annual_reports AS a WHERE a.region_code = v.region_code AND a.report_year = v.year);
