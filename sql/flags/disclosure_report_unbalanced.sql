-- @rule: disclosure_report_unbalanced
-- @version: 1
-- @source: disclosure_annual_reports
-- @fires: a published 政府信息公开工作年度报告 fails the template's own arithmetic (勾稽关系: 第一项加第二项之和等于第三项加
--         第四项之和; rows adding up to （七）总计; 总计 columns; section 四's totals) or lacks a row of its table. The
--         report is loaded as published and marked, never corrected; the failure is a finding about the publisher
-- @severity: low
INSERT INTO flag_candidates BY NAME
SELECT
  'disclosure_report_unbalanced' AS rule_id, 1 AS rule_version, r.region_code, CAST(r.year AS INTEGER) AS year,
  'disclosure_annual_reports.balanced' AS detail_key, 'low' AS severity,
  json_object('year', r.year, 'publisher', r.publisher, 'failures', r.balance_failures, 'received_new', r.received_new,
    'carried_over', r.carried_over, 'handled_total', r.handled_total, 'carried_forward', r.carried_forward) AS numbers,
  1 AS evidence_count,
  [{'dataset': 'disclosure_annual_reports', 'record_id': r.region_code || '|' || r.year || '|' || r.publisher, 'load_id': r._load_id, 'line': r._line}] AS evidence
FROM disclosure_annual_reports AS r
WHERE NOT r.balanced;
