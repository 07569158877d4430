-- @rule: disclosure_report_contradiction
-- @version: 1
-- @source: disclosure_annual_reports (section 二: 行政许可, 行政处罚, 行政强制 本年处理决定数量), enforcement_decisions
-- @fires: the licences, penalties or coercive measures a region government's published report says it decided in
--         the year differ from the case-level enforcement decisions loaded for the region and year by more than 10%
--         of the count and by at least 3 decisions. Compared: the report of the region's own government (publisher
--         ending in 人民政府), which states the region's figures; departments' reports cover only themselves. Only
--         regions that sent case-level decisions (in any year) are compared. A screening signal for possible false
--         materials (摘牌 ground 2) for an analyst to review, never a ground by itself
-- @severity: medium
INSERT INTO flag_candidates BY NAME
WITH counted AS (
  SELECT region_code, year(decided_on) AS year, action_type, count(*) AS n
  FROM enforcement_decisions WHERE action_type IN ('license', 'penalty', 'coercion') GROUP BY ALL
),
senders AS (SELECT DISTINCT region_code FROM enforcement_decisions),
stated AS (
  UNPIVOT (
    SELECT region_code, CAST(year AS INTEGER) AS year, publisher, _load_id, _line, licences AS license, penalties AS penalty,
           coercions AS coercion
    FROM disclosure_annual_reports WHERE publisher LIKE '%人民政府'
  )
  ON license, penalty, coercion INTO NAME action_type VALUE stated
),
compared AS (
  SELECT s.*, coalesce(c.n, 0) AS counted, s.stated - coalesce(c.n, 0) AS diff
  FROM stated AS s
  JOIN senders AS k ON k.region_code = s.region_code
  LEFT JOIN counted AS c ON c.region_code = s.region_code AND c.year = s.year AND c.action_type = s.action_type
  WHERE abs(s.stated - coalesce(c.n, 0)) > 0.10 * coalesce(c.n, 0) AND abs(s.stated - coalesce(c.n, 0)) >= 3
)
SELECT
  'disclosure_report_contradiction' AS rule_id, 1 AS rule_version, m.region_code, m.year,
  'disclosure_annual_reports.' || CASE m.action_type WHEN 'license' THEN 'licences' WHEN 'penalty' THEN 'penalties' ELSE 'coercions' END AS detail_key,
  'medium' AS severity,
  json_object('year', m.year, 'publisher', m.publisher, 'action_type', m.action_type, 'stated', m.stated, 'counted', m.counted, 'difference', m.diff) AS numbers,
  1 AS evidence_count,
  [{'dataset': 'disclosure_annual_reports', 'record_id': m.region_code || '|' || m.year || '|' || m.publisher, 'load_id': m._load_id, 'line': m._line}] AS evidence
FROM compared AS m;
